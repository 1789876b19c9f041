// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "commandoptions.h"

namespace Countersign {

CommandOptions::Option CommandOptions::flag(QStringView names)
{
    QStringList list;
    for (QStringView name : names.split(u'|'))
        list.append(name.toString());
    return {QCommandLineOption(list)};
}

CommandOptions::Option CommandOptions::valued(QStringView names, const QString &valueName)
{
    Option option = flag(names);
    option.option.setValueName(valueName);
    return option;
}

CommandOptions::CommandOptions(const QString &command, const QList<Option> &options, Reading reading)
    : m_command(command)
    , m_options(options)
    , m_reading(reading)
{
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    for (const Option &option : options)
        m_parser.addOption(option.option);
}

std::optional<QString> CommandOptions::parse(const QStringList &arguments)
{
    // Its verdict is not needed: the walk below finds every problem it would, and more.
    m_parser.parse(QStringList{m_command} + arguments);
    m_given.clear();
    std::optional<QString> problem;
    QList<qsizetype> seen(m_options.size(), 0); // values of each option read so far
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        if (problem && m_reading == Reading::Operands)
            break;
        const QString &argument = arguments.at(i);
        if (argument == u"--" && m_reading == Reading::Operands)
            break;
        if (!argument.startsWith(u'-') || argument == u"-")
            continue; // an operand
        const Token token = read(argument);
        if (token.option < 0) {
            problem = QStringLiteral("%1: unknown option '%2'").arg(m_command, argument);
            continue;
        }
        const Option &option = m_options.at(token.option);
        m_given.append(option.option.names().constFirst());
        if (option.option.valueName().isEmpty())
            continue;
        if (!token.hasValue && ++i == arguments.size()) {
            problem = valueProblem(option, argument);
            continue;
        }
        // Until a problem, the walk and QCommandLineParser read the arguments alike, so this is the
        // value that went with `argument`.
        const QString value = m_parser.values(option.option.names().constFirst()).value(seen[token.option]++);
        if (option.acceptsValue && !option.acceptsValue(value))
            problem = valueProblem(option, argument);
    }
    return problem;
}

bool CommandOptions::isSet(const QString &name) const
{
    return m_parser.isSet(name);
}

QString CommandOptions::value(const QString &name) const
{
    return m_parser.value(name);
}

QStringList CommandOptions::values(const QString &name) const
{
    return m_parser.values(name);
}

QStringList CommandOptions::operands() const
{
    return m_parser.positionalArguments();
}

QStringList CommandOptions::given() const
{
    return m_given;
}

CommandOptions::Token CommandOptions::read(const QString &argument) const
{
    const bool isLong = argument.startsWith(u"--");
    if (!isLong && argument.size() > 2) {
        const qsizetype attached = indexOf(argument.mid(1, 1));
        if (attached >= 0 &&
            m_options.at(attached).option.flags().testFlag(QCommandLineOption::ShortOptionStyle))
            return {attached, true};
    }
    const qsizetype dashes = isLong ? 2 : 1;
    const qsizetype equals = argument.indexOf(u'=');
    const QString name = argument.mid(dashes, equals < 0 ? -1 : equals - dashes);
    // One dash before a letter, two before a word.
    const qsizetype index = (name.size() > 1) == isLong ? indexOf(name) : -1;
    if (index < 0 || (equals >= 0 && m_options.at(index).option.valueName().isEmpty()))
        return {};
    return {index, equals >= 0};
}

qsizetype CommandOptions::indexOf(const QString &name) const
{
    for (qsizetype i = 0; i < m_options.size(); ++i) {
        if (m_options.at(i).option.names().contains(name))
            return i;
    }
    return -1;
}

QString CommandOptions::valueProblem(const Option &option, const QString &argument) const
{
    return m_command + u": " +
        (option.badValue.isEmpty() ? QStringLiteral("%1 needs a value").arg(argument) : option.badValue);
}

} // namespace Countersign
