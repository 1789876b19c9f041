// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "pairchooserdialog.h"

#include "folderpairsmodel.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QScrollBar>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace Countersign {

namespace {

constexpr int folderWidth = 640; // longer folder names are elided in the middle
constexpr int visibleRows = 14; // the list grows to this many rows before it scrolls
constexpr int columnGap = 24;

} // namespace

PairChooserDialog::PairChooserDialog(FolderPairsModel *model, QWidget *parent)
    : QDialog(parent)
    , m_model(model)
    , m_folders(new QLabel(this))
    , m_view(new QTreeView(this))
    , m_detail(new QLabel(this))
    , m_errors(new QLabel(this))
{
    setWindowTitle(tr("Choose a Pair of Records"));
    auto *layout = new QVBoxLayout(this);

    m_folders->setTextFormat(Qt::PlainText);
    m_folders->setAccessibleName(tr("Scanned folders"));
    m_folders->hide();
    layout->addWidget(m_folders);

    auto *caption =
        new QLabel(tr("&Pairs found, by cutover date (the producer's document opens on the left):"), this);
    caption->setBuddy(m_view);
    layout->addWidget(caption);

    m_view->setModel(m_model);
    m_view->setAccessibleName(tr("Pairs of records"));
    m_view->setAccessibleDescription(
        tr("Pairs of records grouped by cutover date, each with its state. Rows marked unpaired have only "
           "one side and cannot be opened. A finalized export is listed below its pair."));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAllColumnsShowFocus(true);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->header()->setStretchLastSection(false);
    layout->addWidget(m_view, 1);

    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setWordWrap(true);
    m_detail->setAccessibleName(tr("Current row"));
    layout->addWidget(m_detail);

    m_errors->setTextFormat(Qt::PlainText);
    m_errors->setWordWrap(true);
    m_errors->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_errors->setAccessibleName(tr("Files that could not be read"));
    m_errors->hide();
    layout->addWidget(m_errors);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    m_open = buttons->button(QDialogButtonBox::Open);
    m_open->setAccessibleName(tr("Open the pair"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    // Enter on a pair opens it; on a date or an unpaired row it does nothing (Open is disabled too).
    connect(m_view, &QTreeView::activated, this, [this] {
        if (chosenPair())
            accept();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &PairChooserDialog::currentChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &PairChooserDialog::modelReset);
    modelReset();
    m_view->setFocus();
}

void PairChooserDialog::setFolders(const QString &producer, const QString &consumer)
{
    const QFontMetrics metrics = m_folders->fontMetrics();
    const auto elided = [&metrics](const QString &folder) {
        return metrics.elidedText(QDir::toNativeSeparators(folder), Qt::ElideMiddle, folderWidth);
    };
    m_folders->setText(
        tr("Producer's folder: %1\nConsumer's folder: %2").arg(elided(producer), elided(consumer)));
    m_folders->setToolTip(QDir::toNativeSeparators(producer) + u'\n' + QDir::toNativeSeparators(consumer));
    m_folders->show();
}

void PairChooserDialog::setErrors(const QStringList &errors)
{
    const QString heading = errors.size() == 1 ? tr("1 file could not be read:")
                                               : tr("%1 files could not be read:").arg(errors.size());
    m_errors->setText(heading + u'\n' + errors.join(u'\n'));
    m_errors->setVisible(!errors.isEmpty());
}

std::optional<DocumentPair> PairChooserDialog::chosenPair() const
{
    std::optional<DocumentPair> pair = m_model->pairAt(m_view->currentIndex());
    if (!pair || !pair->isPaired())
        return std::nullopt;
    return pair;
}

QSize PairChooserDialog::sizeHint() const
{
    const QSize hint = QDialog::sizeHint();
    const int margins = layout()->contentsMargins().left() + layout()->contentsMargins().right();
    const int viewWidth = m_view->header()->length() + 2 * m_view->frameWidth() +
        m_view->verticalScrollBar()->sizeHint().width();
    int rows = 0;
    for (int group = 0; group < m_model->rowCount(); ++group)
        rows += 1 + m_model->rowCount(m_model->index(group, 0));
    const int rowHeight =
        m_view->sizeHintForRow(0) > 0 ? m_view->sizeHintForRow(0) : fontMetrics().height() + 6;
    const int viewHeight = m_view->header()->sizeHint().height() + 2 * m_view->frameWidth() +
        (std::clamp(rows, 3, visibleRows) + 1) * rowHeight;
    QSize size(std::max(hint.width(), viewWidth + margins),
        hint.height() - m_view->sizeHint().height() + viewHeight);
    if (const QScreen *screen = this->screen())
        size = size.boundedTo(screen->availableSize() * 9 / 10);
    return size;
}

void PairChooserDialog::modelReset()
{
    m_view->expandAll();
    for (int group = 0; group < m_model->rowCount(); ++group)
        m_view->setFirstColumnSpanned(group, {}, true);
    // Each column as wide as its longest name, and a gap so that names do not run into each other.
    for (int column = 0; column < m_model->columnCount(); ++column) {
        m_view->resizeColumnToContents(column);
        m_view->setColumnWidth(column, m_view->columnWidth(column) + columnGap);
    }
    const QModelIndex first = m_model->firstPaired();
    m_view->setCurrentIndex(first.isValid() ? first : m_model->index(0, 0));
    currentChanged();
}

void PairChooserDialog::currentChanged()
{
    const QModelIndex current = m_view->currentIndex();
    const std::optional<DocumentPair> pair = m_model->pairAt(current);
    m_open->setEnabled(pair && pair->isPaired());
    if (m_model->rowCount() == 0) {
        m_detail->setText(
            tr("No decision records, mirrors or checkpoint packets were found in these folders."));
    } else if (!pair) {
        m_detail->setText(tr("Choose a pair of the cutover of %1 below.")
                .arg(current.data(FolderPairsModel::DateRole).toString()));
    } else if (current.data(FolderPairsModel::ExportRole).toBool()) {
        m_detail->setText(tr("Opens %1 on the left and its finalized export %2 on the right.")
                .arg(QFileInfo(pair->left).fileName(), QFileInfo(pair->right).fileName()));
    } else if (pair->isPaired()) {
        m_detail->setText(tr("Opens %1 on the left and %2 on the right.")
                .arg(QFileInfo(pair->left).fileName(), QFileInfo(pair->right).fileName()));
    } else {
        const bool leftMissing = pair->left.isEmpty();
        m_detail->setText(tr("Only %1 was found for %2: %3. It has nothing to be compared with.")
                .arg(QFileInfo(leftMissing ? pair->right : pair->left).fileName(), pair->date,
                    m_model
                        ->index(current.row(),
                            leftMissing ? FolderPairsModel::LeftColumn : FolderPairsModel::RightColumn,
                            current.parent())
                        .data()
                        .toString()));
    }
}

} // namespace Countersign
