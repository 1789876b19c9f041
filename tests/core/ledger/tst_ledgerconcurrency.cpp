// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// The ledger's reliability tests, for sign-offs and for risk decisions, on each backend (an SQLite
// file, and a PostgreSQL server of the test's own): a writer killed with SIGKILL at random moments
// loses nothing it reported stored, and several processes writing at once all succeed without a fork
// of the chain (two creating a new ledger file at once too). The writers are this executable in a
// child mode.
#include "ledger/sqliteledgerstore.h"
#include "ledgerbackends.h"
#include "ledgersupport.h"

#include <QCoreApplication>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <vector>

using namespace Countersign;
using TestSupport::decisionFor;
using TestSupport::entryFor;
using TestSupport::LedgerBackends;
using TestSupport::openStore;

namespace {

// What a child writes: sign-offs ("--append") or risk decisions ("--append-decisions").
const QString appendSignOffs = QStringLiteral("--append");
const QString appendDecisions = QStringLiteral("--append-decisions");

// Child modes of this executable (see main()): append entries (sign-offs or risk decisions) to a
// ledger and report each one's id once the append has returned.
int childAppend(const QString &mode, const QString &location, const QString &tag, int count)
{
    Result<std::unique_ptr<LedgerStore>> store = LedgerStore::open(location);
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

Stored storedIn(LedgerStore &store, const QString &mode)
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
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("mode");
        for (const QString &backend : {LedgerBackends::sqlite, LedgerBackends::postgresql}) {
            QTest::newRow(qPrintable(backend + QStringLiteral(": sign-offs"))) << backend << appendSignOffs;
            QTest::newRow(qPrintable(backend + QStringLiteral(": risk decisions")))
                << backend << appendDecisions;
        }
    }

    // A writer killed with SIGKILL at random moments, many times: the ledger opens, the chain holds,
    // and every entry the writer reported stored is there.
    void killedWriterLosesNothing()
    {
        QFETCH(QString, backend);
        QFETCH(QString, mode);
        QTemporaryDir dir;
        QString path;
        LEDGER_FOR_ROW(m_backends, backend, dir, path);
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
        auto store = TestSupport::openLedger(path);
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

    void severalWritersAtOnce_data() { killedWriterLosesNothing_data(); }

    // Four processes writing into the same ledger at once: none sees an error, nothing is lost, and
    // the chain never forks (every id once, each entry linked to the one before).
    void severalWritersAtOnce()
    {
        QFETCH(QString, backend);
        QFETCH(QString, mode);
        QTemporaryDir dir;
        QString path;
        LEDGER_FOR_ROW(m_backends, backend, dir, path);
        constexpr int writers = 4;
        constexpr int count = 75;
        std::vector<std::unique_ptr<QProcess>> children;
        for (int writer = 0; writer < writers; ++writer)
            children.emplace_back(startChild(mode, path, QStringLiteral("writer %1").arg(writer), count));
        QList<qint64> ids;
        for (const std::unique_ptr<QProcess> &child : children) {
            QVERIFY(child->waitForFinished(120000));
            QCOMPARE(child->readAllStandardError(), QByteArray());
            QCOMPARE(child->exitCode(), 0);
            ids += idsIn(child->readAllStandardOutput());
        }
        QCOMPARE(ids.size(), writers * count);
        QCOMPARE(QSet<qint64>(ids.cbegin(), ids.cend()).size(), writers * count); // no id given twice
        const Stored stored = storedIn(*TestSupport::openLedger(path), mode);
        QCOMPARE(stored.ids.size(), writers * count);
        QCOMPARE(stored.broken, std::nullopt);
        for (int writer = 0; writer < writers; ++writer)
            QCOMPARE(stored.tags.count(QStringLiteral("writer %1").arg(writer)), count);
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

private:
    LedgerBackends m_backends;
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
