// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "drafting/recordtemplate.h"

#include <QDialog>
#include <QHash>
#include <QList>

class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace Countersign {

// File > New from Template: a list of templates and a form of the chosen one's fields (each with
// its hint as placeholder and tooltip, dates starting at today). Problems show under their field as
// they are typed; a required field left empty says so once it has been touched. OK is enabled only
// when every value is sound. Values typed for one template stay for another that asks for the same
// key. It writes nothing: whoever opened it takes filledText() when it is accepted.
class TemplateDialog : public QDialog
{
    Q_OBJECT
public:
    explicit TemplateDialog(const QList<RecordTemplate> &templates, QWidget *parent = nullptr);

    void setCurrentTemplate(int index);
    int currentIndex() const { return m_current; }
    const RecordTemplate &currentTemplate() const { return m_templates.at(m_current); }
    // The values of the form (as typed) and what they make.
    QHash<QString, QString> values() const;
    QString filledText() const;
    QString suggestedFileName() const;
    bool isAcceptable() const;

    QListWidget *templateList() const { return m_list; }
    // The form's editor of field `key`, and the problem shown under it (empty when none is shown);
    // null and empty for a key the current template does not ask for.
    QLineEdit *fieldEdit(const QString &key) const;
    QString problemText(const QString &key) const;
    QPushButton *okButton() const;

private:
    struct Row
    {
        QString key;
        QLineEdit *edit = nullptr;
        QLabel *problem = nullptr; // on a form row of its own, shown only when there is one
        int problemRow = 0;
        bool touched = false;
    };
    void buildForm();
    void validate();

    QList<RecordTemplate> m_templates;
    int m_current = -1;
    QListWidget *m_list;
    QLabel *m_description;
    QFormLayout *m_form;
    QList<Row> m_rows;
    QHash<QString, QString> m_typed; // across templates
    QDialogButtonBox *m_buttons;
};

} // namespace Countersign
