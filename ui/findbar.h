// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "editing/textsearch.h"
#include "pane.h"

#include <QTimer>
#include <QWidget>

#include <array>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace Countersign {

class TextView;

// The find bar below the panes, as Kate's search bar: the text to find, Match case, Whole words, Both
// panes, Next and Previous, and how many matches there are ("3 of 12 matches", "No matches" with the
// line edit tinted red). It searches the pane worked in last (the one it was opened or stepped in, or
// focused since), or both panes, the left one's matches first.
//
// Searching is incremental: a change of the text or of an option selects the first match from the
// start of the selection. Next and Previous go on from the selection, into the other pane when both
// are searched, and around from the end to the start (or back), which message() reports. While the
// bar is shown the matches in view are marked in the panes searched; closing it takes the marks away
// and gives the focus back to the pane. Counting runs a slice of lines at a time in the event loop
// (MatchCount, over snapshots of the texts), so that a huge text never holds up typing; an edit or a
// new text starts it again.
//
// It reads and selects in the two TextViews it is given, which must outlive it, and never changes
// their text.
class FindBar : public QWidget
{
    Q_OBJECT
public:
    FindBar(TextView *left, TextView *right, QWidget *parent = nullptr);

    // Edit > Find: shows the bar to search `pane`, takes the pane's selection (on one line) as the
    // text to find, and puts the focus in the line edit with its text selected.
    void open(Pane pane);
    // Find Next and Find Previous in `pane`: a closed bar is shown again (the focus stays where it
    // is), or opened as by open() while there is nothing to find.
    void findNext(Pane pane);
    void findPrevious(Pane pane);
    // Hides the bar and the marks; the pane searched last gets the focus.
    void closeBar();

    QLineEdit *lineEdit() const { return m_text; }
    // What the bar says of the matches; empty while there is nothing to find.
    QString countText() const;

Q_SIGNALS:
    // A match was selected in the other pane than before: the search went on into `pane`.
    void paneChanged(Pane pane);
    // For the status bar: the search went around the end, or into the other pane; empty for a step
    // that did neither.
    void message(const QString &text);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    enum class Direction { Forward, Backward };

    TextView *view(Pane pane) const { return m_views.at(std::size_t(pane)); }
    bool isSearched(Pane pane) const;
    TextSearch search() const;
    void setPane(Pane pane);
    // Shows the bar again when it is closed; false when there is nothing to find (the bar is opened).
    bool prepareStep(Pane pane);
    // Selects the first match from `from` in `direction` in the pane searched, going on into the other
    // pane and around; false when there is none.
    bool step(Direction direction, TextPosition from);
    // The text or an option changed: count and mark again, and select the first match.
    void searchChanged();
    // Marks the matches (none while the bar is hidden) and counts them again.
    void refresh();
    void countSlice();
    // The number of the match selected in the pane searched, counting from the left pane's first when
    // both are searched; 0 when the selection is not a match.
    int selectedMatch() const;
    void showCount();
    // "3 of 12 matches", "No matches"...: of `total` matches, all counted when `complete`.
    QString countSentence(int total, bool complete) const;

    std::array<TextView *, 2> m_views;
    QLineEdit *m_text;
    QCheckBox *m_matchCase;
    QCheckBox *m_wholeWords;
    QCheckBox *m_bothPanes;
    QLabel *m_count;
    Pane m_pane = Pane::Left;
    std::array<MatchCount, 2> m_counts;
    QTimer m_counting;
};

} // namespace Countersign
