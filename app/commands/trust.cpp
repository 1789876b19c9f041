// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// countersign trust init [DIR] --principal P [--key KEY]: creates DIR/.countersign with the user's key;
// countersign trust add PRINCIPAL KEY --role R [--role R...] [--dir DIR]: lets someone sign roles. Both
// only edit the trust folder's text files, which the team commits and reviews like code.
#include "base/settingskeys.h"
#include "commandio.h"
#include "commandoptions.h"
#include "commands.h"
#include "record/documentloader.h"
#include "signing/recordidentity.h"
#include "signing/sshsigner.h"
#include "signing/trustfolder.h"

#include <QDir>
#include <QSettings>

namespace Countersign::Commands {

namespace {

// The folder `trust init` works in: the one given, else the repository holding the current folder,
// else the current folder.
QString initFolder(const QStringList &operands)
{
    if (operands.size() > 1)
        return operands.at(1);
    const QString root = RecordIdentity::repositoryRoot(QDir::current().filePath(QStringLiteral(".")));
    return root.isEmpty() ? QDir::currentPath() : root;
}

// A key given on the command line: a public key file, or the key's text itself.
Result<SshPublicKey> keyArgument(const QString &argument)
{
    if (std::optional<SshPublicKey> key = SshPublicKey::fromText(argument))
        return *key;
    const Result<QByteArray> bytes = DocumentLoader::readFile(argument);
    if (!bytes)
        return bytes.error();
    if (std::optional<SshPublicKey> key = SshPublicKey::fromText(QString::fromUtf8(bytes.value()).trimmed()))
        return *key;
    return Error{Error::Code::InvalidArgument, QStringLiteral("is not an SSH public key"), argument};
}

int init(const CommandOptions &options)
{
    if (options.operands().size() > 2)
        return usageError(QStringLiteral("trust init takes at most one folder"));
    const QString principal = options.value(QStringLiteral("principal")).trimmed();
    if (principal.isEmpty())
        return usageError(QStringLiteral("trust init needs --principal (your e-mail, say)"));
    const QString key = options.isSet(QStringLiteral("key"))
        ? options.value(QStringLiteral("key"))
        : QSettings().value(SettingsKeys::signingKey).toString();
    const Result<SshPublicKey> publicKey = SshSigner::publicKey(key);
    if (!publicKey)
        return loadError(publicKey.error());
    const QString folder = initFolder(options.operands());
    if (std::optional<Error> failed = TrustFolder::init(folder, principal, publicKey.value()))
        return loadError(*failed);
    writeOut(QStringLiteral("%1: created with %2 (%3); list who may sign which role in its roles file, then "
                            "commit it\n")
            .arg(QDir(folder).filePath(TrustFolder::folderName.toString()), principal,
                publicKey->fingerprint()));
    return Clean;
}

int add(const CommandOptions &options)
{
    if (options.operands().size() != 3)
        return usageError(QStringLiteral("trust add takes PRINCIPAL and KEY"));
    const QStringList roles = options.values(QStringLiteral("role"));
    if (roles.isEmpty())
        return usageError(QStringLiteral("trust add needs at least one --role"));
    const Result<SshPublicKey> key = keyArgument(options.operands().at(2));
    if (!key)
        return loadError(key.error());
    QString folder;
    if (options.isSet(QStringLiteral("dir"))) {
        folder = QDir(options.value(QStringLiteral("dir"))).filePath(TrustFolder::folderName.toString());
    } else {
        const Result<std::optional<TrustFolder>> found =
            TrustFolder::find(QDir::current().filePath(QStringLiteral(".")));
        if (!found)
            return loadError(found.error());
        if (!found.value())
            return usageError(QStringLiteral("no trust folder here or above: run 'countersign trust init' or "
                                             "give --dir"));
        folder = found.value()->path();
    }
    const QString principal = options.operands().at(1);
    if (std::optional<Error> failed = TrustFolder::add(folder, principal, key.value(), roles))
        return loadError(*failed);
    writeOut(QStringLiteral("%1: %2 (%3) may sign %4\n")
            .arg(folder, principal, key->fingerprint(), roles.join(QStringLiteral(", "))));
    return Clean;
}

} // namespace

int trust(const QStringList &arguments)
{
    CommandOptions options(QStringLiteral("trust"),
        {CommandOptions::valued(u"principal", QStringLiteral("P")),
            CommandOptions::valued(u"key", QStringLiteral("KEY")),
            CommandOptions::valued(u"role", QStringLiteral("R")),
            CommandOptions::valued(u"dir", QStringLiteral("DIR"))},
        CommandOptions::Reading::OneRecord);
    if (const std::optional<QString> problem = options.parse(arguments))
        return usageError(*problem);
    const QString action = options.operands().value(0);
    if (action == u"init")
        return init(options);
    if (action == u"add")
        return add(options);
    return usageError(QStringLiteral("trust takes one action: init or add"));
}

} // namespace Countersign::Commands
