// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "record/document.h"

namespace Countersign {

// Tells what kind of record a parsed document is and which side wrote it, from its title, its file
// name and the sections it has. Never fails: what it cannot place is DocumentKind::Unknown.
class DocumentClassifier
{
public:
    static DocumentKind kind(const Document &doc);
    // The kind that a title, a file name or a label names ("... Checkpoint (Producer)",
    // "RUNTIME_CUTOVER_DECISION_RECORD_2026-02-08", "Producer decision mirror"); Unknown when its words
    // name none.
    static DocumentKind kindNamed(QStringView text);
    static DocumentSide side(const Document &doc, DocumentKind kind);
    // Sets doc.kind and doc.side.
    static void classify(Document &doc);
};

} // namespace Countersign
