// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// The ledger's two reliability tests, for sign-offs and for risk decisions: a writer killed with
// SIGKILL at random moments loses nothing it reported stored, and two processes writing at once
// (or creating a new ledger at once) both succeed. The writers are this executable in a child mode.
#include "ledger/sqliteledgerstore.h"
#include "ledgersupport.h"

#include <QCoreApplication>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace Countersign;
using TestSupport::decisionFor;
using TestSupport::entryFor;
using TestSupport::openStore;

namespace {

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

class TestLedgerConcurrency : public QObject
{
    Q_OBJECT

private Q_SLOTS:
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
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 5 && (qstrcmp(argv[1], "--append") == 0 || qstrcmp(argv[1], "--append-decisions") == 0)) {
        return childAppend(QString::fromLocal8Bit(argv[1]), QString::fromLocal8Bit(argv[2]),
            QString::fromLocal8Bit(argv[3]), atoi(argv[4]));
    }
    TestLedgerConcurrency test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_ledgerconcurrency.moc"
