// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// countersign digest FILE...: the SHA-256 of each record's canonical content, as "digest  file".
#include "commandio.h"
#include "commandoptions.h"
#include "commands.h"
#include "record/canonicalcontent.h"
#include "record/documentloader.h"

namespace Countersign::Commands {

int digest(const QStringList &arguments)
{
    CommandOptions options(QStringLiteral("digest"), {});
    if (const std::optional<QString> problem = options.parse(arguments))
        return usageError(*problem);
    if (options.operands().isEmpty())
        return usageError(QStringLiteral("digest needs at least one FILE"));
    int status = Clean;
    for (const QString &path : options.operands()) {
        const Result<SourceText> source = DocumentLoader::readText(path);
        if (!source) {
            status = loadError(source.error());
            continue;
        }
        writeOut(QStringLiteral("%1  %2\n").arg(CanonicalContent::digest(source->text()), path));
    }
    return status;
}

} // namespace Countersign::Commands
