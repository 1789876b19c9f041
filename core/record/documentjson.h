// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "base/jsonwriter.h"
#include "record/document.h"
#include "record/recordfacts.h"

#include <QByteArray>

class QIODevice;

namespace Countersign {

// The parsed model as JSON, for `countersign show --json`. The schema (version 1) is documented in
// README.md, "JSON output"; `file` is the file name without its directory so that output does not
// depend on where a record is checked out.
class DocumentJson
{
public:
    static constexpr int schemaVersion = 1;
    // Indented JSON, for people and golden files.
    static QByteArray toJson(const Document &doc, const RecordFacts &facts);
    // Writes the JSON to `device` as it is produced, in chunks of about 1 MiB: compact by default
    // (half the size of the indented form), indented on request. False when writing failed.
    static bool write(const Document &doc, const RecordFacts &facts, QIODevice *device,
        JsonWriter::Style style = JsonWriter::Style::Compact);
};

} // namespace Countersign
