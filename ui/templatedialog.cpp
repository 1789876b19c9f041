// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "templatedialog.h"

#include "appearance.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPalette>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace Countersign {

TemplateDialog::TemplateDialog(const QList<RecordTemplate> &templates, QWidget *parent)
    : QDialog(parent)
    , m_templates(templates)
    , m_list(new QListWidget(this))
    , m_description(new QLabel(this))
    , m_form(new QFormLayout)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("New from Template"));
    m_list->setAccessibleName(tr("Templates"));
    for (const RecordTemplate &t : m_templates)
        m_list->addItem(t.name());
    // As wide as the longest name: the list is short, the names are what tells the kinds apart.
    m_list->setFixedWidth(m_list->sizeHintForColumn(0) + 2 * m_list->frameWidth() + 8);

    auto *formPanel = new QWidget;
    formPanel->setLayout(m_form);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(formPanel);
    m_description->setWordWrap(true);
    m_description->setTextFormat(Qt::PlainText);

    auto *formColumn = new QVBoxLayout;
    formColumn->addWidget(m_description);
    formColumn->addWidget(scroll, 1);
    auto *panes = new QHBoxLayout;
    panes->addWidget(m_list);
    panes->addLayout(formColumn, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(panes, 1);
    layout->addWidget(m_buttons);
    okButton()->setText(tr("Create"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::currentRowChanged, this, &TemplateDialog::setCurrentTemplate);
    resize(1000, 700);
    if (!m_templates.isEmpty())
        m_list->setCurrentRow(0);
    else
        validate();
}

void TemplateDialog::setCurrentTemplate(int index)
{
    if (index < 0 || index >= m_templates.size() || index == m_current)
        return;
    for (const Row &row : std::as_const(m_rows))
        m_typed.insert(row.key, row.edit->text());
    m_current = index;
    m_list->setCurrentRow(index);
    buildForm();
}

void TemplateDialog::buildForm()
{
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_rows.clear();
    const RecordTemplate &t = currentTemplate();
    m_description->setText(tr("%1 (%2). Fill in these values; the record opens in the pane as a draft, "
                              "its other sections ready to complete.")
            .arg(t.name(), kindName(t.kind())));
    const QHash<QString, QString> defaults = t.defaults();
    for (const TemplateField &field : t.fields()) {
        auto *edit = new QLineEdit(m_typed.value(field.key, defaults.value(field.key)));
        edit->setPlaceholderText(field.hint);
        edit->setToolTip(field.hint);
        edit->setAccessibleName(field.label);
        auto *problem = new QLabel;
        problem->setTextFormat(Qt::PlainText);
        // A long message is cut rather than widening the form; its tooltip has it whole.
        problem->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        QPalette palette = problem->palette();
        palette.setColor(QPalette::WindowText, Appearance::statusText(Appearance::Status::Bad, palette));
        problem->setPalette(palette);
        m_form->addRow(field.required ? tr("%1 *").arg(field.label) : field.label, edit);
        m_form->addRow(QString(), problem);
        const int problemRow = m_form->rowCount() - 1;
        m_form->setRowVisible(problemRow, false);
        const qsizetype index = m_rows.size();
        m_rows.append(Row{field.key, edit, problem, problemRow, !edit->text().isEmpty()});
        connect(edit, &QLineEdit::textEdited, this, [this, index] {
            m_rows[index].touched = true;
            validate();
        });
    }
    if (!m_rows.isEmpty())
        m_rows.first().edit->setFocus();
    validate();
}

QHash<QString, QString> TemplateDialog::values() const
{
    QHash<QString, QString> out;
    for (const Row &row : m_rows)
        out.insert(row.key, row.edit->text());
    return out;
}

QString TemplateDialog::filledText() const
{
    return m_current < 0 ? QString() : currentTemplate().fill(values());
}

QString TemplateDialog::suggestedFileName() const
{
    return m_current < 0 ? QString() : currentTemplate().suggestedFileName(values());
}

bool TemplateDialog::isAcceptable() const
{
    return m_current >= 0 && currentTemplate().problems(values()).isEmpty();
}

void TemplateDialog::validate()
{
    const QList<TemplateProblem> problems =
        m_current < 0 ? QList<TemplateProblem>() : currentTemplate().problems(values());
    for (Row &row : m_rows) {
        QString message;
        for (const TemplateProblem &problem : problems) {
            // An untouched empty field is not yet a mistake; OK stays disabled all the same.
            if (problem.key == row.key && (row.touched || !row.edit->text().trimmed().isEmpty()))
                message = problem.message;
        }
        row.problem->setText(message);
        row.problem->setToolTip(message);
        m_form->setRowVisible(row.problemRow, !message.isEmpty());
    }
    okButton()->setEnabled(problems.isEmpty() && m_current >= 0);
}

QLineEdit *TemplateDialog::fieldEdit(const QString &key) const
{
    for (const Row &row : m_rows) {
        if (row.key == key)
            return row.edit;
    }
    return nullptr;
}

QString TemplateDialog::problemText(const QString &key) const
{
    for (const Row &row : m_rows) {
        if (row.key == key)
            return row.problem->isHidden() ? QString() : row.problem->text(); // hidden with its row
    }
    return {};
}

QPushButton *TemplateDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

} // namespace Countersign
