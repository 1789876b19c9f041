// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// CutoverFolderScan without a window or widgets (QCoreApplication only): on real folders written into
// a temporary directory it finds the pairs, compares them and fills its model, reports its progress
// up to the total (files read, then pairs compared), names a file it cannot read, stops when
// cancelled, and a second scan replaces the first.
#include "cutoverfolderscan.h"
#include "folderpairsmodel.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QDate>
#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace Countersign;

namespace {

const QString mirrorName = QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_PRODUCER_MIRROR_%1.md");
const QString recordName = QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_%1.md");

// A producer/ and a consumer/ folder in `dir` with one pair of records (the clean cutover's producer
// mirror and consumer decision record) for each of `count` days from 2020-01-01. False when a file
// could not be written.
bool writePairs(const QTemporaryDir &dir, int count)
{
    const QString clean = TestSupport::dataPath(QStringLiteral("cutover/clean/"));
    const QByteArray mirror = TestSupport::readBytes(
        clean + QStringLiteral("Tessera/docs/implementation/") + mirrorName.arg(u"2026-03-14"));
    const QByteArray record = TestSupport::readBytes(
        clean + QStringLiteral("Harbor/docs/implementation/") + recordName.arg(u"2026-03-14"));
    if (!QDir(dir.path()).mkpath(QStringLiteral("producer")) ||
        !QDir(dir.path()).mkpath(QStringLiteral("consumer")))
        return false;
    for (int day = 0; day < count; ++day) {
        const QString date = QDate(2020, 1, 1).addDays(day).toString(Qt::ISODate);
        const QByteArray dated = date.toUtf8();
        if (!TestSupport::writeBytes(dir.filePath(QStringLiteral("producer/") + mirrorName.arg(date)),
                QByteArray(mirror).replace("2026-03-14", dated)) ||
            !TestSupport::writeBytes(dir.filePath(QStringLiteral("consumer/") + recordName.arg(date)),
                QByteArray(record).replace("2026-03-14", dated)))
            return false;
    }
    return true;
}

QString producer(const QTemporaryDir &dir)
{
    return dir.filePath(QStringLiteral("producer"));
}

QString consumer(const QTemporaryDir &dir)
{
    return dir.filePath(QStringLiteral("consumer"));
}

} // namespace

class TestCutoverFolderScan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Every pair is found and listed; progress counts the files read, never backwards, up to the
    // total; the scan says where it looked.
    void findsThePairsAndReportsProgress()
    {
        QTemporaryDir dir;
        constexpr int pairCount = 40;
        QVERIFY(writePairs(dir, pairCount));
        CutoverFolderScan scan;
        QAbstractItemModelTester tester(scan.pairs(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy started(&scan, &CutoverFolderScan::started);
        QSignalSpy progressed(&scan, &CutoverFolderScan::progressed);
        QSignalSpy found(&scan, &CutoverFolderScan::pairsFound);
        QSignalSpy cancelled(&scan, &CutoverFolderScan::cancelled);
        QSignalSpy compared(&scan, &CutoverFolderScan::compared);
        scan.start(producer(dir), consumer(dir));
        QVERIFY(scan.isRunning());
        QCOMPARE(started.size(), 1);
        QCOMPARE(started.first(), (QVariantList{producer(dir), consumer(dir)}));
        QCOMPARE(scan.producerFolder(), producer(dir));
        QCOMPARE(scan.consumerFolder(), consumer(dir));

        QVERIFY(found.wait(60000));
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().at(0).toInt(), pairCount);
        QCOMPARE(found.first().at(1).toStringList(), QStringList());
        QCOMPARE(scan.pairs()->pairedCount(), pairCount);
        QCOMPARE(scan.pairs()->rowCount(), pairCount); // one date each
        QVERIFY(!scan.isRunning());
        QCOMPARE(cancelled.size(), 0);

        const int files = 2 * pairCount;
        QVERIFY(!progressed.isEmpty());
        int lastDone = 0;
        for (const QList<QVariant> &report : std::as_const(progressed)) {
            const int done = report.at(0).toInt();
            const int total = report.at(1).toInt();
            QVERIFY2(total == 0 || total == files, qPrintable(QString::number(total)));
            QVERIFY(done >= lastDone);
            QVERIFY(done <= files);
            lastDone = done;
        }
        QCOMPARE(progressed.last(), (QVariantList{files, files}));

        // Then each pair is compared on the scan's thread, as the window would compare it.
        QVERIFY(!compared.isEmpty());
        QCOMPARE(compared.last(), (QVariantList{pairCount, pairCount}));
        for (int date = 0; date < scan.pairs()->rowCount(); ++date) {
            const QModelIndex pair =
                scan.pairs()->index(0, FolderPairsModel::StateColumn, scan.pairs()->index(date, 0));
            QCOMPARE(pair.data().toString(), QStringLiteral("Aligned"));
        }
    }

    // A file that cannot be read is named with the reason; the rest is still paired.
    void namesAFileItCannotRead()
    {
        QTemporaryDir dir;
        QVERIFY(writePairs(dir, 2));
        const QString notes = consumer(dir) + QStringLiteral("/NOTES_2020-01-01.md");
        QVERIFY(TestSupport::writeBytes(notes, "Notes \xe9t\xe9\n")); // Latin-1, not UTF-8
        CutoverFolderScan scan;
        QSignalSpy found(&scan, &CutoverFolderScan::pairsFound);
        scan.start(producer(dir), consumer(dir));
        QVERIFY(found.wait(60000));
        QCOMPARE(found.first().at(0).toInt(), 2);
        const QStringList errors = found.first().at(1).toStringList();
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().startsWith(notes + u':'), qPrintable(errors.first()));
    }

    // Cancelled from its first report of a file read, the scan stops before the next file: it ends
    // in cancelled() with how far it got, well short of the total, and the model stays empty.
    void cancelStopsTheScan()
    {
        QTemporaryDir dir;
        constexpr int pairCount = 500;
        QVERIFY(writePairs(dir, pairCount));
        CutoverFolderScan scan;
        QSignalSpy found(&scan, &CutoverFolderScan::pairsFound);
        QSignalSpy cancelled(&scan, &CutoverFolderScan::cancelled);
        connect(&scan, &CutoverFolderScan::progressed, this, [&scan](int done) {
            if (done > 0)
                scan.cancel();
        });
        scan.start(producer(dir), consumer(dir));
        QVERIFY(cancelled.wait(60000));
        const int files = 2 * pairCount;
        const int done = cancelled.first().at(0).toInt();
        QCOMPARE(cancelled.first().at(1).toInt(), files);
        QVERIFY(done > 0);
        QVERIFY2(done < files / 2, qPrintable(QString::number(done)));
        QVERIFY(!scan.isRunning());
        QCOMPARE(found.size(), 0);
        QCOMPARE(scan.pairs()->rowCount(), 0);
        scan.cancel(); // nothing running: nothing happens
        QCOMPARE(cancelled.size(), 1);
    }

    // A scan started while one runs cancels it; only the second reports, with its own folders.
    void aNewScanReplacesTheOld()
    {
        QTemporaryDir many;
        QTemporaryDir few;
        QVERIFY(writePairs(many, 500));
        QVERIFY(writePairs(few, 3));
        CutoverFolderScan scan;
        QSignalSpy found(&scan, &CutoverFolderScan::pairsFound);
        QSignalSpy cancelled(&scan, &CutoverFolderScan::cancelled);
        scan.start(producer(many), consumer(many));
        scan.start(producer(few), consumer(few));
        QCOMPARE(scan.producerFolder(), producer(few));
        QVERIFY(found.wait(60000));
        QCOMPARE(found.first().at(0).toInt(), 3);
        QVERIFY(QThreadPool::globalInstance()->waitForDone(60000));
        QCoreApplication::processEvents();
        QCOMPARE(found.size(), 1);
        QCOMPARE(cancelled.size(), 0);
        QCOMPARE(scan.pairs()->pairedCount(), 3);
    }

    // Destroyed while its job runs, the scan only stops the job; the job ends on its own.
    void destroyedWhileScanning()
    {
        QTemporaryDir dir;
        QVERIFY(writePairs(dir, 500));
        auto *scan = new CutoverFolderScan;
        scan->start(producer(dir), consumer(dir));
        delete scan;
        QVERIFY(QThreadPool::globalInstance()->waitForDone(60000));
        QCoreApplication::processEvents();
    }
};

QTEST_GUILESS_MAIN(TestCutoverFolderScan)
#include "tst_cutoverfolderscan.moc"
