// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace Countersign {

// The options and operands of one subcommand. QCommandLineParser reads them (in its long-option
// mode: one dash before a letter, "-o", two before a word, "--output"; values as "--db PATH",
// "--db=PATH" or, for options marked ShortOptionStyle, "-U3"; a lone "-" is an operand). What it
// cannot do is word a problem the way countersign always has, so parse() walks the arguments once
// more, in order, and reports the first (or last) problem itself: QCommandLineParser matches a name
// whatever its dashes (it would take "-role" and "--o"), names an unknown option without its dashes
// or value ("xml", not "--xml=1"), and has no place to check a value where it stands.
class CommandOptions
{
public:
    struct Option
    {
        QCommandLineOption option;
        // What a missing or refused value is reported as, after "<command>: ". Empty: "<option as
        // typed> needs a value".
        QString badValue = {};
        // Refuses a value, reported as badValue; null takes any value, even an empty one.
        bool (*acceptsValue)(const QString &value) = nullptr;
    };
    // `names` separated by '|', one letter or a word each: flag(u"q|brief").
    static Option flag(QStringView names);
    static Option valued(QStringView names, const QString &valueName);

    // How a command has always read its arguments, kept so that no message changes.
    enum class Reading {
        // "--" ends the options; of several problems, the first is reported.
        Operands,
        // The commands that take one RECORD (signoff, status, ledger, export, verify, review, mirror):
        // "--" is an unknown option, and of several problems the last is reported.
        OneRecord,
    };

    CommandOptions(const QString &command, const QList<Option> &options, Reading reading = Reading::Operands);

    // Parses `arguments` (those after the command's name). Returns the problem, worded as it always
    // was ("diff: unknown option '--frob'", "signoff: --role needs a value"), or nothing.
    std::optional<QString> parse(const QStringList &arguments);

    bool isSet(const QString &name) const;
    // The value given last; an empty string if none was given.
    QString value(const QString &name) const;
    // Every value given, in order: for options that may be repeated (--role A --role B).
    QStringList values(const QString &name) const;
    QStringList operands() const;
    // The options given, each by its first name, in order and with repeats (even when parse() found a
    // problem): for options of which the last given wins (-b, -w), or that must be given once.
    QStringList given() const;

private:
    struct Token
    {
        qsizetype option = -1; // index in m_options; -1: no option of this command
        bool hasValue = false; // "--db=PATH", "-U3"
    };
    Token read(const QString &argument) const;
    qsizetype indexOf(const QString &name) const;
    QString valueProblem(const Option &option, const QString &argument) const;

    QString m_command;
    QList<Option> m_options;
    Reading m_reading;
    QCommandLineParser m_parser;
    QStringList m_given;
};

} // namespace Countersign
