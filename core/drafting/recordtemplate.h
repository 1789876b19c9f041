// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "base/result.h"
#include "record/document.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace Countersign {

// One value a template asks for.
struct TemplateField
{
    QString key; // as the placeholders name it: "commit_sha"
    QString label; // for a form: "Commit"
    QString hint; // an example or the format: "40 hexadecimal digits"
    QString defaultValue; // "today" in a date field stands for the current date
    bool required = false;

    // How a value is checked, by its key, as Linter checks the same keys in a record.
    bool isDate() const;
    bool isCommit() const;

    friend bool operator==(const TemplateField &, const TemplateField &) = default;
};

// What is wrong with the value of one field.
struct TemplateProblem
{
    QString key;
    QString message;
    friend bool operator==(const TemplateProblem &, const TemplateProblem &) = default;
};

// A record to draft from: markdown with blanks, filled from a short form. A template file starts with
// a header, an HTML comment that declares it, followed by the record with `{{key}}` where a value
// goes:
//
//   <!-- countersign-template
//   name: Runtime cutover decision record (consumer)
//   kind: decision-record
//   file: RUNTIME_CUTOVER_DECISION_RECORD_{{date}}.md
//   field: date | Updated | YYYY-MM-DD | today | required
//   field: release_tag | Release tag | e.g. v0.4.0 | | required
//   -->
//   # Runtime Cutover Decision Record
//   Updated: {{date}}
//   ...
//
// `kind` is decision-record, producer-mirror, checkpoint-packet or addendum; `file` (optional) is
// the file name to suggest. Each `field:` line has five columns separated by `|`: key (lower-case
// letters, digits, `_`), label, hint, default, and `required` or `optional`. Every placeholder must
// name a declared field and every field must be used. fill() removes the header and the line break
// after it. Values are checked by key: dates (date, updated, *_date) must be ISO 8601, commits
// (commit, commit_sha) 40 hexadecimal digits, `phase` a number, `side` Producer or Consumer; and every
// value one line without a backtick, since most of them stand in code spans.
class RecordTemplate
{
public:
    QString id() const { return m_id; } // the file's base name: "decision-record"
    QString name() const { return m_name; }
    DocumentKind kind() const { return m_kind; }
    QList<TemplateField> fields() const { return m_fields; }
    QString path() const { return m_path; } // where it was loaded from (":/..." for built-in ones)

    // The values a form starts with: each field's default, `today` as today's ISO date.
    QHash<QString, QString> defaults(QDate today = QDate::currentDate()) const;
    // The record: every placeholder replaced by its value (trimmed), or by the field's default
    // where the value is missing or blank. Does not check the values: see problems().
    QString fill(const QHash<QString, QString> &values) const;
    // The keys of required fields that have neither a value nor a default, in the form's order.
    QStringList missing(const QHash<QString, QString> &values) const;
    // Every problem of the values, in the form's order: a required value missing, a value in the
    // wrong format, a line break or backtick. Empty when fill() makes a sound record.
    QList<TemplateProblem> problems(const QHash<QString, QString> &values) const;
    // The header's `file` with the values filled in (characters unfit for a file name become `_`);
    // empty when the template names none.
    QString suggestedFileName(const QHash<QString, QString> &values) const;

    // The templates that ship with Countersign (compiled in from resources/templates): decision
    // record, producer mirror, checkpoint packet, addendum.
    static QList<RecordTemplate> builtIn();
    // Reads a template file. Errors name the file (and the line): unreadable, empty, not UTF-8, no
    // header, a malformed header line, an unknown kind, a placeholder that names no field, a field
    // that no placeholder uses.
    static Result<RecordTemplate> load(const QString &path);

private:
    QString value(const QHash<QString, QString> &values, const TemplateField &field) const;
    QString substitute(const QString &text, const QHash<QString, QString> &values) const;

    QString m_id;
    QString m_name;
    QString m_path;
    DocumentKind m_kind = DocumentKind::Unknown;
    QString m_fileName;
    QList<TemplateField> m_fields;
    QString m_body;
};

} // namespace Countersign
