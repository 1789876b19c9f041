// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "recentpairs.h"

#include "base/settingskeys.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStringList>

namespace Countersign {

namespace {
constexpr int recentPairLimit = 8;
} // namespace

QList<QPair<QString, QString>> RecentPairs::list()
{
    QList<QPair<QString, QString>> pairs;
    for (const QString &entry : QSettings().value(SettingsKeys::recentPairs).toStringList()) {
        const QStringList files = entry.split(u'\n');
        if (files.size() == 2)
            pairs.append({files.at(0), files.at(1)});
    }
    return pairs;
}

void RecentPairs::remember(const QString &left, const QString &right)
{
    const QString entry = QFileInfo(left).absoluteFilePath() + u'\n' + QFileInfo(right).absoluteFilePath();
    QStringList entries = QSettings().value(SettingsKeys::recentPairs).toStringList();
    entries.removeAll(entry);
    entries.prepend(entry);
    QSettings().setValue(SettingsKeys::recentPairs, entries.mid(0, recentPairLimit));
}

QString RecentPairs::folderOf(const QString &path)
{
    const QString folder = QFileInfo(path).absolutePath();
    const QString home = QDir::homePath();
    if (folder == home)
        return QStringLiteral("~");
    if (folder.startsWith(home + u'/'))
        return u'~' + folder.mid(home.size());
    return folder;
}

} // namespace Countersign
