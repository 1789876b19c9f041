// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "drafting/recordtemplate.h"

#include "record/documentloader.h"
#include "record/linter.h"

#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>
#include <optional>

namespace Countersign {

namespace {

constexpr QStringView headerOpening = u"<!-- countersign-template";
constexpr QStringView headerClosing = u"-->";
constexpr QStringView today = u"today";

Error templateError(const QString &path, int line, const QString &message)
{
    Error error;
    error.code = Error::Code::InvalidArgument;
    error.message = message;
    error.file = path;
    error.line = line;
    return error;
}

bool isKey(QStringView text)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z][a-z0-9_]*$"));
    return pattern.matchView(text).hasMatch();
}

std::optional<DocumentKind> kindNamed(QStringView name)
{
    for (const DocumentKind kind : {DocumentKind::DecisionRecord, DocumentKind::ProducerMirror,
             DocumentKind::CheckpointPacket, DocumentKind::Addendum}) {
        if (kindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

// A `{{key}}` in a text: where it starts, how long it is, the key.
struct Placeholder
{
    qsizetype start = 0;
    qsizetype length = 0;
    QString key;
};

// The placeholders of `text`, or the offset of the first malformed one (an opening without its
// closing on the same line, or something other than a key between them) and what is wrong.
struct Scan
{
    QList<Placeholder> placeholders;
    qsizetype errorAt = -1;
    QString problem;
};

Scan scan(QStringView text)
{
    Scan out;
    qsizetype from = 0;
    while (true) {
        const qsizetype open = text.indexOf(u"{{", from);
        if (open < 0)
            return out;
        qsizetype close = text.indexOf(u"}}", open + 2);
        const qsizetype lineEnd = text.indexOf(u'\n', open);
        if (close < 0 || (lineEnd >= 0 && lineEnd < close)) {
            out.errorAt = open;
            out.problem = QStringLiteral("a placeholder opened with {{ is not closed with }} on its line");
            return out;
        }
        const QString key = text.mid(open + 2, close - open - 2).trimmed().toString();
        if (!isKey(key)) {
            out.errorAt = open;
            out.problem =
                QStringLiteral("malformed placeholder '%1': write {{key}}, with a key of lower-case "
                               "letters, digits and _")
                    .arg(text.mid(open, close + 2 - open));
            return out;
        }
        out.placeholders.append(Placeholder{open, close + 2 - open, key});
        from = close + 2;
    }
}

bool isPhaseNumber(QStringView value)
{
    static const QRegularExpression pattern(QStringLiteral("^\\d+[a-z]?$"));
    return pattern.matchView(value).hasMatch();
}

QString forFileName(QString value)
{
    static const QRegularExpression unfit(QStringLiteral("[^A-Za-z0-9._-]"));
    return value.replace(unfit, QStringLiteral("_"));
}

} // namespace

bool TemplateField::isDate() const
{
    return Linter::isDateKey(key);
}

bool TemplateField::isCommit() const
{
    return Linter::isCommitKey(key);
}

QHash<QString, QString> RecordTemplate::defaults(QDate date) const
{
    QHash<QString, QString> out;
    for (const TemplateField &field : m_fields) {
        out.insert(field.key,
            field.isDate() && field.defaultValue == today ? date.toString(Qt::ISODate) : field.defaultValue);
    }
    return out;
}

QString RecordTemplate::value(const QHash<QString, QString> &values, const TemplateField &field) const
{
    const QString given = values.value(field.key).trimmed();
    if (!given.isEmpty())
        return given;
    if (field.isDate() && field.defaultValue == today)
        return QDate::currentDate().toString(Qt::ISODate);
    return field.defaultValue;
}

QString RecordTemplate::substitute(const QString &text, const QHash<QString, QString> &values) const
{
    QHash<QString, QString> filled;
    for (const TemplateField &field : m_fields)
        filled.insert(field.key, value(values, field));
    QString out;
    qsizetype from = 0;
    // The text was checked when the template was loaded: every placeholder is well formed and known.
    for (const Placeholder &placeholder : scan(text).placeholders) {
        out += QStringView(text).mid(from, placeholder.start - from);
        out += filled.value(placeholder.key);
        from = placeholder.start + placeholder.length;
    }
    out += QStringView(text).mid(from);
    return out;
}

QString RecordTemplate::fill(const QHash<QString, QString> &values) const
{
    return substitute(m_body, values);
}

QStringList RecordTemplate::missing(const QHash<QString, QString> &values) const
{
    QStringList out;
    for (const TemplateField &field : m_fields) {
        if (field.required && value(values, field).isEmpty())
            out.append(field.key);
    }
    return out;
}

QList<TemplateProblem> RecordTemplate::problems(const QHash<QString, QString> &values) const
{
    QList<TemplateProblem> out;
    for (const TemplateField &field : m_fields) {
        const QString text = value(values, field);
        auto problem = [&](const QString &message) { out.append(TemplateProblem{field.key, message}); };
        if (text.isEmpty()) {
            if (field.required)
                problem(QStringLiteral("a value is required"));
        } else if (text.contains(u'\n') || text.contains(u'\r')) {
            problem(QStringLiteral("must be one line"));
        } else if (text.contains(u'`')) {
            problem(QStringLiteral("must not contain a backtick (`)"));
        } else if (field.isDate() && !Linter::isIsoDate(text)) {
            problem(QStringLiteral("'%1' is not an ISO 8601 date (YYYY-MM-DD)").arg(text));
        } else if (field.isCommit() && !Linter::isCommitSha(text)) {
            problem(QStringLiteral("'%1' is not a 40-digit hexadecimal commit SHA").arg(text));
        } else if (field.key == u"phase" && !isPhaseNumber(text)) {
            problem(QStringLiteral("'%1' is not a phase number, such as 8").arg(text));
        } else if (field.key == u"side" && text.compare(u"Producer", Qt::CaseInsensitive) != 0 &&
            text.compare(u"Consumer", Qt::CaseInsensitive) != 0) {
            problem(QStringLiteral("'%1' is neither Producer nor Consumer").arg(text));
        }
    }
    return out;
}

QString RecordTemplate::suggestedFileName(const QHash<QString, QString> &values) const
{
    QHash<QString, QString> fit;
    for (const TemplateField &field : m_fields)
        fit.insert(field.key, forFileName(value(values, field)));
    return substitute(m_fileName, fit);
}

QList<RecordTemplate> RecordTemplate::builtIn()
{
    QList<RecordTemplate> out;
    for (const QStringView id : {u"decision-record", u"producer-mirror", u"checkpoint-packet", u"addendum"}) {
        const QString path = QStringLiteral(":/countersign/templates/%1.md").arg(id);
        Result<RecordTemplate> loaded = load(path);
        if (loaded)
            out.append(std::move(loaded).value());
        else
            qWarning("built-in template %s: %s", qPrintable(path), qPrintable(loaded.error().toString()));
    }
    return out;
}

Result<RecordTemplate> RecordTemplate::load(const QString &path)
{
    const Result<SourceText> read = DocumentLoader::readText(path);
    if (!read)
        return read.error();
    const SourceText &source = read.value();

    RecordTemplate out;
    out.m_path = path;
    out.m_id = QFileInfo(path).completeBaseName();
    if (source.lineText(1).trimmed() != headerOpening) {
        return templateError(path, 1,
            QStringLiteral("not a Countersign template: it must start with a line reading '%1'")
                .arg(headerOpening));
    }
    int closing = 0;
    int fileLine = 1;
    for (int line = 2; line <= source.lineCount() && closing == 0; ++line) {
        const QString text = source.lineText(line).trimmed().toString();
        if (text == headerClosing) {
            closing = line;
            continue;
        }
        if (text.isEmpty())
            continue;
        const qsizetype colon = text.indexOf(u':');
        const QString name = colon > 0 ? text.left(colon).trimmed() : QString();
        const QString rest = text.mid(colon + 1).trimmed();
        if (name == u"name") {
            out.m_name = rest;
        } else if (name == u"kind") {
            const std::optional<DocumentKind> kind = kindNamed(rest);
            if (!kind) {
                return templateError(path, line,
                    QStringLiteral("unknown kind '%1' (known: decision-record, producer-mirror, "
                                   "checkpoint-packet, addendum)")
                        .arg(rest));
            }
            out.m_kind = *kind;
        } else if (name == u"file") {
            out.m_fileName = rest;
            fileLine = line;
        } else if (name == u"field") {
            const QStringList columns = rest.split(u'|');
            if (columns.size() != 5) {
                return templateError(path, line,
                    QStringLiteral("a field line has five columns: field: KEY | LABEL | HINT | DEFAULT | "
                                   "required or optional"));
            }
            TemplateField field{columns.at(0).trimmed(), columns.at(1).trimmed(), columns.at(2).trimmed(),
                columns.at(3).trimmed(), false};
            const QString requirement = columns.at(4).trimmed();
            if (!isKey(field.key)) {
                return templateError(path, line,
                    QStringLiteral("field key '%1' must be lower-case letters, digits and _").arg(field.key));
            }
            if (requirement != u"required" && requirement != u"optional") {
                return templateError(path, line,
                    QStringLiteral("field '%1' must end in 'required' or 'optional', not '%2'")
                        .arg(field.key, requirement));
            }
            field.required = requirement == u"required";
            if (field.label.isEmpty())
                return templateError(path, line, QStringLiteral("field '%1' has no label").arg(field.key));
            for (const TemplateField &other : std::as_const(out.m_fields)) {
                if (other.key == field.key)
                    return templateError(
                        path, line, QStringLiteral("field '%1' is declared twice").arg(field.key));
            }
            out.m_fields.append(field);
        } else {
            return templateError(path, line,
                QStringLiteral("unknown header line '%1' (expected name:, kind:, file: or field:)")
                    .arg(text));
        }
    }
    if (closing == 0)
        return templateError(path, 1, QStringLiteral("the header is not closed with a line reading '-->'"));
    if (out.m_name.isEmpty())
        return templateError(path, 1, QStringLiteral("the header has no 'name:' line"));
    if (out.m_kind == DocumentKind::Unknown)
        return templateError(path, 1, QStringLiteral("the header has no 'kind:' line"));
    if (closing == source.lineCount() || source.lineInfo(closing).ending == SourceText::LineEnding::None)
        return templateError(path, closing, QStringLiteral("there is no record after the header"));
    const qsizetype bodyStart = source.lineInfo(closing + 1).start;
    out.m_body = source.text().mid(bodyStart);

    QStringList used;
    auto check = [&](const QString &text, qsizetype offset, auto lineOf) -> std::optional<Error> {
        const Scan found = scan(text);
        if (found.errorAt >= 0)
            return templateError(path, lineOf(offset + found.errorAt), found.problem);
        for (const Placeholder &placeholder : found.placeholders) {
            const bool declared = std::any_of(out.m_fields.cbegin(), out.m_fields.cend(),
                [&](const TemplateField &field) { return field.key == placeholder.key; });
            if (!declared) {
                return templateError(path, lineOf(offset + placeholder.start),
                    QStringLiteral("unknown placeholder {{%1}}: the header declares no field '%1'")
                        .arg(placeholder.key));
            }
            used.append(placeholder.key);
        }
        return std::nullopt;
    };
    const auto sourceLine = [&source](qsizetype offset) { return source.lineAt(offset); };
    if (const std::optional<Error> problem = check(out.m_body, bodyStart, sourceLine))
        return *problem;
    if (const std::optional<Error> problem =
            check(out.m_fileName, 0, [fileLine](qsizetype) { return fileLine; }))
        return *problem;
    for (const TemplateField &field : std::as_const(out.m_fields)) {
        if (!used.contains(field.key)) {
            return templateError(path, 1,
                QStringLiteral("field '%1' is declared but no {{%1}} placeholder uses it").arg(field.key));
        }
    }
    return out;
}

} // namespace Countersign
