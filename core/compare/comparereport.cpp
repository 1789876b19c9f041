// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "compare/comparereport.h"

#include <QFileInfo>

namespace Countersign {

QString CompareReport::toText(
    const Document &left, const Document &right, const QList<CompareFinding> &findings)
{
    QString out = CompareSummary::of(findings).headline() + u'\n';
    out += QStringLiteral("left:  %1 (%2)\nright: %3 (%4)\n")
               .arg(left.fileName, kindName(left.kind), right.fileName, kindName(right.kind));
    for (const CompareFinding &finding : findings)
        out += u'\n' + finding.toText();
    return out;
}

QByteArray CompareReport::toJson(const Document &left, const Document &right,
    const QList<CompareFinding> &findings, JsonWriter::Style style)
{
    QByteArray out;
    JsonWriter json(&out, style);
    const CompareSummary summary = CompareSummary::of(findings);
    json.beginObject();
    json.field(u"schema", jsonSchemaVersion);
    for (const Document *doc : {&left, &right}) {
        json.key(doc == &left ? u"left" : u"right");
        json.beginObject();
        json.field(u"file", QFileInfo(doc->fileName).fileName());
        json.field(u"kind", kindName(doc->kind));
        json.field(u"side", sideName(doc->side));
        json.endObject();
    }
    summary.writeJson(json);
    CompareFinding::writeJson(json, findings);
    json.endObject();
    json.flush();
    out += '\n';
    return out;
}

} // namespace Countersign
