// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "compare/comparefinding.h"

#include "base/jsonwriter.h"

namespace Countersign {

namespace {

QString counted(int count, const QString &singular, const QString &plural)
{
    return QStringLiteral("%1 %2").arg(count).arg(count == 1 ? singular : plural);
}

// "1 warning", "2 warnings and 5 notes", or empty when both are zero.
QString warningsAndNotes(int warnings, int notes)
{
    QStringList parts;
    if (warnings > 0)
        parts.append(counted(warnings, QStringLiteral("warning"), QStringLiteral("warnings")));
    if (notes > 0)
        parts.append(counted(notes, QStringLiteral("note"), QStringLiteral("notes")));
    return parts.join(QStringLiteral(" and "));
}

QString sideLine(QStringView side, const QString &file, int line, const QString &value)
{
    QString where = file;
    if (line > 0)
        where += (file.isEmpty() ? QStringLiteral("line %1") : QStringLiteral(":%1")).arg(line);
    return QStringLiteral("    %1 %2: %3\n").arg(side, where, value);
}

} // namespace

QString CompareFinding::severityName(Severity severity)
{
    switch (severity) {
    case Severity::NotComparable:
        return QStringLiteral("not-comparable");
    case Severity::Blocking:
        return QStringLiteral("blocking");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Info:
        break;
    }
    return QStringLiteral("info");
}

QString CompareFinding::toText() const
{
    QString out = severityName(severity).leftJustified(8) + u' ' + section;
    if (!key.isEmpty())
        out += u" > " + key;
    out += u": " + message + u'\n';
    if (leftLine > 0 || !leftValue.isEmpty())
        out += sideLine(u"left ", leftFile, leftLine, leftValue);
    if (rightLine > 0 || !rightValue.isEmpty())
        out += sideLine(u"right", rightFile, rightLine, rightValue);
    return out;
}

void CompareFinding::writeJson(JsonWriter &json) const
{
    json.beginObject();
    json.field(u"severity", severityName(severity));
    json.field(u"section", section);
    json.field(u"key", key);
    json.field(u"message", message);
    if (!leftFile.isEmpty())
        json.field(u"leftFile", leftFile);
    json.field(u"leftValue", leftValue);
    json.field(u"leftLine", leftLine);
    if (!rightFile.isEmpty())
        json.field(u"rightFile", rightFile);
    json.field(u"rightValue", rightValue);
    json.field(u"rightLine", rightLine);
    json.endObject();
}

void CompareFinding::writeJson(JsonWriter &json, const QList<CompareFinding> &findings)
{
    json.key(u"findings");
    json.beginArray();
    for (const CompareFinding &finding : findings)
        finding.writeJson(json);
    json.endArray();
}

CompareSummary CompareSummary::of(const QList<CompareFinding> &findings)
{
    CompareSummary summary;
    for (const CompareFinding &finding : findings) {
        switch (finding.severity) {
        case CompareFinding::Severity::NotComparable:
            if (summary.notComparable.isEmpty())
                summary.notComparable = finding.message;
            break;
        case CompareFinding::Severity::Blocking: {
            ++summary.blocking;
            const QString name = finding.key.isEmpty() ? finding.section : finding.key;
            if (!summary.blockingKeys.contains(name))
                summary.blockingKeys.append(name);
            break;
        }
        case CompareFinding::Severity::Warning:
            ++summary.warnings;
            break;
        case CompareFinding::Severity::Info:
            ++summary.notes;
            break;
        }
    }
    return summary;
}

QString CompareSummary::headline() const
{
    if (!isComparable())
        return QStringLiteral("Not comparable: %1.").arg(notComparable);
    const QString rest = warningsAndNotes(warnings, notes);
    if (isAligned())
        return rest.isEmpty() ? QStringLiteral("Aligned.") : QStringLiteral("Aligned, with %1.").arg(rest);
    // Read aloud, a long list of names is noise: name three and count the others.
    constexpr int named = 3;
    QString names = blockingKeys.mid(0, named).join(QStringLiteral(", "));
    if (blockingKeys.size() > named)
        names += QStringLiteral(" and %1 more").arg(blockingKeys.size() - named);
    QString sentence = QStringLiteral("Not aligned: %1 (%2)")
                           .arg(counted(blocking, QStringLiteral("blocking difference"),
                                    QStringLiteral("blocking differences")),
                               names);
    if (!rest.isEmpty())
        sentence += u", " + rest;
    return sentence + u'.';
}

void CompareSummary::writeJson(JsonWriter &json, const QString &headlineText) const
{
    json.field(u"aligned", isAligned());
    json.field(u"comparable", isComparable());
    json.field(u"headline", headlineText.isEmpty() ? headline() : headlineText);
    json.key(u"counts");
    json.beginObject();
    json.field(u"blocking", blocking);
    json.field(u"warning", warnings);
    json.field(u"info", notes);
    json.endObject();
}

} // namespace Countersign
