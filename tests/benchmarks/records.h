// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

// Shared by the benchmarks that open generated records in the window (bench_window, bench_typing):
// a record of a given number of lines shaped like the samples, and pairs of them in a work folder.
#include <QByteArray>
#include <QFile>
#include <QRandomGenerator>
#include <QString>

namespace Records {

// A record of `lines` lines: the sample's sections, then numbered evidence lines. Every
// `editEvery`-th evidence line (none when 0) names a random node instead of a fixed one, so two
// records of the same seed differ on those lines only.
inline QByteArray record(int lines, int seed, int editEvery)
{
    QByteArray text =
        "# Runtime Cutover Decision Record\n\nUpdated: 2026-03-14\n\n## Approved Runtime Target\n"
        "- release_tag: `v2.1.0`\n- commit_sha: `3f9c2a7d5e8b1c4f6a0d9e2b7c5a8f1e3d6b9c0a`\n\n"
        "## Runtime Cutover Completion Evidence\n";
    QRandomGenerator random(static_cast<quint32>(seed));
    // Each evidence line adds one line break.
    for (qsizetype i = 0, count = text.count('\n'); count < lines; ++i, ++count) {
        text +=
            QByteArray::number(i + 1) + ". Verification step " + QByteArray::number(i) + " passed on node ";
        text +=
            QByteArray::number(editEvery > 0 && i % editEvery == 0 ? random.bounded(1000) : i % 97) + ".\n";
    }
    return text;
}

struct Pair
{
    QString name; // "10k lines", "1M lines"
    QString left;
    QString right;
};

// Writes a pair of `lines`-line records to `dir` (left-LINES.md and right-LINES.md, the right one
// with 1% of its lines edited), replacing earlier ones. Ends the program when it cannot write them.
inline Pair writePair(const QString &dir, int lines)
{
    const Pair pair{
        lines >= 1000000 ? QStringLiteral("%1M lines").arg(lines / 1000000)
                         : QStringLiteral("%1k lines").arg(lines / 1000),
        dir + QStringLiteral("/left-%1.md").arg(lines),
        dir + QStringLiteral("/right-%1.md").arg(lines),
    };
    QFile left(pair.left), right(pair.right);
    if (!left.open(QIODevice::WriteOnly) || !right.open(QIODevice::WriteOnly) ||
        left.write(record(lines, 1, 0)) < 0 || right.write(record(lines, 1, 100)) < 0)
        qFatal("cannot write %s", qPrintable(pair.left));
    return pair;
}

} // namespace Records
