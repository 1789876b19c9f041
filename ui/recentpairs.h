// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace Countersign {

// The pairs of records opened last (left, right), newest first, remembered across runs in the
// settings (SettingsKeys::recentPairs), at most eight. Paths are kept absolute; a pair opened again
// moves to the front instead of being listed twice.
class RecentPairs
{
public:
    static QList<QPair<QString, QString>> list();
    static void remember(const QString &left, const QString &right);
    // Where `path` is, for a list where file names repeat (every cutover has a RUNTIME_CUTOVER_...
    // record): its folder, the home folder written "~".
    static QString folderOf(const QString &path);
};

} // namespace Countersign
