// The sign-off ledger: SQLite store (append-only, hash chains of sign-offs and of risk decisions,
// schema checks and the migration of a schema 1 ledger, bad files left as they are), the sign-off
// rules, and the two reliability tests, for sign-offs and for risk decisions: a writer killed with
// SIGKILL at random moments loses nothing it reported stored, and two processes writing at once both
// succeed.
#include "record/markdownparser.h"
#include "ledger/signoffrules.h"
#include "ledger/sqliteledgerstore.h"
#include "sqlsupport.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace Countersign;

namespace {

SignOffEntry entryFor(const QString &record, const QString &role, const QString &signer,
    SignOffDecision decision = SignOffDecision::Approve, const QString &digest = QStringLiteral("d1"))
{
    SignOffEntry entry;
    entry.recordPath = record;
    entry.recordKind = QStringLiteral("decision-record");
    entry.role = role;
    entry.signer = signer;
    entry.decision = decision;
    entry.comment = decision == SignOffDecision::Approve ? QString() : QStringLiteral("not yet");
    entry.time = QDateTime(QDate(2026, 3, 14), QTime(9, 30), QTimeZone::UTC);
    entry.digest = digest;
    entry.osUser = QStringLiteral("tester");
    entry.host = QStringLiteral("host");
    return entry;
}

RiskDecisionEntry decisionFor(const QString &record, const QString &item, const QString &recordedBy,
    RiskDecision decision = RiskDecision::Accepted)
{
    RiskDecisionEntry entry;
    entry.recordPath = record;
    entry.recordDigest = QStringLiteral("d1");
    entry.itemKey = QStringLiteral("risk:") + item.toCaseFolded();
    entry.itemText = item;
    entry.decision = decision;
    if (decision == RiskDecision::NeedsAction) {
        entry.owner = QStringLiteral("Dana Levi");
        entry.due = QDate(2026, 3, 21);
        entry.note = QStringLiteral("drill before the next window");
    }
    entry.recordedBy = recordedBy;
    entry.time = QDateTime(QDate(2026, 3, 14), QTime(9, 45), QTimeZone::UTC);
    entry.osUser = QStringLiteral("tester");
    entry.host = QStringLiteral("host");
    return entry;
}

// The schema of the first released ledger (version 1), as it created it: for migration tests.
const QStringList schemaVersion1{
    QStringLiteral("CREATE TABLE record (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE)"),
    QStringLiteral(
        "CREATE TABLE signoff (id INTEGER PRIMARY KEY, record_id INTEGER NOT NULL REFERENCES record(id),"
        " record_kind TEXT NOT NULL, role TEXT NOT NULL, signer TEXT NOT NULL,"
        " decision TEXT NOT NULL CHECK (decision IN ('approve', 'reject', 'withdraw')),"
        " comment TEXT NOT NULL, signed_at TEXT NOT NULL, digest TEXT NOT NULL, os_user TEXT NOT NULL,"
        " host TEXT NOT NULL, previous_hash TEXT NOT NULL, hash TEXT NOT NULL UNIQUE)"),
    QStringLiteral("CREATE INDEX signoff_by_record ON signoff(record_id)"),
    QStringLiteral("CREATE TRIGGER signoff_append_only_update BEFORE UPDATE ON signoff"
                   " BEGIN SELECT RAISE(ABORT, 'sign-offs are append-only'); END"),
    QStringLiteral("CREATE TRIGGER signoff_append_only_delete BEFORE DELETE ON signoff"
                   " BEGIN SELECT RAISE(ABORT, 'sign-offs are append-only'); END"),
    QStringLiteral("PRAGMA user_version = 1"),
};

// A schema 1 ledger holding `count` chained sign-offs, written by SQL as version 1 wrote them; the
// entries as they were stored.
QList<SignOffEntry> writeVersion1Ledger(const QString &path, int count)
{
    QStringList statements = schemaVersion1;
    QList<SignOffEntry> stored;
    for (int i = 1; i <= count; ++i) {
        SignOffEntry entry = entryFor(QStringLiteral("/records/%1.md").arg(i % 2),
            QStringLiteral("Role %1").arg(i), QStringLiteral("Signer %1").arg(i),
            i % 3 ? SignOffDecision::Approve : SignOffDecision::Reject);
        entry.id = i;
        entry.previousHash = stored.isEmpty() ? QString() : stored.last().hash;
        entry.hash = entry.computeHash();
        statements.append(
            QStringLiteral("INSERT OR IGNORE INTO record (path) VALUES ('%1')").arg(entry.recordPath));
        statements.append(
            QStringLiteral("INSERT INTO signoff VALUES (%1, (SELECT id FROM record WHERE path = '%2'), "
                           "'%3', '%4', '%5', '%6', '%7', '%8', '%9', '%10', '%11', '%12', '%13')")
                .arg(entry.id)
                .arg(entry.recordPath, entry.recordKind, entry.role, entry.signer,
                    decisionName(entry.decision), entry.comment, entry.timeText(), entry.digest)
                .arg(entry.osUser, entry.host, entry.previousHash, entry.hash));
        stored.append(entry);
    }
    if (!TestSupport::execSql(path, statements))
        qFatal("cannot write the schema 1 ledger");
    return stored;
}

int userVersion(const QString &path)
{
    const QString connection = QStringLiteral("test-user-version");
    int version = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QSqlQuery query(db);
        if (db.open() && query.exec(QStringLiteral("PRAGMA user_version")) && query.next())
            version = query.value(0).toInt();
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return version;
}

std::unique_ptr<SqliteLedgerStore> openStore(const QString &path)
{
    Result<std::unique_ptr<SqliteLedgerStore>> store = SqliteLedgerStore::open(path);
    if (!store)
        qFatal("cannot open the ledger: %s", qPrintable(store.error().toString()));
    return std::move(store).value();
}

// What a child writes: sign-offs ("--append") or risk decisions ("--append-decisions").
const QString appendSignOffs = QStringLiteral("--append");
const QString appendDecisions = QStringLiteral("--append-decisions");

// Child modes of this executable (see main()): append entries (sign-offs or risk decisions) to a
// ledger and report each one's id once the append has returned.
int childAppend(const QString &mode, const QString &path, const QString &tag, int count)
{
    Result<std::unique_ptr<SqliteLedgerStore>> store = SqliteLedgerStore::open(path);
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error().toString()));
        return 2;
    }
    for (int i = 0; count <= 0 || i < count; ++i) {
        const QString record = QStringLiteral("/records/%1.md").arg(i % 3);
        std::optional<Error> failed;
        qint64 id = 0;
        if (mode == appendDecisions) {
            const Result<RiskDecisionEntry> stored = store.value()->appendRiskDecision(
                decisionFor(record, QStringLiteral("Risk %1").arg(i % 5), tag, RiskDecision(i % 3)));
            if (stored)
                id = stored->id;
            else
                failed = stored.error();
        } else {
            const Result<SignOffEntry> stored =
                store.value()->append(entryFor(record, QStringLiteral("Role %1").arg(i % 5), tag));
            if (stored)
                id = stored->id;
            else
                failed = stored.error();
        }
        if (failed) {
            std::fprintf(stderr, "%s\n", qPrintable(failed->toString()));
            return 3;
        }
        std::printf("%lld\n", id);
        std::fflush(stdout);
    }
    return 0;
}

QProcess *startChild(const QString &mode, const QString &path, const QString &tag, int count)
{
    auto *child = new QProcess;
    child->setProgram(QCoreApplication::applicationFilePath());
    child->setArguments({mode, path, tag, QString::number(count)});
    child->start();
    return child;
}

// The ids of what `mode` appends, as the ledger has them, and whether their chain holds; by `tag`
// (signer or recorder) when given.
struct Stored
{
    QList<qint64> ids;
    QStringList tags;
    std::optional<ChainBreak> broken;
};

template<typename Entry>
Stored storedOf(const Result<QList<Entry>> &all, QString Entry::*tag,
    std::optional<ChainBreak> (*verify)(const QList<Entry> &))
{
    if (!all)
        qFatal("cannot read the ledger: %s", qPrintable(all.error().toString()));
    Stored out;
    for (const Entry &entry : *all) {
        out.ids.append(entry.id);
        out.tags.append(entry.*tag);
    }
    out.broken = verify(*all);
    return out;
}

QList<qint64> idsIn(const QByteArray &output)
{
    QList<qint64> ids;
    for (const QByteArray &line : output.split('\n')) {
        if (!line.isEmpty())
            ids.append(line.toLongLong());
    }
    return ids;
}

Stored storedIn(SqliteLedgerStore &store, const QString &mode)
{
    return mode == appendDecisions
        ? storedOf(store.riskDecisions(), &RiskDecisionEntry::recordedBy, &LedgerStore::verifyDecisionChain)
        : storedOf(store.entries(), &SignOffEntry::signer, &LedgerStore::verifyChain);
}

} // namespace

class TestLedger : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appendsAndReadsBack()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sub/ledger.sqlite"));
        {
            auto store = openStore(path);
            QVERIFY(!store->isReadOnly());
            const Result<SignOffEntry> first = store->append(
                entryFor(QStringLiteral("/a.md"), QStringLiteral("Role A"), QStringLiteral("Ann")));
            QVERIFY(first);
            QCOMPARE(first->id, 1);
            QVERIFY(first->previousHash.isEmpty());
            QCOMPARE(first->hash, first->computeHash());
            QVERIFY(store->append(
                entryFor(QStringLiteral("/b.md"), QStringLiteral("Role B"), QStringLiteral("Bob"))));
            const Result<SignOffEntry> third = store->append(entryFor(QStringLiteral("/a.md"),
                QStringLiteral("Role B"), QStringLiteral("Bob"), SignOffDecision::Reject));
            QVERIFY(third);
            QCOMPARE(third->id, 3);
        }
        // Read back after reopening: exactly what was stored, chained.
        auto store = openStore(path);
        const Result<QList<SignOffEntry>> all = store->entries();
        QVERIFY(all);
        QCOMPARE(all->size(), 3);
        QCOMPARE(all->at(1).previousHash, all->at(0).hash);
        QCOMPARE(all->at(2).comment, QStringLiteral("not yet"));
        QCOMPARE(all->at(2).time, QDateTime(QDate(2026, 3, 14), QTime(9, 30), QTimeZone::UTC));
        QCOMPARE(LedgerStore::verifyChain(*all), std::nullopt);
        const Result<QList<SignOffEntry>> ofA = store->entries(QStringLiteral("/a.md"));
        QCOMPARE(ofA->size(), 2);
        QCOMPARE(ofA->at(1).decision, SignOffDecision::Reject);
    }

    void entriesCannotBeChangedOrDeleted()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ledger.sqlite"));
        QVERIFY(openStore(path)->append(
            entryFor(QStringLiteral("/a.md"), QStringLiteral("R"), QStringLiteral("Ann"))));
        QVERIFY(!TestSupport::execSql(path, {QStringLiteral("UPDATE signoff SET signer = 'Mallory'")}));
        QVERIFY(!TestSupport::execSql(path, {QStringLiteral("DELETE FROM signoff")}));
        QCOMPARE(openStore(path)->entries()->first().signer, QStringLiteral("Ann"));
    }

    // Someone who drops the triggers and edits a row: the chain names the entry.
    void tamperingBreaksTheChain()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ledger.sqlite"));
        {
            auto store = openStore(path);
            for (const char *name : {"Ann", "Bob", "Cy", "Di"})
                QVERIFY(store->append(
                    entryFor(QStringLiteral("/a.md"), QString::fromLatin1(name), QString::fromLatin1(name))));
        }
        QVERIFY(TestSupport::execSql(path,
            {QStringLiteral("DROP TRIGGER signoff_append_only_update"),
                QStringLiteral("UPDATE signoff SET signer = 'Mallory' WHERE id = 3")}));
        const std::optional<ChainBreak> broken = LedgerStore::verifyChain(*openStore(path)->entries());
        QVERIFY(broken);
        QCOMPARE(broken->id, 3);
        // Rewriting the hash too does not help: the next entry's link breaks.
        QVERIFY(TestSupport::execSql(path,
            {QStringLiteral("DROP TRIGGER signoff_append_only_delete"),
                QStringLiteral("DELETE FROM signoff WHERE id = 2")}));
        QCOMPARE(LedgerStore::verifyChain(*openStore(path)->entries())->id, 3);
    }

    void badFilesAreLeftAsTheyAre_data()
    {
        QTest::addColumn<QByteArray>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("text file") << QByteArray("text") << QStringLiteral("not an SQLite database");
        QTest::newRow("truncated") << QByteArray("truncated") << QStringLiteral("damaged");
        QTest::newRow("newer schema")
            << QByteArray("newer")
            << QStringLiteral("newer Countersign (ledger schema 99; this version knows up to 2)");
        QTest::newRow("next schema")
            << QByteArray("next")
            << QStringLiteral("newer Countersign (ledger schema 3; this version knows up to 2)");
        QTest::newRow("other database")
            << QByteArray("foreign") << QStringLiteral("not a Countersign ledger");
    }

    void badFilesAreLeftAsTheyAre()
    {
        QFETCH(QByteArray, kind);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ledger.sqlite"));
        if (kind == "text") {
            QVERIFY(TestSupport::writeBytes(path, "# Not a database\n"));
        } else if (kind == "foreign") {
            QVERIFY(TestSupport::execSql(path, {QStringLiteral("CREATE TABLE notes (text TEXT)")}));
        } else {
            {
                auto store = openStore(path);
                for (int i = 0; i < 200; ++i)
                    QVERIFY(store->append(
                        entryFor(QStringLiteral("/a.md"), QStringLiteral("R"), QStringLiteral("Ann"))));
            }
            if (kind == "newer" || kind == "next") {
                QVERIFY(TestSupport::execSql(path,
                    {kind == "newer" ? QStringLiteral("PRAGMA user_version = 99")
                                     : QStringLiteral("PRAGMA user_version = 3")}));
            } else {
                const QByteArray bytes = TestSupport::readBytes(path);
                QVERIFY(bytes.size() > 8192);
                QVERIFY(TestSupport::writeBytes(path, bytes.left(bytes.size() / 2)));
            }
        }
        const QByteArray before = TestSupport::readBytes(path);
        const Result<std::unique_ptr<SqliteLedgerStore>> store = SqliteLedgerStore::open(path);
        QVERIFY(!store);
        QCOMPARE(store.error().file, path);
        QVERIFY2(store.error().message.contains(message), qPrintable(store.error().toString()));
        QCOMPARE(TestSupport::readBytes(path), before);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    }

    void readOnlyFileReadsButRefusesToSign()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ledger.sqlite"));
        QVERIFY(openStore(path)->append(
            entryFor(QStringLiteral("/a.md"), QStringLiteral("R"), QStringLiteral("Ann"))));
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
        const QByteArray before = TestSupport::readBytes(path);
        auto store = openStore(path);
        QVERIFY(store->isReadOnly());
        QCOMPARE(store->entries()->size(), 1);
        const Result<SignOffEntry> refused =
            store->append(entryFor(QStringLiteral("/a.md"), QStringLiteral("R"), QStringLiteral("Bob")));
        QVERIFY(!refused);
        QVERIFY(refused.error().message.contains(QStringLiteral("read-only")));
        store.reset();
        QCOMPARE(TestSupport::readBytes(path), before);
    }

    // The states of the sample record's five roles as entries arrive, and the rules' refusals.
    void rolesFollowTheirLatestEntry()
    {
        const Document record =
            TestSupport::load(TestSupport::dataPath(QStringLiteral("input/decision-record.md")));
        const QString digest = SignOffRules::evaluate(record, {}).digest;
        const QString path = record.fileName;
        QList<SignOffEntry> entries;
        SignOffStatus status = SignOffRules::evaluate(record, entries);
        QCOMPARE(status.roles.size(), 5);
        QCOMPARE(status.roles.at(0).role, QStringLiteral("Tessera incident commander role"));
        QCOMPARE(status.roles.at(0).holder, QStringLiteral("Tessera Runtime On-Call Lead"));
        QVERIFY(!status.isFinal());
        QCOMPARE(status.openRoles().size(), 5);

        const QStringList signers{QStringLiteral("Ann"), QStringLiteral("Bob"), QStringLiteral("Cy"),
            QStringLiteral("Di"), QStringLiteral("Ed")};
        for (int i = 0; i < 5; ++i) {
            const SignOffEntry entry =
                entryFor(path, status.roles.at(i).role, signers.at(i), SignOffDecision::Approve, digest);
            QCOMPARE(SignOffRules::check(record, entries, entry), std::nullopt);
            entries.append(entry);
        }
        status = SignOffRules::evaluate(record, entries);
        QVERIFY(status.isFinal());

        // A rejection blocks until the same role approves again; a withdrawal makes it pending.
        entries.append(
            entryFor(path, status.roles.at(1).role, QStringLiteral("Bob"), SignOffDecision::Reject, digest));
        entries.append(
            entryFor(path, status.roles.at(2).role, QStringLiteral("Cy"), SignOffDecision::Withdraw, digest));
        status = SignOffRules::evaluate(record, entries);
        QCOMPARE(status.roles.at(1).state, RoleState::Rejected);
        QCOMPARE(status.roles.at(2).state, RoleState::Pending);
        QVERIFY(!status.isFinal());
        entries.append(
            entryFor(path, status.roles.at(1).role, QStringLiteral("Bob"), SignOffDecision::Approve, digest));
        entries.append(
            entryFor(path, status.roles.at(2).role, QStringLiteral("Cy"), SignOffDecision::Approve, digest));
        QVERIFY(SignOffRules::evaluate(record, entries).isFinal());

        // Approvals of other content are stale: shown, not counted.
        entries.append(entryFor(path, status.roles.at(3).role, QStringLiteral("Di"), SignOffDecision::Approve,
            QStringLiteral("old")));
        status = SignOffRules::evaluate(record, entries);
        QCOMPARE(status.roles.at(3).state, RoleState::Stale);
        QCOMPARE(status.openRoles(), QStringList{status.roles.at(3).role + QStringLiteral(" (stale)")});

        // Refusals: a second role for the same person, a rejection without a comment, an unknown role.
        SignOffEntry twice = entryFor(
            path, status.roles.at(4).role, QStringLiteral(" ann "), SignOffDecision::Approve, digest);
        std::optional<Error> refused = SignOffRules::check(record, entries, twice);
        QVERIFY(refused);
        QCOMPARE(refused->code, Error::Code::Refused);
        QVERIFY(refused->message.contains(QStringLiteral("already approved")));
        SignOffEntry bare =
            entryFor(path, status.roles.at(4).role, QStringLiteral("Ed"), SignOffDecision::Reject, digest);
        bare.comment.clear();
        QVERIFY(
            SignOffRules::check(record, entries, bare)->message.contains(QStringLiteral("needs a comment")));
        QVERIFY(SignOffRules::check(
            record, entries, entryFor(path, QStringLiteral("Mascot"), QStringLiteral("Ed")))
                    ->message.contains(QStringLiteral("names no role")));
    }

    // A record that allows one person to sign several roles says so in its Ownership section.
    void severalRolesWhenAllowed()
    {
        QByteArray text =
            TestSupport::readBytes(TestSupport::dataPath(QStringLiteral("input/decision-record.md")));
        text.replace("## Ownership (Named Roles)\n",
            "## Ownership (Named Roles)\n- Several roles per signer: allowed\n");
        const Result<SourceText> source = SourceText::fromUtf8(text);
        const Document record = MarkdownParser::parse(source.value(), QStringLiteral("allowed.md"));
        const SignOffStatus status = SignOffRules::evaluate(record, {});
        QCOMPARE(status.roles.size(), 5); // the permission is not a role
        QList<SignOffEntry> entries;
        for (const RoleSignOff &role : status.roles) {
            const SignOffEntry entry = entryFor(
                record.fileName, role.role, QStringLiteral("Ann"), SignOffDecision::Approve, status.digest);
            QCOMPARE(SignOffRules::check(record, entries, entry), std::nullopt);
            entries.append(entry);
        }
        QVERIFY(SignOffRules::evaluate(record, entries).isFinal());
    }

    void killedWriterLosesNothing_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("sign-offs") << appendSignOffs;
        QTest::newRow("risk decisions") << appendDecisions;
    }

    // A writer killed with SIGKILL at random moments, many times: the ledger opens, the chain holds,
    // and every entry the writer reported stored is there.
    void killedWriterLosesNothing()
    {
        QFETCH(QString, mode);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ledger.sqlite"));
        QRandomGenerator random(20261125);
        QList<qint64> reported;
        for (int round = 0; round < 25; ++round) {
            std::unique_ptr<QProcess> child(startChild(mode, path, QStringLiteral("writer"), 0));
            QVERIFY(child->waitForStarted());
            // Let it write for a while: until it has reported some entries, then a random moment more.
            QTRY_VERIFY_WITH_TIMEOUT(
                child->bytesAvailable() > 0 || child->state() != QProcess::Running, 20000);
            QTest::qWait(int(random.bounded(1, 40)));
            child->kill();
            QVERIFY(child->waitForFinished());
            reported += idsIn(child->readAllStandardOutput());
            QVERIFY2(child->readAllStandardError().isEmpty(), "the writer failed");
        }
        QVERIFY(reported.size() > 25);
        auto store = openStore(path);
        const Stored stored = storedIn(*store, mode);
        QCOMPARE(stored.broken, std::nullopt);
        const QSet<qint64> present(stored.ids.cbegin(), stored.ids.cend());
        for (const qint64 id : reported)
            QVERIFY2(
                present.contains(id), qPrintable(QStringLiteral("entry %1 was reported stored").arg(id)));
        // The other chain was not touched.
        QCOMPARE(storedIn(*store, mode == appendDecisions ? appendSignOffs : appendDecisions).ids,
            QList<qint64>());
    }

    void twoWritersAtOnce_data() { killedWriterLosesNothing_data(); }

    // Two processes writing into the same ledger at once: neither sees an error, nothing is lost.
    void twoWritersAtOnce()
    {
        QFETCH(QString, mode);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ledger.sqlite"));
        constexpr int count = 150;
        std::unique_ptr<QProcess> first(startChild(mode, path, QStringLiteral("first"), count));
        std::unique_ptr<QProcess> second(startChild(mode, path, QStringLiteral("second"), count));
        for (QProcess *child : {first.get(), second.get()}) {
            QVERIFY(child->waitForFinished(120000));
            QCOMPARE(child->exitCode(), 0);
            QCOMPARE(child->readAllStandardError(), QByteArray());
        }
        const QList<qint64> ids =
            idsIn(first->readAllStandardOutput()) + idsIn(second->readAllStandardOutput());
        QCOMPARE(ids.size(), 2 * count);
        const Stored stored = storedIn(*openStore(path), mode);
        QCOMPARE(stored.ids.size(), 2 * count);
        QCOMPARE(stored.broken, std::nullopt);
        QCOMPARE(stored.tags.count(QStringLiteral("first")), count);
    }

    // Two processes creating the same new ledger at once, many times over: both open it (one creates
    // and migrates it, the other waits), both write, nothing is lost.
    void twoCreateANewLedgerAtOnce()
    {
        QTemporaryDir dir;
        for (int round = 0; round < 40; ++round) {
            const QString path = dir.filePath(QStringLiteral("ledger-%1.sqlite").arg(round));
            std::unique_ptr<QProcess> first(startChild(appendDecisions, path, QStringLiteral("first"), 2));
            std::unique_ptr<QProcess> second(startChild(appendSignOffs, path, QStringLiteral("second"), 2));
            for (QProcess *child : {first.get(), second.get()}) {
                QVERIFY(child->waitForFinished(60000));
                QVERIFY2(child->exitCode() == 0, child->readAllStandardError().constData());
            }
            auto store = openStore(path);
            QCOMPARE(storedIn(*store, appendDecisions).ids, (QList<qint64>{1, 2}));
            QCOMPARE(storedIn(*store, appendSignOffs).ids, (QList<qint64>{1, 2}));
        }
    }

    // Risk decisions: stored in a chain of their own, read back per record, dates and empty fields
    // as they were.
    void decisionsAppendAndReadBack()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ledger.sqlite"));
        {
            auto store = openStore(path);
            const Result<RiskDecisionEntry> first = store->appendRiskDecision(
                decisionFor(QStringLiteral("/a.md"), QStringLiteral("Queue drain"), QStringLiteral("Ann")));
            QVERIFY(first);
            QCOMPARE(first->id, 1);
            QVERIFY(first->previousHash.isEmpty());
            QCOMPARE(first->hash, first->computeHash());
            // A sign-off in between takes its own id 1; the next decision is 2.
            QCOMPARE(
                store->append(entryFor(QStringLiteral("/a.md"), QStringLiteral("R"), QStringLiteral("Ann")))
                    ->id,
                1);
            QCOMPARE(
                store
                    ->appendRiskDecision(decisionFor(QStringLiteral("/b.md"),
                        QStringLiteral("Schema lead time"), QStringLiteral("Bob"), RiskDecision::NeedsAction))
                    ->id,
                2);
            QCOMPARE(store
                         ->appendRiskDecision(decisionFor(QStringLiteral("/a.md"),
                             QStringLiteral("Queue drain"), QStringLiteral("Cy"), RiskDecision::Mitigated))
                         ->id,
                3);
        }
        auto store = openStore(path);
        const Result<QList<RiskDecisionEntry>> all = store->riskDecisions();
        QVERIFY(all);
        QCOMPARE(all->size(), 3);
        QCOMPARE(LedgerStore::verifyDecisionChain(*all), std::nullopt);
        QCOMPARE(all->at(1).previousHash, all->at(0).hash);
        const RiskDecisionEntry &second = all->at(1);
        QCOMPARE(second.recordPath, QStringLiteral("/b.md"));
        QCOMPARE(second.decision, RiskDecision::NeedsAction);
        QCOMPARE(second.owner, QStringLiteral("Dana Levi"));
        QCOMPARE(second.due, QDate(2026, 3, 21));
        QCOMPARE(second.note, QStringLiteral("drill before the next window"));
        QCOMPARE(second.time, QDateTime(QDate(2026, 3, 14), QTime(9, 45), QTimeZone::UTC));
        RiskDecisionEntry expected =
            decisionFor(QStringLiteral("/a.md"), QStringLiteral("Queue drain"), QStringLiteral("Ann"));
        expected.id = 1;
        expected.hash = expected.computeHash();
        QVERIFY(all->at(0) == expected); // every field as it was given
        QVERIFY(!all->at(0).due.isValid());
        const Result<QList<RiskDecisionEntry>> ofA = store->riskDecisions(QStringLiteral("/a.md"));
        QCOMPARE(ofA->size(), 2);
        QCOMPARE(ofA->at(1).decision, RiskDecision::Mitigated);
        QCOMPARE(store->riskDecisions(QStringLiteral("/none.md"))->size(), 0);
        QCOMPARE(store->entries()->size(), 1);
    }

    void decisionsCannotBeChangedOrDeleted()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ledger.sqlite"));
        QVERIFY(openStore(path)->appendRiskDecision(
            decisionFor(QStringLiteral("/a.md"), QStringLiteral("Queue drain"), QStringLiteral("Ann"))));
        QVERIFY(
            !TestSupport::execSql(path, {QStringLiteral("UPDATE risk_decision SET decision = 'mitigated'")}));
        QVERIFY(!TestSupport::execSql(path, {QStringLiteral("DELETE FROM risk_decision")}));
        QCOMPARE(openStore(path)->riskDecisions()->first().decision, RiskDecision::Accepted);
    }

    // The database holds the rules too: a decision it does not know, needs-action without an owner
    // or a due date, a due date that is no date; a refused append leaves nothing behind.
    void decisionRulesHeldByTheDatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ledger.sqlite"));
        auto store = openStore(path);
        RiskDecisionEntry bare = decisionFor(QStringLiteral("/a.md"), QStringLiteral("Queue drain"),
            QStringLiteral("Ann"), RiskDecision::NeedsAction);
        bare.owner.clear();
        const Result<RiskDecisionEntry> refused = store->appendRiskDecision(bare);
        QVERIFY(!refused);
        QCOMPARE(refused.error().file, path);
        QVERIFY2(refused.error().message.contains(QStringLiteral("the risk decision could not be recorded")),
            qPrintable(refused.error().toString()));
        QCOMPARE(store->riskDecisions()->size(), 0);
        QCOMPARE(store
                     ->appendRiskDecision(decisionFor(QStringLiteral("/a.md"), QStringLiteral("Queue drain"),
                         QStringLiteral("Ann"), RiskDecision::NeedsAction))
                     ->id,
            1);
        store.reset();
        const QString insert = QStringLiteral("INSERT INTO risk_decision (id, record_id, record_digest, "
                                              "item_key, item_text, decision, owner, due,"
                                              " note, recorded_by, decided_at, os_user, host, previous_hash, "
                                              "hash) VALUES (1%4, 1, 'd', 'k', 't', '%1',"
                                              " '%2', '%3', '', 'Ann', 'now', 'u', 'h', '', 'x%4')");
        QVERIFY(TestSupport::execSql(
            path, {insert.arg(QStringLiteral("accepted"), QString(), QString()).arg(1)}));
        QVERIFY(!TestSupport::execSql(
            path, {insert.arg(QStringLiteral("ignored"), QString(), QString()).arg(2)}));
        QVERIFY(!TestSupport::execSql(
            path, {insert.arg(QStringLiteral("needs-action"), QStringLiteral("Dana"), QString()).arg(3)}));
        QVERIFY(!TestSupport::execSql(path,
            {insert.arg(QStringLiteral("needs-action"), QString(), QStringLiteral("2026-03-21")).arg(4)}));
        QVERIFY(!TestSupport::execSql(
            path, {insert.arg(QStringLiteral("accepted"), QString(), QStringLiteral("next week")).arg(5)}));
        QVERIFY(TestSupport::execSql(path,
            {insert.arg(QStringLiteral("needs-action"), QStringLiteral("Dana"), QStringLiteral("2026-03-21"))
                    .arg(6)}));
    }

    // Someone who drops the triggers and edits a decision: the decision chain names it; the sign-off
    // chain is not affected.
    void decisionTamperingBreaksTheChain()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ledger.sqlite"));
        {
            auto store = openStore(path);
            QVERIFY(
                store->append(entryFor(QStringLiteral("/a.md"), QStringLiteral("R"), QStringLiteral("Ann"))));
            for (const char *name : {"Ann", "Bob", "Cy"})
                QVERIFY(store->appendRiskDecision(decisionFor(QStringLiteral("/a.md"),
                    QString::fromLatin1(name), QString::fromLatin1(name), RiskDecision::NeedsAction)));
        }
        QVERIFY(TestSupport::execSql(path,
            {QStringLiteral("DROP TRIGGER risk_decision_append_only_update"),
                QStringLiteral("UPDATE risk_decision SET due = '2027-01-01' WHERE id = 2")}));
        auto store = openStore(path);
        const std::optional<ChainBreak> broken = LedgerStore::verifyDecisionChain(*store->riskDecisions());
        QVERIFY(broken);
        QCOMPARE(broken->id, 2);
        QVERIFY(broken->reason.contains(QStringLiteral("changed after it was recorded")));
        QCOMPARE(LedgerStore::verifyChain(*store->entries()), std::nullopt);
        store.reset();
        // Deleting one: the next decision's link breaks.
        QVERIFY(TestSupport::execSql(path,
            {QStringLiteral("DROP TRIGGER risk_decision_append_only_delete"),
                QStringLiteral("DELETE FROM risk_decision WHERE id = 2")}));
        QCOMPARE(LedgerStore::verifyDecisionChain(*openStore(path)->riskDecisions())->id, 3);
    }

    // A ledger written by schema 1 is upgraded on open, in one transaction: every sign-off is kept
    // as it was (the chain still holds), and decisions can be recorded.
    void version1LedgerIsMigrated()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ledger.sqlite"));
        const QList<SignOffEntry> before = writeVersion1Ledger(path, 12);
        QCOMPARE(userVersion(path), 1);
        {
            auto store = openStore(path);
            QCOMPARE(userVersion(path), 2);
            QCOMPARE(store->entries().value(), before);
            QCOMPARE(store->riskDecisions()->size(), 0);
            QVERIFY(store->appendRiskDecision(decisionFor(
                QStringLiteral("/records/1.md"), QStringLiteral("Queue drain"), QStringLiteral("Ann"))));
            QCOMPARE(store
                         ->append(entryFor(
                             QStringLiteral("/records/1.md"), QStringLiteral("R"), QStringLiteral("Zed")))
                         ->id,
                13);
        }
        auto store = openStore(path); // opening again changes nothing
        QCOMPARE(userVersion(path), 2);
        const Result<QList<SignOffEntry>> after = store->entries();
        QCOMPARE(after->size(), 13);
        QCOMPARE(after->mid(0, 12), before);
        QCOMPARE(LedgerStore::verifyChain(*after), std::nullopt);
        QCOMPARE(store->riskDecisions()->size(), 1);
        // The new table refuses changes like the old one.
        store.reset();
        QVERIFY(!TestSupport::execSql(path, {QStringLiteral("DELETE FROM risk_decision")}));
    }

    // A migration that fails leaves the ledger at schema 1 with everything in it.
    void failedMigrationChangesNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ledger.sqlite"));
        const QList<SignOffEntry> before = writeVersion1Ledger(path, 3);
        // Something of that name is in the way: CREATE TABLE risk_decision fails mid-migration.
        QVERIFY(TestSupport::execSql(
            path, {QStringLiteral("CREATE INDEX risk_decision_by_record ON signoff(role)")}));
        const Result<std::unique_ptr<SqliteLedgerStore>> store = SqliteLedgerStore::open(path);
        QVERIFY(!store);
        QCOMPARE(store.error().file, path);
        QVERIFY2(store.error().message.contains(QStringLiteral("cannot be upgraded to ledger schema 2")),
            qPrintable(store.error().toString()));
        QCOMPARE(userVersion(path), 1);
        QVERIFY(!TestSupport::execSql(path, {QStringLiteral("SELECT count(*) FROM risk_decision")}));
        // Made possible again, it migrates with all sign-offs.
        QVERIFY(TestSupport::execSql(path, {QStringLiteral("DROP INDEX risk_decision_by_record")}));
        QCOMPARE(openStore(path)->entries().value(), before);
    }

    // A read-only ledger of schema 1 is read as it is: sign-offs, no decisions, nothing written.
    void readOnlyVersion1LedgerIsReadAsItIs()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ledger.sqlite"));
        const QList<SignOffEntry> before = writeVersion1Ledger(path, 4);
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
        const QByteArray bytes = TestSupport::readBytes(path);
        auto store = openStore(path);
        QVERIFY(store->isReadOnly());
        QCOMPARE(store->entries().value(), before);
        QCOMPARE(store->riskDecisions()->size(), 0);
        const Result<RiskDecisionEntry> refused = store->appendRiskDecision(
            decisionFor(QStringLiteral("/a.md"), QStringLiteral("Queue drain"), QStringLiteral("Ann")));
        QVERIFY(!refused);
        QVERIFY(refused.error().message.contains(
            QStringLiteral("read-only: the risk decision was not recorded")));
        store.reset();
        QCOMPARE(TestSupport::readBytes(path), bytes);
        QCOMPARE(userVersion(path), 1);
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 5 && (qstrcmp(argv[1], "--append") == 0 || qstrcmp(argv[1], "--append-decisions") == 0)) {
        return childAppend(QString::fromLocal8Bit(argv[1]), QString::fromLocal8Bit(argv[2]),
            QString::fromLocal8Bit(argv[3]), atoi(argv[4]));
    }
    TestLedger test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_ledger.moc"
