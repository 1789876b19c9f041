#pragma once

#include "document.h"
#include "recordfacts.h"

#include <QByteArray>

namespace Countersign {

// The parsed model as JSON, for `countersign show --json`. The schema (version 1) is documented in
// README.md, "JSON output"; `file` is the file name without its directory so that output does not
// depend on where a record is checked out.
class DocumentJson
{
public:
    static constexpr int schemaVersion = 1;
    static QByteArray toJson(const Document &doc, const RecordFacts &facts);
};

} // namespace Countersign
