// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

// The ledger tests that must hold for every backend run once for each: their data rows carry the
// backend's name ("sqlite", "postgresql"), and LedgerBackends gives each test a new, empty ledger of
// it. The PostgreSQL server is this test program's own (PgServer), started on first use; where
// PostgreSQL is not installed the postgresql rows skip themselves with the reason, and a server that
// is installed but does not start fails them.
#include "ledger/postgresledgerstore.h"
#include "pgserver.h"
#include "sqlsupport.h"

#include <QString>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

namespace TestSupport {

class LedgerBackends
{
public:
    static inline const QString sqlite = QStringLiteral("sqlite");
    static inline const QString postgresql = QStringLiteral("postgresql");

    // Adds the column "backend" and one row per backend, each name followed by `suffix`.
    static void addRows(const QString &suffix = {})
    {
        QTest::addColumn<QString>("backend");
        for (const QString &backend : {sqlite, postgresql})
            QTest::newRow(qPrintable(backend + suffix)) << backend;
    }

    // Why `backend` cannot be tested here (PostgreSQL not installed), or nothing.
    static std::optional<QString> unavailable(const QString &backend)
    {
        return backend == postgresql ? PgServer::unavailable() : std::nullopt;
    }

    // A new, empty ledger of `backend`: a file in `dir`, or a database of its own on the server,
    // made with `ledger init`'s schema. Empty, with `why` set, when it cannot be made.
    QString fresh(const QString &backend, const QTemporaryDir &dir, QString *why)
    {
        const int n = ++m_count;
        if (backend == sqlite) // in a folder of its own, which opening it makes
            return dir.filePath(QStringLiteral("ledger-%1/ledger.sqlite").arg(n));
        if (!m_server) {
            m_server = std::make_unique<PgServer>();
            if (!m_server->start(&m_failure))
                m_failure = QStringLiteral("the private PostgreSQL server did not start: ") + m_failure;
        }
        if (!m_failure.isEmpty()) {
            *why = m_failure;
            return {};
        }
        const QString database = QStringLiteral("ledger_%1").arg(n);
        if (!m_server->exec(QString::fromLatin1(PgServer::superuser), QStringLiteral("postgres"),
                {QStringLiteral("CREATE DATABASE %1").arg(database)}, why))
            return {};
        const QString uri = m_server->uri(QString::fromLatin1(PgServer::superuser), database);
        if (std::optional<Countersign::Error> failed = Countersign::PostgresLedgerStore::init(uri)) {
            *why = failed->toString();
            return {};
        }
        return uri;
    }

    PgServer *server() const { return m_server.get(); }

    // Runs `statements` on the ledger at `location` as its owner would by hand, the ledger's own
    // guards (triggers, constraints) in force; table names unqualified. False if one fails.
    bool exec(const QString &backend, const QString &location, const QStringList &statements,
        QString *why = nullptr) const
    {
        if (backend == sqlite)
            return execSql(location, statements);
        return m_server->exec(QString::fromLatin1(PgServer::superuser), QUrl(location).path().mid(1),
            QStringList{QStringLiteral("SET search_path = countersign")} + statements, why);
    }

    // The same with the append-only triggers out of the way, as someone rewriting the ledger would:
    // dropped from the file, switched off for the session on the server.
    bool tamper(const QString &backend, const QString &location, const QStringList &statements) const
    {
        if (backend == sqlite) {
            QStringList drops;
            for (const char *table : {"signoff", "risk_decision"}) {
                for (const char *change : {"update", "delete"})
                    drops.append(QStringLiteral("DROP TRIGGER IF EXISTS %1_append_only_%2")
                            .arg(QString::fromLatin1(table), QString::fromLatin1(change)));
            }
            return execSql(location, drops + statements);
        }
        return exec(backend, location,
            QStringList{QStringLiteral("SET session_replication_role = replica")} + statements);
    }

private:
    std::unique_ptr<PgServer> m_server;
    QString m_failure;
    int m_count = 0;
};

} // namespace TestSupport

// In a data-driven ledger test: skips the row of a backend not installed here, and sets `location`
// to a new ledger of it (fails the test when one cannot be made).
#define LEDGER_FOR_ROW(backends, backend, dir, location)                                                     \
    do {                                                                                                     \
        if (const std::optional<QString> missing = TestSupport::LedgerBackends::unavailable(backend))        \
            QSKIP(qPrintable(*missing));                                                                     \
        QString why;                                                                                         \
        location = (backends).fresh(backend, dir, &why);                                                     \
        QVERIFY2(!location.isEmpty(), qPrintable(why));                                                      \
    } while (false)
