#include "commandline.h"

#include "record/canonicalcontent.h"
#include "compare/cutovercheck.h"
#include "record/documentjson.h"
#include "record/documentloader.h"
#include "export/finalizedrecord.h"
#include "diff/htmldiff.h"
#include "base/jsonwriter.h"
#include "diff/linediff.h"
#include "record/linter.h"
#include "drafting/mirror.h"
#include "record/recordfacts.h"
#include "review/riskreview.h"
#include "diff/sidebysidediff.h"
#include "ledger/signoffrules.h"
#include "ledger/ledgerstore.h"
#include "export/finalizedexport.h"
#include "compare/comparereport.h"
#include "compare/structuralcompare.h"
#include "record/textkeys.h"
#include "diff/unifieddiff.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTimeZone>

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <thread>

namespace Countersign {

namespace {

enum ExitCode { Clean = 0, Findings = 1, Trouble = 2 };

void writeOut(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
}

void writeOut(const QString &text)
{
    writeOut(text.toUtf8());
}

void writeErr(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
}

// Ends a headless command that built a model. Freeing the model of a large record takes about a
// sixth of the run, and the process is ending anyway: release builds flush the output and leave the
// memory to the OS. Sanitizer builds free everything, so leak checks still cover the model.
int finish(int status)
{
#if !defined(__SANITIZE_ADDRESS__)
    std::fflush(stdout);
    std::fflush(stderr);
    std::_Exit(status);
#endif
    return status;
}

int usageError(const QString &message)
{
    writeErr(QStringLiteral("countersign: %1\nRun 'countersign --help' for usage.\n").arg(message));
    return Trouble;
}

int loadError(const Error &error)
{
    writeErr(QStringLiteral("countersign: %1\n").arg(error.toString()));
    return Trouble;
}

// Splits arguments into options (starting with "-") and operands; "--" ends the options.
struct Arguments
{
    QStringList options;
    QStringList operands;
};

Arguments split(const QStringList &arguments)
{
    Arguments out;
    bool operandsOnly = false;
    for (const QString &argument : arguments) {
        if (!operandsOnly && argument == u"--")
            operandsOnly = true;
        else if (!operandsOnly && argument.startsWith(u'-') && argument.size() > 1)
            out.options.append(argument);
        else
            out.operands.append(argument);
    }
    return out;
}

QString lines(int first, int last)
{
    return first == last ? QStringLiteral("line %1").arg(first)
                         : QStringLiteral("lines %1-%2").arg(first).arg(last);
}

void describeItems(QString &out, const QList<ListItem> &items, int depth)
{
    const QString indent(depth * 2 + 6, u' ');
    for (const ListItem &item : items) {
        out += indent + u"- ";
        if (item.hasLabel)
            out += item.label + u" = " + item.value;
        else
            out += item.text;
        if (!item.status.isEmpty())
            out += u"  [" + item.status.word + u']';
        out += QStringLiteral("  (line %1)\n").arg(item.firstLine);
        describeItems(out, item.children, depth + 1);
    }
}

QString describe(const Document &doc, const RecordFacts &facts)
{
    QString out;
    out += QStringLiteral(
        "%1\n  kind: %2, side: %3\n  title: %4 (line %5)\n  %6 lines, %7 line endings%8\n  digest: %9\n")
               .arg(doc.fileName, kindName(doc.kind), sideName(doc.side), doc.title)
               .arg(doc.titleLine)
               .arg(doc.source.lineCount())
               .arg(doc.source.lineEndingName(),
                   doc.source.hasBom() ? QStringLiteral(", byte-order mark") : QString(),
                   CanonicalContent::digest(doc.source.text()));
    for (const HeaderField &field : doc.headerFields)
        out += QStringLiteral("  %1: %2 (line %3)\n").arg(field.key, field.value).arg(field.line);
    out += QStringLiteral("\nsections\n");
    for (const Section &section : doc.sections) {
        out += QStringLiteral("  %1 %2  (%3)\n")
                   .arg(QString(section.level, u'#'), section.heading,
                       lines(section.firstLine, section.lastLine));
        for (const Block &block : section.blocks) {
            out += QStringLiteral("    %1, %2\n")
                       .arg(blockTypeName(block.kind), lines(block.firstLine, block.lastLine));
            describeItems(out, block.items, 0);
            for (const TableRow &row : block.rows) {
                QStringList cells;
                for (const TableCell &cell : row.cells)
                    cells.append(cell.text);
                out += QStringLiteral("      | %1 |  (line %2)\n").arg(cells.join(u" | ")).arg(row.line);
            }
        }
    }
    auto fields = [&out](const QString &title, const QList<FactField> &list) {
        if (list.isEmpty())
            return;
        out += QStringLiteral("  %1\n").arg(title);
        for (const FactField &field : list)
            out += QStringLiteral("    %1: %2  (line %3)\n").arg(field.key, field.value).arg(field.line);
    };
    out += QStringLiteral("\nfacts\n");
    fields(QStringLiteral("runtime target"), facts.runtimeTarget);
    fields(QStringLiteral("outcomes"), facts.outcomes);
    fields(QStringLiteral("named roles"), facts.roles);
    fields(QStringLiteral("phase status"), facts.phases);
    if (!facts.decisionInputs.isEmpty()) {
        out += QStringLiteral("  decision inputs\n");
        for (const DecisionInput &input : facts.decisionInputs)
            out += QStringLiteral("    %1: %2  (line %3)\n")
                       .arg(input.label, input.paths.join(u", "))
                       .arg(input.line);
    }
    if (!facts.gates.isEmpty()) {
        out += QStringLiteral("  gates\n");
        for (const GateResult &gate : facts.gates)
            out += QStringLiteral("    %1: %2  (line %3)\n").arg(gate.gate, gate.status.word).arg(gate.line);
    }
    return out;
}

// `diff` options, parsed the way GNU diff spells them.
struct DiffArguments
{
    DiffOptions options;
    int context = 3;
    bool brief = false;
    QString html;
    QStringList files;
};

std::optional<QString> parseDiffArguments(const QStringList &arguments, DiffArguments &out)
{
    bool operandsOnly = false;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        auto value = [&](QStringView name) -> std::optional<QString> {
            if (argument.startsWith(name + u'=') && name.startsWith(u"--"))
                return argument.mid(name.size() + 1);
            if (argument.size() > name.size() && !name.startsWith(u"--"))
                return argument.mid(name.size()); // -U5
            if (++i < arguments.size())
                return arguments.at(i);
            return std::nullopt;
        };
        if (operandsOnly || argument == u"-" || !argument.startsWith(u'-')) {
            out.files.append(argument);
        } else if (argument == u"--") {
            operandsOnly = true;
        } else if (argument == u"-u") {
            // the unified format is the only one
        } else if (argument.startsWith(u"-U") || argument.startsWith(u"--unified")) {
            const std::optional<QString> text = value(argument.startsWith(u"-U") ? u"-U" : u"--unified");
            bool ok = false;
            const int lines = text ? text->toInt(&ok) : -1;
            if (!ok || lines < 0)
                return QStringLiteral("diff: -U needs a number of context lines (0 or more)");
            out.context = lines;
        } else if (argument == u"-b" || argument == u"--ignore-space" ||
            argument == u"--ignore-space-change") {
            out.options.whitespace = DiffOptions::Whitespace::IgnoreChanges;
        } else if (argument == u"-w" || argument == u"--ignore-all-space") {
            out.options.whitespace = DiffOptions::Whitespace::IgnoreAll;
        } else if (argument == u"-B" || argument == u"--ignore-blank-lines") {
            out.options.ignoreBlankLines = true;
        } else if (argument == u"-i" || argument == u"--ignore-case") {
            out.options.ignoreCase = true;
        } else if (argument == u"-q" || argument == u"--brief") {
            out.brief = true;
        } else if (argument.startsWith(u"--html")) {
            const std::optional<QString> file = value(u"--html");
            if (!file || file->isEmpty())
                return QStringLiteral("diff: --html needs an output file name");
            out.html = *file;
        } else {
            return QStringLiteral("diff: unknown option '%1'").arg(argument);
        }
    }
    if (out.files.size() != 2)
        return QStringLiteral("diff takes two files, LEFT and RIGHT");
    return std::nullopt;
}

// "name<TAB>2026-02-08 14:03:07.123000000 +0100", the header diff -u writes.
QString diffLabel(const QString &path)
{
    const QDateTime modified = QFileInfo(path).lastModified(QTimeZone::LocalTime);
    const int offset = modified.offsetFromUtc() / 60;
    const QString sign = offset < 0 ? QStringLiteral("-") : QStringLiteral("+");
    return path + u'\t' + modified.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")) + u"000000 " + sign +
        QStringLiteral("%1%2")
            .arg(std::abs(offset) / 60, 2, 10, QLatin1Char('0'))
            .arg(std::abs(offset) % 60, 2, 10, QLatin1Char('0'));
}

Result<DiffText> readDiffText(const QString &path)
{
    Result<QByteArray> bytes = DocumentLoader::readDiffInput(path);
    if (!bytes)
        return bytes.error();
    return DiffText(std::move(bytes.value()));
}

int runDiff(const QStringList &arguments)
{
    DiffArguments args;
    if (const std::optional<QString> problem = parseDiffArguments(arguments, args))
        return usageError(*problem);
    // Reading, checking and splitting a file is independent of the other file: do the left one on
    // a second thread.
    std::optional<Result<DiffText>> leftText;
    std::thread leftReader([&] { leftText = readDiffText(args.files.at(0)); });
    const Result<DiffText> rightText = readDiffText(args.files.at(1));
    leftReader.join();
    if (!*leftText)
        return loadError(leftText->error());
    if (!rightText)
        return loadError(rightText.error());
    const DiffText &left = leftText->value();
    const DiffText &right = rightText.value();
    const LineDiffResult diff = LineDiff::compute(left, right, args.options);
    const int status = diff.isIdentical() ? Clean : Findings;

    if (!args.html.isEmpty()) {
        const std::optional<QList<DiffHunk>> hunks = SideBySideDiff::build(left, right, diff, args.context);
        QSaveFile page(args.html);
        if (!page.open(QIODevice::WriteOnly) ||
            !HtmlDiff::write(&page, left, right, *hunks, args.files.at(0), args.files.at(1)) ||
            !page.commit()) {
            writeErr(QStringLiteral("countersign: %1: cannot write the HTML page: %2\n")
                         .arg(args.html, page.errorString()));
            return finish(Trouble);
        }
    }
    if (args.brief) {
        if (status == Findings)
            writeOut(QStringLiteral("Files %1 and %2 differ\n").arg(args.files.at(0), args.files.at(1)));
        return finish(status);
    }
    QFile out;
    std::fflush(stdout);
    if (!out.open(stdout, QIODevice::WriteOnly) ||
        !UnifiedDiff::write(&out, left, right, diff, args.context,
            {diffLabel(args.files.at(0)), diffLabel(args.files.at(1))})) {
        writeErr(QStringLiteral("countersign: cannot write the diff: %1\n").arg(out.errorString()));
        return finish(Trouble);
    }
    out.flush();
    return finish(status);
}

int runShow(const QStringList &arguments)
{
    const Arguments args = split(arguments);
    bool json = false;
    bool pretty = false;
    for (const QString &option : args.options) {
        if (option == u"--json")
            json = true;
        else if (option == u"--pretty")
            pretty = true;
        else
            return usageError(QStringLiteral("show: unknown option '%1'").arg(option));
    }
    if (args.operands.size() != 1)
        return usageError(QStringLiteral("show takes exactly one FILE"));
    if (pretty && !json)
        return usageError(QStringLiteral("show: --pretty goes with --json"));
    const Result<Document> doc = DocumentLoader::load(args.operands.first());
    if (!doc)
        return loadError(doc.error());
    const RecordFacts facts = RecordFacts::extract(doc.value());
    if (json) {
        QFile out;
        std::fflush(stdout);
        if (!out.open(stdout, QIODevice::WriteOnly) ||
            !DocumentJson::write(doc.value(), facts, &out,
                pretty ? JsonWriter::Style::Indented : JsonWriter::Style::Compact)) {
            writeErr(
                QStringLiteral("countersign: cannot write the JSON output: %1\n").arg(out.errorString()));
            return Trouble;
        }
    } else {
        writeOut(describe(doc.value(), facts));
    }
    return finish(Clean);
}

int runLint(const QStringList &arguments)
{
    const Arguments args = split(arguments);
    if (!args.options.isEmpty())
        return usageError(QStringLiteral("lint: unknown option '%1'").arg(args.options.first()));
    if (args.operands.isEmpty())
        return usageError(QStringLiteral("lint needs at least one FILE"));
    int status = Clean;
    for (const QString &path : args.operands) {
        const Result<Document> doc = DocumentLoader::load(path);
        if (!doc) {
            status = loadError(doc.error());
            continue;
        }
        const QList<LintFinding> findings = Linter::lint(doc.value());
        for (const LintFinding &finding : findings)
            writeOut(finding.toString() + u'\n');
        if (findings.isEmpty())
            writeOut(QStringLiteral("%1: no findings (%2)\n").arg(path, kindName(doc->kind)));
        else if (status == Clean)
            status = Findings;
    }
    return finish(status);
}

int runDigest(const QStringList &arguments)
{
    const Arguments args = split(arguments);
    if (!args.options.isEmpty())
        return usageError(QStringLiteral("digest: unknown option '%1'").arg(args.options.first()));
    if (args.operands.isEmpty())
        return usageError(QStringLiteral("digest needs at least one FILE"));
    int status = Clean;
    for (const QString &path : args.operands) {
        const Result<SourceText> source = DocumentLoader::readText(path);
        if (!source) {
            status = loadError(source.error());
            continue;
        }
        writeOut(QStringLiteral("%1  %2\n").arg(CanonicalContent::digest(source->text()), path));
    }
    return status;
}

// Reads the --json option of compare and check; anything else is a usage error.
std::optional<bool> jsonOption(const QString &command, const Arguments &args)
{
    bool json = false;
    for (const QString &option : args.options) {
        if (option != u"--json") {
            usageError(QStringLiteral("%1: unknown option '%2'").arg(command, option));
            return std::nullopt;
        }
        json = true;
    }
    return json;
}

int runCompare(const QStringList &arguments)
{
    const Arguments args = split(arguments);
    const std::optional<bool> json = jsonOption(QStringLiteral("compare"), args);
    if (!json)
        return Trouble;
    if (args.operands.size() != 2)
        return usageError(QStringLiteral("compare takes exactly two files, LEFT and RIGHT"));
    const Result<Document> left = DocumentLoader::load(args.operands.at(0));
    if (!left)
        return loadError(left.error());
    const Result<Document> right = DocumentLoader::load(args.operands.at(1));
    if (!right)
        return loadError(right.error());
    const QList<CompareFinding> findings = StructuralCompare::compare(left.value(), right.value());
    writeOut(*json ? CompareReport::toJson(left.value(), right.value(), findings)
                   : CompareReport::toText(left.value(), right.value(), findings).toUtf8());
    return finish(CompareSummary::of(findings).isAligned() ? Clean : Findings);
}

int runCheck(const QStringList &arguments)
{
    const Arguments args = split(arguments);
    const std::optional<bool> json = jsonOption(QStringLiteral("check"), args);
    if (!json)
        return Trouble;
    if (args.operands.isEmpty())
        return usageError(QStringLiteral("check needs at least one file or folder"));
    const CutoverCheck check = CutoverCheck::run(args.operands);
    for (const Error &error : check.errors())
        loadError(error);
    writeOut(*json ? check.toJson() : check.toText().toUtf8());
    return finish(check.exitCode());
}

// Options that take a value ("--role R" or "--role=R") and flags, for the sign-off commands.
struct Options
{
    QHash<QString, QString> values;
    QStringList flags;
    QStringList operands;
    QString error;
};

Options parseOptions(const QStringList &arguments, const QStringList &valued, const QStringList &flags)
{
    Options out;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (!argument.startsWith(u'-') || argument.size() == 1) {
            out.operands.append(argument);
            continue;
        }
        const qsizetype equals = argument.indexOf(u'=');
        const QString name = equals < 0 ? argument : argument.left(equals);
        if (valued.contains(name)) {
            if (equals >= 0)
                out.values.insert(name, argument.mid(equals + 1));
            else if (i + 1 < arguments.size())
                out.values.insert(name, arguments.at(++i));
            else
                out.error = QStringLiteral("%1 needs a value").arg(name);
        } else if (flags.contains(argument)) {
            out.flags.append(argument);
        } else {
            out.error = QStringLiteral("unknown option '%1'").arg(argument);
        }
    }
    return out;
}

// Parses a sign-off command's arguments: options that take a value, flags, and exactly one operand
// (`operand` names it in the message). Reports bad usage itself and returns nothing then.
std::optional<Options> parseCommand(const QString &command, const QStringList &arguments,
    const QStringList &valued, const QStringList &flags, const QString &operand)
{
    Options options = parseOptions(arguments, valued, flags);
    if (!options.error.isEmpty()) {
        usageError(QStringLiteral("%1: %2").arg(command, options.error));
        return std::nullopt;
    }
    if (options.operands.size() != 1) {
        usageError(QStringLiteral("%1 takes exactly one %2").arg(command, operand));
        return std::nullopt;
    }
    return options;
}

// The export command's options: `countersign export RECORD [-o OUT] [--pdf] [--allow-open] [--db PATH]`.
const QStringList exportValued{QStringLiteral("-o"), QStringLiteral("--output"), QStringLiteral("--db")};
const QStringList exportFlags{QStringLiteral("--allow-open"), QStringLiteral("--pdf")};

// The ledger named by --db, else the one chosen in the window's settings, else the default one.
Result<std::unique_ptr<LedgerStore>> openLedger(const Options &options)
{
    return LedgerStore::open(options.values.value(QStringLiteral("--db"), LedgerStore::configuredLocation()));
}

// A record with its ledger and the ledger's entries for it: what signoff, status and export start
// from.
struct SignedRecord
{
    Document record;
    std::unique_ptr<LedgerStore> ledger;
    QList<SignOffEntry> entries;
};

Result<SignedRecord> loadSigned(const QString &path, const Options &options)
{
    Result<Document> record = DocumentLoader::load(path);
    if (!record)
        return record.error();
    Result<std::unique_ptr<LedgerStore>> ledger = openLedger(options);
    if (!ledger)
        return ledger.error();
    const Result<QList<SignOffEntry>> entries =
        ledger.value()->entries(SignOffEntry::identityOf(record->fileName));
    if (!entries)
        return entries.error();
    return SignedRecord{std::move(record).value(), std::move(ledger).value(), entries.value()};
}

// The review of a loaded record: its items (RiskReview::load, whose warnings go to stderr) with the
// decisions of the ledger that stand for them.
void writeWarnings(const QStringList &warnings)
{
    for (const QString &warning : warnings)
        writeErr(QStringLiteral("countersign: warning: %1\n").arg(warning));
}

Result<QList<ReviewedItem>> reviewOf(const SignedRecord &loaded)
{
    QStringList warnings;
    Result<QList<ReviewedItem>> review = RiskReview::reviewed(loaded.record, *loaded.ledger, &warnings);
    writeWarnings(warnings);
    return review;
}

int runSignOff(const QStringList &arguments)
{
    const std::optional<Options> parsed = parseCommand(QStringLiteral("signoff"), arguments,
        {QStringLiteral("--role"), QStringLiteral("--signer"), QStringLiteral("--comment"),
            QStringLiteral("--db")},
        {QStringLiteral("--approve"), QStringLiteral("--reject"), QStringLiteral("--withdraw")},
        QStringLiteral("RECORD"));
    if (!parsed)
        return Trouble;
    const Options &options = *parsed;
    if (options.flags.size() != 1)
        return usageError(QStringLiteral("signoff needs exactly one of --approve, --reject, --withdraw"));
    for (const QString &required : {QStringLiteral("--role"), QStringLiteral("--signer")}) {
        if (options.values.value(required).trimmed().isEmpty())
            return usageError(QStringLiteral("signoff needs %1").arg(required));
    }
    Result<SignedRecord> loaded = loadSigned(options.operands.first(), options);
    if (!loaded)
        return loadError(loaded.error());
    const Document &record = loaded->record;
    SignOffEntry entry = SignOffEntry::now(record, options.values.value(QStringLiteral("--role")),
        options.values.value(QStringLiteral("--signer")), *decisionFromName(options.flags.first().mid(2)),
        options.values.value(QStringLiteral("--comment")));
    // The role as the record spells it.
    for (const FactField &role : SignOffRules::roles(RecordFacts::extract(record))) {
        if (TextKeys::normalizedKey(role.key) == TextKeys::normalizedKey(entry.role))
            entry.role = role.key;
    }
    if (const std::optional<Error> refused = SignOffRules::check(record, loaded->entries, entry)) {
        writeErr(QStringLiteral("countersign: %1: refused: %2\n").arg(refused->file, refused->message));
        return Findings;
    }
    const Result<SignOffEntry> stored = loaded->ledger->append(entry);
    if (!stored)
        return loadError(stored.error());
    writeOut(QStringLiteral("%1: %2 %3 by %4 (ledger entry %5, content digest %6)\n")
                 .arg(record.fileName, stored->role,
                     stored->decision == SignOffDecision::Approve      ? QStringLiteral("approved")
                         : stored->decision == SignOffDecision::Reject ? QStringLiteral("rejected")
                                                                       : QStringLiteral("withdrawn"),
                     stored->signer)
                 .arg(stored->id)
                 .arg(stored->digest.left(12)));
    return Clean;
}

QString describeStatus(const SignOffStatus &status)
{
    QString out;
    for (const RoleSignOff &role : status.roles) {
        out += QStringLiteral("  %1 (%2): %3").arg(role.role, role.holder, roleStateName(role.state));
        if (role.latest) {
            out += QStringLiteral(" — %1 %2 at %3 on %4")
                       .arg(role.latest->signer, decisionName(role.latest->decision), role.latest->timeText(),
                           role.latest->digest.left(12));
            if (!role.latest->comment.isEmpty())
                out += QStringLiteral(": \"%1\"").arg(role.latest->comment);
        }
        out += u'\n';
    }
    for (const QString &problem : status.problems)
        out += QStringLiteral("  problem: %1\n").arg(problem);
    return out;
}

int runStatus(const QStringList &arguments)
{
    const std::optional<Options> parsed = parseCommand(
        QStringLiteral("status"), arguments, {QStringLiteral("--db")}, {}, QStringLiteral("RECORD"));
    if (!parsed)
        return Trouble;
    const Options &options = *parsed;
    const Result<SignedRecord> loaded = loadSigned(options.operands.first(), options);
    if (!loaded)
        return loadError(loaded.error());
    const Document &record = loaded->record;
    const SignOffStatus status = SignOffRules::evaluate(record, loaded->entries);
    QString out = QStringLiteral("%1: content digest %2\n").arg(record.fileName, status.digest);
    out += describeStatus(status);
    if (status.roles.isEmpty())
        out += QStringLiteral("Not final: the record names no roles (an Ownership section lists them).\n");
    else if (status.isFinal())
        out += QStringLiteral("Final: every role approved this content.\n");
    else
        out += QStringLiteral("Not final: %1.\n")
                   .arg((status.openRoles() + status.problems).join(QStringLiteral("; ")));
    writeOut(out);
    return status.isFinal() ? Clean : Findings;
}

// `export`, as markdown, or as a PDF written by `pdf` with --pdf.
int runExportCommand(const QStringList &arguments, const CommandLine::PdfWriter &pdf)
{
    const std::optional<Options> parsed = parseCommand(
        QStringLiteral("export"), arguments, exportValued, exportFlags, QStringLiteral("RECORD"));
    if (!parsed)
        return Trouble;
    const Options &options = *parsed;
    const QString output =
        options.values.value(QStringLiteral("-o"), options.values.value(QStringLiteral("--output")));
    const bool asPdf = options.flags.contains(QStringLiteral("--pdf"));
    if (asPdf && (output.isEmpty() || output == u"-"))
        return usageError(
            QStringLiteral("export --pdf needs -o OUT.pdf (a PDF is not written to standard output)"));
    if (asPdf && !pdf)
        return usageError(QStringLiteral("export --pdf needs the window module, which renders the PDF"));
    const Result<Document> record = DocumentLoader::load(options.operands.first());
    if (!record)
        return loadError(record.error());
    const Result<std::unique_ptr<LedgerStore>> ledger = openLedger(options);
    if (!ledger)
        return loadError(ledger.error());
    QStringList warnings;
    const Result<FinalizedExport::Built> exported = FinalizedExport::build(record.value(), ledger->get(),
        QDateTime::currentDateTimeUtc(), options.flags.contains(QStringLiteral("--allow-open")), &warnings);
    writeWarnings(warnings);
    if (!exported && exported.error().code == Error::Code::Refused) {
        writeErr(QStringLiteral("countersign: %1: %2 (--allow-open exports it with a NOT FINAL banner)\n")
                     .arg(exported.error().file, exported.error().message));
        return Findings;
    }
    if (!exported)
        return loadError(exported.error());
    if (output.isEmpty() || output == u"-") {
        writeOut(exported->markdown);
        return Clean;
    }
    if (const std::optional<Error> failed = FinalizedExport::write(
            exported.value(), record->fileName, output, asPdf ? pdf : FinalizedExport::PdfWriter()))
        return loadError(*failed);
    writeOut(QStringLiteral("%1: exported %2 (%3)\n")
                 .arg(output, record->fileName,
                     exported->status.isFinal() ? QStringLiteral("final")
                                                : QStringLiteral("NOT FINAL: open sign-offs")));
    return Clean;
}

int runVerify(const QStringList &arguments)
{
    const std::optional<Options> parsed = parseCommand(
        QStringLiteral("verify"), arguments, {QStringLiteral("--db")}, {}, QStringLiteral("exported record"));
    if (!parsed)
        return Trouble;
    const Options &options = *parsed;
    const QString path = options.operands.first();
    const Result<SourceText> source = DocumentLoader::readText(path);
    if (!source)
        return loadError(source.error());
    Result<FinalizedRecord::Verification> verification = FinalizedRecord::verify(source->text(), path);
    if (!verification)
        return loadError(verification.error());
    if (options.values.contains(QStringLiteral("--db"))) {
        Result<std::unique_ptr<LedgerStore>> ledger = openLedger(options);
        if (!ledger)
            return loadError(ledger.error());
        const Result<QList<SignOffEntry>> entries = ledger.value()->entries();
        if (!entries)
            return loadError(entries.error());
        FinalizedRecord::checkAgainstLedger(verification.value(), entries.value());
        const Result<QList<RiskDecisionEntry>> decisions = ledger.value()->riskDecisions();
        if (!decisions)
            return loadError(decisions.error());
        FinalizedRecord::checkReviewAgainstLedger(verification.value(), decisions.value());
    }
    if (!verification->isValid()) {
        QString out = QStringLiteral("countersign: %1: tampered:\n").arg(path);
        for (const QString &problem : verification->problems)
            out += QStringLiteral("  %1\n").arg(problem);
        writeErr(out);
        return Findings;
    }
    writeOut(
        QStringLiteral("%1: valid: content digest %2, %3 sign-off rows%4%5\n")
            .arg(path, verification->contentDigest)
            .arg(verification->rows.size())
            .arg(verification->hasReview ? QStringLiteral(", %1 review rows").arg(verification->review.size())
                                         : QString())
            .arg(verification->final ? QString()
                                     : QStringLiteral(" (exported NOT FINAL, with open sign-offs)")));
    return Clean;
}

int runMirror(const QStringList &arguments)
{
    const std::optional<Options> parsed =
        parseCommand(QStringLiteral("mirror"), arguments, {QStringLiteral("-o"), QStringLiteral("--output")},
            {QStringLiteral("--force")}, QStringLiteral("RECORD"));
    if (!parsed)
        return Trouble;
    const Options &options = *parsed;
    const Result<Document> record = DocumentLoader::load(options.operands.first());
    if (!record)
        return loadError(record.error());
    const Result<QString> mirror = Mirror::create(record.value());
    if (!mirror)
        return loadError(mirror.error());
    const QString output =
        options.values.value(QStringLiteral("-o"), options.values.value(QStringLiteral("--output")));
    if (output.isEmpty() || output == u"-") {
        writeOut(mirror.value());
        return Clean;
    }
    // A record is someone's work: never replaced by a draft unless asked to.
    if (QFileInfo::exists(output) && !options.flags.contains(QStringLiteral("--force"))) {
        writeErr(QStringLiteral("countersign: %1: exists; not replaced (--force replaces it)\n").arg(output));
        return Trouble;
    }
    if (const std::optional<Error> failed = DocumentLoader::writeFile(output, mirror.value().toUtf8()))
        return loadError(*failed);
    writeOut(
        QStringLiteral("%1: %2 of %3\n")
            .arg(output,
                record->kind == DocumentKind::DecisionRecord ? QStringLiteral("producer mirror")
                                                             : QStringLiteral("consumer decision record"),
                record->fileName));
    return Clean;
}

int runLedger(const QStringList &arguments)
{
    const std::optional<Options> parsed = parseCommand(
        QStringLiteral("ledger"), arguments, {QStringLiteral("--db")}, {}, QStringLiteral("action: verify"));
    if (!parsed)
        return Trouble;
    const Options &options = *parsed;
    if (options.operands.first() != u"verify")
        return usageError(QStringLiteral("ledger takes one action: verify"));
    Result<std::unique_ptr<LedgerStore>> ledger = openLedger(options);
    if (!ledger)
        return loadError(ledger.error());
    const Result<QList<SignOffEntry>> entries = ledger.value()->entries();
    if (!entries)
        return loadError(entries.error());
    const Result<QList<RiskDecisionEntry>> decisions = ledger.value()->riskDecisions();
    if (!decisions)
        return loadError(decisions.error());
    // Both chains are walked, so that a break in one does not hide a break in the other.
    QString broken;
    const auto report = [&](const QString &what, const std::optional<ChainBreak> &found) {
        if (found) {
            broken += QStringLiteral("countersign: %1: tampered: %2 %3: %4\n")
                          .arg(ledger.value()->location(), what)
                          .arg(found->id)
                          .arg(found->reason);
        }
    };
    report(QStringLiteral("entry"), LedgerStore::verifyChain(entries.value()));
    report(QStringLiteral("risk decision"), LedgerStore::verifyDecisionChain(decisions.value()));
    if (!broken.isEmpty()) {
        writeErr(broken);
        return Findings;
    }
    writeOut(QStringLiteral("%1: sign-offs: %2, risk decisions: %3; both hash chains are intact.\n")
                 .arg(ledger.value()->location())
                 .arg(entries->size())
                 .arg(decisions->size()));
    return Clean;
}

// "needs-action, owner Dana Levi, due 2026-03-21: "note" (Ana Ruiz at 2026-03-14T09:30:00.000Z)"
QString describeDecision(const RiskDecisionEntry &entry)
{
    QString out = riskDecisionName(entry.decision);
    if (!entry.owner.isEmpty())
        out += QStringLiteral(", owner %1").arg(entry.owner);
    if (entry.due.isValid())
        out += QStringLiteral(", due %1").arg(entry.dueText());
    if (!entry.note.isEmpty())
        out += QStringLiteral(": \"%1\"").arg(entry.note);
    return out + QStringLiteral(" (%1 at %2)").arg(entry.recordedBy, entry.timeText());
}

QString describeReview(const Document &record, const QList<ReviewedItem> &review)
{
    const QString digest = CanonicalContent::digest(record.source.text());
    if (review.isEmpty()) {
        return QStringLiteral("%1: nothing to review: the record lists no residual risks, and the checkpoint "
                              "packets its decision inputs name no open items.\n")
            .arg(record.fileName);
    }
    QString out = QStringLiteral("%1: residual risk review (content digest %2)\n")
                      .arg(record.fileName, digest.left(12));
    for (qsizetype i = 0; i < review.size(); ++i) {
        const ReviewedItem &reviewed = review.at(i);
        const ReviewItem &item = reviewed.item;
        out += QStringLiteral("%1. %2\n").arg(i + 1, 3).arg(item.text);
        out += QStringLiteral("     %1, line %2%3\n")
                   .arg(item.source == ReviewItem::Source::ResidualRisk
                           ? QStringLiteral("residual risk")
                           : QStringLiteral("open item of %1").arg(QFileInfo(item.origin).fileName()))
                   .arg(item.line)
                   .arg(item.carriedOver ? QStringLiteral("; carried over from the previous record")
                                         : QString());
        if (!reviewed.latest) {
            out += QStringLiteral("     open\n");
            continue;
        }
        out += QStringLiteral("     %1\n").arg(describeDecision(*reviewed.latest));
        if (reviewed.decidedOnEarlierVersion) {
            out += QStringLiteral("     decided on an earlier version of the record (content digest %1)\n")
                       .arg(reviewed.latest->recordDigest.left(12));
        }
    }
    return out + RiskReview::summaryText(review) + u'\n';
}

QByteArray reviewJson(const Document &record, const QList<ReviewedItem> &review)
{
    QByteArray out;
    JsonWriter json(&out, JsonWriter::Style::Compact);
    json.beginObject();
    json.field(u"schema", 1);
    json.field(u"file", record.fileName);
    json.field(u"digest", CanonicalContent::digest(record.source.text()));
    json.key(u"items");
    json.beginArray();
    for (qsizetype i = 0; i < review.size(); ++i) {
        const ReviewedItem &reviewed = review.at(i);
        json.beginObject();
        json.field(u"number", qint64(i + 1));
        json.field(u"key", reviewed.item.key);
        json.field(u"source", reviewSourceName(reviewed.item.source));
        json.field(u"text", reviewed.item.text);
        json.field(u"origin", reviewed.item.origin);
        json.field(u"line", reviewed.item.line);
        json.field(u"carriedOver", reviewed.item.carriedOver);
        json.key(u"decision");
        if (!reviewed.latest) {
            json.null();
        } else {
            const RiskDecisionEntry &entry = *reviewed.latest;
            json.beginObject();
            json.field(u"decision", riskDecisionName(entry.decision));
            json.field(u"owner", entry.owner);
            json.field(u"due", entry.dueText());
            json.field(u"note", entry.note);
            json.field(u"recordedBy", entry.recordedBy);
            json.field(u"time", entry.timeText());
            json.field(u"digest", entry.recordDigest);
            json.field(u"earlierVersion", reviewed.decidedOnEarlierVersion);
            json.field(u"entry", entry.id);
            json.endObject();
        }
        json.endObject();
    }
    json.endArray();
    const RiskSummary summary = RiskReview::summarize(review);
    json.key(u"summary");
    json.beginObject();
    json.field(u"total", summary.total());
    json.field(u"accepted", summary.accepted);
    json.field(u"mitigated", summary.mitigated);
    json.field(u"needsAction", summary.needsAction);
    json.field(u"open", summary.open);
    json.field(u"carriedOver", summary.carriedOver);
    json.endObject();
    json.endObject();
    out += '\n';
    return out;
}

// What `review RECORD --item N --decision D ...` asks to record, checked before anything is read.
struct DecisionRequest
{
    int item = 0; // 1-based, as `review RECORD` numbers the items
    RiskDecision decision = RiskDecision::Accepted;
    QDate due;
};

// Reports bad usage itself and returns nothing then.
std::optional<DecisionRequest> decisionRequest(const Options &options)
{
    const auto bad = [](const QString &message) -> std::optional<DecisionRequest> {
        usageError(QStringLiteral("review: ") + message);
        return std::nullopt;
    };
    if (options.flags.contains(QStringLiteral("--json")))
        return bad(QStringLiteral("--json lists the review; it does not go with --item"));
    for (const QString &required :
        {QStringLiteral("--item"), QStringLiteral("--decision"), QStringLiteral("--by")}) {
        if (options.values.value(required).trimmed().isEmpty())
            return bad(QStringLiteral("recording a decision needs %1").arg(required));
    }
    DecisionRequest request;
    bool isNumber = false;
    request.item = options.values.value(QStringLiteral("--item")).trimmed().toInt(&isNumber);
    if (!isNumber || request.item < 1) {
        return bad(QStringLiteral(
            "--item takes an item's number as 'countersign review RECORD' lists them, not '%1'")
                       .arg(options.values.value(QStringLiteral("--item"))));
    }
    const std::optional<RiskDecision> decision =
        riskDecisionFromName(options.values.value(QStringLiteral("--decision")).trimmed());
    if (!decision) {
        return bad(QStringLiteral("--decision takes accepted, mitigated or needs-action, not '%1'")
                       .arg(options.values.value(QStringLiteral("--decision"))));
    }
    request.decision = *decision;
    if (options.values.contains(QStringLiteral("--due"))) {
        static const QRegularExpression isoDate(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
        const QString text = options.values.value(QStringLiteral("--due")).trimmed();
        request.due = QDate::fromString(text, Qt::ISODate);
        if (!isoDate.match(text).hasMatch() || !request.due.isValid())
            return bad(QStringLiteral("--due takes a date as YYYY-MM-DD, not '%1'").arg(text));
    }
    return request;
}

int runReview(const QStringList &arguments)
{
    const QStringList deciding{QStringLiteral("--item"), QStringLiteral("--decision"),
        QStringLiteral("--owner"), QStringLiteral("--due"), QStringLiteral("--note"), QStringLiteral("--by")};
    const std::optional<Options> parsed = parseCommand(QStringLiteral("review"), arguments,
        deciding + QStringList{QStringLiteral("--db")}, {QStringLiteral("--json")}, QStringLiteral("RECORD"));
    if (!parsed)
        return Trouble;
    const Options &options = *parsed;
    const bool recording = std::any_of(deciding.cbegin(), deciding.cend(),
        [&options](const QString &option) { return options.values.contains(option); });
    std::optional<DecisionRequest> request;
    if (recording && !(request = decisionRequest(options)))
        return Trouble;

    const Result<SignedRecord> loaded = loadSigned(options.operands.first(), options);
    if (!loaded)
        return loadError(loaded.error());
    const Document &record = loaded->record;
    const Result<QList<ReviewedItem>> review = reviewOf(*loaded);
    if (!review)
        return loadError(review.error());
    if (!recording) {
        writeOut(options.flags.contains(QStringLiteral("--json"))
                ? reviewJson(record, review.value())
                : describeReview(record, review.value()).toUtf8());
        return Clean;
    }

    const auto refuse = [&record](const QString &why) {
        writeErr(QStringLiteral("countersign: %1: refused: %2\n").arg(record.fileName, why));
        return Findings;
    };
    const int number = request->item;
    if (number > review->size()) {
        return refuse(review->isEmpty()
                ? QStringLiteral("the record has nothing to review, so there is no item %1").arg(number)
                : QStringLiteral(
                      "the record has %1 items to review, so there is no item %2 ('countersign review "
                      "RECORD' lists them)")
                      .arg(review->size())
                      .arg(number));
    }
    const ReviewItem &item = review->at(number - 1).item;
    const RiskDecisionEntry entry = RiskDecisionEntry::now(record, item.key, item.text, request->decision,
        options.values.value(QStringLiteral("--owner")), request->due,
        options.values.value(QStringLiteral("--note")), options.values.value(QStringLiteral("--by")));
    if (const std::optional<Error> refused = RiskReview::check(entry)) {
        return refuse(refused->message +
            (entry.decision == RiskDecision::NeedsAction && (entry.owner.isEmpty() || !entry.due.isValid())
                    ? QStringLiteral(" (give --owner NAME and --due YYYY-MM-DD)")
                    : QString()));
    }
    const Result<RiskDecisionEntry> stored = loaded->ledger->appendRiskDecision(entry);
    if (!stored)
        return loadError(stored.error());
    writeOut(QStringLiteral("%1: item %2 \"%3\": %4; ledger risk decision %5, content digest %6\n")
                 .arg(record.fileName)
                 .arg(number)
                 .arg(item.text, describeDecision(stored.value()))
                 .arg(stored->id)
                 .arg(stored->recordDigest.left(12)));
    return Clean;
}

} // namespace

QString CommandLine::usage()
{
    return QStringLiteral(
        "Usage: countersign [COMMAND] [ARGS]\n"
        "\n"
        "Compare, sign off and export bilateral release cutover records.\n"
        "\n"
        "Commands:\n"
        "  open [LEFT [RIGHT]] [--screenshot OUT.png]\n"
        "                       open the window on two records (the default command);\n"
        "                       --screenshot saves a PNG of the window once loaded and exits\n"
        "  show FILE [--json [--pretty]]\n"
        "                       print the parsed model of a record; --json as one line of\n"
        "                       JSON (schema: README), --pretty indented\n"
        "  diff LEFT RIGHT [-U N] [-b] [-w] [-B] [-i] [-q] [--html OUT.html]\n"
        "                       unified line diff (GNU patch applies it); exit 0 same,\n"
        "                       1 different, 2 trouble. -U context lines (3); -b/--ignore-space\n"
        "                       whitespace changes, -w all whitespace, -B blank lines, -i case;\n"
        "                       -q only say whether they differ; --html also writes a\n"
        "                       side-by-side page with word-level highlights\n"
        "  lint FILE...         check records; exit 0 clean, 1 findings, 2 error\n"
        "  digest FILE...       print the SHA-256 digest of each record's canonical content\n"
        "  compare LEFT RIGHT [--json]\n"
        "                       structural differences of two records (blocking, warning,\n"
        "                       info); exit 0 aligned, 1 blocking differences, 2 error\n"
        "  check PATH... [--json]\n"
        "                       check the records of each cutover in files and folders\n"
        "                       against each other; exit 0 aligned, 1 blocking, 2 error\n"
        "  signoff RECORD --role R --signer NAME --approve|--reject|--withdraw [--comment C]\n"
        "                       record a sign-off in the ledger (a comment is needed to\n"
        "                       reject or withdraw); exit 0 recorded, 1 refused, 2 error\n"
        "  status RECORD        each role's sign-off; exit 0 final, 1 open, 2 error\n"
        "  ledger verify        check the ledger's hash chains (sign-offs, risk decisions);\n"
        "                       exit 0 intact, 1 tampered\n"
        "  export RECORD [-o OUT] [--allow-open]\n"
        "                       the finalized record (content, Sign-off table, digest footer);\n"
        "                       refused (exit 1) while a role is open unless --allow-open\n"
        "  export RECORD --pdf -o OUT.pdf [--allow-open]\n"
        "                       the same as an A4 PDF handout (page footers with the file,\n"
        "                       page N of M and the digest); needs no display\n"
        "  verify FINALIZED.md  check an exported record against its digest (and, with --db,\n"
        "                       the ledger); exit 0 valid, 1 tampered, 2 error\n"
        "  review RECORD [--json]\n"
        "                       the residual risks and open items to review, each with the\n"
        "                       decision that stands\n"
        "  review RECORD --item N --decision accepted|mitigated|needs-action [--owner NAME]\n"
        "         [--due YYYY-MM-DD] [--note TEXT] --by NAME\n"
        "                       record a meeting's decision on item N (needs-action needs\n"
        "                       --owner and --due); exit 0 recorded, 1 refused, 2 error\n"
        "  mirror RECORD [-o OUT] [--force]\n"
        "                       the other side's copy of a decision record: the producer mirror\n"
        "                       of a consumer record, or the consumer record of a mirror; to OUT\n"
        "                       (not replaced unless --force) or standard output; exit 0, 2 error\n"
        "\n"
        "Sign-off and review commands take --db PATH (default: the window's File > Sign-off Ledger, else\n"
        "countersign.sqlite in the user's data folder).\n"
        "\n"
        "Options:\n"
        "  -h, --help           show this help\n"
        "  -v, --version        show the version\n"
        "\n"
        "Exit status: 0 success, 1 findings, 2 trouble (bad usage, unreadable or invalid file).\n");
}

bool CommandLine::needsPdfWriter(const QStringList &arguments)
{
    return arguments.value(0) == u"export" &&
        parseOptions(arguments.mid(1), exportValued, exportFlags).flags.contains(QStringLiteral("--pdf"));
}

int CommandLine::runExport(const QStringList &arguments, const PdfWriter &pdf)
{
    return runExportCommand(arguments, pdf);
}

bool CommandLine::isHeadless(const QString &command)
{
    static const QStringList commands = {QStringLiteral("diff"), QStringLiteral("show"),
        QStringLiteral("lint"), QStringLiteral("digest"), QStringLiteral("compare"), QStringLiteral("check"),
        QStringLiteral("signoff"), QStringLiteral("status"), QStringLiteral("ledger"),
        QStringLiteral("export"), QStringLiteral("verify"), QStringLiteral("review"),
        QStringLiteral("mirror"), QStringLiteral("--help"), QStringLiteral("-h"), QStringLiteral("help"),
        QStringLiteral("--version"), QStringLiteral("-v"), QStringLiteral("version")};
    return commands.contains(command);
}

int CommandLine::run(const QStringList &arguments)
{
    const QString command = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (command == u"diff")
        return runDiff(rest);
    if (command == u"show")
        return runShow(rest);
    if (command == u"lint")
        return runLint(rest);
    if (command == u"digest")
        return runDigest(rest);
    if (command == u"compare")
        return runCompare(rest);
    if (command == u"check")
        return runCheck(rest);
    if (command == u"signoff")
        return runSignOff(rest);
    if (command == u"status")
        return runStatus(rest);
    if (command == u"ledger")
        return runLedger(rest);
    if (command == u"export")
        return runExport(rest);
    if (command == u"verify")
        return runVerify(rest);
    if (command == u"review")
        return runReview(rest);
    if (command == u"mirror")
        return runMirror(rest);
    if (command == u"--help" || command == u"-h" || command == u"help") {
        writeOut(usage());
        return Clean;
    }
    if (command == u"--version" || command == u"-v" || command == u"version") {
        writeOut(QStringLiteral("countersign %1\n").arg(QCoreApplication::applicationVersion()));
        return Clean;
    }
    return usageError(QStringLiteral("unknown command '%1'").arg(command));
}

} // namespace Countersign
