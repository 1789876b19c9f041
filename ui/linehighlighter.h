// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "editing/textbuffer.h"

#include <KSyntaxHighlighting/AbstractHighlighter>
#include <KSyntaxHighlighting/State>
#include <QHash>
#include <QList>
#include <QTextLayout>

#include <vector>

namespace Countersign {

// Syntax highlighting of a TextBuffer one line at a time, only where it is looked at. The state at
// the start of every line is kept, so a line is highlighted from the line before it alone, and an
// edit invalidates the states after it only until a recomputed state equals the one stored before
// (then the rest is known to be unchanged). Lines far beyond the exactly known states are
// highlighted from a plain state a little above them (exact for almost all Markdown, which resets
// at blank lines); catchUp() computes the exact states in small slices so that the view can
// correct them without ever blocking. A line the editor folds (longer than LineFolds::foldLength) is
// not highlighted: it has no formats, and the lines after it start in the state it starts in.
class LineHighlighter : public KSyntaxHighlighting::AbstractHighlighter
{
public:
    LineHighlighter();

    void setTheme(const KSyntaxHighlighting::Theme &theme) override;
    // Forgets every state: a new text of `lineCount` lines.
    void reset(int lineCount);
    void linesChanged(const LineChange &change);

    using Formats = QList<QTextLayout::FormatRange>;
    // The formats of lines first..last (inclusive). `exact` is false when some of them were
    // highlighted from an assumed state (catchUp() makes them exact).
    QList<Formats> highlight(const TextBuffer &buffer, int first, int last, bool *exact);
    // Extends the exact states towards line `target` for at most `budgetMs`; true once they reach it.
    bool catchUp(const TextBuffer &buffer, int target, int budgetMs);

protected:
    void applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format) override;

private:
    // Highlights line `index` from the exact state before it and stores the state after it.
    void extend(const TextBuffer &buffer);
    // Highlights `text` from `state`, unless it is folded; the state after it.
    KSyntaxHighlighting::State step(QStringView text, const KSyntaxHighlighting::State &state);
    QTextCharFormat charFormat(const KSyntaxHighlighting::Format &format);

    // m_states[i] is the state at the start of line i; [0, m_valid] are exact, (m_valid, m_computed]
    // were computed before an edit and hold again once a state at or after m_checkFrom matches.
    std::vector<KSyntaxHighlighting::State> m_states;
    int m_valid = 0;
    int m_computed = 0;
    int m_checkFrom = 0;
    Formats *m_collect = nullptr;
    QHash<quint16, QTextCharFormat> m_formats;
};

} // namespace Countersign
