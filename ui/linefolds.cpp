// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "linefolds.h"

#include <algorithm>

namespace Countersign {

namespace {
// How far a piece's start may move past its place to keep a character whole.
constexpr int maxShift = 16;
} // namespace

LineFolds::LineFolds(const TextBuffer &buffer)
    : m_buffer(buffer)
{
    reset();
}

LineFolds::Fold LineFolds::foldOf(int line) const
{
    const int length = m_buffer.lineLength(line);
    int pieces = (length + foldLength - 1) / foldLength;
    // The last piece's start may have moved past the end of the line.
    if (pieces > 1 && pieceStart(line, pieces - 1) >= length)
        --pieces;
    return {line, std::max(1, pieces), 0};
}

void LineFolds::sumExtras()
{
    int extra = 0;
    for (Fold &fold : m_folds) {
        fold.extraBefore = extra;
        extra += fold.pieces - 1;
    }
    m_extra = extra;
}

void LineFolds::reset()
{
    m_folds.clear();
    m_lineCount = m_buffer.lineCount();
    for (int line = 0; line < m_lineCount; ++line) {
        if (isFolded(line))
            m_folds.push_back(foldOf(line));
    }
    sumExtras();
}

void LineFolds::linesChanged(const LineChange &change)
{
    const int shift = change.added - change.removed;
    std::vector<Fold> folds;
    folds.reserve(m_folds.size() + 1);
    auto it = m_folds.cbegin();
    for (; it != m_folds.cend() && it->line < change.first; ++it)
        folds.push_back(*it);
    for (int line = change.first; line < change.first + change.added; ++line) {
        if (isFolded(line))
            folds.push_back(foldOf(line));
    }
    for (; it != m_folds.cend(); ++it) {
        if (it->line >= change.first + change.removed)
            folds.push_back({it->line + shift, it->pieces, 0});
    }
    m_folds = std::move(folds);
    m_lineCount = m_buffer.lineCount();
    sumExtras();
}

int LineFolds::pieceCount(int line) const
{
    const auto it = std::lower_bound(
        m_folds.cbegin(), m_folds.cend(), line, [](const Fold &fold, int l) { return fold.line < l; });
    return it != m_folds.cend() && it->line == line ? it->pieces : 1;
}

int LineFolds::visualLine(int line) const
{
    const auto it = std::lower_bound(
        m_folds.cbegin(), m_folds.cend(), line, [](const Fold &fold, int l) { return fold.line < l; });
    return line + (it != m_folds.cend() ? it->extraBefore : m_extra);
}

int LineFolds::visualLine(TextPosition position) const
{
    const int first = visualLine(position.line);
    const int pieces = pieceCount(position.line);
    if (pieces == 1)
        return first;
    int index = std::min(position.column / foldLength, pieces - 1);
    if (position.column < pieceStart(position.line, index))
        --index;
    return first + std::max(0, index);
}

LineFolds::Piece LineFolds::pieceAt(int visualLine) const
{
    // The last folded line whose first piece is at or before the visual line.
    auto it = std::upper_bound(m_folds.cbegin(), m_folds.cend(), visualLine,
        [](int v, const Fold &fold) { return v < fold.line + fold.extraBefore; });
    if (it == m_folds.cbegin())
        return {visualLine, 0};
    --it;
    const int first = it->line + it->extraBefore;
    if (visualLine < first + it->pieces)
        return {it->line, visualLine - first};
    return {visualLine - it->extraBefore - (it->pieces - 1), 0};
}

int LineFolds::pieceStart(int line, int index) const
{
    if (index <= 0)
        return 0;
    const QStringView text = m_buffer.line(line);
    const qsizetype place = qsizetype(index) * foldLength;
    qsizetype start = place;
    while (start < text.size() && start < place + maxShift &&
        (text[start].isLowSurrogate() || (text[start].unicode() >= 0x300 && text[start].isMark())))
        ++start;
    return int(std::min(start, text.size()));
}

int LineFolds::pieceEnd(int line, int index) const
{
    return index + 1 >= pieceCount(line) ? m_buffer.lineLength(line) : pieceStart(line, index + 1);
}

} // namespace Countersign
