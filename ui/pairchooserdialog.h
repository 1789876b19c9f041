// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "compare/cutoverpairing.h"

#include <QDialog>

#include <optional>

class QLabel;
class QPushButton;
class QTreeView;

namespace Countersign {

class FolderPairsModel;

// Lets the user choose one of the pairs a folder scan found: the model's tree of pairs grouped by
// cutover date, each with its state, a line that says what the current row would open, the files that
// could not be read, and Open / Cancel. Only a row with both documents can be opened (Open, Enter or
// a double click); the current row starts on the first such row; Escape cancels. A finalized export's
// row (below its pair) opens the record it was exported from on the left and the export on the
// right: what the export added, and any change to the record since, is then the difference. Shows
// the model it is given and owns no data: whoever opens the dialog opens chosenPair() when it is
// accepted.
class PairChooserDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PairChooserDialog(FolderPairsModel *model, QWidget *parent = nullptr);

    // The folders that were scanned, named above the list.
    void setFolders(const QString &producer, const QString &consumer);
    // Messages about files that could not be read, shown below the list; none hides it.
    void setErrors(const QStringList &errors);
    // The pair on the current row, when it has both documents.
    std::optional<DocumentPair> chosenPair() const;
    QTreeView *view() const { return m_view; }
    QPushButton *openButton() const { return m_open; }

    // Wide enough for every column in full, tall enough for the rows (up to a screenful).
    QSize sizeHint() const override;

private:
    void modelReset();
    void currentChanged();

    FolderPairsModel *m_model;
    QLabel *m_folders;
    QTreeView *m_view;
    QLabel *m_detail;
    QLabel *m_errors;
    QPushButton *m_open;
};

} // namespace Countersign
