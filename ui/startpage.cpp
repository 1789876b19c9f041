// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "startpage.h"

#include "recentpairs.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace Countersign {

namespace {

constexpr int LeftRole = Qt::UserRole + 1;
constexpr int RightRole = Qt::UserRole + 2;

// The local files among `mime`'s URLs.
QStringList droppedFiles(const QMimeData *mime)
{
    QStringList paths;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    }
    return paths;
}

} // namespace

StartPage::StartPage(QWidget *parent)
    : QWidget(parent)
    , m_recent(new QListWidget(this))
{
    setAcceptDrops(true);
    auto *outer = new QVBoxLayout(this);
    outer->addStretch(1);
    auto *column = new QVBoxLayout;
    auto *title = new QLabel(tr("Compare the producer's and the consumer's record"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);
    column->addWidget(title);
    auto *hint = new QLabel(tr("Open both teams' folders to pair their records by cutover, or two files; "
                               "drop files here to open them."),
        this);
    hint->setWordWrap(true);
    column->addWidget(hint);

    // Mnemonics apart from the menu bar's (F, E, R, G, V, H).
    auto *buttons = new QHBoxLayout;
    const auto addButton = [this, buttons](const QString &text, auto signal) {
        auto *button = new QPushButton(text, this);
        connect(button, &QPushButton::clicked, this, signal);
        buttons->addWidget(button);
        return button;
    };
    m_firstButton = addButton(tr("Open &Cutover Folders..."), &StartPage::openFoldersRequested);
    addButton(tr("Open &Left..."), &StartPage::openLeftRequested);
    addButton(tr("Open Righ&t..."), &StartPage::openRightRequested);
    addButton(tr("&New from Template..."), &StartPage::newFromTemplateRequested);
    buttons->addStretch(1);
    column->addLayout(buttons);

    auto *recentLabel = new QLabel(tr("Recent &pairs (Enter opens):"), this);
    recentLabel->setBuddy(m_recent);
    column->addSpacing(12);
    column->addWidget(recentLabel);
    m_recent->setAccessibleName(tr("Recent pairs"));
    m_recent->setAlternatingRowColors(true);
    m_recent->setUniformItemSizes(true);
    // Long paths lose their middle, not their ends (the tooltip has them whole).
    m_recent->setTextElideMode(Qt::ElideMiddle);
    m_recent->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(m_recent, &QListWidget::itemActivated, this, &StartPage::openCurrent);
    column->addWidget(m_recent, 1);

    auto *centered = new QHBoxLayout;
    centered->addStretch(1);
    centered->addLayout(column, 12);
    centered->addStretch(1);
    outer->addLayout(centered, 6);
    outer->addStretch(1);
    refresh();
}

void StartPage::refresh()
{
    m_recent->clear();
    const QList<QPair<QString, QString>> pairs = RecentPairs::list();
    for (const auto &[left, right] : pairs) {
        auto *item = new QListWidgetItem(tr("%1 ↔ %2\n%3 ↔ %4")
                                             .arg(QFileInfo(left).fileName(), QFileInfo(right).fileName(),
                                                 RecentPairs::folderOf(left), RecentPairs::folderOf(right)),
            m_recent);
        item->setData(LeftRole, left);
        item->setData(RightRole, right);
        item->setToolTip(left + u'\n' + right);
    }
    if (pairs.isEmpty()) {
        auto *none = new QListWidgetItem(tr("No pairs opened yet."), m_recent);
        none->setFlags(Qt::NoItemFlags);
    } else {
        m_recent->setCurrentRow(0);
    }
}

void StartPage::openCurrent()
{
    const QListWidgetItem *item = m_recent->currentItem();
    if (item && item->data(LeftRole).isValid())
        Q_EMIT pairChosen(item->data(LeftRole).toString(), item->data(RightRole).toString());
}

void StartPage::showEvent(QShowEvent *event)
{
    refresh();
    QWidget::showEvent(event);
    // The keys go to the list of pairs (Up, Down, Enter), or to the first way to start.
    if (m_recent->currentItem())
        m_recent->setFocus();
    else
        m_firstButton->setFocus();
}

void StartPage::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppedFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void StartPage::dropEvent(QDropEvent *event)
{
    const QStringList paths = droppedFiles(event->mimeData());
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    Q_EMIT filesDropped(paths.mid(0, 2));
}

} // namespace Countersign
