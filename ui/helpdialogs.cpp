// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "helpdialogs.h"

#include "export/markdownhtml.h"

#include <QAction>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QRegularExpression>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Countersign {

namespace {

// A menu entry's text as the user reads it: without its mnemonic marker and the "..." of a dialog.
QString plainText(const QString &text)
{
    QString plain = text;
    plain.remove(QRegularExpression(QStringLiteral("&(?!&)")));
    plain.replace(QStringLiteral("&&"), QStringLiteral("&"));
    if (plain.endsWith(QStringLiteral("...")))
        plain.chop(3);
    return plain;
}

// Adds an item for each action of `menu` with a shortcut (and those of its submenus, their names
// leading) under `group`.
void addShortcuts(QTreeWidgetItem *group, const QMenu *menu, const QString &lead)
{
    for (const QAction *action : menu->actions()) {
        if (const QMenu *submenu = action->menu()) {
            addShortcuts(group, submenu, lead + plainText(submenu->title()) + QStringLiteral(" > "));
            continue;
        }
        if (action->shortcuts().isEmpty() || action->isSeparator())
            continue;
        QStringList keys;
        for (const QKeySequence &key : action->shortcuts())
            keys.append(key.toString(QKeySequence::NativeText));
        auto *item =
            new QTreeWidgetItem(group, {lead + plainText(action->text()), keys.join(QStringLiteral(", "))});
        item->setToolTip(0, action->statusTip());
    }
}

// The README's path in the resources (compiled in by ui/CMakeLists.txt).
const QString readmeResource = QStringLiteral(":/countersign/handbook/README.md");

} // namespace

ShortcutsDialog::ShortcutsDialog(const QList<QAction *> &menus, QWidget *parent)
    : QDialog(parent)
    , m_list(new QTreeWidget(this))
    , m_filter(new QLineEdit(this))
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    auto *layout = new QVBoxLayout(this);
    auto *filterLabel = new QLabel(tr("&Filter:"), this);
    filterLabel->setBuddy(m_filter);
    m_filter->setPlaceholderText(tr("an entry or a key, e.g. F7 or blocking"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, &ShortcutsDialog::applyFilter);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_filter, 1);
    layout->addLayout(filterRow);

    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Entry"), tr("Keys")});
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->setAccessibleName(tr("Keyboard shortcuts"));
    for (const QAction *action : menus) {
        const QMenu *menu = action->menu();
        if (!menu)
            continue;
        auto *group = new QTreeWidgetItem(m_list, {plainText(menu->title())});
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        group->setFirstColumnSpanned(true);
        addShortcuts(group, menu, {});
        if (group->childCount() == 0)
            delete group;
    }
    m_list->expandAll();
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    layout->addWidget(m_list, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(560, 640);
    // Typing narrows the list at once.
    m_filter->setFocus();
}

void ShortcutsDialog::applyFilter(const QString &text)
{
    for (int g = 0; g < m_list->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = m_list->topLevelItem(g);
        bool any = false;
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem *item = group->child(i);
            const bool shown = text.isEmpty() || item->text(0).contains(text, Qt::CaseInsensitive) ||
                item->text(1).contains(text, Qt::CaseInsensitive);
            item->setHidden(!shown);
            any = any || shown;
        }
        group->setHidden(!any);
    }
}

HandbookDialog::HandbookDialog(QWidget *parent)
    : QDialog(parent)
    , m_browser(new QTextBrowser(this))
{
    setWindowTitle(tr("Countersign Handbook"));
    auto *layout = new QVBoxLayout(this);
    m_browser->setOpenLinks(false);
    m_browser->setAccessibleName(tr("Handbook"));
    m_browser->setHtml(MarkdownHtml::render(text()));
    // Web links in the browser; the README's own files (screenshots) are not compiled in.
    connect(m_browser, &QTextBrowser::anchorClicked, this, [](const QUrl &url) {
        if (url.scheme() == u"https" || url.scheme() == u"http")
            QDesktopServices::openUrl(url);
    });
    layout->addWidget(m_browser, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(820, 760);
}

QString HandbookDialog::text()
{
    QFile file(readmeResource);
    if (!file.open(QIODevice::ReadOnly))
        return tr("The handbook is missing from this build.");
    const QString readme = QString::fromUtf8(file.readAll());
    // From the start through "Using the window" and its subsections, up to the next top-level section.
    const qsizetype using_ = readme.indexOf(QStringLiteral("\n## Using the window"));
    const qsizetype next = using_ < 0 ? -1 : readme.indexOf(QStringLiteral("\n## "), using_ + 1);
    return next < 0 ? readme : readme.left(next + 1);
}

} // namespace Countersign
