// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "diff/worddiff.h"

#include "diff/sequencediff.h"

#include <QHash>

#include <bit>
#include <vector>

namespace Countersign {

namespace {

enum class TokenKind { Word, Space, Other };

TokenKind kindOf(QChar c)
{
    if (c.unicode() < 0x80) { // most of a record: no Unicode tables needed
        const char a = char(c.unicode());
        if ((a >= 'a' && a <= 'z') || (a >= 'A' && a <= 'Z') || (a >= '0' && a <= '9') || a == '_')
            return TokenKind::Word;
        if (a == ' ' || a == '\t' || a == '\r' || a == '\n' || a == '\v' || a == '\f')
            return TokenKind::Space;
        return TokenKind::Other;
    }
    if (c.isLetterOrNumber() || c.isMark())
        return TokenKind::Word;
    if (c.isSpace())
        return TokenKind::Space;
    return TokenKind::Other;
}

void appendRange(QList<TextRange> &ranges, int start, int length)
{
    if (length <= 0)
        return;
    if (!ranges.isEmpty() && ranges.last().end() >= start) {
        TextRange &last = ranges.last();
        last.length = std::max(last.end(), start + length) - last.start;
        return;
    }
    ranges.append({start, length});
}

// Interns the tokens of two lines: a small open-addressing table whose storage each thread keeps
// from line to line (a QHash per line pair cost more than the diff itself).
class TokenIds
{
public:
    explicit TokenIds(qsizetype tokens)
        : m_slots(storage())
    {
        const size_t capacity = std::bit_ceil(size_t(std::max<qsizetype>(tokens, 8)) * 2);
        m_slots.assign(capacity, Slot{});
        m_mask = capacity - 1;
    }

    quint32 intern(QStringView token)
    {
        for (size_t slot = hash(token) & m_mask;; slot = (slot + 1) & m_mask) {
            Slot &entry = m_slots[slot];
            if (entry.id == 0) {
                entry = {token, ++m_count};
                return entry.id - 1;
            }
            if (entry.token == token)
                return entry.id - 1;
        }
    }
    quint32 count() const { return m_count; }

private:
    // FNV-1a over the UTF-16 units: tokens are a few characters long, where qHash's seeded
    // general-purpose hash costs more than the whole diff of a line.
    static size_t hash(QStringView token)
    {
        quint64 h = 0xCBF29CE484222325ULL;
        for (const QChar c : token)
            h = (h ^ c.unicode()) * 0x100000001B3ULL;
        return size_t(h ^ (h >> 29));
    }

    struct Slot
    {
        QStringView token;
        quint32 id = 0; // id + 1; 0 for an empty slot
    };
    static std::vector<Slot> &storage()
    {
        thread_local std::vector<Slot> slots;
        return slots;
    }
    std::vector<Slot> &m_slots;
    size_t m_mask = 0;
    quint32 m_count = 0;
};

// True when a token starts at `at` (or `at` is the end): the kind changes there, or the character
// before is a token of its own.
bool isTokenStart(QStringView text, qsizetype at)
{
    if (at <= 0 || at >= text.size())
        return true;
    if (text[at].isLowSurrogate())
        return false;
    const TokenKind before = text[at - 1].isLowSurrogate() ? TokenKind::Other : kindOf(text[at - 1]);
    return before == TokenKind::Other || before != kindOf(text[at]);
}

// Marks what differs between two tokens of one kind: the span between their common prefix and
// common suffix (never splitting a surrogate pair).
void markCharacters(
    QStringView left, TextRange leftToken, QStringView right, TextRange rightToken, WordDiffResult &out)
{
    const QStringView a = left.mid(leftToken.start, leftToken.length);
    const QStringView b = right.mid(rightToken.start, rightToken.length);
    qsizetype prefix = 0;
    const qsizetype shorter = std::min(a.size(), b.size());
    while (prefix < shorter && a[prefix] == b[prefix])
        ++prefix;
    if (prefix > 0 && prefix < shorter && a[prefix - 1].isHighSurrogate())
        --prefix;
    qsizetype suffix = 0;
    while (suffix < shorter - prefix && a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
        ++suffix;
    if (suffix > 0 && suffix < shorter - prefix && a[a.size() - suffix].isLowSurrogate())
        --suffix;
    // Tokens that share less than half are different words: mark them whole.
    if ((prefix + suffix) * 2 < shorter)
        prefix = suffix = 0;
    appendRange(out.left, leftToken.start + int(prefix), int(a.size() - prefix - suffix));
    appendRange(out.right, rightToken.start + int(prefix), int(b.size() - prefix - suffix));
}

} // namespace

QList<TextRange> WordDiff::tokenize(QStringView text)
{
    QList<TextRange> tokens;
    tokenizeInto(text, tokens);
    return tokens;
}

void WordDiff::tokenizeInto(QStringView text, QList<TextRange> &tokens)
{
    tokens.clear();
    const int size = int(text.size());
    int i = 0;
    while (i < size) {
        const int start = i;
        const bool pair = text[i].isHighSurrogate() && i + 1 < size && text[i + 1].isLowSurrogate();
        const TokenKind kind = pair ? TokenKind::Other : kindOf(text[i]);
        i += pair ? 2 : 1;
        if (kind != TokenKind::Other) {
            while (i < size && kindOf(text[i]) == kind)
                ++i;
        }
        tokens.append({start, i - start});
    }
}

WordDiffResult WordDiff::compare(QStringView left, QStringView right)
{
    // What the lines share at their start and end, cut back to where a token starts (or ends) in
    // both, needs no diff; most edits then leave one token or none on each side.
    const qsizetype shorter = std::min(left.size(), right.size());
    qsizetype head = 0;
    while (head < shorter && left[head] == right[head])
        ++head;
    while (head > 0 && !(isTokenStart(left, head) && isTokenStart(right, head)))
        --head;
    qsizetype tail = 0;
    while (tail < shorter - head && left[left.size() - 1 - tail] == right[right.size() - 1 - tail])
        ++tail;
    while (tail > 0 && !(isTokenStart(left, left.size() - tail) && isTokenStart(right, right.size() - tail)))
        --tail;

    WordDiffResult out;
    const QStringView leftMiddle = left.mid(head, left.size() - head - tail);
    const QStringView rightMiddle = right.mid(head, right.size() - head - tail);
    if (leftMiddle.isEmpty() || rightMiddle.isEmpty() || leftMiddle.size() > maxComparedLength ||
        rightMiddle.size() > maxComparedLength) {
        appendRange(out.left, int(head), int(leftMiddle.size()));
        appendRange(out.right, int(head), int(rightMiddle.size()));
        return out;
    }
    // The token lists are this thread's, reused from line to line (QList keeps its capacity).
    thread_local QList<TextRange> leftTokens, rightTokens;
    tokenizeInto(leftMiddle, leftTokens);
    tokenizeInto(rightMiddle, rightTokens);
    if (leftTokens.size() == 1 && rightTokens.size() == 1) {
        const TextRange a{int(head), int(leftMiddle.size())}, b{int(head), int(rightMiddle.size())};
        if (kindOf(left[a.start]) == kindOf(right[b.start])) {
            markCharacters(left, a, right, b, out);
        } else {
            appendRange(out.left, a.start, a.length);
            appendRange(out.right, b.start, b.length);
        }
        return out;
    }
    diffTokens(leftMiddle, leftTokens, rightMiddle, rightTokens, out);
    for (TextRange &range : out.left)
        range.start += int(head);
    for (TextRange &range : out.right)
        range.start += int(head);
    return out;
}

void WordDiff::diffTokens(QStringView left, const QList<TextRange> &leftTokens, QStringView right,
    const QList<TextRange> &rightTokens, WordDiffResult &out)
{
    TokenIds ids(leftTokens.size() + rightTokens.size());
    auto intern = [&ids](QStringView token) { return ids.intern(token); };
    std::vector<quint32> leftIds, rightIds;
    leftIds.reserve(size_t(leftTokens.size()));
    rightIds.reserve(size_t(rightTokens.size()));
    for (const TextRange &token : leftTokens)
        leftIds.push_back(intern(left.mid(token.start, token.length)));
    for (const TextRange &token : rightTokens)
        rightIds.push_back(intern(right.mid(token.start, token.length)));

    const std::optional<QList<DiffChange>> changes =
        SequenceDiff::diff(leftIds, rightIds, ids.count(), SequenceDiff::Mode::Minimal);
    for (const DiffChange &change : *changes) {
        if (change.leftCount == change.rightCount) {
            for (int k = 0; k < change.leftCount; ++k) {
                const TextRange a = leftTokens[change.leftStart + k];
                const TextRange b = rightTokens[change.rightStart + k];
                if (kindOf(left[a.start]) == kindOf(right[b.start])) {
                    markCharacters(left, a, right, b, out);
                } else {
                    appendRange(out.left, a.start, a.length);
                    appendRange(out.right, b.start, b.length);
                }
            }
            continue;
        }
        if (change.leftCount > 0) {
            const int start = leftTokens[change.leftStart].start;
            appendRange(out.left, start, leftTokens[change.leftEnd() - 1].end() - start);
        }
        if (change.rightCount > 0) {
            const int start = rightTokens[change.rightStart].start;
            appendRange(out.right, start, rightTokens[change.rightEnd() - 1].end() - start);
        }
    }
}

} // namespace Countersign
