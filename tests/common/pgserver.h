// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

// A private PostgreSQL server for one test: initdb into a temporary folder, the server listening on
// a unix socket in that folder only (no TCP port), run as an unprivileged user when the test runs as
// root (initdb refuses root; CI runs as root), stopped with pg_ctl when the object goes, and taken
// down with the test process however that ends (the server is started through setpriv --pdeathsig, so
// a test killed or crashed does not leave it running). Where PostgreSQL is not installed, available()
// says why and the test skips itself with that reason; in the build root it is always installed.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <atomic>
#include <memory>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>

namespace TestSupport {

class PgServer
{
public:
    // The superuser initdb makes, and the database the ledger tests use.
    static constexpr const char *superuser = "postgres";
    static constexpr const char *database = "countersign";

    // The folder of PostgreSQL's server programs (initdb, pg_ctl, postgres), or empty.
    static QString binDir()
    {
        const QDir lib(QStringLiteral("/usr/lib/postgresql"));
        QStringList versions = lib.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        std::sort(versions.begin(), versions.end(),
            [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
        for (const QString &version : versions) {
            const QString bin = lib.filePath(version + QStringLiteral("/bin"));
            if (QFileInfo(bin + QStringLiteral("/initdb")).isExecutable())
                return bin;
        }
        const QString initdb = QStandardPaths::findExecutable(QStringLiteral("initdb"));
        return initdb.isEmpty() ? QString() : QFileInfo(initdb).absolutePath();
    }

    // Why no server can be started here, or nothing when one can.
    static std::optional<QString> unavailable()
    {
        if (binDir().isEmpty())
            return QStringLiteral("PostgreSQL's server (initdb, pg_ctl) is not installed");
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
            return QStringLiteral("Qt's PostgreSQL driver (QPSQL, libqt6sql6-psql) is not installed");
        return std::nullopt;
    }

    PgServer() = default;
    PgServer(const PgServer &) = delete;
    PgServer &operator=(const PgServer &) = delete;
    ~PgServer() { stop(); }

    // Makes the cluster and its database and starts the server; false with `why` set when it cannot.
    bool start(QString *why)
    {
        if (std::optional<QString> missing = unavailable()) {
            *why = *missing;
            return false;
        }
        if (!m_folder.isValid()) {
            *why = QStringLiteral("no temporary folder");
            return false;
        }
        // The folder is the server's: owned by the user it runs as, who must reach it.
        if (::getuid() == 0 && ::chown(QFile::encodeName(m_folder.path()).constData(), nobody, nobody) != 0) {
            *why = QStringLiteral("cannot give %1 to the unprivileged user").arg(m_folder.path());
            return false;
        }
        if (!run(QStringLiteral("initdb"),
                {QStringLiteral("-D"), dataDir(), QStringLiteral("-U"), QString::fromLatin1(superuser),
                    QStringLiteral("-A"), QStringLiteral("trust"), QStringLiteral("-E"),
                    QStringLiteral("UTF8"), QStringLiteral("--no-sync"), QStringLiteral("--no-instructions")},
                why))
            return false;
        if (!launch(why))
            return false;
        return exec(QString::fromLatin1(superuser), QStringLiteral("postgres"),
            {QStringLiteral("CREATE DATABASE %1").arg(QString::fromLatin1(database))}, why);
    }

    // Starts the server again after stop() (for a test of a lost connection); same socket, same data.
    bool restart(QString *why) { return launch(why); }

    // Stops the server (pg_ctl stop, fast: connected clients are cut off); nothing when it is not
    // running.
    void stop()
    {
        if (!m_server)
            return;
        QString ignored;
        run(QStringLiteral("pg_ctl"),
            {QStringLiteral("stop"), QStringLiteral("-D"), dataDir(), QStringLiteral("-m"),
                QStringLiteral("fast"), QStringLiteral("-w")},
            &ignored);
        if (!m_server->waitForFinished(30000)) {
            m_server->kill();
            m_server->waitForFinished();
        }
        m_server.reset();
    }

    // The folder of the unix socket, which is the connection's host.
    QString socketDir() const { return m_folder.path(); }

    // A ledger location for `user` on `databaseName`: postgresql://user@/DATABASE?host=SOCKETDIR.
    QString uri(const QString &user = QString::fromLatin1(superuser),
        const QString &databaseName = QString::fromLatin1(database)) const
    {
        QUrl url;
        url.setScheme(QStringLiteral("postgresql"));
        url.setUserName(user);
        url.setHost(QString());
        url.setPath(u'/' + databaseName);
        url.setQuery(QStringLiteral("host=") + QString::fromUtf8(QUrl::toPercentEncoding(socketDir())));
        return url.toString(QUrl::FullyEncoded);
    }

    // A new, empty database named `name`; its URI for `user`. The test run ends if it cannot be made.
    QString newDatabase(const QString &name, const QString &user = QString::fromLatin1(superuser)) const
    {
        QString why;
        if (!exec(QString::fromLatin1(superuser), QStringLiteral("postgres"),
                {QStringLiteral("CREATE DATABASE %1").arg(name)}, &why))
            qFatal("cannot create a database: %s", qPrintable(why));
        return uri(user, name);
    }

    // Runs `statements` on `databaseName` as `user` through a connection of its own; false with `why`.
    bool exec(const QString &user, const QString &databaseName, const QStringList &statements,
        QString *why = nullptr) const
    {
        static std::atomic<int> counter{0};
        const QString connection = QStringLiteral("test-pg-%1").arg(counter++);
        bool ok = true;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
            db.setHostName(socketDir());
            db.setUserName(user);
            db.setDatabaseName(databaseName);
            ok = db.open();
            if (!ok && why)
                *why = db.lastError().text();
            QSqlQuery query(db);
            for (const QString &statement : statements) {
                if (!ok)
                    break;
                ok = query.exec(statement);
                if (!ok && why)
                    *why = statement + QStringLiteral(": ") + query.lastError().text();
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(connection);
        return ok;
    }

private:
    static constexpr uid_t nobody = 65534;

    QString dataDir() const { return m_folder.filePath(QStringLiteral("data")); }

    // The arguments that run `program` as the server's user: through setpriv when the test is root.
    QStringList asServerUser(const QString &program, const QStringList &arguments, bool dieWithTest) const
    {
        QStringList out;
        if (::getuid() == 0)
            out << QStringLiteral("--reuid=%1").arg(nobody) << QStringLiteral("--regid=%1").arg(nobody)
                << QStringLiteral("--clear-groups");
        if (dieWithTest)
            out << QStringLiteral("--pdeathsig=KILL");
        out << QStringLiteral("--") << binDir() + u'/' + program;
        return out + arguments;
    }

    bool run(const QString &program, const QStringList &arguments, QString *why) const
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.setWorkingDirectory(m_folder.path());
        process.start(QStringLiteral("setpriv"), asServerUser(program, arguments, false));
        if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit ||
            process.exitCode() != 0) {
            *why = program + QStringLiteral(" failed: ") + QString::fromLocal8Bit(process.readAll());
            return false;
        }
        return true;
    }

    bool launch(QString *why)
    {
        m_server = std::make_unique<QProcess>();
        m_server->setProcessChannelMode(QProcess::MergedChannels);
        m_server->setWorkingDirectory(m_folder.path());
        // Only the unix socket in the test's folder; fsync off: the data is thrown away after.
        m_server->start(QStringLiteral("setpriv"),
            asServerUser(QStringLiteral("postgres"),
                {QStringLiteral("-D"), dataDir(), QStringLiteral("-k"), socketDir(), QStringLiteral("-c"),
                    QStringLiteral("listen_addresses="), QStringLiteral("-c"), QStringLiteral("fsync=off")},
                true));
        if (!m_server->waitForStarted()) {
            *why = QStringLiteral("the server did not start: ") + m_server->errorString();
            return false;
        }
        // Ready once pg_ctl status sees it and a connection succeeds (pg_isready without a sleep loop:
        // connecting blocks until the server accepts or refuses).
        for (int attempt = 0; attempt < 600; ++attempt) {
            if (m_server->state() != QProcess::Running) {
                *why = QStringLiteral("the server stopped: ") + QString::fromLocal8Bit(m_server->readAll());
                return false;
            }
            if (exec(
                    QString::fromLatin1(superuser), QStringLiteral("postgres"), {QStringLiteral("SELECT 1")}))
                return true;
            m_server->waitForReadyRead(100); // the server logs as it comes up
        }
        *why = QStringLiteral("the server did not accept connections: ") +
            QString::fromLocal8Bit(m_server->readAll());
        return false;
    }

    QTemporaryDir m_folder;
    std::unique_ptr<QProcess> m_server;
};

} // namespace TestSupport
