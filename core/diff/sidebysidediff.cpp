// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "diff/sidebysidediff.h"

namespace Countersign {

namespace {

constexpr int pairingWindow = 32;

// Similar enough to pair: what the lines share at their start and end is at least half the longer.
bool isSimilar(QByteArrayView a, QByteArrayView b)
{
    const qsizetype longer = std::max(a.size(), b.size());
    const qsizetype shorter = std::min(a.size(), b.size());
    qsizetype prefix = 0;
    while (prefix < shorter && a[prefix] == b[prefix])
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < shorter - prefix && a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
        ++suffix;
    return longer == 0 || (prefix + suffix) * 2 >= longer;
}

class RowBuilder
{
public:
    RowBuilder(const DiffText &left, const DiffText &right, SideBySideDiff::Words words)
        : m_left(left)
        , m_right(right)
        , m_words(words)
    { }

    void context(QList<DiffRow> &rows, int leftIndex, int rightIndex) const
    {
        rows.append({DiffRow::Kind::Context, leftIndex + 1, rightIndex + 1, {}, {}});
    }

    void change(QList<DiffRow> &rows, const DiffChange &change) const
    {
        // First pair each removed line with the next similar added line.
        QList<DiffRow> local;
        int next = change.rightStart; // the first added line not yet placed
        for (int i = change.leftStart; i < change.leftEnd(); ++i) {
            int match = -1;
            // Looking a bounded way ahead keeps a change of many thousand lines linear.
            const int end = std::min(change.rightEnd(), next + pairingWindow);
            for (int j = next; j < end && match < 0; ++j) {
                if (isSimilar(m_left.lineContent(i), m_right.lineContent(j)))
                    match = j;
            }
            if (match < 0) {
                local.append({DiffRow::Kind::Removed, i + 1, 0, {}, {}});
                continue;
            }
            for (; next < match; ++next)
                local.append({DiffRow::Kind::Added, 0, next + 1, {}, {}});
            local.append({DiffRow::Kind::Changed, i + 1, match + 1, {}, {}});
            next = match + 1;
        }
        for (; next < change.rightEnd(); ++next)
            local.append({DiffRow::Kind::Added, 0, next + 1, {}, {}});

        // Then let a run of removed lines and the run of added lines right after it share rows, as
        // a rewritten passage reads best side by side.
        for (qsizetype r = 0; r < local.size();) {
            if (local[r].kind != DiffRow::Kind::Removed) {
                finish(rows, local[r++]);
                continue;
            }
            qsizetype removedEnd = r;
            while (removedEnd < local.size() && local[removedEnd].kind == DiffRow::Kind::Removed)
                ++removedEnd;
            qsizetype addedEnd = removedEnd;
            while (addedEnd < local.size() && local[addedEnd].kind == DiffRow::Kind::Added)
                ++addedEnd;
            const qsizetype pairs = std::min(removedEnd - r, addedEnd - removedEnd);
            for (qsizetype k = 0; k < pairs; ++k)
                finish(rows,
                    {DiffRow::Kind::Changed, local[r + k].leftLine, local[removedEnd + k].rightLine, {}, {}});
            for (qsizetype k = pairs; k < removedEnd - r; ++k)
                finish(rows, local[r + k]);
            for (qsizetype k = pairs; k < addedEnd - removedEnd; ++k)
                finish(rows, local[removedEnd + k]);
            r = addedEnd;
        }
    }

private:
    // Adds the row, with its word-level differences when it pairs two lines. Lines that keep no
    // word in common (only spaces and punctuation) are marked whole: a rewritten line reads better
    // that way than as a scatter of marked fragments.
    void finish(QList<DiffRow> &rows, DiffRow row) const
    {
        if (row.kind == DiffRow::Kind::Changed && m_words == SideBySideDiff::Words::Highlight) {
            // Decoded into this thread's buffers, reused from row to row.
            thread_local QString leftBuffer, rightBuffer;
            const QStringView left = decode(m_left.lineContent(row.leftLine - 1), leftBuffer);
            const QStringView right = decode(m_right.lineContent(row.rightLine - 1), rightBuffer);
            WordDiffResult words = WordDiff::compare(left, right);
            if (keepsAWord(left, words.left)) {
                row.leftRanges = std::move(words.left);
                row.rightRanges = std::move(words.right);
            } else {
                row.leftRanges = {{0, int(left.size())}};
                row.rightRanges = {{0, int(right.size())}};
            }
            // The copy of an enormous line (a blob) is not kept by every thread that diffed one.
            for (QString *buffer : {&leftBuffer, &rightBuffer}) {
                if (buffer->capacity() > keptBufferLength)
                    *buffer = QString();
            }
        }
        rows.append(std::move(row));
    }

    static constexpr qsizetype keptBufferLength = 64 * 1024;

    // The line's text without a CR at its end (as DiffText::lineText), in `buffer`: ASCII is widened
    // in place, anything else decoded.
    static QStringView decode(QByteArrayView line, QString &buffer)
    {
        if (line.endsWith('\r'))
            line.chop(1);
        if (!std::all_of(line.begin(), line.end(), [](char c) { return uchar(c) < 0x80; })) {
            buffer = QString::fromUtf8(line);
            return buffer;
        }
        buffer.resize(line.size());
        QChar *out = buffer.data();
        for (qsizetype i = 0; i < line.size(); ++i)
            out[i] = QLatin1Char(line[i]);
        return buffer;
    }

    // True when a letter or digit of `text` lies outside the marked ranges.
    static bool keepsAWord(QStringView text, const QList<TextRange> &marked)
    {
        int at = 0;
        for (const TextRange &range : marked) {
            for (; at < range.start; ++at) {
                if (text[at].isLetterOrNumber())
                    return true;
            }
            at = range.end();
        }
        for (; at < text.size(); ++at) {
            if (text[at].isLetterOrNumber())
                return true;
        }
        return false;
    }

    const DiffText &m_left;
    const DiffText &m_right;
    SideBySideDiff::Words m_words;
};

} // namespace

std::optional<QList<DiffHunk>> SideBySideDiff::build(const DiffText &left, const DiffText &right,
    const LineDiffResult &diff, int context, Words words, const std::optional<QFuture<void>> &cancel)
{
    const RowBuilder builder(left, right, words);
    QList<DiffHunk> hunks;
    for (const HunkRange &range : diff.hunks(context)) {
        if (cancel && cancel->isCanceled())
            return std::nullopt;
        DiffHunk hunk;
        hunk.range = range;
        int i = range.leftStart, j = range.rightStart;
        for (int c = range.firstChange; c < range.firstChange + range.changeCount; ++c) {
            const DiffChange &change = diff.changes[c];
            for (; i < change.leftStart; ++i, ++j)
                builder.context(hunk.rows, i, j);
            builder.change(hunk.rows, change);
            i = change.leftEnd();
            j = change.rightEnd();
        }
        for (; i < range.leftStart + range.leftCount; ++i, ++j)
            builder.context(hunk.rows, i, j);
        hunks.append(std::move(hunk));
    }
    return hunks;
}

} // namespace Countersign
