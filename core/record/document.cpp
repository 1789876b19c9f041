// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "record/document.h"

namespace Countersign {

bool operator==(const ListItem &, const ListItem &) = default;
bool operator==(const Block &, const Block &) = default;

bool Section::hasQualifier(QStringView qualifier) const
{
    for (const QString &candidate : qualifiers) {
        if (candidate.compare(qualifier, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

const Section *Document::section(QStringView key, bool partial) const
{
    for (const Section &candidate : sections) {
        if (candidate.key == key || (partial && candidate.key.contains(key)))
            return &candidate;
    }
    return nullptr;
}

std::optional<QString> Document::headerField(QStringView key) const
{
    for (const HeaderField &field : headerFields) {
        if (field.key.compare(key, Qt::CaseInsensitive) == 0)
            return field.value;
    }
    return std::nullopt;
}

QString kindName(DocumentKind kind)
{
    switch (kind) {
    case DocumentKind::DecisionRecord:
        return QStringLiteral("decision-record");
    case DocumentKind::ProducerMirror:
        return QStringLiteral("producer-mirror");
    case DocumentKind::CheckpointPacket:
        return QStringLiteral("checkpoint-packet");
    case DocumentKind::Addendum:
        return QStringLiteral("addendum");
    case DocumentKind::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString sideName(DocumentSide side)
{
    switch (side) {
    case DocumentSide::Producer:
        return QStringLiteral("producer");
    case DocumentSide::Consumer:
        return QStringLiteral("consumer");
    case DocumentSide::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString blockTypeName(Block::Kind kind)
{
    switch (kind) {
    case Block::Kind::Paragraph:
        return QStringLiteral("paragraph");
    case Block::Kind::List:
        return QStringLiteral("list");
    case Block::Kind::Table:
        return QStringLiteral("table");
    case Block::Kind::Code:
        return QStringLiteral("code");
    case Block::Kind::Html:
        return QStringLiteral("html");
    case Block::Kind::ThematicBreak:
        return QStringLiteral("thematic-break");
    case Block::Kind::Quote:
        return QStringLiteral("quote");
    }
    return {};
}

} // namespace Countersign
