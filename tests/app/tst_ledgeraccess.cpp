// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// Ledgers the user may read but not write, and a disk that fills up, through the real binary: a team
// ledger in a folder the user cannot write (as a read-only mount is) is read by every command that
// reads (status, review, export, verify, ledger verify, the window), and a write says "read-only";
// a full disk says "disk full" and leaves the ledger as it was, never "damaged".
#include "signoffworkspace.h"

#include <QDir>
#include <QFile>
#include <QTest>

using TestSupport::Run;
using TestSupport::run;
using TestSupport::Workspace;

namespace {

constexpr QFile::Permissions readable = QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther;
constexpr QFile::Permissions browsable =
    readable | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther | QFile::ReadUser | QFile::ExeUser;

// A ledger with two sign-offs and a risk decision in its own folder, then made read-only: the file
// mode 444, the folder 555 (so that SQLite cannot make its -wal and -shm files beside it either, as
// on a read-only mount or in a colleague's folder). Put back on destruction, so that it can be removed.
class TeamLedger
{
public:
    TeamLedger()
    {
        w.db = w.dir.filePath(QStringLiteral("team/ledger.sqlite"));
        QDir().mkpath(w.dir.filePath(QStringLiteral("team")));
        for (int role = 0; role < 2; ++role) {
            if (w.signOff(role).exitCode != 0)
                qFatal("cannot sign");
        }
        if (decide(1).exitCode != 0)
            qFatal("cannot record a risk decision");
        folder = w.dir.filePath(QStringLiteral("team"));
        QFile::setPermissions(w.db, readable);
        QFile::setPermissions(folder, browsable);
    }
    ~TeamLedger() { QFile::setPermissions(folder, browsable | QFile::WriteOwner | QFile::WriteUser); }
    Run decide(int item) const
    {
        return TestSupport::runWithoutReadOverride(
            {QStringLiteral("review"), w.record, QStringLiteral("--db"), w.db, QStringLiteral("--item"),
                QString::number(item), QStringLiteral("--decision"), QStringLiteral("accepted"),
                QStringLiteral("--by"), QStringLiteral("Ana Ruiz")});
    }
    // `command` on the record (unless `arguments` say otherwise), as a user who may not write the
    // ledger (root without the capability to override file modes).
    Run asReader(const QStringList &arguments,
        const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment()) const
    {
        return TestSupport::runWithoutReadOverride(
            arguments + QStringList{QStringLiteral("--db"), w.db}, environment);
    }

    Workspace w;
    QString folder;
};

// A run that found no room to write the ledger: exit 2, the ledger named, "disk full", not "damaged".
bool saysDiskFull(const Run &result, const QString &ledger)
{
    return !result.crashed && result.exitCode == 2 && result.err.contains(ledger + QStringLiteral(": ")) &&
        result.err.contains(QStringLiteral("disk full")) && !result.err.contains(QStringLiteral("damaged"));
}

} // namespace

class TestLedgerAccess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readOnlyLedgerIsRead()
    {
        TeamLedger team;
        const QByteArray before = TestSupport::readBytes(team.w.db);

        const Run status = team.asReader({QStringLiteral("status"), team.w.record});
        QCOMPARE(status.exitCode, 1);
        QVERIFY2(status.err.isEmpty(), qPrintable(status.err));
        QCOMPARE(status.out.count(": approved"), 2);
        QCOMPARE(status.out.count(": pending"), 3);

        const Run review = team.asReader({QStringLiteral("review"), team.w.record});
        QCOMPARE(review.exitCode, 0);
        QVERIFY2(review.out.contains("1 accepted"), review.out.constData());

        const Run verified = team.asReader({QStringLiteral("ledger"), QStringLiteral("verify")});
        QCOMPARE(verified.exitCode, 0);
        QVERIFY2(
            verified.out.contains("sign-offs: 2 (0 signed, every signature verifies), risk decisions: 1; "
                                  "both hash chains are intact."),
            qPrintable(verified.err));

        const QString exported = team.w.dir.filePath(QStringLiteral("open.md"));
        const Run exportRun = team.asReader({QStringLiteral("export"), team.w.record,
            QStringLiteral("--allow-open"), QStringLiteral("-o"), exported});
        QCOMPARE(exportRun.exitCode, 0);
        const Run checked = team.asReader({QStringLiteral("verify"), exported});
        QCOMPARE(checked.exitCode, 1);
        QVERIFY2(checked.out.contains("NOT FINAL: the file is as exported"), qPrintable(checked.err));

        // Writing is refused in words that say why, exit 2.
        const Run signed_ = team.asReader(
            {QStringLiteral("signoff"), team.w.record, QStringLiteral("--role"), TestSupport::roles.at(2),
                QStringLiteral("--signer"), TestSupport::signers.at(2), QStringLiteral("--approve")});
        QCOMPARE(signed_.exitCode, 2);
        QVERIFY2(
            signed_.err.contains(QStringLiteral("%1: is read-only").arg(team.w.db)), qPrintable(signed_.err));
        const Run decided = team.decide(2);
        QCOMPARE(decided.exitCode, 2);
        QVERIFY2(
            decided.err.contains(QStringLiteral("%1: is read-only").arg(team.w.db)), qPrintable(decided.err));

        QCOMPARE(TestSupport::readBytes(team.w.db), before);
        QCOMPARE(QDir(team.folder).entryList(QDir::Files | QDir::Hidden),
            QStringList{QStringLiteral("ledger.sqlite")});
    }

    // The window opens a read-only ledger as read-only (it shows the sign-offs and cannot sign)
    // rather than refusing it as damaged.
    void windowOpensReadOnlyLedger()
    {
        TeamLedger team;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), team.w.dir.filePath(QStringLiteral("config")));
        environment.insert(QStringLiteral("XDG_DATA_HOME"), team.w.dir.filePath(QStringLiteral("data")));
        const QString screenshot = team.w.dir.filePath(QStringLiteral("window.png"));
        const Run window = team.asReader(
            {QStringLiteral("open"), team.w.record, QStringLiteral("--screenshot"), screenshot}, environment);
        QVERIFY2(!window.err.contains(QStringLiteral("countersign:")), qPrintable(window.err));
        QCOMPARE(window.exitCode, 0);
        QVERIFY(QFile::exists(screenshot));
    }

    // A disk that fills up (here: a file size limit, which makes SQLite's writes fail as a full disk
    // does, and works as root too) is "disk full", exit 2, never "damaged"; the ledger keeps every
    // entry, its chains hold, and reading it still works.
    void fullDiskLeavesTheLedgerAsItWas()
    {
        Workspace w;
        for (int role = 0; role < 3; ++role)
            QCOMPARE(w.signOff(role).exitCode, 0);
        const QByteArray before = TestSupport::readBytes(w.db);
        const QStringList signOff{QStringLiteral("signoff"), w.record, QStringLiteral("--db"), w.db,
            QStringLiteral("--role"), TestSupport::roles.at(3), QStringLiteral("--signer"),
            TestSupport::signers.at(3), QStringLiteral("--approve")};

        // No room even for SQLite's shared-memory file (32 KiB) beside the ledger.
        const Run cannotOpen = TestSupport::runWithFileSizeLimit(signOff, 16384);
        QVERIFY2(saysDiskFull(cannotOpen, w.db), qPrintable(cannotOpen.err));
        const Run status = TestSupport::runWithFileSizeLimit(
            {QStringLiteral("status"), w.record, QStringLiteral("--db"), w.db}, 16384);
        QCOMPARE(status.exitCode, 1);
        QVERIFY2(status.err.isEmpty(), qPrintable(status.err));
        QCOMPARE(status.out.count(": approved"), 3);

        // Room to open, none for the entry (a long comment takes many pages).
        const Run cannotWrite = TestSupport::runWithFileSizeLimit(
            signOff + QStringList{QStringLiteral("--comment"), QString(100000, u'x')}, 32768);
        QVERIFY2(saysDiskFull(cannotWrite, w.db), qPrintable(cannotWrite.err));

        QCOMPARE(TestSupport::readBytes(w.db), before);
        const Run verified =
            run({QStringLiteral("ledger"), QStringLiteral("verify"), QStringLiteral("--db"), w.db});
        QCOMPARE(verified.exitCode, 0);
        QVERIFY2(
            verified.out.contains("sign-offs: 3 (0 signed, every signature verifies), risk decisions: 0; "
                                  "both hash chains are intact."),
            qPrintable(verified.err));
        // With room again, the sign-off is recorded.
        QCOMPARE(run(signOff).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestLedgerAccess)
#include "tst_ledgeraccess.moc"
