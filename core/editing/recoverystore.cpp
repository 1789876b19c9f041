// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "editing/recoverystore.h"

#include "record/documentloader.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace Countersign {

RecoveryStore::RecoveryStore(const QString &directory)
    : m_directory(directory)
{ }

QString RecoveryStore::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/recovery";
}

QString RecoveryStore::entry(const QString &file, const char *suffix) const
{
    const QByteArray key =
        QCryptographicHash::hash(QFileInfo(file).absoluteFilePath().toUtf8(), QCryptographicHash::Sha1)
            .toHex();
    return m_directory + u'/' + QString::fromLatin1(key) + QLatin1StringView(suffix);
}

QString RecoveryStore::save(const QString &file, const QByteArray &text) const
{
    if (!QDir().mkpath(m_directory))
        return QStringLiteral("%1: cannot create the recovery folder").arg(m_directory);
    for (const auto &[suffix, bytes] :
        {std::pair{".path", QFileInfo(file).absoluteFilePath().toUtf8()}, std::pair{".md", text}}) {
        if (const std::optional<Error> failed = DocumentLoader::writeFile(entry(file, suffix), bytes))
            return failed->toString();
    }
    return {};
}

std::optional<QByteArray> RecoveryStore::load(const QString &file) const
{
    QFile in(entry(file, ".md"));
    if (!in.open(QIODevice::ReadOnly))
        return std::nullopt;
    return in.readAll();
}

QDateTime RecoveryStore::savedAt(const QString &file) const
{
    return QFileInfo(entry(file, ".md")).lastModified();
}

void RecoveryStore::remove(const QString &file) const
{
    QFile::remove(entry(file, ".md"));
    QFile::remove(entry(file, ".path"));
}

} // namespace Countersign
