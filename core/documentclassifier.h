#pragma once

#include "document.h"

namespace Countersign {

// Tells what kind of record a parsed document is and which side wrote it, from its title, its file
// name and the sections it has. Never fails: what it cannot place is DocumentKind::Unknown.
class DocumentClassifier
{
public:
    static DocumentKind kind(const Document &doc);
    static DocumentSide side(const Document &doc, DocumentKind kind);
    // Sets doc.kind and doc.side.
    static void classify(Document &doc);
};

} // namespace Countersign
