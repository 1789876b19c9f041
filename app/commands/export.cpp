// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// countersign export RECORD [-o OUT] [--pdf] [--allow-open]: the finalized record (FinalizedExport),
// as markdown or, with the window module's PdfWriter, as a PDF handout.
#include "commandio.h"
#include "commands.h"
#include "record/markdownparser.h"
#include "signedrecord.h"

#include <QDateTime>

namespace Countersign::Commands {

namespace {

CommandOptions exportOptions()
{
    return CommandOptions(QStringLiteral("export"),
        {CommandOptions::valued(u"o", QStringLiteral("OUT")),
            CommandOptions::valued(u"output", QStringLiteral("OUT")), SignedRecord::ledgerOption(),
            CommandOptions::flag(u"allow-open"), CommandOptions::flag(u"pdf")},
        CommandOptions::Reading::OneRecord);
}

} // namespace

bool exportNeedsGui(const QStringList &arguments)
{
    CommandOptions options = exportOptions();
    // Bad usage or not: export reports it wherever it runs.
    options.parse(arguments);
    return options.given().contains(QStringLiteral("pdf"));
}

int exportRecord(const QStringList &arguments)
{
    return exportRecord(arguments, {});
}

int exportRecord(const QStringList &arguments, const FinalizedExport::PdfWriter &pdf)
{
    CommandOptions options = exportOptions();
    if (const std::optional<QString> problem = options.parse(arguments))
        return usageError(*problem);
    if (options.operands().size() != 1)
        return usageError(QStringLiteral("export takes exactly one RECORD"));
    // -o wins over --output, wherever each stands.
    const QString output = options.isSet(QStringLiteral("o")) ? options.value(QStringLiteral("o"))
                                                              : options.value(QStringLiteral("output"));
    const bool asPdf = options.isSet(QStringLiteral("pdf"));
    if (asPdf && (output.isEmpty() || output == u"-"))
        return usageError(
            QStringLiteral("export --pdf needs -o OUT.pdf (a PDF is not written to standard output)"));
    if (asPdf && !pdf)
        return usageError(QStringLiteral("export --pdf needs the window module, which renders the PDF"));
    const Result<Document> record = MarkdownParser::parseFile(options.operands().first());
    if (!record)
        return loadError(record.error());
    const Result<std::unique_ptr<LedgerStore>> ledger =
        SignedRecord::openLedger(options, SignedRecord::Use::Read);
    if (!ledger)
        return loadError(ledger.error());
    QStringList warnings;
    const Result<FinalizedExport::Built> exported = FinalizedExport::build(record.value(), ledger->get(),
        QDateTime::currentDateTimeUtc(), options.isSet(QStringLiteral("allow-open")), &warnings);
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

} // namespace Countersign::Commands
