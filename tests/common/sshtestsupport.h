// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

// OpenSSH's own tools as the signing tests' reference: throwaway keys from ssh-keygen, signatures
// made and verdicts given by `ssh-keygen -Y`, a private ssh-agent, and SSHSIG blobs taken apart and
// put together by hand.
#include <QByteArray>
#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

namespace TestSupport {

struct ToolRun
{
    int exitCode = -1; // -1: did not start, crashed or timed out
    QByteArray out;
    QByteArray err;
};

inline ToolRun runTool(const QString &program, const QStringList &arguments, const QByteArray &input = {},
    const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    ToolRun run;
    if (!process.waitForStarted(10000))
        return run;
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    if (process.exitStatus() == QProcess::NormalExit)
        run.exitCode = process.exitCode();
    return run;
}

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A new key pair at `path` and `path`.pub: "ed25519", "rsa" (2048 bits: quick) or "ecdsa" (P-256).
// Empty when ssh-keygen failed.
inline QString generateKey(const QString &path, const QString &type, const QString &passphrase = {})
{
    QStringList arguments{QStringLiteral("-q"), QStringLiteral("-t"), type, QStringLiteral("-N"), passphrase,
        QStringLiteral("-C"), QStringLiteral("test@countersign"), QStringLiteral("-f"), path};
    if (type == u"rsa")
        arguments << QStringLiteral("-b") << QStringLiteral("2048");
    const ToolRun run = runTool(QStringLiteral("ssh-keygen"), arguments);
    return run.exitCode == 0 && QFileInfo::exists(path + u".pub") ? path : QString();
}

// `ssh-keygen -Y sign` of `message` with the private key file `key`; empty when it failed.
inline QString keygenSign(
    const QString &key, const QString &nameSpace, const QByteArray &message, const QStringList &options = {})
{
    const ToolRun run = runTool(QStringLiteral("ssh-keygen"),
        QStringList{QStringLiteral("-Y"), QStringLiteral("sign"), QStringLiteral("-n"), nameSpace,
            QStringLiteral("-f"), key} +
            options,
        message);
    return run.exitCode == 0 ? QString::fromUtf8(run.out) : QString();
}

// ssh-keygen's verdict: `armored` verifies over `message` in `nameSpace`, made by `publicKeyText`
// ("TYPE BASE64") as allowed_signers lists it. `directory` holds the files it needs.
inline bool keygenVerifies(const QString &directory, const QString &publicKeyText, const QString &nameSpace,
    const QByteArray &message, const QString &armored)
{
    const QString signers = directory + u"/allowed_signers";
    const QString signature = directory + u"/check.sig";
    if (!writeFile(signers, "signer@test " + publicKeyText.toUtf8() + '\n') ||
        !writeFile(signature, armored.toUtf8()))
        return false;
    const ToolRun run = runTool(QStringLiteral("ssh-keygen"),
        {QStringLiteral("-Y"), QStringLiteral("verify"), QStringLiteral("-f"), signers, QStringLiteral("-I"),
            QStringLiteral("signer@test"), QStringLiteral("-n"), nameSpace, QStringLiteral("-s"), signature},
        message);
    return run.exitCode == 0;
}

// SSH wire format, for blobs built by hand.
inline void appendUint32(QByteArray &out, quint32 value)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        out.append(char((value >> shift) & 0xff));
}

inline void appendString(QByteArray &out, const QByteArray &bytes)
{
    appendUint32(out, quint32(bytes.size()));
    out.append(bytes);
}

inline QByteArray sshString(const QByteArray &bytes)
{
    QByteArray out;
    appendString(out, bytes);
    return out;
}

// The fields of an SSHSIG blob, to change one and put it together again.
struct SshSigFields
{
    QByteArray magic = "SSHSIG";
    quint32 version = 1;
    QByteArray publicKey;
    QByteArray nameSpace;
    QByteArray reserved;
    QByteArray hashAlgorithm = "sha512";
    QByteArray signature;

    QByteArray blob() const
    {
        QByteArray out = magic;
        appendUint32(out, version);
        for (const QByteArray *field : {&publicKey, &nameSpace, &reserved, &hashAlgorithm, &signature})
            appendString(out, *field);
        return out;
    }
};

// The base64 between the armor lines of a signature ssh-keygen wrote, decoded.
inline QByteArray dearmor(const QString &armored)
{
    QStringList lines = armored.trimmed().split(u'\n');
    if (lines.size() < 3)
        return {};
    lines.removeFirst();
    lines.removeLast();
    return QByteArray::fromBase64(lines.join(QString()).toLatin1());
}

inline QString armor(const QByteArray &blob)
{
    const QByteArray base64 = blob.toBase64();
    QString text = QStringLiteral("-----BEGIN SSH SIGNATURE-----\n");
    for (qsizetype i = 0; i < base64.size(); i += 70)
        text += QString::fromLatin1(base64.mid(i, 70)) + u'\n';
    return text + u"-----END SSH SIGNATURE-----\n";
}

// Splits the blob of a well-formed signature into its fields.
inline SshSigFields fieldsOf(const QByteArray &blob)
{
    SshSigFields fields;
    qsizetype position = 10; // "SSHSIG" and the version
    const auto next = [&blob, &position]() {
        if (position + 4 > blob.size())
            return QByteArray();
        quint32 length = 0;
        for (int i = 0; i < 4; ++i)
            length = (length << 8) | quint8(blob.at(position + i));
        position += 4;
        const QByteArray field = blob.mid(position, qsizetype(length));
        position += qsizetype(length);
        return field;
    };
    fields.publicKey = next();
    fields.nameSpace = next();
    fields.reserved = next();
    fields.hashAlgorithm = next();
    fields.signature = next();
    return fields;
}

// An ssh-agent of the test's own, listening on `socket` in the foreground. It ends with this object
// and, on Linux, with the test process however that ends (a crash too).
class TestAgent
{
public:
    explicit TestAgent(const QString &socket)
        : m_socket(socket)
    {
#ifdef Q_OS_LINUX
        m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
        m_process.start(QStringLiteral("ssh-agent"), {QStringLiteral("-D"), QStringLiteral("-a"), socket});
        m_process.waitForStarted(10000);
        const QDeadlineTimer deadline(10000);
        // waitForFinished as the pause: it notices an agent that gave up.
        while (m_process.state() == QProcess::Running && !QFileInfo::exists(socket) && !deadline.hasExpired())
            m_process.waitForFinished(10);
    }
    ~TestAgent()
    {
        m_process.kill();
        m_process.waitForFinished();
    }
    TestAgent(const TestAgent &) = delete;
    TestAgent &operator=(const TestAgent &) = delete;

    bool isRunning() const { return m_process.state() == QProcess::Running && QFileInfo::exists(m_socket); }
    QString socket() const { return m_socket; }
    QProcessEnvironment environment() const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("SSH_AUTH_SOCK"), m_socket);
        return environment;
    }
    bool add(const QString &key) const
    {
        return runTool(QStringLiteral("ssh-add"), {QStringLiteral("-q"), key}, {}, environment()).exitCode ==
            0;
    }

private:
    QString m_socket;
    QProcess m_process;
};

} // namespace TestSupport
