// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "record/documentclassifier.h"

#include "record/textkeys.h"

#include <QFileInfo>

namespace Countersign {

namespace {

bool hasSection(const Document &doc, QStringView key)
{
    return doc.section(key, true) != nullptr;
}

} // namespace

DocumentKind DocumentClassifier::kind(const Document &doc)
{
    // Title words first, then the file name (SERVICE_V3_CUTOVER_DECISION_CHECKPOINT_...), then the
    // sections a kind is known by.
    for (const QString &text : {doc.title, QFileInfo(doc.fileName).completeBaseName()}) {
        if (const DocumentKind named = kindNamed(text); named != DocumentKind::Unknown)
            return named;
    }
    if (hasSection(doc, u"gate"))
        return DocumentKind::CheckpointPacket;
    if (hasSection(doc, u"outcome") && (hasSection(doc, u"ownership") || hasSection(doc, u"roles")))
        return DocumentKind::DecisionRecord;
    return DocumentKind::Unknown;
}

DocumentKind DocumentClassifier::kindNamed(QStringView text)
{
    const QString words = TextKeys::normalizedKey(text) + u' ' +
        TextKeys::splitQualifiers(text).qualifiers.join(u' ').toLower();
    if (words.contains(u"addendum"))
        return DocumentKind::Addendum;
    if (words.contains(u"checkpoint"))
        return DocumentKind::CheckpointPacket;
    if (words.contains(u"mirror"))
        return DocumentKind::ProducerMirror;
    if (words.contains(u"decision record"))
        return DocumentKind::DecisionRecord;
    return DocumentKind::Unknown;
}

DocumentSide DocumentClassifier::side(const Document &doc, DocumentKind kind)
{
    const QStringList qualifiers = TextKeys::splitQualifiers(doc.title).qualifiers;
    const QString words =
        (qualifiers.join(u' ') + u' ' + QFileInfo(doc.fileName).completeBaseName()).toLower();
    if (words.contains(u"producer"))
        return DocumentSide::Producer;
    if (words.contains(u"consumer"))
        return DocumentSide::Consumer;
    if (kind == DocumentKind::ProducerMirror)
        return DocumentSide::Producer;
    if (kind == DocumentKind::DecisionRecord)
        return DocumentSide::Consumer; // the decision record is the consumer's; the producer keeps a mirror
    return DocumentSide::Unknown;
}

void DocumentClassifier::classify(Document &doc)
{
    doc.kind = kind(doc);
    doc.side = side(doc, doc.kind);
}

} // namespace Countersign
