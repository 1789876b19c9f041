#include "worddiff.h"

#include "sequencediff.h"

#include <QHash>

#include <vector>

namespace Countersign {

namespace {

enum class TokenKind { Word, Space, Other };

TokenKind kindOf(QChar c)
{
    if (c.isLetterOrNumber() || c == u'_' || c.isMark())
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
    return tokens;
}

WordDiffResult WordDiff::compare(QStringView left, QStringView right)
{
    WordDiffResult out;
    const QList<TextRange> leftTokens = tokenize(left);
    const QList<TextRange> rightTokens = tokenize(right);

    QHash<QStringView, quint32> ids;
    ids.reserve(leftTokens.size() + rightTokens.size());
    auto intern = [&ids](QStringView token) {
        const auto found = ids.constFind(token);
        return found != ids.constEnd() ? *found : *ids.insert(token, quint32(ids.size()));
    };
    std::vector<quint32> leftIds, rightIds;
    leftIds.reserve(size_t(leftTokens.size()));
    rightIds.reserve(size_t(rightTokens.size()));
    for (const TextRange &token : leftTokens)
        leftIds.push_back(intern(left.mid(token.start, token.length)));
    for (const TextRange &token : rightTokens)
        rightIds.push_back(intern(right.mid(token.start, token.length)));

    const std::optional<QList<DiffChange>> changes =
        SequenceDiff::diff(leftIds, rightIds, quint32(ids.size()), SequenceDiff::Mode::Minimal);
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
    return out;
}

} // namespace Countersign
