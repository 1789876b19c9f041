// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "draftingactions.h"

#include "checkpointupdatedialog.h"
#include "documentcontroller.h"
#include "drafting/checkpointupdate.h"
#include "drafting/mirror.h"
#include "record/documentloader.h"
#include "record/markdownparser.h"
#include "recordpane.h"
#include "templatedialog.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QWidget>

namespace Countersign {

DraftingActions::DraftingActions(DocumentController *left, DocumentController *right, QWidget *window)
    : QObject(window)
    , m_left(left)
    , m_right(right)
    , m_window(window)
{ }

QString DraftingActions::draftFolder(Pane side) const
{
    return documents(side)->dialogFolder();
}

void DraftingActions::newFromTemplate(Pane into)
{
    if (m_templateDialog)
        m_templateDialog->close();
    auto *dialog = new TemplateDialog(RecordTemplate::builtIn(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, into] {
        const QString name = dialog->suggestedFileName();
        documents(into)->showDraft(dialog->filledText(),
            QDir(draftFolder(into)).filePath(name.isEmpty() ? QStringLiteral("untitled.md") : name));
    });
    m_templateDialog = dialog;
    dialog->open();
}

TemplateDialog *DraftingActions::templateDialog() const
{
    return m_templateDialog;
}

QString DraftingActions::createMirror(Pane from)
{
    const RecordPane *source = documents(from)->pane();
    if (!source->hasDocument())
        return tr("Open a decision record or producer mirror first.");
    // The record as it stands in the pane, edits included.
    const Document record = MarkdownParser::parse(source->currentSource(), source->documentPath());
    const Result<QString> text = Mirror::create(record);
    if (!text)
        return text.error().toString();
    DocumentController *target = documents(other(from));
    const QString path = QDir(draftFolder(other(from))).filePath(Mirror::suggestedFileName(record));
    if (!target->showDraft(text.value(), path))
        return tr("The mirror was not opened: %1 has unsaved edits.").arg(target->pane()->displayName());
    return {};
}

void DraftingActions::chooseCheckpoint(Pane target)
{
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Update from Checkpoint"),
        draftFolder(target), tr("Markdown records (*.md *.markdown);;All files (*)"));
    if (path.isEmpty())
        return;
    if (const QString error = updateFromCheckpoint(target, path); !error.isEmpty())
        QMessageBox::warning(m_window, tr("Cannot update from the checkpoint"), error);
}

QString DraftingActions::updateFromCheckpoint(Pane target, const QString &checkpointPath)
{
    RecordPane *pane = documents(target)->pane();
    if (!pane->hasDocument())
        return tr("Open the decision record to update first.");
    const Result<Document> checkpoint = MarkdownParser::parseFile(checkpointPath);
    if (!checkpoint)
        return checkpoint.error().toString();
    const Document record = MarkdownParser::parse(pane->currentSource(), pane->documentPath());
    const Result<CheckpointUpdate> update = CheckpointUpdate::plan(record, checkpoint.value());
    if (!update)
        return update.error().toString();
    if (m_checkpointDialog)
        m_checkpointDialog->close();
    auto *dialog = new CheckpointUpdateDialog(
        update.value(), pane->displayName(), QFileInfo(checkpointPath).fileName(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The text the update was planned on: an edit meanwhile makes the plan stale.
    const QString planned = pane->text();
    connect(dialog, &QDialog::accepted, this, [this, pane, dialog, planned] {
        if (pane->text() != planned) {
            QMessageBox::warning(m_window, tr("Update from Checkpoint"),
                tr("%1 changed while the update was shown; nothing was applied. Choose the checkpoint again.")
                    .arg(pane->displayName()));
            return;
        }
        // The checked changes, as one edit: one Undo takes them all back.
        pane->replaceText(dialog->chosenText());
        const qsizetype changes = dialog->chosen().count(true);
        Q_EMIT message(changes == 1 ? tr("Updated 1 value of %1 from the checkpoint (Undo takes it back).")
                                          .arg(pane->displayName())
                                    : tr("Updated %1 values of %2 from the checkpoint (Undo takes it back).")
                                          .arg(QLocale().toString(changes), pane->displayName()));
    });
    m_checkpointDialog = dialog;
    dialog->open();
    return {};
}

CheckpointUpdateDialog *DraftingActions::checkpointUpdateDialog() const
{
    return m_checkpointDialog;
}

} // namespace Countersign
