// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

// Editing a ledger file by hand, as someone tampering with it would, for the ledger tests.
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

namespace TestSupport {

// Runs `statements` on the SQLite file at `path` through a connection of its own; false if one fails.
inline bool execSql(const QString &path, const QStringList &statements)
{
    const QString connection = QStringLiteral("test-raw-sql");
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        ok = db.open();
        QSqlQuery query(db);
        for (const QString &statement : statements)
            ok = ok && query.exec(statement);
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

} // namespace TestSupport
