// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "base/libraryversions.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>

#include <cmark-gfm_version.h>

namespace Countersign {

QString LibraryVersions::sqlite()
{
    // A connection of its own, removed once the database handle is gone.
    const QString connection = QStringLiteral("countersign-versions-") + QUuid::createUuid().toString();
    QString version;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(QStringLiteral(":memory:"));
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("SELECT sqlite_version()")) && query.next())
                version = query.value(0).toString();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return version.isEmpty() ? QStringLiteral("unknown") : version;
}

QString LibraryVersions::cmarkGfm()
{
    return QStringLiteral(CMARK_GFM_VERSION_STRING);
}

} // namespace Countersign
