// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// The residual risk review through the real binary, on a copy of the sample cutover's two checkouts
// (tests/data/review): listing the items with their decisions (text and JSON), recording decisions,
// the decision that stands after an edit of the record, the export's review section and its
// verification, `ledger verify` finding an edited decision, refusals, usage errors that write
// nothing, bad ledgers left untouched, and bad records and checkpoints named.
#include "clirunner.h"
#include "export/finalizedrecord.h"
#include "ledgersupport.h"
#include "sqlsupport.h"
#include "testsupport.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Countersign;
using TestSupport::run;

namespace {

const QString here = QStringLiteral("AssistSupport/docs/implementation/");

// Copies the folder tree below `from` into `to`.
bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString target = to + file.mid(from.size());
        if (!QDir().mkpath(QFileInfo(target).absolutePath()) || !QFile::copy(file, target))
            return false;
    }
    return true;
}

class Workspace
{
public:
    Workspace()
    {
        if (!copyTree(TestSupport::dataPath(QStringLiteral("review")), dir.path()))
            qFatal("cannot copy the review tree");
        record = dir.filePath(here + QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_2026-02-08.md"));
        db = dir.filePath(QStringLiteral("ledger.sqlite"));
    }
    TestSupport::Run review(const QStringList &arguments = {}) const
    {
        return run(QStringList{QStringLiteral("review"), record, QStringLiteral("--db"), db} + arguments);
    }
    TestSupport::Run decide(int item, const QString &decision, const QStringList &extra = {}) const
    {
        return review(
            QStringList{QStringLiteral("--item"), QString::number(item), QStringLiteral("--decision"),
                decision, QStringLiteral("--by"), QStringLiteral("Ana Ruiz")} +
            extra);
    }
    // An empty ledger at `db`, as the team's ledger is before its first decision: `review` only
    // reads a ledger, so it never creates one.
    void createLedger() const { TestSupport::openStore(db); }
    TestSupport::Run command(const QString &name, const QStringList &arguments) const
    {
        return run(QStringList{name} + arguments + QStringList{QStringLiteral("--db"), db});
    }
    QJsonObject json() const
    {
        const TestSupport::Run listed = review({QStringLiteral("--json")});
        if (listed.exitCode != 0)
            qFatal("review --json failed: %s", qPrintable(listed.err));
        return QJsonDocument::fromJson(listed.out).object();
    }
    // Replaces `from` by `to` in the file at `path`; false when `from` is not there.
    static bool edit(const QString &path, const QByteArray &from, const QByteArray &to)
    {
        QByteArray bytes = TestSupport::readBytes(path);
        if (!bytes.contains(from))
            return false;
        bytes.replace(from, to);
        return TestSupport::writeBytes(path, bytes);
    }
    QTemporaryDir dir;
    QString record;
    QString db;
};

const QStringList roles{QStringLiteral("MemoryKernel incident commander role"),
    QStringLiteral("AssistSupport incident commander role"),
    QStringLiteral("MemoryKernel rollback owner role"), QStringLiteral("AssistSupport rollback owner role"),
    QStringLiteral("Joint decision log owner role")};

} // namespace

class TestReview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The sample record's three risks (two carried over from January's record) and the open items of
    // both checkpoint packets, numbered, all open.
    void listsTheItems()
    {
        Workspace w;
        w.createLedger();
        const TestSupport::Run listed = w.review();
        QCOMPARE(listed.exitCode, 0);
        QCOMPARE(listed.err, QString());
        const QString out = QString::fromUtf8(listed.out);
        QVERIFY(out.startsWith(w.record + QStringLiteral(": residual risk review (content digest ")));
        QVERIFY(out.contains(
            QStringLiteral("\n  1. Standard post-cutover regression risk mitigated by deterministic "
                           "fallback and rollback readiness.\n     residual risk, line 43; carried "
                           "over from the previous record\n     open\n")));
        QVERIFY(out.contains(
            QStringLiteral("\n  6. Additive error-code changes require lead-time policy and manifest "
                           "updates.\n     open item of "
                           "SERVICE_V3_CUTOVER_DECISION_CHECKPOINT_PRODUCER_2026-02-08.md, line 29\n")));
        QCOMPARE(
            out.count(QStringLiteral("carried over from the previous record")), 3); // two items, the summary
        QVERIFY(out.endsWith(QStringLiteral("6 items: 0 accepted, 0 mitigated, 0 needs action, 6 open; 2 "
                                            "carried over from the previous record.\n")));
    }

    // Decisions recorded one by one, listed as text and JSON; the latest for an item stands; after
    // the record is edited they still stand, flagged as made on an earlier version, and they follow
    // their items when the risks are reordered.
    void recordsAndLists()
    {
        Workspace w;
        TestSupport::Run decided = w.decide(4, QStringLiteral("needs-action"),
            {QStringLiteral("--owner"), QStringLiteral("Dana Levi"), QStringLiteral("--due"),
                QStringLiteral("2026-02-20"), QStringLiteral("--note"), QStringLiteral("page the owner")});
        QCOMPARE(decided.exitCode, 0);
        QVERIFY2(
            decided.out.contains("item 4 \"Cache warm-up latency after repin (tracked, non-blocking).\": "
                                 "needs-action, owner Dana Levi, due 2026-02-20: \"page the owner\""),
            decided.out.constData());
        QVERIFY(decided.out.contains("ledger risk decision 1, content digest "));
        QCOMPARE(w.decide(1, QStringLiteral("accepted")).exitCode, 0);
        QCOMPARE(
            w.decide(2, QStringLiteral("mitigated"), {QStringLiteral("--note=policy | signed")}).exitCode, 0);
        QCOMPARE(w.decide(1, QStringLiteral("mitigated")).exitCode, 0); // the meeting changed its mind

        QJsonObject json = w.json();
        QCOMPARE(json.value(QStringLiteral("schema")).toInt(), 1);
        QJsonArray items = json.value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 6);
        const auto decisionOf = [&items](int index) {
            return items.at(index).toObject().value(QStringLiteral("decision")).toObject();
        };
        QCOMPARE(decisionOf(0).value(QStringLiteral("decision")).toString(), QStringLiteral("mitigated"));
        QCOMPARE(decisionOf(0).value(QStringLiteral("entry")).toInt(), 4);
        QCOMPARE(decisionOf(1).value(QStringLiteral("note")).toString(), QStringLiteral("policy | signed"));
        QCOMPARE(decisionOf(3).value(QStringLiteral("owner")).toString(), QStringLiteral("Dana Levi"));
        QCOMPARE(decisionOf(3).value(QStringLiteral("due")).toString(), QStringLiteral("2026-02-20"));
        QCOMPARE(decisionOf(3).value(QStringLiteral("earlierVersion")).toBool(), false);
        QVERIFY(items.at(2).toObject().value(QStringLiteral("decision")).isNull());
        QCOMPARE(items.at(0).toObject().value(QStringLiteral("carriedOver")).toBool(), true);
        QCOMPARE(
            items.at(3).toObject().value(QStringLiteral("source")).toString(), QStringLiteral("open-item"));
        const QJsonObject summary = json.value(QStringLiteral("summary")).toObject();
        QCOMPARE(summary.value(QStringLiteral("mitigated")).toInt(), 2);
        QCOMPARE(summary.value(QStringLiteral("needsAction")).toInt(), 1);
        QCOMPARE(summary.value(QStringLiteral("open")).toInt(), 3);

        // Risks reordered and rewrapped, another section reworded: the decisions stay with their items.
        QVERIFY(Workspace::edit(w.record,
            "1. Standard post-cutover regression risk mitigated by deterministic fallback and rollback "
            "readiness.\n"
            "2. Future additive error-code changes still require lead-time policy and manifest updates.\n",
            "1. Future additive error-code changes still require lead-time policy and\n"
            "   manifest updates\n"
            "2. Standard post-cutover regression risk mitigated by deterministic fallback and rollback "
            "readiness.\n"));
        QVERIFY(Workspace::edit(w.record, "Consumer-side record", "The consumer's record"));
        json = w.json();
        items = json.value(QStringLiteral("items")).toArray();
        QCOMPARE(decisionOf(0).value(QStringLiteral("note")).toString(), QStringLiteral("policy | signed"));
        QCOMPARE(decisionOf(1).value(QStringLiteral("entry")).toInt(), 4);
        QCOMPARE(decisionOf(1).value(QStringLiteral("earlierVersion")).toBool(), true);
        const QString listed = QString::fromUtf8(w.review().out);
        QCOMPARE(
            listed.count(QStringLiteral("decided on an earlier version of the record (content digest ")), 3);
        QVERIFY(listed.endsWith(QStringLiteral("; 3 decided on an earlier version of the record.\n")));
    }

    // The export carries the review inside the sign-off block: its digest is the record's, verify
    // (with the ledger) accepts it, and an edited review row is found: by the review digest, and, if
    // that is rewritten to match, by the ledger.
    void exportContainsTheReview()
    {
        Workspace w;
        const QStringList signers{QStringLiteral("Ann"), QStringLiteral("Bob"), QStringLiteral("Cy"),
            QStringLiteral("Di"), QStringLiteral("Ed")};
        for (int i = 0; i < roles.size(); ++i) {
            QCOMPARE(w.command(QStringLiteral("signoff"),
                          {w.record, QStringLiteral("--role"), roles.at(i), QStringLiteral("--signer"),
                              signers.at(i), QStringLiteral("--approve")})
                         .exitCode,
                0);
        }
        QCOMPARE(w.decide(1, QStringLiteral("accepted")).exitCode, 0);
        QCOMPARE(w.decide(4, QStringLiteral("needs-action"),
                      {QStringLiteral("--owner"), QStringLiteral("Dana Levi"), QStringLiteral("--due"),
                          QStringLiteral("2026-02-20"), QStringLiteral("--note"),
                          QStringLiteral("page | the owner")})
                     .exitCode,
            0);
        const QString finalized = w.dir.filePath(QStringLiteral("final.md"));
        const TestSupport::Run exported =
            w.command(QStringLiteral("export"), {w.record, QStringLiteral("-o"), finalized});
        QCOMPARE(exported.exitCode, 0);
        QVERIFY(exported.out.contains("(final)"));
        const QString text = QString::fromUtf8(TestSupport::readBytes(finalized));
        QVERIFY(text.contains(QStringLiteral("<!-- countersign:signoff-begin -->\n## Residual Risk "
                                             "Review\n\n| Risk | Decision | Owner | Due | Note |\n")));
        QVERIFY(text.contains(
            QStringLiteral("| Standard post-cutover regression risk mitigated by deterministic "
                           "fallback and rollback readiness. *(carried over)* | accepted | — | — | — |\n")));
        QVERIFY(text.contains(
            QStringLiteral("| Cache warm-up latency after repin (tracked, non-blocking). *(open "
                           "item: SERVICE_V3_CUTOVER_DECISION_CHECKPOINT_2026-02-08.md)* | "
                           "needs-action | Dana Levi | 2026-02-20 | page \\| the owner |\n")));
        QCOMPARE(text.count(QStringLiteral("| open | — | — | — |")), 4);
        QVERIFY(text.indexOf(QStringLiteral("## Residual Risk Review")) <
            text.indexOf(QStringLiteral("## Sign-off")));

        // The exported file has the record's digest.
        const TestSupport::Run digests = run({QStringLiteral("digest"), w.record, finalized});
        const QList<QByteArray> lines = digests.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(0).left(64), lines.at(1).left(64));
        TestSupport::Run verified = w.command(QStringLiteral("verify"), {finalized});
        QCOMPARE(verified.exitCode, 0);
        QVERIFY2(
            verified.out.contains("5 sign-off rows (0 signed), 6 review rows"), verified.out.constData());

        // The needs-action row made to read "accepted": the review digest no longer matches.
        QVERIFY(Workspace::edit(finalized, "| needs-action | Dana Levi |", "| accepted | Dana Levi |"));
        verified = run({QStringLiteral("verify"), finalized});
        QCOMPARE(verified.exitCode, 1);
        QVERIFY(verified.err.contains(QStringLiteral("the Residual Risk Review was changed after export")));
        // With the review digest rewritten to match, the file alone looks right; the ledger does not agree.
        const QString edited = QString::fromUtf8(TestSupport::readBytes(finalized));
        const Result<FinalizedRecord::Verification> check = FinalizedRecord::verify(edited);
        QVERIFY(Workspace::edit(finalized, check->footerReviewDigest.toUtf8(), check->reviewDigest.toUtf8()));
        QCOMPARE(run({QStringLiteral("verify"), finalized}).exitCode, 0);
        verified = w.command(QStringLiteral("verify"), {finalized});
        QCOMPARE(verified.exitCode, 1);
        QVERIFY2(verified.err.contains(
                     QStringLiteral("the review's decision \"accepted\" on \"Cache warm-up latency "
                                    "after repin (tracked, non-blocking).\" is not in the ledger")),
            qPrintable(verified.err));
    }

    void ledgerVerifyCatchesAnEditedDecision()
    {
        Workspace w;
        QCOMPARE(w.command(QStringLiteral("signoff"),
                      {w.record, QStringLiteral("--role"), roles.at(0), QStringLiteral("--signer"),
                          QStringLiteral("Ann"), QStringLiteral("--approve")})
                     .exitCode,
            0);
        for (int item = 1; item <= 3; ++item)
            QCOMPARE(w.decide(item, QStringLiteral("accepted")).exitCode, 0);
        TestSupport::Run verified = w.command(QStringLiteral("ledger"), {QStringLiteral("verify")});
        QCOMPARE(verified.exitCode, 0);
        QVERIFY2(verified.out.contains("sign-offs: 1 (0 signed, every signature verifies), risk decisions: "
                                       "3; both hash chains are intact."),
            verified.out.constData());

        QVERIFY(TestSupport::execSql(w.db,
            {QStringLiteral("DROP TRIGGER risk_decision_append_only_update"),
                QStringLiteral("UPDATE risk_decision SET decision = 'mitigated' WHERE id = 2")}));
        verified = w.command(QStringLiteral("ledger"), {QStringLiteral("verify")});
        QCOMPARE(verified.exitCode, 1);
        QVERIFY2(verified.err.contains(QStringLiteral("tampered: risk decision 2: its fields do not match "
                                                      "its hash (changed after it was recorded)")),
            qPrintable(verified.err));
        QVERIFY(!verified.err.contains(QStringLiteral("tampered: entry")));
    }

    // Refused with the reason (exit 1), and nothing is recorded.
    void refusals_data()
    {
        QTest::addColumn<int>("item");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("reason");
        QTest::newRow("needs-action without owner")
            << 2
            << QStringList{QStringLiteral("--decision"), QStringLiteral("needs-action"),
                   QStringLiteral("--due"), QStringLiteral("2026-02-20")}
            << QStringLiteral(
                   "refused: needs-action needs an owner: who will act on \"Future additive error-code "
                   "changes still require lead-time policy and manifest updates.\", and by when (give "
                   "--owner NAME and --due YYYY-MM-DD)");
        QTest::newRow("needs-action without due")
            << 2
            << QStringList{QStringLiteral("--decision"), QStringLiteral("needs-action"),
                   QStringLiteral("--owner"), QStringLiteral("Dana")}
            << QStringLiteral("needs-action needs a due date");
        QTest::newRow("no such item")
            << 99 << QStringList{QStringLiteral("--decision"), QStringLiteral("accepted")}
            << QStringLiteral("refused: the record has 6 items to review, so there is no item 99");
    }

    void refusals()
    {
        QFETCH(int, item);
        QFETCH(QStringList, extra);
        QFETCH(QString, reason);
        Workspace w;
        const TestSupport::Run refused = w.review(QStringList{QStringLiteral("--item"), QString::number(item),
                                                      QStringLiteral("--by"), QStringLiteral("Ana")} +
            extra);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.startsWith(QStringLiteral("countersign: %1: ").arg(w.record)),
            qPrintable(refused.err));
        QVERIFY2(refused.err.contains(reason), qPrintable(refused.err));
        QVERIFY(w.command(QStringLiteral("ledger"), {QStringLiteral("verify")})
                .out.contains("risk decisions: 0;"));
    }

    // Bad usage: exit 2 with the reason, before the record or the ledger is read (no ledger is made).
    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QStringList by{QStringLiteral("--by"), QStringLiteral("Ana")};
        const auto decide = [&by](const QString &item, const QString &decision) {
            return QStringList{QStringLiteral("--item"), item, QStringLiteral("--decision"), decision} + by;
        };
        QTest::newRow("unknown decision")
            << decide(QStringLiteral("1"), QStringLiteral("ignored"))
            << QStringLiteral("--decision takes accepted, mitigated or needs-action, not 'ignored'");
        QTest::newRow("item not a number") << decide(QStringLiteral("first"), QStringLiteral("accepted"))
                                           << QStringLiteral("--item takes an item's number");
        QTest::newRow("item zero") << decide(QStringLiteral("0"), QStringLiteral("accepted"))
                                   << QStringLiteral("--item takes an item's number");
        QTest::newRow("due not ISO") << decide(QStringLiteral("1"), QStringLiteral("needs-action")) +
                QStringList{QStringLiteral("--owner"), QStringLiteral("D"), QStringLiteral("--due"),
                    QStringLiteral("20/02/2026")}
                                     << QStringLiteral("--due takes a date as YYYY-MM-DD, not '20/02/2026'");
        QTest::newRow("due no such day")
            << decide(QStringLiteral("1"), QStringLiteral("accepted")) +
                QStringList{QStringLiteral("--due"), QStringLiteral("2026-02-30")}
            << QStringLiteral("--due takes a date as YYYY-MM-DD, not '2026-02-30'");
        QTest::newRow("no --by") << QStringList{QStringLiteral("--item"), QStringLiteral("1"),
                                        QStringLiteral("--decision"), QStringLiteral("accepted")}
                                 << QStringLiteral("recording a decision needs --by");
        QTest::newRow("no --decision") << QStringList{QStringLiteral("--item"), QStringLiteral("1")} + by
                                       << QStringLiteral("recording a decision needs --decision");
        QTest::newRow("an owner but no item")
            << QStringList{QStringLiteral("--owner"), QStringLiteral("Dana")}
            << QStringLiteral("recording a decision needs --item");
        QTest::newRow("json while recording")
            << decide(QStringLiteral("1"), QStringLiteral("accepted")) + QStringList{QStringLiteral("--json")}
            << QStringLiteral("--json lists the review; it does not go with --item");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--verbose")}
                                        << QStringLiteral("review: unknown option '--verbose'");
        QTest::newRow("a value missing")
            << QStringList{QStringLiteral("--item")} << QStringLiteral("--item needs a value");
        QTest::newRow("two records") << QStringList{QStringLiteral("other.md")}
                                     << QStringLiteral("review takes exactly one RECORD");
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        Workspace w;
        const TestSupport::Run bad = w.review(arguments);
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(message), qPrintable(bad.err));
        QVERIFY(bad.err.contains(QStringLiteral("Run 'countersign --help' for usage.")));
        QVERIFY(bad.out.isEmpty());
        QVERIFY(!QFile::exists(w.db));
    }

    // A ledger that is not SQLite, of a newer schema or read-only is named and left as it is; a
    // read-only one still lists the review.
    void badLedgers_data()
    {
        QTest::addColumn<QByteArray>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("not sqlite") << QByteArray("text") << QStringLiteral("not an SQLite database");
        QTest::newRow("newer schema")
            << QByteArray("newer")
            << QStringLiteral("newer Countersign (ledger schema 5; this version knows up to 4)");
        QTest::newRow("read-only") << QByteArray("readonly")
                                   << QStringLiteral("read-only: the risk decision was not recorded");
    }

    void badLedgers()
    {
        QFETCH(QByteArray, kind);
        QFETCH(QString, message);
        Workspace w;
        if (kind == "text") {
            QVERIFY(TestSupport::writeBytes(w.db, "id,decision\n1,accepted\n"));
        } else {
            QCOMPARE(w.decide(1, QStringLiteral("accepted")).exitCode, 0);
            if (kind == "newer")
                QVERIFY(TestSupport::execSql(w.db, {QStringLiteral("PRAGMA user_version = 5")}));
            else
                QVERIFY(QFile::setPermissions(w.db, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
        }
        const QByteArray before = TestSupport::readBytes(w.db);
        const TestSupport::Run decided = w.decide(2, QStringLiteral("accepted"));
        QCOMPARE(decided.exitCode, 2);
        QVERIFY(!decided.crashed);
        QVERIFY2(decided.err.contains(w.db) && decided.err.contains(message), qPrintable(decided.err));
        QCOMPARE(TestSupport::readBytes(w.db), before);
        const TestSupport::Run listed = w.review();
        if (kind == "readonly") {
            QCOMPARE(listed.exitCode, 0);
            QVERIFY(listed.out.contains("1 accepted"));
        } else {
            QCOMPARE(listed.exitCode, 2);
            QVERIFY(listed.err.contains(w.db));
        }
        QCOMPARE(TestSupport::readBytes(w.db), before);
    }

    // A record that cannot be read is an error naming it; a checkpoint that cannot be read, or an
    // input found nowhere, is a warning naming it, and the rest of the review goes on.
    void badRecordsAndCheckpoints()
    {
        Workspace w;
        const QString missing = w.dir.filePath(QStringLiteral("NO_SUCH_RECORD.md"));
        TestSupport::Run bad = run({QStringLiteral("review"), missing, QStringLiteral("--db"), w.db});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(missing), qPrintable(bad.err));

        const QString checkpoint =
            w.dir.filePath(here + QStringLiteral("SERVICE_V3_CUTOVER_DECISION_CHECKPOINT_2026-02-08.md"));
        QVERIFY(TestSupport::writeBytes(checkpoint, "# Checkpoint\n\n## Open Items\n1. caf\xe9\n"));
        QVERIFY(QFile::remove(
            w.dir.filePath(QStringLiteral("MemoryKernel/docs/implementation/"
                                          "SERVICE_V3_CUTOVER_DECISION_CHECKPOINT_PRODUCER_2026-02-08.md"))));
        w.createLedger();
        const TestSupport::Run listed = w.review();
        QCOMPARE(listed.exitCode, 0);
        QVERIFY2(
            listed.err.contains(QStringLiteral("countersign: warning: %1:4: invalid UTF-8").arg(checkpoint)),
            qPrintable(listed.err));
        QVERIFY(listed.err.contains(QStringLiteral("its open items are not in the review")));
        QVERIFY2(listed.err.contains(QStringLiteral(
                     "the decision input "
                     "MemoryKernel/docs/implementation/SERVICE_V3_CUTOVER_DECISION_CHECKPOINT_PRODUCER_"
                     "2026-02-08.md was found neither next to the record nor in a folder above it")),
            qPrintable(listed.err));
        QVERIFY(listed.out.contains("3 items: 0 accepted, 0 mitigated, 0 needs action, 3 open"));
    }
};

QTEST_GUILESS_MAIN(TestReview)
#include "tst_review.moc"
