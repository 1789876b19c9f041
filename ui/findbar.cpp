// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "findbar.h"

#include "textview.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace Countersign {

namespace {

// How long one slice of counting may hold up the event loop: well under a keystroke's interval.
constexpr int countSliceMilliseconds = 10;

// The line edit's background when nothing matches: its own colour turned towards red, so that it
// reads on light and dark palettes.
QPalette noMatchPalette(const QPalette &normal)
{
    const QColor base = normal.color(QPalette::Base);
    const QColor red(0xe5, 0x39, 0x35);
    constexpr float share = 0.35f;
    QPalette palette = normal;
    palette.setColor(QPalette::Base,
        QColor::fromRgbF(base.redF() + (red.redF() - base.redF()) * share,
            base.greenF() + (red.greenF() - base.greenF()) * share,
            base.blueF() + (red.blueF() - base.blueF()) * share));
    return palette;
}

} // namespace

FindBar::FindBar(TextView *left, TextView *right, QWidget *parent)
    : QWidget(parent)
    , m_views{left, right}
    , m_text(new QLineEdit(this))
    , m_matchCase(new QCheckBox(tr("Match &case"), this))
    , m_wholeWords(new QCheckBox(tr("&Whole words"), this))
    , m_bothPanes(new QCheckBox(tr("&Both panes"), this))
    , m_count(new QLabel(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    m_text->setPlaceholderText(tr("Find in the record"));
    m_text->setAccessibleName(tr("Find"));
    m_text->setClearButtonEnabled(true);
    m_text->setMinimumWidth(m_text->fontMetrics().horizontalAdvance(u'x') * 20);
    layout->addWidget(m_text, 1);
    auto *next = new QPushButton(tr("Ne&xt"), this);
    next->setToolTip(tr("The next match (F3, Enter)"));
    auto *previous = new QPushButton(tr("&Previous"), this);
    previous->setToolTip(tr("The previous match (Shift+F3, Shift+Enter)"));
    layout->addWidget(next);
    layout->addWidget(previous);
    layout->addWidget(m_matchCase);
    layout->addWidget(m_wholeWords);
    m_bothPanes->setToolTip(tr("Count and step through the matches of both panes, the left one's first"));
    layout->addWidget(m_bothPanes);
    m_count->setAccessibleName(tr("Matches"));
    // The count never widens the window (the window fits half a screen): in a narrow one a long count
    // is cut, but "No matches" always shows.
    m_count->setMinimumWidth(m_count->fontMetrics().horizontalAdvance(tr("No matches")));
    layout->addWidget(m_count);
    auto *closeButton = new QToolButton(this);
    closeButton->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    closeButton->setAutoRaise(true);
    closeButton->setToolTip(tr("Close the find bar (Esc)"));
    closeButton->setAccessibleName(tr("Close the find bar"));
    layout->addWidget(closeButton);

    connect(m_text, &QLineEdit::textChanged, this, &FindBar::searchChanged);
    connect(m_matchCase, &QCheckBox::toggled, this, &FindBar::searchChanged);
    connect(m_wholeWords, &QCheckBox::toggled, this, &FindBar::searchChanged);
    connect(m_bothPanes, &QCheckBox::toggled, this, &FindBar::refresh);
    connect(next, &QPushButton::clicked, this, [this] { findNext(m_pane); });
    connect(previous, &QPushButton::clicked, this, [this] { findPrevious(m_pane); });
    connect(closeButton, &QToolButton::clicked, this, &FindBar::closeBar);
    m_counting.setInterval(0);
    connect(&m_counting, &QTimer::timeout, this, &FindBar::countSlice);
    for (Pane pane : bothPanes) {
        TextView *editor = view(pane);
        editor->installEventFilter(this);
        // An edit or another text changes what there is to count; a move of the selection changes
        // only which match is the selected one.
        const auto recount = [this, pane] {
            if (!isHidden() && isSearched(pane))
                refresh();
        };
        connect(editor, &TextView::textEdited, this, recount);
        connect(editor, &TextView::loaded, this, recount);
        connect(editor, &TextView::cursorMoved, this, [this] {
            if (!isHidden())
                showCount();
        });
    }
    hide();
}

bool FindBar::isSearched(Pane pane) const
{
    return pane == m_pane || m_bothPanes->isChecked();
}

TextSearch FindBar::search() const
{
    return TextSearch(m_text->text(), m_matchCase->isChecked() ? Qt::CaseSensitive : Qt::CaseInsensitive,
        m_wholeWords->isChecked());
}

void FindBar::setPane(Pane pane)
{
    if (pane == m_pane)
        return;
    m_pane = pane;
    if (isHidden())
        return;
    if (m_bothPanes->isChecked())
        showCount();
    else
        refresh();
}

void FindBar::open(Pane pane)
{
    setPane(pane);
    const bool wasHidden = isHidden();
    show();
    const QString selected = view(pane)->selectedText();
    if (!selected.isEmpty() && !selected.contains(u'\n') && selected != m_text->text())
        m_text->setText(selected); // searched at once
    else if (wasHidden)
        refresh();
    m_text->setFocus(Qt::ShortcutFocusReason);
    m_text->selectAll();
}

bool FindBar::prepareStep(Pane pane)
{
    setPane(pane);
    if (m_text->text().isEmpty()) {
        open(pane);
        return false;
    }
    if (isHidden()) {
        show();
        refresh();
    }
    return true;
}

void FindBar::findNext(Pane pane)
{
    if (!prepareStep(pane))
        return;
    const TextView *editor = view(m_pane);
    step(Direction::Forward, std::max(editor->anchorPosition(), editor->cursorPosition()));
}

void FindBar::findPrevious(Pane pane)
{
    if (!prepareStep(pane))
        return;
    const TextView *editor = view(m_pane);
    step(Direction::Backward, std::min(editor->anchorPosition(), editor->cursorPosition()));
}

void FindBar::closeBar()
{
    hide();
    m_counting.stop();
    refresh();
    view(m_pane)->setFocus(Qt::OtherFocusReason);
}

bool FindBar::step(Direction direction, TextPosition from)
{
    const TextSearch search = this->search();
    if (search.isEmpty())
        return false;
    const bool forward = direction == Direction::Forward;
    // The panes in the order their matches are counted; the one searched last is tried first (from
    // `from`), then the others from their start (or end), then it again from its start, wrapped.
    const QList<Pane> panes =
        m_bothPanes->isChecked() ? QList<Pane>{Pane::Left, Pane::Right} : QList<Pane>{m_pane};
    const int count = int(panes.size());
    const int here = int(panes.indexOf(m_pane));
    for (int tried = 0; tried <= count; ++tried) {
        const int index = forward ? here + tried : here - tried;
        const Pane pane = panes.at((index % count + count) % count);
        const TextBuffer &buffer = view(pane)->buffer();
        const TextPosition start = tried > 0 ? (forward ? TextPosition{} : buffer.endPosition()) : from;
        const std::optional<TextPosition> found =
            forward ? search.next(buffer, start) : search.previous(buffer, start);
        if (!found)
            continue;
        if (index < 0 || index >= count)
            Q_EMIT message(forward ? tr("Reached the end, continued from the top")
                                   : tr("Reached the top, continued from the end"));
        else if (pane != m_pane)
            Q_EMIT message(
                pane == Pane::Left ? tr("Continued in the left pane") : tr("Continued in the right pane"));
        else
            Q_EMIT message(QString());
        const bool otherPane = pane != m_pane;
        m_pane = pane;
        view(pane)->select(*found, {found->line, found->column + search.length()});
        if (otherPane)
            Q_EMIT paneChanged(pane);
        return true;
    }
    return false;
}

void FindBar::searchChanged()
{
    refresh();
    const TextView *editor = view(m_pane);
    step(Direction::Forward, std::min(editor->anchorPosition(), editor->cursorPosition()));
}

void FindBar::refresh()
{
    const TextSearch search = this->search();
    for (Pane pane : bothPanes) {
        const bool searched = !isHidden() && isSearched(pane);
        view(pane)->setSearch(searched ? search : TextSearch());
        m_counts[std::size_t(pane)] = searched ? MatchCount(view(pane)->buffer(), search) : MatchCount();
    }
    m_counting.stop();
    if (isHidden())
        return;
    countSlice();
}

void FindBar::countSlice()
{
    const QDeadlineTimer deadline(countSliceMilliseconds);
    bool complete = true;
    for (Pane pane : bothPanes) {
        if (isSearched(pane))
            complete = m_counts[std::size_t(pane)].countUntil(deadline) && complete;
    }
    if (complete)
        m_counting.stop();
    else if (!m_counting.isActive())
        m_counting.start();
    showCount();
}

int FindBar::selectedMatch() const
{
    const TextView *editor = view(m_pane);
    const TextPosition start = std::min(editor->anchorPosition(), editor->cursorPosition());
    const TextPosition end = std::max(editor->anchorPosition(), editor->cursorPosition());
    const TextSearch search = this->search();
    if (start.line != end.line || end.column - start.column != search.length() ||
        search.nextIn(editor->buffer().line(start.line), start.column) != start.column)
        return 0;
    const int before =
        m_pane == Pane::Right && m_bothPanes->isChecked() ? m_counts[std::size_t(Pane::Left)].total() : 0;
    return before + m_counts[std::size_t(m_pane)].countBefore(start) + 1;
}

void FindBar::showCount()
{
    int total = 0;
    bool complete = true;
    for (Pane pane : bothPanes) {
        if (isSearched(pane)) {
            total += m_counts[std::size_t(pane)].total();
            complete = complete && m_counts[std::size_t(pane)].isComplete();
        }
    }
    const bool empty = m_text->text().isEmpty();
    m_count->setText(empty ? QString() : countSentence(total, complete));
    m_text->setPalette(!empty && complete && total == 0 ? noMatchPalette(palette()) : QPalette());
}

QString FindBar::countSentence(int total, bool complete) const
{
    const QLocale locale;
    if (!complete)
        return tr("%1 matches so far…").arg(locale.toString(total));
    if (total == 0)
        return tr("No matches");
    QString text;
    if (const int selected = selectedMatch(); selected == 0)
        text = total == 1 ? tr("1 match") : tr("%1 matches").arg(locale.toString(total));
    else
        text = total == 1 ? tr("1 of 1 match")
                          : tr("%1 of %2 matches").arg(locale.toString(selected), locale.toString(total));
    if (!m_bothPanes->isChecked())
        return text;
    return tr("%1 (%2 left, %3 right)")
        .arg(text, locale.toString(m_counts[std::size_t(Pane::Left)].total()),
            locale.toString(m_counts[std::size_t(Pane::Right)].total()));
}

QString FindBar::countText() const
{
    return m_count->text();
}

void FindBar::keyPressEvent(QKeyEvent *event)
{
    // The line edit and the buttons leave these keys to the bar.
    switch (event->key()) {
    case Qt::Key_Escape:
        closeBar();
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (event->modifiers() & Qt::ShiftModifier)
            findPrevious(m_pane);
        else
            findNext(m_pane);
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

bool FindBar::eventFilter(QObject *watched, QEvent *event)
{
    // A pane the user goes into is the one searched from then on.
    if (event->type() == QEvent::FocusIn) {
        for (Pane pane : bothPanes) {
            if (watched == view(pane))
                setPane(pane);
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Countersign
