// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "diff/linediff.h"

#include "base/largememory.h"
#include "diff/sequencediff.h"

#include <QString>

#include <bit>
#include <cstring>
#include <string>

namespace Countersign {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

// A fast 64-bit hash of a line, eight bytes at a time (multiply and xor-shift mixing).
quint64 hashBytes(const char *data, qsizetype size)
{
    quint64 h = 0x9E3779B97F4A7C15ULL ^ quint64(size);
    while (size >= 8) {
        quint64 word;
        std::memcpy(&word, data, 8);
        h = (h ^ word) * 0xBF58476D1CE4E5B9ULL;
        h ^= h >> 31;
        data += 8;
        size -= 8;
    }
    if (size > 0) {
        quint64 word = 0;
        std::memcpy(&word, data, size_t(size));
        h = (h ^ word) * 0x94D049BB133111EBULL;
        h ^= h >> 29;
    }
    return h ^ (h >> 32);
}

// The lines of both texts as the comparison sees them: the raw bytes, or under DiffOptions a
// normalized copy kept in an arena.
class LineKeys
{
public:
    LineKeys(const DiffText &left, const DiffText &right, const DiffOptions &options, int first, int leftEnd,
        int rightEnd)
        : m_texts{&left, &right}
        , m_normalized(options != DiffOptions{})
    {
        if (!m_normalized)
            return;
        for (int side = 0; side < 2; ++side) {
            const int end = side == 0 ? leftEnd : rightEnd;
            m_offsets[side].reserve(size_t(end - first + 1));
            m_offsets[side].push_back(0);
            for (int i = first; i < end; ++i) {
                normalize(m_texts[side]->line(i), options, m_arena[side]);
                m_offsets[side].push_back(qsizetype(m_arena[side].size()));
            }
        }
        m_first = first;
    }

    QByteArrayView key(int side, int line) const
    {
        if (!m_normalized)
            return m_texts[side]->line(line);
        const size_t i = size_t(line - m_first);
        return QByteArrayView(
            m_arena[side].data() + m_offsets[side][i], m_offsets[side][i + 1] - m_offsets[side][i]);
    }

private:
    static void normalize(QByteArrayView line, const DiffOptions &options, std::string &out)
    {
        const bool newline = line.endsWith('\n');
        if (newline)
            line.chop(1);
        std::string folded;
        if (options.ignoreCase) {
            const bool ascii = std::all_of(line.begin(), line.end(), [](char c) { return uchar(c) < 0x80; });
            if (ascii) {
                folded.assign(line.data(), size_t(line.size()));
                for (char &c : folded)
                    c = (c >= 'A' && c <= 'Z') ? char(c + ('a' - 'A')) : c;
            } else {
                folded = QString::fromUtf8(line).toCaseFolded().toStdString();
            }
            line = QByteArrayView(folded.data(), qsizetype(folded.size()));
        }
        switch (options.whitespace) {
        case DiffOptions::Whitespace::Exact:
            out.append(line.data(), size_t(line.size()));
            if (newline)
                out.push_back('\n');
            return;
        case DiffOptions::Whitespace::IgnoreChanges: {
            bool pendingSpace = false;
            for (const char c : line) {
                if (isSpace(c)) {
                    pendingSpace = true;
                    continue;
                }
                if (pendingSpace)
                    out.push_back(' ');
                pendingSpace = false;
                out.push_back(c);
            }
            return;
        }
        case DiffOptions::Whitespace::IgnoreAll:
            for (const char c : line) {
                if (!isSpace(c))
                    out.push_back(c);
            }
            return;
        }
    }

    const DiffText *m_texts[2];
    bool m_normalized;
    int m_first = 0;
    std::string m_arena[2];
    std::vector<qsizetype> m_offsets[2];
};

// Interns lines to dense ids: equal keys get equal ids. Open addressing over a power-of-two table
// kept at most half full (sized for the expected distinct lines, doubled when needed); a slot holds
// part of the hash and the id in one word, so a probe touches one cache line, and an id remembers the
// line that introduced it (8 bytes), whose bytes settle every hash hit.
class LineInterner
{
public:
    LineInterner(const LineKeys &keys, int first, qsizetype expected)
        : m_keys(keys)
        , m_first(first)
    {
        resize(std::bit_ceil(size_t(std::max<qsizetype>(expected, 8)) * 2));
        m_owners.reserve(size_t(expected));
    }

    // The id of line `first + line` of `side` (0 left, 1 right).
    quint32 intern(int side, int line)
    {
        const QByteArrayView key = m_keys.key(side, m_first + line);
        const quint64 hash = hashBytes(key.data(), key.size());
        const quint32 tag = quint32(hash >> 32);
        for (size_t slot = size_t(hash) & m_mask;; slot = (slot + 1) & m_mask) {
            Slot &entry = m_slots[slot];
            if (entry.id == 0) {
                const quint32 id = quint32(m_owners.size());
                entry = {tag, id + 1};
                m_owners.push_back({side, line});
                if (m_owners.size() * 2 > m_slots.size())
                    resize(m_slots.size() * 2);
                return id;
            }
            if (entry.tag == tag) {
                const Owner &owner = m_owners[entry.id - 1];
                if (m_keys.key(owner.side, m_first + owner.line) == key)
                    return entry.id - 1;
            }
        }
    }

    quint32 count() const { return quint32(m_owners.size()); }
    // The line (as given to intern()) that introduced `id`.
    int ownerLine(quint32 id) const { return m_owners[id].line; }

private:
    struct Slot
    {
        quint32 tag = 0; // the upper half of the hash, to skip most byte compares
        quint32 id = 0; // id + 1; 0 for an empty slot
    };
    struct Owner
    {
        int side;
        int line;
    };

    // Rehashes the owners' keys: the table is sized for the left side at once, so this happens only
    // when the right side brings many new lines, and keeping each hash would cost 8 bytes a line.
    void resize(size_t capacity)
    {
        m_slots.assign(capacity, Slot{});
        m_mask = capacity - 1;
        for (size_t id = 0; id < m_owners.size(); ++id) {
            const QByteArrayView key = m_keys.key(m_owners[id].side, m_first + m_owners[id].line);
            const quint64 hash = hashBytes(key.data(), key.size());
            size_t slot = size_t(hash) & m_mask;
            while (m_slots[slot].id != 0)
                slot = (slot + 1) & m_mask;
            m_slots[slot] = {quint32(hash >> 32), quint32(id + 1)};
        }
    }

    const LineKeys &m_keys;
    int m_first;
    size_t m_mask = 0;
    LargeVector<Slot> m_slots;
    LargeVector<Owner> m_owners;
};

// The lines between the common head and tail as ids, equal lines having equal ids.
struct InternedLines
{
    LargeVector<quint32> left, right;
    quint32 idCount = 0;
};

InternedLines intern(const DiffText &left, const DiffText &right, const DiffOptions &options, int first,
    int leftEnd, int rightEnd)
{
    const LineKeys keys(left, right, options, first, leftEnd, rightEnd);
    const int leftCount = leftEnd - first, rightCount = rightEnd - first;
    LineInterner interner(keys, first, leftCount);
    InternedLines ids;
    ids.left.resize(size_t(leftCount));
    ids.right.resize(size_t(rightCount));
    LargeVector<quint32> leftOccurrences;
    leftOccurrences.reserve(size_t(leftCount));
    for (int i = 0; i < leftCount; ++i) {
        const quint32 id = interner.intern(0, i);
        if (id == leftOccurrences.size())
            leftOccurrences.push_back(0);
        ++leftOccurrences[id];
        ids.left[size_t(i)] = id;
    }
    // Most right lines equal the left line across from them, give or take the edits so far:
    // compare with that line first (neighbouring memory, no hashing) and use the table only when
    // it differs. A line found once on the left moves the guess to just after it.
    int guess = 0;
    for (int j = 0; j < rightCount; ++j) {
        if (guess < leftCount && keys.key(0, first + guess) == keys.key(1, first + j)) {
            ids.right[size_t(j)] = ids.left[size_t(guess++)];
            continue;
        }
        const quint32 id = interner.intern(1, j);
        ids.right[size_t(j)] = id;
        if (id < leftOccurrences.size() && leftOccurrences[id] == 1)
            guess = interner.ownerLine(id) + 1;
    }
    ids.idCount = interner.count();
    return ids;
}

} // namespace

QList<HunkRange> LineDiffResult::hunks(int context) const
{
    QList<HunkRange> out;
    if (context < 0) {
        if (!isIdentical())
            out.append({0, leftLineCount, 0, rightLineCount, 0, int(changes.size())});
        return out;
    }
    const int count = int(changes.size());
    int first = 0;
    while (first < count) {
        int last = first;
        while (last + 1 < count && changes[last + 1].leftStart - changes[last].leftEnd() <= 2 * context)
            ++last;
        bool allIgnorable = true;
        for (int i = first; i <= last && allIgnorable; ++i)
            allIgnorable = changes[i].ignorable;
        if (!allIgnorable) {
            const DiffChange &a = changes[first];
            const DiffChange &b = changes[last];
            const int before =
                std::min(context, a.leftStart - (first > 0 ? changes[first - 1].leftEnd() : 0));
            const int after = std::min(
                context, (last + 1 < count ? changes[last + 1].leftStart : leftLineCount) - b.leftEnd());
            HunkRange hunk;
            hunk.leftStart = a.leftStart - before;
            hunk.rightStart = a.rightStart - before;
            hunk.leftCount = b.leftEnd() + after - hunk.leftStart;
            hunk.rightCount = b.rightEnd() + after - hunk.rightStart;
            hunk.firstChange = first;
            hunk.changeCount = last - first + 1;
            out.append(hunk);
        }
        first = last + 1;
    }
    return out;
}

bool LineDiff::isBlank(QByteArrayView line)
{
    return std::all_of(line.begin(), line.end(), [](char c) { return c == '\n' || isSpace(c); });
}

LineDiffResult LineDiff::compute(const DiffText &left, const DiffText &right, const DiffOptions &options,
    const std::optional<QFuture<void>> &cancel)
{
    LineDiffResult result;
    const int n = left.lineCount(), m = right.lineCount();
    result.leftLineCount = n;
    result.rightLineCount = m;

    // Lines equal byte for byte are equal under every option: set the common head and tail aside
    // before hashing anything.
    int prefix = 0;
    while (prefix < n && prefix < m && left.line(prefix) == right.line(prefix))
        ++prefix;
    int suffix = 0;
    while (
        suffix < n - prefix && suffix < m - prefix && left.line(n - 1 - suffix) == right.line(m - 1 - suffix))
        ++suffix;
    const int leftEnd = n - suffix, rightEnd = m - suffix;

    if (prefix < leftEnd || prefix < rightEnd) {
        // The table and the normalized keys are gone before the search starts.
        const InternedLines ids = intern(left, right, options, prefix, leftEnd, rightEnd);
        std::optional<QList<DiffChange>> changes =
            SequenceDiff::diff(ids.left, ids.right, ids.idCount, SequenceDiff::Mode::Fast, cancel);
        if (!changes) {
            result.cancelled = true;
            return result;
        }
        result.changes = std::move(*changes);
        for (DiffChange &change : result.changes) {
            change.leftStart += prefix;
            change.rightStart += prefix;
        }
    }

    if (options.ignoreBlankLines) {
        for (DiffChange &change : result.changes) {
            bool blank = true;
            for (int i = change.leftStart; blank && i < change.leftEnd(); ++i)
                blank = isBlank(left.line(i));
            for (int i = change.rightStart; blank && i < change.rightEnd(); ++i)
                blank = isBlank(right.line(i));
            change.ignorable = blank;
        }
    }
    return result;
}

} // namespace Countersign
