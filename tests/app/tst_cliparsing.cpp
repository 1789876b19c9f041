// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// How the commands read their arguments, through the real binary: every spelling the command line
// takes (GNU diff's options, "--name value" and "--name=value", options before or after operands,
// a lone "-" as a file, "--" ending the options, values that begin with '-'), bad usage reported as
// typed, and --help listing every command of the table, byte for byte as the reference has it.
#include "commandnames.h"
#include "commandtable.h"
#include "signoffworkspace.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using TestSupport::Run;
using TestSupport::run;

namespace {

QString data(const char *relative)
{
    return TestSupport::dataPath(QString::fromLatin1(relative));
}

// Runs the binary in `dir`, so that operands can be file names that look like options.
Run runIn(const QString &dir, const QStringList &arguments)
{
    QProcess process;
    process.setWorkingDirectory(dir);
    process.start(QStringLiteral(COUNTERSIGN_BINARY), arguments);
    Run result;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.crashed = process.exitStatus() != QProcess::NormalExit;
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

// `arguments` with each "L" and "R" replaced by the two files.
QStringList withFiles(QStringList arguments, const QString &left, const QString &right)
{
    for (QString &argument : arguments) {
        if (argument == u"L")
            argument = left;
        else if (argument == u"R")
            argument = right;
    }
    return arguments;
}

// Twenty lines, the eighth changed on the right.
bool writeTwentyLines(const QString &left, const QString &right)
{
    QByteArray a, b;
    for (int i = 1; i <= 20; ++i) {
        a += "line " + QByteArray::number(i) + '\n';
        b += (i == 8 ? QByteArray("changed 8") : "line " + QByteArray::number(i)) + '\n';
    }
    return TestSupport::writeBytes(left, a) && TestSupport::writeBytes(right, b);
}

} // namespace

class TestCliParsing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helpIsUnchanged()
    {
        const Run help = run({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QCOMPARE(help.out, TestSupport::readBytes(data("reference/help.txt")));
        QVERIFY(help.err.isEmpty());
        for (const char *alias : {"help", "-h"})
            QCOMPARE(run({QString::fromLatin1(alias)}).out, help.out);
        const Run version = run({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        for (const char *alias : {"version", "-v"})
            QCOMPARE(run({QString::fromLatin1(alias)}).out, version.out);
    }

    // The executable chooses where a command runs by CommandNames, without the table: both name the
    // same commands and aliases, and only open needs the window.
    void commandNamesMatchTheTable()
    {
        QStringList inTable;
        for (const Countersign::Command &command : Countersign::CommandTable::commands()) {
            for (const QString &name : QStringList{command.name} + command.aliases) {
                inTable.append(name);
                QVERIFY2(Countersign::CommandNames::isCommand(name), qPrintable(name));
                QCOMPARE(Countersign::CommandNames::isHeadless(name), command.run != nullptr);
            }
        }
        for (const QStringView name : Countersign::CommandNames::headless)
            QVERIFY2(inTable.contains(name), qPrintable(name.toString()));
        QVERIFY(!Countersign::CommandNames::isCommand(u"lnt"));
        QVERIFY(!Countersign::CommandNames::isHeadless(Countersign::CommandNames::window));
    }

    // The help lists every form of every command of the table, and nothing else.
    void helpListsEveryCommand()
    {
        const QString help = QString::fromUtf8(run({QStringLiteral("--help")}).out);
        qsizetype forms = 0;
        for (const Countersign::Command &command : Countersign::CommandTable::commands()) {
            QVERIFY2(!command.usage.isEmpty(), qPrintable(command.name));
            for (const Countersign::Command::Usage &usage : command.usage) {
                const QString line = QStringLiteral("\n  ") + usage.synopsis.section(u'\n', 0, 0);
                QVERIFY2(help.contains(line), qPrintable(line));
                ++forms;
            }
        }
        // A form starts with two spaces and the command's name ("-h, --help": an alias).
        static const QRegularExpression form(
            QStringLiteral("^  ([^ ,]+)"), QRegularExpression::MultilineOption);
        qsizetype listed = 0;
        for (const QRegularExpressionMatch &match : form.globalMatch(help)) {
            QVERIFY2(Countersign::CommandTable::find(match.captured(1)), qPrintable(match.captured(0)));
            ++listed;
        }
        QCOMPARE(listed, forms);
    }

    void diffContextSpellings_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("firstHunk");
        const QString one = QStringLiteral("@@ -7,3 +7,3 @@");
        const QString three = QStringLiteral("@@ -5,7 +5,7 @@");
        const auto row = [](const char *name, const QString &arguments, const QString &hunk) {
            QTest::newRow(name) << arguments.split(u' ') << hunk;
        };
        row("-U1", QStringLiteral("-U1 L R"), one);
        row("-U 1", QStringLiteral("-U 1 L R"), one);
        row("--unified=1", QStringLiteral("--unified=1 L R"), one);
        row("--unified 1", QStringLiteral("--unified 1 L R"), one);
        row("after the operands", QStringLiteral("L R -U1"), one);
        row("between the operands", QStringLiteral("L -U 1 R"), one);
        row("the last -U wins", QStringLiteral("-U5 L R --unified=1"), one);
        row("-u", QStringLiteral("-u L R"), three);
        row("-u with -U", QStringLiteral("-u -U1 L R"), one);
        row("-- before the operands", QStringLiteral("-- L R"), three);
        row("-- between the operands", QStringLiteral("-U1 L -- R"), one);
    }

    void diffContextSpellings()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, firstHunk);
        QTemporaryDir dir;
        const QString left = dir.filePath(QStringLiteral("l.md")),
                      right = dir.filePath(QStringLiteral("r.md"));
        QVERIFY(writeTwentyLines(left, right));
        const Run result = run(QStringList{QStringLiteral("diff")} + withFiles(arguments, left, right));
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.isEmpty(), qPrintable(result.err));
        QCOMPARE(QString::fromUtf8(result.out.split('\n').value(2)), firstHunk);
    }

    void diffIgnoreSpellings_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QByteArray>("left");
        QTest::addColumn<QByteArray>("right");
        QTest::addColumn<int>("exitCode");
        const QByteArray amount = "x\nkey:  value\n", less = "x\nkey: value\n";
        const QByteArray joined = "x\nkey:value\n";
        const QByteArray blank = "x\n\n\ny\n", noBlank = "x\ny\n";
        const QByteArray upper = "Outcome: GO\n", lower = "outcome: go\n";
        const auto row = [](const char *name, const QString &options, const QByteArray &left,
                             const QByteArray &right, int exitCode) {
            QTest::newRow(name) << (options.isEmpty() ? QStringList() : options.split(u' ')) << left << right
                                << exitCode;
        };
        row("none", QString(), amount, less, 1);
        row("-b", QStringLiteral("-b"), amount, less, 0);
        row("--ignore-space", QStringLiteral("--ignore-space"), amount, less, 0);
        row("--ignore-space-change", QStringLiteral("--ignore-space-change"), amount, less, 0);
        row("-b keeps added space", QStringLiteral("-b"), joined, less, 1);
        row("-w", QStringLiteral("-w"), joined, less, 0);
        row("--ignore-all-space", QStringLiteral("--ignore-all-space"), joined, less, 0);
        row("-w then -b: -b", QStringLiteral("-w -b"), joined, less, 1);
        row("-b then -w: -w", QStringLiteral("-b -w"), joined, less, 0);
        row("-B", QStringLiteral("-B"), blank, noBlank, 0);
        row("--ignore-blank-lines", QStringLiteral("--ignore-blank-lines"), blank, noBlank, 0);
        row("-i", QStringLiteral("-i"), upper, lower, 0);
        row("--ignore-case", QStringLiteral("--ignore-case"), upper, lower, 0);
    }

    void diffIgnoreSpellings()
    {
        QFETCH(QStringList, options);
        QFETCH(QByteArray, left);
        QFETCH(QByteArray, right);
        QFETCH(int, exitCode);
        QTemporaryDir dir;
        const QString l = dir.filePath(QStringLiteral("l.md")), r = dir.filePath(QStringLiteral("r.md"));
        QVERIFY(TestSupport::writeBytes(l, left) && TestSupport::writeBytes(r, right));
        const Run result = run(QStringList{QStringLiteral("diff")} + options + QStringList{l, r});
        QCOMPARE(result.exitCode, exitCode);
        QCOMPARE(result.out.isEmpty(), exitCode == 0);
    }

    void diffBriefAndHtml()
    {
        QTemporaryDir dir;
        const QString left = dir.filePath(QStringLiteral("l.md")),
                      right = dir.filePath(QStringLiteral("r.md"));
        QVERIFY(writeTwentyLines(left, right));
        const QByteArray differ = QStringLiteral("Files %1 and %2 differ\n").arg(left, right).toUtf8();
        for (const char *brief : {"-q", "--brief"}) {
            const Run result = run({QStringLiteral("diff"), left, right, QString::fromLatin1(brief)});
            QCOMPARE(result.exitCode, 1);
            QCOMPARE(result.out, differ);
        }
        const QString page = dir.filePath(QStringLiteral("page.html"));
        for (const QStringList &html :
            {QStringList{QStringLiteral("--html"), page}, QStringList{QStringLiteral("--html=") + page}}) {
            QFile::remove(page);
            const Run result = run(QStringList{QStringLiteral("diff"), left} + html + QStringList{right});
            QCOMPARE(result.exitCode, 1);
            QVERIFY(TestSupport::readBytes(page).startsWith("<!DOCTYPE html>"));
        }
    }

    // File names that look like options: a lone "-" is a file (not standard input), and after "--"
    // everything is one.
    void operandsThatLookLikeOptions()
    {
        QTemporaryDir dir;
        QVERIFY(writeTwentyLines(dir.filePath(QStringLiteral("-")), dir.filePath(QStringLiteral("-q"))));
        const QByteArray record = TestSupport::readBytes(data("input/decision-record.md"));
        QVERIFY(TestSupport::writeBytes(dir.filePath(QStringLiteral("--json")), record));

        const Run diff = runIn(dir.path(),
            {QStringLiteral("diff"), QStringLiteral("-"), QStringLiteral("--"), QStringLiteral("-q")});
        QCOMPARE(diff.exitCode, 1);
        QVERIFY2(diff.out.startsWith("--- -\t"), diff.out.constData());
        QVERIFY(diff.out.contains("\n+++ -q\t"));

        const Run shown =
            runIn(dir.path(), {QStringLiteral("show"), QStringLiteral("--"), QStringLiteral("--json")});
        QCOMPARE(shown.exitCode, 0);
        QVERIFY(shown.out.startsWith("--json\n  kind: decision-record"));
        // --json before "--" is the option; after it, the file.
        const Run json = runIn(dir.path(),
            {QStringLiteral("show"), QStringLiteral("--json"), QStringLiteral("--"),
                QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(json.out).object().value(u"kind").toString(),
            QStringLiteral("decision-record"));

        const Run digest = runIn(dir.path(),
            {QStringLiteral("digest"), QStringLiteral("--"), QStringLiteral("--json"), QStringLiteral("-")});
        QCOMPARE(digest.exitCode, 0);
        QVERIFY(digest.out.contains("  --json\n"));
        QVERIFY(digest.out.contains("  -\n"));
        const Run lint =
            runIn(dir.path(), {QStringLiteral("lint"), QStringLiteral("--"), QStringLiteral("--json")});
        QCOMPARE(lint.exitCode, 0);
        const Run compare = runIn(dir.path(),
            {QStringLiteral("compare"), QStringLiteral("--json"), QStringLiteral("--"),
                QStringLiteral("--json"), data("input/variant-crlf.md")});
        QCOMPARE(compare.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(compare.out).object().value(u"aligned").toBool(), true);
    }

    // A value is the next argument whatever it begins with.
    void valuesThatBeginWithDash()
    {
        QTemporaryDir dir;
        QVERIFY(writeTwentyLines(dir.filePath(QStringLiteral("l.md")), dir.filePath(QStringLiteral("r.md"))));
        const Run html = runIn(dir.path(),
            {QStringLiteral("diff"), QStringLiteral("--html"), QStringLiteral("-page.html"),
                QStringLiteral("l.md"), QStringLiteral("r.md")});
        QCOMPARE(html.exitCode, 1);
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("-page.html"))));
        // -U takes "-1" as its value, and refuses it.
        const Run negative = runIn(dir.path(),
            {QStringLiteral("diff"), QStringLiteral("-U"), QStringLiteral("-1"), QStringLiteral("l.md"),
                QStringLiteral("r.md")});
        QCOMPARE(negative.exitCode, 2);
        QVERIFY2(
            negative.err.contains(QStringLiteral("diff: -U needs a number of context lines (0 or more)")),
            qPrintable(negative.err));

        TestSupport::Workspace w;
        const Run rejected = run({QStringLiteral("signoff"), w.record, QStringLiteral("--db"), w.db,
            QStringLiteral("--role"), TestSupport::roles.at(0), QStringLiteral("--signer"),
            TestSupport::signers.at(0), QStringLiteral("--reject"), QStringLiteral("--comment"),
            QStringLiteral("--approve is premature")});
        QCOMPARE(rejected.exitCode, 0);
        QVERIFY(rejected.out.contains("rejected by Ana Ruiz"));
        const Run status = w.command(QStringLiteral("status"), {w.record});
        QVERIFY2(status.out.contains("\"--approve is premature\""), status.out.constData());
    }

    void showSpellings()
    {
        const QString file = data("input/checkpoint-producer.md");
        const QByteArray golden = TestSupport::readBytes(data("reference/checkpoint-producer.json"));
        for (const QStringList &arguments :
            {QStringList{QStringLiteral("--json"), QStringLiteral("--pretty"), file},
                QStringList{file, QStringLiteral("--pretty"), QStringLiteral("--json")},
                QStringList{QStringLiteral("--pretty"), file, QStringLiteral("--json")}}) {
            const Run result = run(QStringList{QStringLiteral("show")} + arguments);
            QCOMPARE(result.exitCode, 0);
            QCOMPARE(result.out, golden);
        }
        const Run text = run({QStringLiteral("show"), file});
        QCOMPARE(run({QStringLiteral("show"), QStringLiteral("--"), file}).out, text.out);
        QCOMPARE(run({QStringLiteral("check"), data("cutover/clean"), QStringLiteral("--json")}).out,
            run({QStringLiteral("check"), QStringLiteral("--json"), data("cutover/clean")}).out);
    }

    // The sign-off, export and review commands: "--name value" and "--name=value", options before or
    // after the record, "-o", "--output" and "-" for standard output.
    void recordCommandSpellings()
    {
        TestSupport::Workspace w;
        const QString db = QStringLiteral("--db=") + w.db;
        for (int role = 0; role < 5; ++role) {
            const Run signedOff = run({QStringLiteral("signoff"),
                QStringLiteral("--role=") + TestSupport::roles.at(role), db, QStringLiteral("--approve"),
                QStringLiteral("--signer=") + TestSupport::signers.at(role), w.record});
            QCOMPARE(signedOff.exitCode, 0);
        }
        const Run status = run({QStringLiteral("status"), db, w.record});
        QCOMPARE(status.exitCode, 0);
        QVERIFY(status.out.contains("Final: every role approved this content."));
        QCOMPARE(run({QStringLiteral("ledger"), db, QStringLiteral("verify")}).exitCode, 0);

        const QByteArray toStdout = run({QStringLiteral("export"), w.record, db}).out;
        QVERIFY(toStdout.startsWith("# Runtime Cutover Decision Record\n"));
        QVERIFY(run({QStringLiteral("export"), w.record, db, QStringLiteral("-o"), QStringLiteral("-")})
                .out.startsWith("# Runtime Cutover Decision Record\n"));
        const QStringList outputs{QStringLiteral("-o"), QStringLiteral("--output"), QStringLiteral("-o="),
            QStringLiteral("--output=")};
        for (const QString &output : outputs) {
            const QString file = w.dir.filePath(QStringLiteral("final%1.md").arg(outputs.indexOf(output)));
            const QStringList spelled =
                output.endsWith(u'=') ? QStringList{output + file} : QStringList{output, file};
            const Run exported =
                run(QStringList{QStringLiteral("export")} + spelled + QStringList{db, w.record});
            QCOMPARE(exported.exitCode, 0);
            QVERIFY2(
                exported.out.startsWith(QByteArray(file.toUtf8() + ": exported ")), exported.out.constData());
            const Run verified = run({QStringLiteral("verify"), db, file});
            QCOMPARE(verified.exitCode, 0);
            QVERIFY(verified.out.contains("valid and final: content digest"));
        }

        const Run decided = run(
            {QStringLiteral("review"), QStringLiteral("--item=1"), QStringLiteral("--decision=needs-action"),
                QStringLiteral("--owner=Dana Levi"), QStringLiteral("--due=2026-03-21"),
                QStringLiteral("--note=drill first"), QStringLiteral("--by=Ana Ruiz"), db, w.record});
        QCOMPARE(decided.exitCode, 0);
        QVERIFY2(decided.out.contains("needs-action, owner Dana Levi, due 2026-03-21: \"drill first\""),
            decided.out.constData());
        const Run listed =
            run({QStringLiteral("review"), w.record, QStringLiteral("--json"), QStringLiteral("--db"), w.db});
        QCOMPARE(listed.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(listed.out)
                     .object()
                     .value(u"summary")
                     .toObject()
                     .value(u"needsAction")
                     .toInt(),
            1);
    }

    // Bad usage is reported as typed: with its dashes and value, a word after one dash or a letter
    // after two being no option.
    void badUsageAsTyped_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QString a = data("input/decision-record.md");
        const auto row = [&a](const char *name, const QString &arguments, const char *message) {
            QStringList list = arguments.split(u' ');
            std::replace(list.begin(), list.end(), QStringLiteral("A"), a);
            QTest::newRow(name) << list << QString::fromUtf8(message);
        };
        row("diff, flags run together", QStringLiteral("diff -bw A A"), "diff: unknown option '-bw'");
        row("diff, a word after one dash", QStringLiteral("diff -brief A A"),
            "diff: unknown option '-brief'");
        row("diff, a letter after two dashes", QStringLiteral("diff --q A A"), "diff: unknown option '--q'");
        row("diff, a flag with a value", QStringLiteral("diff --brief=yes A A"),
            "diff: unknown option '--brief=yes'");
        row("diff, -U=3", QStringLiteral("diff -U=3 A A"),
            "diff: -U needs a number of context lines (0 or more)");
        row("diff, -U last", QStringLiteral("diff A A -U"),
            "diff: -U needs a number of context lines (0 or more)");
        row("diff, --unified= empty", QStringLiteral("diff --unified= A A"),
            "diff: -U needs a number of context lines (0 or more)");
        row("diff, --html= empty", QStringLiteral("diff --html= A A"),
            "diff: --html needs an output file name");
        row("diff, the first problem", QStringLiteral("diff --frob -U x A A"),
            "diff: unknown option '--frob'");
        row("diff, the first problem is a value", QStringLiteral("diff -U x --frob A A"),
            "diff: -U needs a number of context lines (0 or more)");
        row("show, a flag with a value", QStringLiteral("show --json=1 A"),
            "show: unknown option '--json=1'");
        row("show, a word after one dash", QStringLiteral("show -json A"), "show: unknown option '-json'");
        row("lint, the first option", QStringLiteral("lint -x --y A"), "lint: unknown option '-x'");
        row("compare, after the operands", QStringLiteral("compare A A --jsonx"),
            "compare: unknown option '--jsonx'");
        row("signoff, a word after one dash", QStringLiteral("signoff A -role R --signer S --approve"),
            "signoff: unknown option '-role'");
        row("signoff, a flag with a value", QStringLiteral("signoff A --role R --signer S --approve=yes"),
            "signoff: unknown option '--approve=yes'");
        row("signoff, two decisions", QStringLiteral("signoff A --role R --signer S --approve --approve"),
            "signoff needs exactly one of --approve, --reject, --withdraw");
        row("signoff, empty role", QStringLiteral("signoff A --role= --signer S --approve"),
            "signoff needs --role");
        row("signoff, --role last", QStringLiteral("signoff A --signer S --approve --role"),
            "signoff: --role needs a value");
        row("status, --db last", QStringLiteral("status A --db"), "status: --db needs a value");
        row("status, two records", QStringLiteral("status A A"), "status takes exactly one RECORD");
        row("ledger, no action", QStringLiteral("ledger"),
            "ledger takes an action: verify, init LOCATION or copy FROM TO");
        row("ledger, another action", QStringLiteral("ledger repair"),
            "ledger takes one action: verify, init LOCATION or copy FROM TO");
        row("verify, nothing", QStringLiteral("verify"), "verify takes exactly one exported record");
        row("export, a letter after two dashes", QStringLiteral("export A --o out.md"),
            "export: unknown option '--o'");
        row("mirror, a value run into -o", QStringLiteral("mirror A -oout.md"),
            "mirror: unknown option '-oout.md'");
        row("mirror, --output last", QStringLiteral("mirror A --output"), "mirror: --output needs a value");
        row("review, --item=", QStringLiteral("review A --item= --decision accepted --by B"),
            "review: recording a decision needs --item");
    }

    void badUsageAsTyped()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_DATA_HOME"), dir.path()); // no ledger is made elsewhere
        const Run result = run(arguments, environment);
        QCOMPARE(result.exitCode, 2);
        QCOMPARE(result.err,
            QStringLiteral("countersign: %1\nRun 'countersign --help' for usage.\n").arg(message));
        QVERIFY(result.out.isEmpty());
        QVERIFY(QDir(dir.path()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliParsing)
#include "tst_cliparsing.moc"
