// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "editing/textbuffer.h"
#include "textmarks.h"

#include <QColor>
#include <QFont>
#include <QHash>
#include <QTextLayout>
#include <QTextOption>

#include <functional>
#include <memory>
#include <unordered_map>

namespace Countersign {

// The laid-out lines of a TextView: one QTextLayout per line in or near the view, its formats being
// the line's highlighting and the diff's word tints. Lines are laid out on demand (layout()) and
// dropped when what they depend on changes: the text from an edited line on (dropFrom()), the font,
// wrapping, the wrap width, a line's word marks. The highlighting of a line is kept with it and asked
// of the highlight function (a page either side at once) only for lines not seen since they were
// dropped; without a function lines are laid out plain.
//
// The number of layouts stays bounded whatever the text's size: once more than a few pages are laid
// out, those far from the view's first line (setView()) are dropped. A pointer from layout() is valid
// until the next call that lays out or drops lines. Reads the TextBuffer it is given, which must
// outlive it; lines are 0-based and must be within the text.
class LayoutCache
{
public:
    using Formats = QList<QTextLayout::FormatRange>;
    // The highlighting of lines first..last (inclusive, within the text), one list per line. The
    // function may drop lines (clear()) before it returns, as a theme set on first use does.
    using Highlight = std::function<QList<Formats>(int first, int last)>;

    explicit LayoutCache(const TextBuffer &buffer);
    ~LayoutCache();
    LayoutCache(const LayoutCache &) = delete;
    LayoutCache &operator=(const LayoutCache &) = delete;

    void setHighlight(Highlight highlight);
    void setFont(const QFont &font);
    const QFont &font() const { return m_font; }
    // The height of one row of text: the font's line spacing.
    int rowHeight() const { return m_rowHeight; }
    void setWrap(bool wrap);
    bool wrap() const { return m_wrap; }
    // The width wrapped lines take; without wrapping, lines are laid out on one row each.
    void setWrapWidth(int width);
    int wrapWidth() const { return m_wrapWidth; }
    // Where the view is: layouts far from its first line are the ones dropped, and a line laid out
    // is highlighted with `rows` lines either side (views walk lines up as well as down).
    void setView(int firstLine, int rows);
    // The diff's marks by 0-based line, whose word ranges are tinted: only lines whose ranges
    // changed are laid out again (a keystroke changes a few), all of them when the tint changes.
    void setWordTint(const QColor &tint);
    void setWordMarks(const QHash<int, LineMark> &marks);

    QTextOption textOption() const;
    QTextLayout *layout(int line);
    // The height of `line`: its layout's, or measured without laying it out for good.
    qreal lineHeight(int line) const;
    // The highlighting of `line` as it is laid out (highlighting it if needed).
    Formats lineFormats(int line);
    // Highlights the lines first..last not highlighted yet, in one go.
    void prepareLines(int first, int last);
    // Forgets the layouts and highlighting of lines from `line` on.
    void dropFrom(int line);
    void clear() { dropFrom(0); }
    int layoutCount() const { return int(m_layouts.size()); }

private:
    const TextBuffer &m_buffer;
    Highlight m_highlight;
    QFont m_font;
    int m_rowHeight = 1;
    int m_tabStop = 0;
    bool m_wrap = true;
    int m_wrapWidth = 40;
    int m_firstLine = 0;
    int m_rows = 1;
    QHash<int, LineMark> m_marks;
    QColor m_wordTint;
    std::unordered_map<int, std::unique_ptr<QTextLayout>> m_layouts;
    QHash<int, Formats> m_lineFormats;
};

} // namespace Countersign
