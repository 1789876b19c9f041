// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "diff/htmldiff.h"

#include <QBuffer>

namespace Countersign {

namespace {

const char style[] = R"(<style>
body { font-family: sans-serif; margin: 1.5em; color: #1f2328; background: #ffffff; }
h1 { font-size: 1.2em; margin: 0 0 0.3em 0; }
p.summary { margin: 0 0 1em 0; color: #57606a; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; font-family: "DejaVu Sans Mono", monospace; font-size: 0.85em; }
col.num { width: 4.5em; }
th { text-align: left; background: #f6f8fa; border-bottom: 1px solid #d0d7de; padding: 0.3em 0.5em; font-family: sans-serif; word-break: break-all; }
td { padding: 0 0.5em; vertical-align: top; white-space: pre-wrap; word-break: break-all; }
td.num { color: #6e7781; text-align: right; user-select: none; }
tr.hunk td { background: #ddf4ff; color: #57606a; padding: 0.2em 0.5em; }
tr.removed td.left, tr.changed td.left { background: #ffebe9; }
tr.added td.right, tr.changed td.right { background: #e6ffec; }
td.empty { background: #f6f8fa; }
del { background: #ff8182; text-decoration: none; border-radius: 2px; }
ins { background: #4ac26b; text-decoration: none; border-radius: 2px; }
</style>
)";

QString escaped(QStringView text)
{
    return text.toString().toHtmlEscaped();
}

// The line's text with `ranges` wrapped in `tag`.
QString marked(const QString &text, const QList<TextRange> &ranges, QLatin1StringView tag)
{
    QString out;
    int at = 0;
    for (const TextRange &range : ranges) {
        out += escaped(QStringView(text).mid(at, range.start - at));
        out += u'<' + tag + u'>' + escaped(QStringView(text).mid(range.start, range.length)) + u"</" + tag +
            u'>';
        at = range.end();
    }
    out += escaped(QStringView(text).mid(at));
    return out;
}

QString cell(
    const DiffText &text, int line, const QList<TextRange> &ranges, QLatin1StringView tag, const char *side)
{
    if (line == 0)
        return QStringLiteral("<td class=\"num empty\"></td><td class=\"%1 empty\"></td>")
            .arg(QLatin1StringView(side));
    return QStringLiteral("<td class=\"num\">%1</td><td class=\"%2\">%3</td>")
        .arg(line)
        .arg(QLatin1StringView(side), marked(text.lineText(line - 1), ranges, tag));
}

} // namespace

bool HtmlDiff::write(QIODevice *out, const DiffText &left, const DiffText &right,
    const QList<DiffHunk> &hunks, const QString &leftName, const QString &rightName)
{
    int changed = 0, removed = 0, added = 0;
    for (const DiffHunk &hunk : hunks) {
        for (const DiffRow &row : hunk.rows) {
            changed += row.kind == DiffRow::Kind::Changed;
            removed += row.kind == DiffRow::Kind::Removed;
            added += row.kind == DiffRow::Kind::Added;
        }
    }
    const QString summary = hunks.isEmpty()
        ? QStringLiteral("The files are identical.")
        : QStringLiteral("%1 changed, %2 removed, %3 added lines in %4 hunks.")
              .arg(changed)
              .arg(removed)
              .arg(added)
              .arg(hunks.size());

    QString page = QStringLiteral(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>%1 vs %2</title>\n")
                       .arg(escaped(leftName), escaped(rightName));
    page += QLatin1StringView(style);
    page += QStringLiteral("</head>\n<body>\n<h1>%1 &rarr; %2</h1>\n<p class=\"summary\">%3</p>\n")
                .arg(escaped(leftName), escaped(rightName), escaped(summary));
    page += QStringLiteral(
        "<table>\n<colgroup><col class=\"num\"><col><col class=\"num\"><col></colgroup>\n"
        "<thead><tr><th colspan=\"2\">%1</th><th colspan=\"2\">%2</th></tr></thead>\n<tbody>\n")
                .arg(escaped(leftName), escaped(rightName));
    QByteArray bytes = page.toUtf8();
    bool ok = true;
    auto flush = [&] {
        if (ok && !bytes.isEmpty())
            ok = out->write(bytes) == bytes.size();
        bytes.clear();
    };
    for (const DiffHunk &hunk : hunks) {
        const HunkRange &r = hunk.range;
        QString rows = QStringLiteral(
            "<tr class=\"hunk\"><td colspan=\"4\">lines %1&ndash;%2 &rarr; %3&ndash;%4</td></tr>\n")
                           .arg(r.leftStart + 1)
                           .arg(r.leftStart + r.leftCount)
                           .arg(r.rightStart + 1)
                           .arg(r.rightStart + r.rightCount);
        for (const DiffRow &row : hunk.rows) {
            static const char *const classes[] = {"context", "changed", "removed", "added"};
            rows += QStringLiteral("<tr class=\"%1\">").arg(QLatin1StringView(classes[int(row.kind)]));
            rows += cell(left, row.leftLine, row.leftRanges, QLatin1StringView("del"), "left");
            rows += cell(right, row.rightLine, row.rightRanges, QLatin1StringView("ins"), "right");
            rows += u"</tr>\n";
        }
        bytes += rows.toUtf8();
        if (bytes.size() > (1 << 20))
            flush();
    }
    bytes += "</tbody>\n</table>\n</body>\n</html>\n";
    flush();
    return ok;
}

QByteArray HtmlDiff::toByteArray(const DiffText &left, const DiffText &right, const QList<DiffHunk> &hunks,
    const QString &leftName, const QString &rightName)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    write(&buffer, left, right, hunks, leftName, rightName);
    return bytes;
}

} // namespace Countersign
