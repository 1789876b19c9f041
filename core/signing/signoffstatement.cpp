// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "signing/signoffstatement.h"

#include <array>

namespace Countersign {

namespace {

// The fields in the order a statement writes them, with where each lives in Fields.
struct FieldName
{
    QStringView name;
    QString SignOffStatement::Fields::*member;
};

constexpr std::array<FieldName, 11> fieldNames{{
    {u"record", &SignOffStatement::Fields::record},
    {u"kind", &SignOffStatement::Fields::kind},
    {u"digest", &SignOffStatement::Fields::digest},
    {u"role", &SignOffStatement::Fields::role},
    {u"holder", &SignOffStatement::Fields::holder},
    {u"signer", &SignOffStatement::Fields::signer},
    {u"decision", &SignOffStatement::Fields::decision},
    {u"comment", &SignOffStatement::Fields::comment},
    {u"time", &SignOffStatement::Fields::time},
    {u"principal", &SignOffStatement::Fields::principal},
    {u"previous", &SignOffStatement::Fields::previous},
}};

QString escaped(const QString &value)
{
    QString out;
    out.reserve(value.size());
    for (const QChar c : value) {
        if (c == u'\\')
            out += QStringLiteral("\\\\");
        else if (c == u'\n')
            out += QStringLiteral("\\n");
        else if (c == u'\r')
            out += QStringLiteral("\\r");
        else
            out += c;
    }
    return out;
}

std::optional<QString> unescaped(QStringView value)
{
    QString out;
    out.reserve(value.size());
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (value[i] != u'\\') {
            out += value[i];
            continue;
        }
        if (++i == value.size())
            return std::nullopt;
        if (value[i] == u'\\')
            out += u'\\';
        else if (value[i] == u'n')
            out += u'\n';
        else if (value[i] == u'r')
            out += u'\r';
        else
            return std::nullopt;
    }
    return out;
}

} // namespace

SignOffStatement::Fields SignOffStatement::fieldsOf(const SignOffEntry &entry)
{
    return Fields{entry.recordPath, entry.recordKind, entry.digest, entry.role, {}, entry.signer,
        decisionName(entry.decision), entry.comment, entry.timeText(), entry.principal, entry.previousHash};
}

QString SignOffStatement::text(const SignOffEntry &entry, const QString &holder)
{
    Fields fields = fieldsOf(entry);
    fields.holder = holder;
    QString out = header + u'\n';
    for (const FieldName &field : fieldNames)
        out += field.name + QStringLiteral(": ") + escaped(fields.*field.member) + u'\n';
    return out;
}

Result<SignOffStatement::Fields> SignOffStatement::parse(const QString &text)
{
    const auto refuse = [](int line, const QString &why) {
        return Error{Error::Code::InvalidArgument,
            QStringLiteral("is not a Countersign sign-off statement: %1").arg(why), {}, line};
    };
    if (!text.endsWith(u'\n'))
        return refuse(0, QStringLiteral("it does not end with a line break"));
    const QStringList lines = text.chopped(1).split(u'\n');
    if (lines.size() != int(fieldNames.size()) + 1)
        return refuse(
            0, QStringLiteral("it has %1 lines, not %2").arg(lines.size()).arg(fieldNames.size() + 1));
    if (lines.first() != header)
        return refuse(1, QStringLiteral("its first line is not \"%1\"").arg(header));
    Fields fields;
    for (size_t i = 0; i < fieldNames.size(); ++i) {
        const int lineNumber = int(i) + 2;
        const QString &line = lines.at(qsizetype(i) + 1);
        const QString lead = fieldNames[i].name + QStringLiteral(": ");
        if (!line.startsWith(lead))
            return refuse(
                lineNumber, QStringLiteral("line %1 should start with \"%2\"").arg(lineNumber).arg(lead));
        const std::optional<QString> value = unescaped(QStringView(line).mid(lead.size()));
        if (!value)
            return refuse(lineNumber, QStringLiteral("line %1 has a broken escape").arg(lineNumber));
        fields.*fieldNames[i].member = *value;
    }
    return fields;
}

std::optional<QString> SignOffStatement::mismatch(const Fields &statement, const SignOffEntry &entry)
{
    const Fields own = fieldsOf(entry);
    for (const FieldName &field : fieldNames) {
        if (field.member == &Fields::holder)
            continue;
        if (statement.*field.member != own.*field.member) {
            return QStringLiteral("the signed statement's %1 is \"%2\", the entry's \"%3\"")
                .arg(field.name, statement.*field.member, own.*field.member);
        }
    }
    return std::nullopt;
}

} // namespace Countersign
