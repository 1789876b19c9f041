// The sign-off ledger: SQLite store (append-only, hash chain, schema checks, bad files left as they
// are), the sign-off rules, and the two reliability tests: a writer killed with SIGKILL at random
// moments loses nothing it reported stored, and two processes signing at once both succeed.
#include "markdownparser.h"
#include "signoffrules.h"
#include "sqliteledgerstore.h"
#include "sqlsupport.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QProcess>
#include <QRandomGenerator>
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

std::unique_ptr<SqliteLedgerStore> openStore(const QString &path)
{
    Result<std::unique_ptr<SqliteLedgerStore>> store = SqliteLedgerStore::open(path);
    if (!store)
        qFatal("cannot open the ledger: %s", qPrintable(store.error().toString()));
    return std::move(store).value();
}

// Child modes of this executable (see main()): append entries to a ledger and report each one once
// append() has returned.
int childAppend(const QString &path, const QString &tag, int count)
{
    Result<std::unique_ptr<SqliteLedgerStore>> store = SqliteLedgerStore::open(path);
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error().toString()));
        return 2;
    }
    for (int i = 0; count <= 0 || i < count; ++i) {
        const Result<SignOffEntry> stored = store.value()->append(
            entryFor(QStringLiteral("/records/%1.md").arg(i % 3), QStringLiteral("Role %1").arg(i % 5), tag));
        if (!stored) {
            std::fprintf(stderr, "%s\n", qPrintable(stored.error().toString()));
            return 3;
        }
        std::printf("%lld\n", stored->id);
        std::fflush(stdout);
    }
    return 0;
}

QProcess *startChild(const QString &path, const QString &tag, int count)
{
    auto *child = new QProcess;
    child->setProgram(QCoreApplication::applicationFilePath());
    child->setArguments({QStringLiteral("--append"), path, tag, QString::number(count)});
    child->start();
    return child;
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
            << QByteArray("newer") << QStringLiteral("newer Countersign (ledger schema 99");
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
            if (kind == "newer") {
                QVERIFY(TestSupport::execSql(path, {QStringLiteral("PRAGMA user_version = 99")}));
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

    // A writer killed with SIGKILL at random moments, many times: the ledger opens, the chain holds,
    // and every entry the writer reported stored is there.
    void killedWriterLosesNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ledger.sqlite"));
        QRandomGenerator random(20261125);
        QList<qint64> reported;
        for (int round = 0; round < 25; ++round) {
            std::unique_ptr<QProcess> child(startChild(path, QStringLiteral("writer"), 0));
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
        const Result<QList<SignOffEntry>> all = store->entries();
        QVERIFY(all);
        QCOMPARE(LedgerStore::verifyChain(*all), std::nullopt);
        QSet<qint64> present;
        for (const SignOffEntry &entry : *all)
            present.insert(entry.id);
        for (const qint64 id : reported)
            QVERIFY2(
                present.contains(id), qPrintable(QStringLiteral("entry %1 was reported stored").arg(id)));
    }

    // Two processes signing into the same ledger at once: neither sees an error, nothing is lost.
    void twoWritersAtOnce()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ledger.sqlite"));
        constexpr int count = 150;
        std::unique_ptr<QProcess> first(startChild(path, QStringLiteral("first"), count));
        std::unique_ptr<QProcess> second(startChild(path, QStringLiteral("second"), count));
        for (QProcess *child : {first.get(), second.get()}) {
            QVERIFY(child->waitForFinished(120000));
            QCOMPARE(child->exitCode(), 0);
            QCOMPARE(child->readAllStandardError(), QByteArray());
        }
        const QList<qint64> ids =
            idsIn(first->readAllStandardOutput()) + idsIn(second->readAllStandardOutput());
        QCOMPARE(ids.size(), 2 * count);
        const Result<QList<SignOffEntry>> all = openStore(path)->entries();
        QCOMPARE(all->size(), 2 * count);
        QCOMPARE(LedgerStore::verifyChain(*all), std::nullopt);
        int firsts = 0;
        for (const SignOffEntry &entry : *all)
            firsts += entry.signer == u"first";
        QCOMPARE(firsts, count);
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 5 && qstrcmp(argv[1], "--append") == 0)
        return childAppend(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]), atoi(argv[4]));
    TestLedger test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_ledger.moc"
