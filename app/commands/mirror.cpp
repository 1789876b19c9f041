// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// countersign mirror RECORD [-o OUT] [--force]: the other side's copy of a decision record (Mirror).
#include "drafting/mirror.h"

#include "commandio.h"
#include "commandoptions.h"
#include "commands.h"
#include "record/documentloader.h"
#include "record/markdownparser.h"

#include <QFileInfo>

namespace Countersign::Commands {

int mirror(const QStringList &arguments)
{
    CommandOptions options(QStringLiteral("mirror"),
        {CommandOptions::valued(u"o", QStringLiteral("OUT")),
            CommandOptions::valued(u"output", QStringLiteral("OUT")), CommandOptions::flag(u"force")},
        CommandOptions::Reading::OneRecord);
    if (const std::optional<QString> problem = options.parse(arguments))
        return usageError(*problem);
    if (options.operands().size() != 1)
        return usageError(QStringLiteral("mirror takes exactly one RECORD"));
    const Result<Document> record = MarkdownParser::parseFile(options.operands().first());
    if (!record)
        return loadError(record.error());
    const Result<QString> drafted = Mirror::create(record.value());
    if (!drafted)
        return loadError(drafted.error());
    // -o wins over --output, wherever each stands.
    const QString output = options.isSet(QStringLiteral("o")) ? options.value(QStringLiteral("o"))
                                                              : options.value(QStringLiteral("output"));
    if (output.isEmpty() || output == u"-") {
        writeOut(drafted.value());
        return Clean;
    }
    // A record is someone's work: never replaced by a draft unless asked to.
    if (QFileInfo::exists(output) && !options.isSet(QStringLiteral("force"))) {
        writeErr(QStringLiteral("countersign: %1: exists; not replaced (--force replaces it)\n").arg(output));
        return Trouble;
    }
    if (const std::optional<Error> failed = DocumentLoader::writeFile(output, drafted.value().toUtf8()))
        return loadError(*failed);
    writeOut(QStringLiteral("%1: %2 of %3\n")
            .arg(output,
                record->kind == DocumentKind::DecisionRecord ? QStringLiteral("producer mirror")
                                                             : QStringLiteral("consumer decision record"),
                record->fileName));
    return Clean;
}

} // namespace Countersign::Commands
