// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

// Throwaway SSH keys made by the real ssh-keygen in a temporary folder, and the trust folder
// (.countersign/) that lists them: what the signing tests start from. No key is ever mocked.
#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace TestSupport {

struct TestKey
{
    QString principal;
    QString privateKey; // the key file, no passphrase
    QString publicKey; // PATH.pub
    QString publicText; // "ssh-ed25519 AAAA... principal"
};

// Runs `program` with `arguments`, `input` on its standard input; its exit status, output in `out`.
inline int runTool(const QString &program, const QStringList &arguments, const QByteArray &input = {},
    QByteArray *out = nullptr, QByteArray *err = nullptr)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForStarted(10000))
        qFatal("cannot start %s", qPrintable(program));
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000))
        qFatal("%s did not finish", qPrintable(program));
    if (out)
        *out = process.readAllStandardOutput();
    if (err)
        *err = process.readAllStandardError();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

// A new Ed25519 key for `principal` in `folder`, named `name`.
inline TestKey makeKey(const QString &folder, const QString &name, const QString &principal)
{
    TestKey key{
        principal, QDir(folder).filePath(name), QDir(folder).filePath(name + QStringLiteral(".pub")), {}};
    if (runTool(QStringLiteral("ssh-keygen"),
            {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"),
                QString(), QStringLiteral("-C"), principal, QStringLiteral("-f"), key.privateKey}) != 0)
        qFatal("ssh-keygen could not make a key");
    QFile pub(key.publicKey);
    if (!pub.open(QIODevice::ReadOnly))
        qFatal("no public key");
    key.publicText = QString::fromUtf8(pub.readAll()).trimmed();
    return key;
}

// `ssh-keygen -Y sign -n nameSpace` of `message` with `key`: the armored signature.
inline QByteArray sshSign(const TestKey &key, const QByteArray &message, const QString &nameSpace)
{
    QByteArray signature;
    if (runTool(QStringLiteral("ssh-keygen"),
            {QStringLiteral("-q"), QStringLiteral("-Y"), QStringLiteral("sign"), QStringLiteral("-n"),
                nameSpace, QStringLiteral("-f"), key.privateKey},
            message, &signature) != 0)
        qFatal("ssh-keygen could not sign");
    return signature;
}

inline void writeText(const QString &path, const QString &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text.toUtf8()) < 0)
        qFatal("cannot write %s", qPrintable(path));
}

// A trust folder in `directory`: allowed_signers lists each key for its principal (with `options`
// before the key where given, "valid-before=\"20200101\"" say), roles lets each principal sign the
// role at the same index of `roles`, and the policy, when given.
inline QString writeTrustFolder(const QString &directory, const QList<TestKey> &keys,
    const QStringList &roles, const QStringList &options = {}, const QString &policy = {})
{
    const QString folder = QDir(directory).filePath(QStringLiteral(".countersign"));
    QString allowed;
    QString grants;
    for (qsizetype i = 0; i < keys.size(); ++i) {
        const QString option = options.value(i);
        allowed += keys.at(i).principal + u' ' + (option.isEmpty() ? QString() : option + u' ') +
            keys.at(i).publicText.section(u' ', 0, 1) + u'\n';
        if (i < roles.size())
            grants += roles.at(i) + QStringLiteral(" = ") + keys.at(i).principal + u'\n';
    }
    writeText(QDir(folder).filePath(QStringLiteral("allowed_signers")), allowed);
    writeText(QDir(folder).filePath(QStringLiteral("roles")), grants);
    if (!policy.isEmpty())
        writeText(QDir(folder).filePath(QStringLiteral("policy")), policy);
    return folder;
}

// Makes `directory` a git repository with `origin` as its origin remote (none when empty).
inline void makeRepository(const QString &directory, const QString &origin = {})
{
    if (runTool(QStringLiteral("git"), {QStringLiteral("init"), QStringLiteral("-q"), directory}) != 0)
        qFatal("git init failed");
    if (!origin.isEmpty() &&
        runTool(QStringLiteral("git"),
            {QStringLiteral("-C"), directory, QStringLiteral("remote"), QStringLiteral("add"),
                QStringLiteral("origin"), origin}) != 0)
        qFatal("git remote add failed");
}

} // namespace TestSupport
