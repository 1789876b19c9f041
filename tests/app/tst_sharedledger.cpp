// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// The shared ledger from the command line, on the test's own PostgreSQL server: `ledger init` makes
// it and prints the grants that let the application's role use it; signed sign-offs go into it and
// verify there; `ledger copy` moves a team's ledger file onto the server with every entry, chain and
// signature kept (and refuses a tampered source or a target that holds entries), and back into a file
// with each entry's server user; an export names the server user of each sign-off, which verify --db
// checks against the ledger.
#include "ledgersupport.h"
#include "pgserver.h"
#include "signingsupport.h"
#include "signoffworkspace.h"
#include "sqlsupport.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Countersign;
using TestSupport::PgServer;
using TestSupport::roles;
using TestSupport::Run;
using TestSupport::run;
using TestSupport::signers;

namespace {

const QStringList principals{QStringLiteral("ana@tessera.example"), QStringLiteral("ben@harbor.example"),
    QStringLiteral("chen@tessera.example"), QStringLiteral("dana@harbor.example")};

// A repository with a trust folder for four keys and the record in docs/.
struct Repository
{
    Repository()
    {
        repo = dir.filePath(QStringLiteral("repo"));
        QDir().mkpath(repo + QStringLiteral("/docs"));
        TestSupport::makeRepository(repo, QStringLiteral("https://git.example/acme/runtime.git"));
        record = repo + QStringLiteral("/docs/record.md");
        TestSupport::writeBytes(record,
            TestSupport::readBytes(TestSupport::dataPath(QStringLiteral("input/decision-record.md"))));
        for (int i = 0; i < 4; ++i)
            keys.append(TestSupport::makeKey(dir.path(), QStringLiteral("key%1").arg(i), principals.at(i)));
        TestSupport::writeTrustFolder(repo, keys, roles);
    }
    // A signed approval of role `role` with key `role`, into `ledger`.
    Run signOff(int role, const QString &ledger) const
    {
        return run({QStringLiteral("signoff"), record, QStringLiteral("--db"), ledger,
            QStringLiteral("--role"), roles.at(role), QStringLiteral("--signer"), signers.at(role),
            QStringLiteral("--approve"), QStringLiteral("--key"), keys.at(role).privateKey});
    }
    QTemporaryDir dir;
    QString repo;
    QString record;
    QList<TestSupport::TestKey> keys;
};

// `entries` as they were before they were copied: each must name `copier` as who copied it (else
// the test fails on the copy returned, which still names whoever it does).
template<typename Entry>
QList<Entry> copiedBy(QList<Entry> entries, const QString &copier)
{
    for (Entry &entry : entries) {
        if (entry.copiedBy == copier)
            entry.copiedBy.clear();
    }
    return entries;
}

} // namespace

class TestSharedLedger : public QObject
{
    Q_OBJECT

private:
    PgServer m_server;
    int m_databases = 0;

    // A new, empty database on the server; its URI for `user`.
    QString newDatabase(const QString &user = QString::fromLatin1(PgServer::superuser))
    {
        return m_server.newDatabase(QStringLiteral("shared_%1").arg(++m_databases), user);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (const std::optional<QString> missing = PgServer::unavailable())
            QSKIP(qPrintable(*missing));
        QString why;
        QVERIFY2(m_server.start(&why), qPrintable(why));
    }

    // ledger init makes the ledger and prints the grants; the role granted them signs into it.
    void initAndSignAsTheApplicationsRole()
    {
        const QString uri = newDatabase();
        const Run made = run({QStringLiteral("ledger"), QStringLiteral("init"), uri,
            QStringLiteral("--grant"), QStringLiteral("team_app")});
        QCOMPARE(made.exitCode, 0);
        QVERIFY2(QString::fromUtf8(made.out).contains(
                     QStringLiteral("GRANT INSERT ON countersign.record, countersign.signoff, "
                                    "countersign.risk_decision TO \"team_app\";")),
            made.out.constData());
        QStringList grants;
        for (const QString &line : QString::fromUtf8(made.out).split(u'\n')) {
            if (line.startsWith(QStringLiteral("GRANT ")))
                grants.append(line);
        }
        QCOMPARE(grants.size(), 5);
        const QString database = QUrl(uri).path().mid(1);
        QString why;
        QVERIFY2(m_server.exec(QString::fromLatin1(PgServer::superuser), database,
                     QStringList{QStringLiteral("CREATE ROLE team_app LOGIN")} + grants, &why),
            qPrintable(why));

        const Run again = run({QStringLiteral("ledger"), QStringLiteral("init"), uri});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(
            again.err.contains(QStringLiteral("holds a Countersign ledger already")), qPrintable(again.err));

        Repository repository;
        const QString appUri = m_server.uri(QStringLiteral("team_app"), database);
        for (int role = 0; role < 2; ++role) {
            const Run signed_ = repository.signOff(role, appUri);
            QVERIFY2(signed_.exitCode == 0, qPrintable(signed_.err));
        }
        const Run verified =
            run({QStringLiteral("ledger"), QStringLiteral("verify"), QStringLiteral("--db"), appUri});
        QCOMPARE(verified.exitCode, 0);
        QVERIFY2(QString::fromUtf8(verified.out)
                     .contains(QStringLiteral("sign-offs: 2 (2 signed, every signature verifies)")),
            verified.out.constData());
        auto store = TestSupport::openLedger(appUri);
        QCOMPARE(store->entries()->first().serverUser, QStringLiteral("team_app"));
    }

    // An export from the shared ledger names the server user of each sign-off beside its signer;
    // that column is in no signed statement, so verify --db checks it against the ledger's entries.
    void anExportNamesEachSignOffsServerUser()
    {
        const QString uri = newDatabase();
        const Run made = run({QStringLiteral("ledger"), QStringLiteral("init"), uri,
            QStringLiteral("--grant"), QStringLiteral("cutover_team")});
        QCOMPARE(made.exitCode, 0);
        QStringList setup{QStringLiteral("CREATE ROLE cutover_team NOLOGIN")};
        for (const QString &line : QString::fromUtf8(made.out).split(u'\n')) {
            if (line.startsWith(QStringLiteral("GRANT ")))
                setup.append(line);
        }
        // One login for each team, both members of the role the grants name.
        setup += {QStringLiteral("CREATE ROLE tessera_app LOGIN IN ROLE cutover_team"),
            QStringLiteral("CREATE ROLE harbor_app LOGIN IN ROLE cutover_team")};
        const QString database = QUrl(uri).path().mid(1);
        QString why;
        QVERIFY2(
            m_server.exec(QString::fromLatin1(PgServer::superuser), database, setup, &why), qPrintable(why));
        Repository repository;
        const QString tessera = m_server.uri(QStringLiteral("tessera_app"), database);
        const QString harbor = m_server.uri(QStringLiteral("harbor_app"), database);
        QVERIFY(repository.signOff(0, tessera).exitCode == 0);
        QVERIFY(repository.signOff(1, harbor).exitCode == 0);

        const QString out = repository.repo + QStringLiteral("/final.md");
        const Run exported = run({QStringLiteral("export"), repository.record, QStringLiteral("--db"),
            tessera, QStringLiteral("--allow-open"), QStringLiteral("-o"), out});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        const QString text = QString::fromUtf8(TestSupport::readBytes(out));
        QVERIFY2(text.contains(QStringLiteral("| Role | Holder | Signer | Server user | Decision |")),
            qPrintable(text));
        QVERIFY2(
            text.contains(QStringLiteral("| %1 | Tessera Runtime On-Call Lead | Ana Ruiz | tessera_app | "
                                         "approve |")
                    .arg(roles.at(0))),
            qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("| Ben Okafor | harbor_app | approve |")), qPrintable(text));
        // Roles nobody signed yet name no server user.
        QVERIFY2(text.contains(
                     QStringLiteral("| %1 | Tessera Release Manager | — | — | pending |").arg(roles.at(2))),
            qPrintable(text));

        const auto verify = [&](const QString &file, bool withLedger) {
            QStringList arguments{QStringLiteral("verify"), file};
            if (withLedger)
                arguments += {QStringLiteral("--db"), tessera};
            return run(arguments);
        };
        // As exported: not final (three roles are open), nothing tampered, the column's note said.
        const Run asExported = verify(out, true);
        QVERIFY2(QString::fromUtf8(asExported.out).contains(QStringLiteral("NOT FINAL")),
            asExported.out.constData());
        QVERIFY2(!asExported.err.contains(QStringLiteral("tampered")), qPrintable(asExported.err));
        QVERIFY2(asExported.err.contains(QStringLiteral("the Server user column is in no signed statement")),
            qPrintable(asExported.err));

        // Ben's sign-off claimed for the other team's login: the file alone cannot tell, the ledger can.
        const QString forged = repository.repo + QStringLiteral("/forged.md");
        QString changed = text;
        changed.replace(
            QStringLiteral("| Ben Okafor | harbor_app |"), QStringLiteral("| Ben Okafor | tessera_app |"));
        QVERIFY(TestSupport::writeBytes(forged, changed.toUtf8()));
        QVERIFY(!verify(forged, false).err.contains(QStringLiteral("tampered")));
        const Run caught = verify(forged, true);
        QCOMPARE(caught.exitCode, 1);
        QVERIFY2(caught.err.contains(QStringLiteral("tampered")) &&
                caught.err.contains(QStringLiteral("by Ben Okafor names the server user \"tessera_app\", the "
                                                   "ledger's entry \"harbor_app\"")),
            qPrintable(caught.err));
    }

    // A team's ledger file moves onto the server: every entry, both chains and the signatures are
    // kept and verify there, and signing goes on on the server.
    void copyAFileOntoTheServer()
    {
        Repository repository;
        const QString file = repository.dir.filePath(QStringLiteral("ledger.sqlite"));
        for (int role = 0; role < 2; ++role) {
            const Run signed_ = repository.signOff(role, file);
            QVERIFY2(signed_.exitCode == 0, qPrintable(signed_.err));
        }
        const Run decided = run({QStringLiteral("review"), repository.record, QStringLiteral("--item"),
            QStringLiteral("1"), QStringLiteral("--decision"), QStringLiteral("accepted"),
            QStringLiteral("--by"), QStringLiteral("Eli Novak"), QStringLiteral("--db"), file});
        QVERIFY2(decided.exitCode == 0, qPrintable(decided.err));

        const QString uri = newDatabase();
        QCOMPARE(run({QStringLiteral("ledger"), QStringLiteral("init"), uri}).exitCode, 0);
        const Run copied = run({QStringLiteral("ledger"), QStringLiteral("copy"), file, uri});
        QVERIFY2(copied.exitCode == 0, qPrintable(copied.err));
        QVERIFY2(
            QString::fromUtf8(copied.out).contains(QStringLiteral("copied 2 sign-offs and 1 risk decisions")),
            copied.out.constData());

        // Exactly the entries of the file, on the server.
        const QList<SignOffEntry> before = *TestSupport::openStore(file)->entries();
        auto server = TestSupport::openLedger(uri);
        // As they were, and each says who copied it (the server's user of the copy).
        const QString copier = QString::fromLatin1(PgServer::superuser);
        QCOMPARE(copiedBy(*server->entries(), copier), before);
        QCOMPARE(copiedBy(*server->riskDecisions(), copier), *TestSupport::openStore(file)->riskDecisions());
        QVERIFY(before.first().isSigned());
        const Run verified =
            run({QStringLiteral("ledger"), QStringLiteral("verify"), QStringLiteral("--db"), uri});
        QCOMPARE(verified.exitCode, 0);
        QVERIFY2(QString::fromUtf8(verified.out)
                     .contains(QStringLiteral("sign-offs: 2 (2 signed, every signature verifies), risk "
                                              "decisions: 1")),
            verified.out.constData());
        // Signing goes on there, after the copied entries.
        const Run third = repository.signOff(2, uri);
        QVERIFY2(third.exitCode == 0, qPrintable(third.err));
        QCOMPARE(server->entries()->size(), 3);
        QCOMPARE(server->entries()->at(2).previousHash, before.last().hash);
        QCOMPARE(
            run({QStringLiteral("ledger"), QStringLiteral("verify"), QStringLiteral("--db"), uri}).exitCode,
            0);

        // Copying again: the server's ledger holds entries now.
        const Run twice = run({QStringLiteral("ledger"), QStringLiteral("copy"), file, uri});
        QCOMPARE(twice.exitCode, 1);
        QVERIFY2(twice.err.contains(QStringLiteral("holds entries already")), qPrintable(twice.err));

        // The server's ledger onto another server database: its own entries keep their server user.
        const QString other = newDatabase();
        QCOMPARE(run({QStringLiteral("ledger"), QStringLiteral("init"), other}).exitCode, 0);
        const Run moved = run({QStringLiteral("ledger"), QStringLiteral("copy"), uri, other});
        QVERIFY2(moved.exitCode == 0, qPrintable(moved.err));
        const QList<SignOffEntry> moved2 = *TestSupport::openLedger(other)->entries();
        QCOMPARE(moved2.size(), 3);
        QCOMPARE(moved2.at(2).serverUser, server->entries()->at(2).serverUser); // kept, as hashed
        QCOMPARE(moved2.at(2).hash, server->entries()->at(2).hash);

        // Back into a file (a team leaving the server): every entry as the server held it, the server's
        // own entry with its server user (which its hash covers), so that both chains verify in the file.
        const QString back = repository.dir.filePath(QStringLiteral("back.sqlite"));
        const Run returned = run({QStringLiteral("ledger"), QStringLiteral("copy"), uri, back});
        QVERIFY2(returned.exitCode == 0, qPrintable(returned.err));
        const QList<SignOffEntry> inFile = *TestSupport::openStore(back)->entries();
        QCOMPARE(inFile, copiedBy(*server->entries(), copier));
        QCOMPARE(inFile.at(2).serverUser, copier);
        QCOMPARE(*TestSupport::openStore(back)->riskDecisions(), copiedBy(*server->riskDecisions(), copier));
        QCOMPARE(
            run({QStringLiteral("ledger"), QStringLiteral("verify"), QStringLiteral("--db"), back}).exitCode,
            0);
        // The file's own entries after them name no server user, and the chain goes on.
        const Run fourth = repository.signOff(3, back);
        QVERIFY2(fourth.exitCode == 0, qPrintable(fourth.err));
        QCOMPARE(TestSupport::openStore(back)->entries()->at(3).serverUser, QString());
        QCOMPARE(
            run({QStringLiteral("ledger"), QStringLiteral("verify"), QStringLiteral("--db"), back}).exitCode,
            0);
        // A server user rewritten in the file breaks the chain: the hash covers it.
        QVERIFY(TestSupport::execSql(back,
            {QStringLiteral("DROP TRIGGER signoff_append_only_update"),
                QStringLiteral("UPDATE signoff SET server_user = 'mallory' WHERE id = 3")}));
        const Run tampered =
            run({QStringLiteral("ledger"), QStringLiteral("verify"), QStringLiteral("--db"), back});
        QCOMPARE(tampered.exitCode, 1);
    }

    // A ledger that fails its check is not copied: the copy would hide the break.
    void tamperedLedgerIsNotCopied()
    {
        Repository repository;
        const QString file = repository.dir.filePath(QStringLiteral("ledger.sqlite"));
        QVERIFY(repository.signOff(0, file).exitCode == 0);
        QVERIFY(TestSupport::execSql(file,
            {QStringLiteral("DROP TRIGGER signoff_append_only_update"),
                QStringLiteral("UPDATE signoff SET signer = 'Mallory'")}));
        const QString uri = newDatabase();
        QCOMPARE(run({QStringLiteral("ledger"), QStringLiteral("init"), uri}).exitCode, 0);
        const Run copied = run({QStringLiteral("ledger"), QStringLiteral("copy"), file, uri});
        QCOMPARE(copied.exitCode, 1);
        QVERIFY2(copied.err.contains(QStringLiteral("fails its check")) &&
                copied.err.contains(QStringLiteral("nothing was copied")),
            qPrintable(copied.err));
        QCOMPARE(TestSupport::openLedger(uri)->entries()->size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSharedLedger)
#include "tst_sharedledger.moc"
