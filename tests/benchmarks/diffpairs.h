// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

// Shared by the benchmarks of `countersign diff` (bench_diff, bench_goals): generated markdown-like
// pairs with a given share of lines edited, and adversarial pairs made mostly of a handful of
// repeated lines.
#include <QByteArray>
#include <QFile>
#include <QList>
#include <QRandomGenerator>
#include <QString>

namespace DiffPairs {

// A line of a markdown record: headings, key/value bullets with code spans, table rows, prose, and
// the blank lines between them.
inline QByteArray markdownLine(QRandomGenerator &random, int index)
{
    static const char *const words[] = {"runtime", "cutover", "producer", "consumer", "gate", "evidence",
        "baseline", "contract", "verification", "queue", "latency", "rollback", "owner", "phase", "window"};
    auto word = [&] { return QByteArray(words[random.bounded(15)]); };
    switch (random.bounded(10)) {
    case 0:
    case 1:
        return {};
    case 2:
        return "## " + word() + ' ' + word() + ' ' + QByteArray::number(index);
    case 3:
    case 4:
        return "- " + word() + '_' + word() + ": `" + QByteArray::number(random.generate64(), 16) + '`';
    case 5:
        return "| " + word() + ' ' + QByteArray::number(index) + " | **PASS** | `" + word() + ".md` |";
    default: {
        QByteArray line = QByteArray::number(index) + '.';
        const int count = 6 + int(random.bounded(10));
        for (int i = 0; i < count; ++i)
            line += ' ' + word();
        return line + '.';
    }
    }
}

inline QByteArray handfulLine(QRandomGenerator &random)
{
    static const char *const handful[] = {
        "", "", "---", "- [ ] pending", "| --- | --- |", "  - `n/a`", "}", "**GO**"};
    return handful[random.bounded(8)];
}

// Changes `percent` of the lines: a quarter each are edited in place (a word or a value changed,
// what most record edits are), replaced by a new line, followed by an inserted line, or deleted.
template<typename Make>
inline QList<QByteArray> edited(
    const QList<QByteArray> &lines, int percent, QRandomGenerator &random, Make make)
{
    QList<QByteArray> out;
    out.reserve(lines.size() + lines.size() / 10);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (int(random.bounded(100)) >= percent) {
            out.append(lines[i]);
            continue;
        }
        switch (random.bounded(4)) {
        case 0: {
            QByteArray line = lines[i];
            if (line.size() > 4) {
                const qsizetype at = random.bounded(line.size() - 2);
                line.replace(at, 2, QByteArray::number(random.bounded(100)));
            } else {
                line += " changed";
            }
            out.append(line);
            break;
        }
        case 1:
            out.append(make());
            break;
        case 2:
            out.append(lines[i]);
            out.append(make());
            break;
        default:
            break; // deleted
        }
    }
    return out;
}

inline bool write(const QString &path, const QList<QByteArray> &lines)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QByteArray text = lines.join('\n');
    text += '\n';
    return file.write(text) == text.size();
}

struct Pair
{
    QString name;
    int lines = 0;
    QString left;
    QString right;
};

inline Pair makePair(const QString &dir, const QString &name, int lineCount, int percent, bool adversarial)
{
    QRandomGenerator random(quint32(lineCount * 31 + percent + (adversarial ? 7 : 0)));
    QList<QByteArray> lines;
    lines.reserve(lineCount);
    for (int i = 0; i < lineCount; ++i) {
        if (adversarial)
            lines.append(
                random.bounded(20) == 0 ? "unique line " + QByteArray::number(i) : handfulLine(random));
        else
            lines.append(markdownLine(random, i));
    }
    int counter = lineCount;
    const QList<QByteArray> other = adversarial
        ? edited(lines, percent, random, [&] { return handfulLine(random); })
        : edited(lines, percent, random, [&] { return markdownLine(random, ++counter); });
    Pair pair{name, lineCount, dir + u'/' + name + u".left.md", dir + u'/' + name + u".right.md"};
    if (!write(pair.left, lines) || !write(pair.right, other))
        qFatal("cannot write %s", qPrintable(pair.left));
    return pair;
}

} // namespace DiffPairs
