#include "templatedialog.h"

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
    m_list->setMaximumWidth(m_list->sizeHintForColumn(0) + 2 * m_list->frameWidth() + 24);

    auto *formPanel = new QWidget;
    auto *formLayout = new QVBoxLayout(formPanel);
    m_description->setWordWrap(true);
    formLayout->addWidget(m_description);
    formLayout->addLayout(m_form);
    formLayout->addStretch();
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(formPanel);

    auto *panes = new QHBoxLayout;
    panes->addWidget(m_list);
    panes->addWidget(scroll, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(panes, 1);
    layout->addWidget(m_buttons);
    okButton()->setText(tr("Create"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::currentRowChanged, this, &TemplateDialog::setCurrentTemplate);
    resize(820, 640);
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
    m_description->setText(tr("%1: a %2. Fill in the values; the rest of the record is written for you "
                              "to complete in the pane.")
                               .arg(t.name(), kindName(t.kind())));
    const QHash<QString, QString> defaults = t.defaults();
    for (const TemplateField &field : t.fields()) {
        auto *cell = new QWidget;
        auto *cellLayout = new QVBoxLayout(cell);
        cellLayout->setContentsMargins(0, 0, 0, 0);
        cellLayout->setSpacing(2);
        auto *edit = new QLineEdit(m_typed.value(field.key, defaults.value(field.key)), cell);
        edit->setPlaceholderText(field.hint);
        edit->setToolTip(field.hint);
        edit->setAccessibleName(field.label);
        auto *problem = new QLabel(cell);
        problem->setWordWrap(true);
        problem->setTextFormat(Qt::PlainText);
        QPalette palette = problem->palette();
        palette.setColor(QPalette::WindowText, QColor(0xd1, 0x24, 0x2f));
        problem->setPalette(palette);
        problem->hide();
        cellLayout->addWidget(edit);
        cellLayout->addWidget(problem);
        m_form->addRow(field.required ? tr("%1 *").arg(field.label) : field.label, cell);
        const qsizetype index = m_rows.size();
        m_rows.append(Row{field.key, edit, problem, !edit->text().isEmpty()});
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
        row.problem->setVisible(!message.isEmpty());
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
            return row.problem->isHidden() ? QString() : row.problem->text();
    }
    return {};
}

QPushButton *TemplateDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

} // namespace Countersign
