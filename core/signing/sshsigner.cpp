// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "signing/sshsigner.h"

#include "signing/opensshtool.h"
#include "signing/sshsignature.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

namespace Countersign {

namespace {

constexpr QStringView literalPrefix = u"key::";
constexpr int agentTimeoutMs = 30000;

Error failure(const QString &message, const QString &file = {})
{
    return Error{Error::Code::InvalidArgument, message, file};
}

// "~/id_ed25519" in the home folder `environment` names, as a shell would.
QString expandedPath(const QString &path, const QProcessEnvironment &environment)
{
    if (path != u"~" && !path.startsWith(u"~/"))
        return path;
    const QString home = environment.value(QStringLiteral("HOME"), QDir::homePath());
    return home + path.sliced(1);
}

// The key of a "key::TYPE BASE64" literal.
Result<SshPublicKey> literalKey(const QString &key)
{
    const std::optional<SshPublicKey> parsed =
        SshPublicKey::fromText(QStringView(key).sliced(literalPrefix.size()));
    if (!parsed)
        return failure(u"\"" + key + u"\" is not an SSH public key (key::TYPE BASE64)");
    return *parsed;
}

// The first key `ssh-add -L` lists.
Result<SshPublicKey> agentKey(const QProcessEnvironment &environment)
{
    const QString socket = environment.value(QStringLiteral("SSH_AUTH_SOCK"));
    if (socket.isEmpty())
        return failure(QStringLiteral("ssh-agent is not running (SSH_AUTH_SOCK is not set)"));
    const Result<OpenSshTool::Outcome> listed =
        OpenSshTool::run(QStringLiteral("ssh-add"), {QStringLiteral("-L")}, {}, environment, agentTimeoutMs);
    if (!listed)
        return listed.error();
    // ssh-add -L: exit status 1 when the agent holds no key, 2 when it cannot be reached.
    if (listed->exitCode == 1)
        return failure(QStringLiteral("no key given and ssh-agent holds none"));
    if (listed->exitCode != 0) {
        return failure(
            u"cannot reach ssh-agent at " + socket + u": " + OpenSshTool::describe(listed->errorOutput));
    }
    const QByteArray firstLine = listed->output.left(listed->output.indexOf('\n'));
    const std::optional<SshPublicKey> key = SshPublicKey::fromText(QString::fromUtf8(firstLine));
    if (!key)
        return failure(u"ssh-add -L listed something that is not a key: " + QString::fromUtf8(firstLine));
    return *key;
}

Result<SshPublicKey> readPublicKeyFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{Error::Code::Unreadable, u"cannot read the public key: " + file.errorString(), path};
    const std::optional<SshPublicKey> key = SshPublicKey::fromText(QString::fromUtf8(file.read(64 * 1024)));
    if (!key)
        return failure(QStringLiteral("not an SSH public key (TYPE BASE64 COMMENT)"), path);
    return *key;
}

} // namespace

Result<SshSigner::Signed> SshSigner::sign(const QByteArray &message, const QString &key,
    const QString &nameSpace, const QProcessEnvironment &environment, int timeoutMs)
{
    if (nameSpace.isEmpty())
        return failure(QStringLiteral("a signature needs a namespace"));

    // ssh-keygen takes a file: an agent's key is written to a temporary .pub, whose private half
    // ssh-keygen then asks the agent for. Errors name a key file as their file, an agent's key in
    // their message.
    const QTemporaryDir directory;
    QString keyFile;
    QString agentKeyName;
    const QString trimmed = key.trimmed();
    if (trimmed.isEmpty() || trimmed.startsWith(literalPrefix)) {
        const Result<SshPublicKey> publicKey =
            trimmed.isEmpty() ? agentKey(environment) : literalKey(trimmed);
        if (!publicKey)
            return publicKey.error();
        agentKeyName = u"the agent's key " + publicKey->fingerprint();
        if (!directory.isValid())
            return failure(u"cannot create a temporary folder for the key: " + directory.errorString());
        keyFile = directory.filePath(QStringLiteral("key.pub"));
        QFile file(keyFile);
        const QByteArray text = publicKey->toText().toUtf8() + '\n';
        if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.flush())
            return failure(u"cannot write " + keyFile + u": " + file.errorString());
    } else {
        keyFile = expandedPath(trimmed, environment);
        if (!QFileInfo(keyFile).isFile())
            return Error{Error::Code::FileNotFound, QStringLiteral("no such key file"), keyFile};
    }
    const auto signingError = [&](const QString &why) {
        return agentKeyName.isEmpty() ? failure(why, keyFile) : failure(why + u" (" + agentKeyName + u')');
    };

    const Result<OpenSshTool::Outcome> outcome = OpenSshTool::run(QStringLiteral("ssh-keygen"),
        {QStringLiteral("-Y"), QStringLiteral("sign"), QStringLiteral("-n"), nameSpace, QStringLiteral("-f"),
            keyFile},
        message, environment, timeoutMs);
    if (!outcome) {
        Error error = signingError(outcome.error().message);
        error.code = outcome.error().code;
        return error;
    }
    if (outcome->exitCode != 0) {
        const QString said = OpenSshTool::describe(outcome->errorOutput);
        return signingError(u"ssh-keygen could not sign: " +
            (said.isEmpty() ? QStringLiteral("exit status %1").arg(outcome->exitCode) : said));
    }
    const QString armored = QString::fromUtf8(outcome->output);
    const Result<SshSignature> signature = SshSignature::parse(armored);
    if (!signature)
        return signingError(u"ssh-keygen wrote no signature: " + signature.error().message);
    return Signed{armored, signature->key};
}

Result<SshPublicKey> SshSigner::publicKey(const QString &key, const QProcessEnvironment &environment)
{
    const QString trimmed = key.trimmed();
    if (trimmed.isEmpty())
        return agentKey(environment);
    if (trimmed.startsWith(literalPrefix))
        return literalKey(trimmed);
    const QString path = expandedPath(trimmed, environment);
    if (path.endsWith(u".pub"))
        return QFileInfo(path).isFile()
            ? readPublicKeyFile(path)
            : Error{Error::Code::FileNotFound, QStringLiteral("no such key file"), path};
    const QString publicPath = path + u".pub";
    if (QFileInfo(publicPath).isFile())
        return readPublicKeyFile(publicPath);
    if (!QFileInfo(path).isFile())
        return Error{Error::Code::FileNotFound, QStringLiteral("no such key file"), path};
    // Reading the public half out of the private key could ask for its passphrase: ask for the file.
    return Error{Error::Code::FileNotFound,
        u"its public key " + publicPath + u" is missing; write it with: ssh-keygen -y -f " + path + u" > " +
            publicPath,
        path};
}

} // namespace Countersign
