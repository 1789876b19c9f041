// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// The residual risk review: the items of the sample consumer record and its checkpoint packets,
// found through repo-relative and sibling-checkout decision inputs; keys that survive renumbering and
// rewrapping; inputs resolved in a tree of folders; the previous record of the pair and the items it
// carries over; the decision that stands for each item; the rules a decision must keep; and the
// hash of a decision, which covers every field.
#include "ledger/signoff.h"
#include "record/canonicalcontent.h"
#include "record/markdownparser.h"
#include "review/riskreview.h"
#include "signing/recordidentity.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <functional>

using namespace Countersign;

namespace {

const QString implementation = QStringLiteral("review/AssistSupport/docs/implementation/");

QString reviewPath(const QString &relative)
{
    return QFileInfo(TestSupport::dataPath(QStringLiteral("review/") + relative)).canonicalFilePath();
}

QString recordPath()
{
    return reviewPath(
        QStringLiteral("AssistSupport/docs/implementation/RUNTIME_CUTOVER_DECISION_RECORD_2026-02-08.md"));
}

Document parse(const QByteArray &text, const QString &fileName)
{
    const Result<SourceText> source = SourceText::fromUtf8(text);
    if (!source)
        qFatal("bad test text: %s", qPrintable(source.error().toString()));
    return MarkdownParser::parse(source.value(), fileName);
}

QStringList keysOf(const QList<ReviewItem> &items)
{
    QStringList keys;
    for (const ReviewItem &item : items)
        keys.append(item.key);
    return keys;
}

// Writes `text` at `path` below `root`, making its folders.
bool put(const QDir &root, const QString &path, const QByteArray &text)
{
    return QDir().mkpath(QFileInfo(root.filePath(path)).absolutePath()) &&
        TestSupport::writeBytes(root.filePath(path), text);
}

QByteArray checkpoint(const QString &openItem)
{
    return QStringLiteral("# Service Cutover Decision Checkpoint (Producer)\n\nUpdated: 2026-03-14\n\n"
                          "## Checkpoint Summary\n- recommendation: **GO**\n\n## Open Items\n1. %1\n")
        .arg(openItem)
        .toUtf8();
}

RiskDecisionEntry decisionOn(const QString &key, RiskDecision what, const QString &digest, int minute)
{
    RiskDecisionEntry entry;
    entry.recordPath = QStringLiteral("/records/a.md");
    entry.recordDigest = digest;
    entry.itemKey = key;
    entry.itemText = key.mid(key.indexOf(u':') + 1);
    entry.decision = what;
    entry.recordedBy = QStringLiteral("Ana Ruiz");
    entry.time = QDateTime(QDate(2026, 2, 8), QTime(10, minute), QTimeZone::UTC);
    if (what == RiskDecision::NeedsAction) {
        entry.owner = QStringLiteral("Dana Levi");
        entry.due = QDate(2026, 2, 20);
    }
    return entry;
}

// One change to each field of a decision (and one that moves text between two fields), by name.
using FieldChange = std::pair<const char *, std::function<void(RiskDecisionEntry &)>>;
const QList<FieldChange> &fieldChanges()
{
    static const QList<FieldChange> changes{
        {"id", [](RiskDecisionEntry &e) { e.id = 5; }},
        {"record path", [](RiskDecisionEntry &e) { e.recordPath += u'x'; }},
        {"record digest", [](RiskDecisionEntry &e) { e.recordDigest = QStringLiteral("d2"); }},
        {"item key", [](RiskDecisionEntry &e) { e.itemKey += u'x'; }},
        {"item text", [](RiskDecisionEntry &e) { e.itemText += u'x'; }},
        {"decision", [](RiskDecisionEntry &e) { e.decision = RiskDecision::Accepted; }},
        {"owner", [](RiskDecisionEntry &e) { e.owner += u'x'; }},
        {"due", [](RiskDecisionEntry &e) { e.due = e.due.addDays(1); }},
        {"no due", [](RiskDecisionEntry &e) { e.due = QDate(); }},
        {"note", [](RiskDecisionEntry &e) { e.note += u'x'; }},
        {"recorded by", [](RiskDecisionEntry &e) { e.recordedBy += u'x'; }},
        {"time", [](RiskDecisionEntry &e) { e.time = e.time.addMSecs(1); }},
        {"os user", [](RiskDecisionEntry &e) { e.osUser += u'x'; }},
        {"host", [](RiskDecisionEntry &e) { e.host += u'x'; }},
        {"previous hash", [](RiskDecisionEntry &e) { e.previousHash = QStringLiteral("0f0e"); }},
        {"text moved between fields",
            [](RiskDecisionEntry &e) {
                e.owner += QStringLiteral("a");
                e.note = QStringLiteral("b");
            }},
    };
    return changes;
}

} // namespace

namespace Countersign {
inline char *toString(const RiskSummary &summary)
{
    return QTest::toString(QStringLiteral("RiskSummary(accepted %1, mitigated %2, needs action %3, open %4, "
                                          "carried over %5)")
            .arg(summary.accepted)
            .arg(summary.mitigated)
            .arg(summary.needsAction)
            .arg(summary.open)
            .arg(summary.carriedOver));
}
} // namespace Countersign

class TestRiskReview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The sample consumer record: its three risks, then the two open items of its own checkpoint packet
    // (named repo-relative) and the one of the producer's (named through the sibling checkout); the
    // producer's mirror, also an input, is no checkpoint and adds nothing.
    void itemsOfTheSampleRecord()
    {
        const Document record = TestSupport::load(recordPath());
        const QString consumer = reviewPath(QStringLiteral(
            "AssistSupport/docs/implementation/SERVICE_V3_CUTOVER_DECISION_CHECKPOINT_2026-02-08.md"));
        const QString producer =
            reviewPath(QStringLiteral("MemoryKernel/docs/implementation/"
                                      "SERVICE_V3_CUTOVER_DECISION_CHECKPOINT_PRODUCER_2026-02-08.md"));
        QCOMPARE(RiskReview::checkpointPaths(record, recordPath()), (QStringList{consumer, producer}));

        QStringList warnings;
        const QList<ReviewItem> items = RiskReview::load(record, recordPath(), &warnings);
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
        QCOMPARE(items.size(), 6);
        QCOMPARE(keysOf(items),
            (QStringList{
                QStringLiteral(
                    "risk:standard post-cutover regression risk mitigated by deterministic fallback "
                    "and rollback readiness"),
                QStringLiteral("risk:future additive error-code changes still require lead-time policy and "
                               "manifest updates"),
                QStringLiteral(
                    "risk:consumer cache warm-up after repin adds up to 90s of elevated p99 latency"),
                QStringLiteral("open:cache warm-up latency after repin (tracked, non-blocking)"),
                QStringLiteral(
                    "open:error-code lead-time policy needs a manifest owner on the producer side"),
                QStringLiteral(
                    "open:additive error-code changes require lead-time policy and manifest updates"),
            }));
        const ReviewItem &first = items.first();
        QCOMPARE(first.source, ReviewItem::Source::ResidualRisk);
        QCOMPARE(first.text,
            QStringLiteral(
                "Standard post-cutover regression risk mitigated by deterministic fallback and rollback "
                "readiness."));
        QCOMPARE(first.origin, recordPath());
        QCOMPARE(first.line, 43);
        QCOMPARE(items.at(3).source, ReviewItem::Source::OpenItem);
        QCOMPARE(items.at(3).origin, consumer);
        QCOMPARE(items.at(3).line, 29);
        QCOMPARE(items.at(5).origin, producer);
        QCOMPARE(items.at(5).text,
            QStringLiteral("Additive error-code changes require lead-time policy and manifest updates."));

        // The previous record (January, dated by its Updated line) lists the first two risks,
        // renumbered and rewrapped: they are carried over, the rest are new.
        QList<bool> carried;
        for (const ReviewItem &item : items)
            carried.append(item.carriedOver);
        QCOMPARE(carried, (QList<bool>{true, true, false, false, false, false}));
    }

    // Keys ignore numbering, bullets, whitespace, case and trailing punctuation, and nothing else.
    void keys_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("same");
        QTest::newRow("trailing period") << QStringLiteral("Queue drain delays sync.")
                                         << QStringLiteral("Queue drain delays sync") << true;
        QTest::newRow("whitespace") << QStringLiteral("Queue  drain\n  delays sync")
                                    << QStringLiteral(" Queue drain delays sync ") << true;
        QTest::newRow("case") << QStringLiteral("QUEUE drain Delays sync")
                              << QStringLiteral("queue drain delays sync") << true;
        QTest::newRow("numbering in the text") << QStringLiteral("2. Queue drain delays sync")
                                               << QStringLiteral("Queue drain delays sync;") << true;
        QTest::newRow("bullet in the text") << QStringLiteral("- Queue drain delays sync")
                                            << QStringLiteral("Queue drain delays sync!") << true;
        QTest::newRow("other word") << QStringLiteral("Queue drain delays sync")
                                    << QStringLiteral("Queue drain delays search") << false;
        QTest::newRow("inner punctuation") << QStringLiteral("Sync delayed (by 2 minutes)")
                                           << QStringLiteral("Sync delayed by 2 minutes") << false;
        QTest::newRow("a number of the text")
            << QStringLiteral("90s of latency") << QStringLiteral("9 0s of latency") << false;
    }

    void keys()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, same);
        const QString keyA = RiskReview::keyOf(ReviewItem::Source::ResidualRisk, a);
        QCOMPARE(keyA == RiskReview::keyOf(ReviewItem::Source::ResidualRisk, b), same);
        QVERIFY(keyA.startsWith(QStringLiteral("risk:")));
        QVERIFY(keyA != RiskReview::keyOf(ReviewItem::Source::OpenItem, a));
    }

    // The same record edited the way records drift: renumbered, rewrapped, bullets changed, CRLF, a
    // risk moved; every item keeps its key. "None" is not an item; the same text twice is two items.
    void keysSurviveEdits()
    {
        const Document before = parse("# Runtime Cutover Decision Record\n\n## Residual Risks\n"
                                      "1. Queue drain after repin may delay ticket sync.\n"
                                      "2. Schema additions still need a two-week lead time.\n",
            QStringLiteral("a.md"));
        const Document after =
            parse("# Runtime Cutover Decision Record\r\n\r\n### Residual risks (Non-blocking)\r\n"
                  "* Schema additions still need a\r\n  two-week   lead time\r\n"
                  "* Queue drain after repin may delay ticket sync.\r\n",
                QStringLiteral("a.md"));
        QStringList keysBefore = keysOf(RiskReview::items(before, QStringLiteral("a.md"), {}));
        const QStringList keysAfter = keysOf(RiskReview::items(after, QStringLiteral("a.md"), {}));
        QCOMPARE(keysBefore.size(), 2);
        std::reverse(keysBefore.begin(), keysBefore.end());
        QCOMPARE(keysAfter, keysBefore);

        const Document repeated = parse("# Runtime Cutover Decision Record\n\n## Residual Risks\n- Drift.\n"
                                        "- drift\n\n## Open Items\nNone.\n",
            QStringLiteral("b.md"));
        QCOMPARE(keysOf(RiskReview::items(repeated, QStringLiteral("b.md"), {repeated})),
            (QStringList{QStringLiteral("risk:drift"), QStringLiteral("risk:drift #2")}));
    }

    // Decision inputs in a tree of two checkouts: repo-relative, through the sibling checkout, an
    // absolute path from another machine, a path next to the record, one found only by its file name
    // in the record's folder, one named twice, one missing, a leaf text, a mirror (no checkpoint) and
    // a checkpoint that cannot be read.
    void inputsResolveInATree()
    {
        QTemporaryDir tmp;
        const QDir root(tmp.path());
        const QString here = QStringLiteral("Consumer/docs/implementation/");
        QVERIFY(put(root, here + QStringLiteral("RECORD_2026-03-14.md"),
            "# Runtime Cutover Decision Record\n\nUpdated: 2026-03-14\n\n## Decision Inputs\n"
            "- Consumer checkpoint packet:\n  - `docs/implementation/CP_2026-03-14.md`\n"
            "- Producer checkpoint packet:\n  - `Producer/docs/implementation/CP_PRODUCER_2026-03-14.md`\n"
            "- Producer extra packet:\n  - `/Users/d/Projects/Producer/docs/notes/CP_EXTRA.md`\n"
            "- Local packet:\n  - `CP_NEXT.md`\n"
            "- Archived packet:\n  - `archive/2025/CP_BY_NAME.md`\n"
            "- Again:\n  - `../implementation/CP_2026-03-14.md`\n"
            "- Missing packet:\n  - `docs/implementation/CP_MISSING.md`\n"
            "- Pending:\n  - pending\n"
            "- Producer mirror:\n  - `Producer/docs/implementation/MIRROR.md`\n"
            "- Broken packet:\n  - `docs/implementation/CP_BROKEN.md`\n"
            "\n## Residual Risks\n1. Queue drain.\n"));
        QVERIFY(put(
            root, here + QStringLiteral("CP_2026-03-14.md"), checkpoint(QStringLiteral("Repo-relative"))));
        QVERIFY(put(root, QStringLiteral("Producer/docs/implementation/CP_PRODUCER_2026-03-14.md"),
            checkpoint(QStringLiteral("Sibling checkout"))));
        QVERIFY(put(
            root, QStringLiteral("Producer/docs/notes/CP_EXTRA.md"), checkpoint(QStringLiteral("Absolute"))));
        QVERIFY(put(root, here + QStringLiteral("CP_NEXT.md"), checkpoint(QStringLiteral("Next to it"))));
        QVERIFY(put(root, here + QStringLiteral("CP_BY_NAME.md"), checkpoint(QStringLiteral("By name"))));
        QVERIFY(put(root, QStringLiteral("Producer/docs/implementation/MIRROR.md"),
            "# Runtime Cutover Decision Record (Producer Mirror)\n\n## Residual Risks\n1. Not an open "
            "item.\n"));
        QVERIFY(
            put(root, here + QStringLiteral("CP_BROKEN.md"), QByteArray("# Checkpoint\n\xff\xfe broken\n")));

        const QString path = root.filePath(here + QStringLiteral("RECORD_2026-03-14.md"));
        const Document record = TestSupport::load(path);
        const auto found = [&root](const QString &relative) {
            return QFileInfo(root.filePath(relative)).canonicalFilePath();
        };
        QCOMPARE(RiskReview::checkpointPaths(record, path),
            (QStringList{found(here + QStringLiteral("CP_2026-03-14.md")),
                found(QStringLiteral("Producer/docs/implementation/CP_PRODUCER_2026-03-14.md")),
                found(QStringLiteral("Producer/docs/notes/CP_EXTRA.md")),
                found(here + QStringLiteral("CP_NEXT.md")), found(here + QStringLiteral("CP_BY_NAME.md"))}));

        QStringList warnings;
        const QList<ReviewItem> items = RiskReview::load(record, path, &warnings);
        QStringList texts;
        for (const ReviewItem &item : items)
            texts.append(item.text);
        QCOMPARE(texts,
            (QStringList{QStringLiteral("Queue drain."), QStringLiteral("Repo-relative"),
                QStringLiteral("Sibling checkout"), QStringLiteral("Absolute"), QStringLiteral("Next to it"),
                QStringLiteral("By name")}));
        QCOMPARE(warnings.size(), 2);
        QVERIFY2(warnings.at(0).contains(QStringLiteral("docs/implementation/CP_MISSING.md")) &&
                warnings.at(0).contains(path),
            qPrintable(warnings.at(0)));
        QVERIFY2(warnings.at(1).contains(QStringLiteral("CP_BROKEN.md")) &&
                warnings.at(1).contains(QStringLiteral("UTF-8")),
            qPrintable(warnings.at(1)));
    }

    // The previous record of the pair is the latest earlier one of the same kind and side in the same
    // folder: not an older one, not a later one, not a checkpoint packet dated between.
    void previousRecordOfThePair()
    {
        const Document record = TestSupport::load(recordPath());
        QCOMPARE(RiskReview::previousRecordPath(record, recordPath()),
            std::optional<QString>(reviewPath(QStringLiteral(
                "AssistSupport/docs/implementation/RUNTIME_CUTOVER_DECISION_RECORD_JANUARY.md"))));
        // The oldest record has none; the later one's previous is the sample record.
        const QString oldest = reviewPath(QStringLiteral(
            "AssistSupport/docs/implementation/RUNTIME_CUTOVER_DECISION_RECORD_2026-01-05.md"));
        QCOMPARE(RiskReview::previousRecordPath(TestSupport::load(oldest), oldest), std::nullopt);
        const QString later = reviewPath(QStringLiteral(
            "AssistSupport/docs/implementation/RUNTIME_CUTOVER_DECISION_RECORD_2026-03-01.md"));
        QCOMPARE(RiskReview::previousRecordPath(TestSupport::load(later), later),
            std::optional<QString>(recordPath()));
        // An undated record has no previous one.
        const Document undated = parse("# Runtime Cutover Decision Record\n\n## Residual Risks\n- Drift\n",
            TestSupport::dataPath(implementation + QStringLiteral("UNDATED.md")));
        QCOMPARE(RiskReview::previousRecordPath(undated, undated.fileName), std::nullopt);

        // Carried over by text, whichever section the previous record listed it in.
        QList<ReviewItem> items = RiskReview::items(record, recordPath(), {});
        RiskReview::markCarriedOver(items,
            parse("# Runtime Cutover Decision Record\n\n## Open Items\n"
                  "- consumer cache warm-up after repin adds up to 90s of elevated p99 latency\n",
                QStringLiteral("old.md")));
        QCOMPARE(items.size(), 3);
        QVERIFY(!items.at(0).carriedOver);
        QVERIFY(items.at(2).carriedOver);
    }

    // Candidates are chosen by name, kind and date before any is read whole: a file whose name says a
    // later date is not read, any other only its head. A changelog that reads like an earlier
    // decision record only far below its head is no candidate.
    void previousRecordChosenBeforeParsing()
    {
        QTemporaryDir dir;
        const QString folder = dir.path() + u'/';
        const QString record = folder + QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_2026-02-08.md");
        const QString older = folder + QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_2026-01-05.md");
        QVERIFY(QFile::copy(recordPath(), record));
        QVERIFY(QFile::copy(
            reviewPath(QStringLiteral(
                "AssistSupport/docs/implementation/RUNTIME_CUTOVER_DECISION_RECORD_2026-01-05.md")),
            older));
        QVERIFY(QFile::copy(
            recordPath(), folder + QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_2026-03-01.md")));
        const QString checkpoint = QStringLiteral("SERVICE_V3_CUTOVER_DECISION_CHECKPOINT_2026-01-25.md");
        QVERIFY(QFile::copy(reviewPath(QStringLiteral("AssistSupport/docs/implementation/") + checkpoint),
            folder + checkpoint));
        // Dated after the older record by its header; a decision record's sections only past its head.
        const QByteArray changelog = "# Changelog\n\nUpdated: 2026-01-20\n\n" +
            QByteArray("- a change of the runtime, described at some length for the release notes\n")
                .repeated(int(RiskReview::headBytes / 70) + 100) +
            "\n## Decision Outcome\n- Outcome: GO\n\n## Ownership (Named Roles)\n- Rollback owner role: "
            "Ann\n";
        QVERIFY(TestSupport::writeBytes(folder + QStringLiteral("CHANGELOG.md"), changelog));
        const Document document = TestSupport::load(record);
        QCOMPARE(RiskReview::previousRecordCandidates(document, record), QStringList{older});
        QCOMPARE(RiskReview::previousRecordPath(document, record), std::optional<QString>(older));
    }

    // The latest entry per key stands, whatever digest it was made on (flagged when another);
    // entries for keys the record no longer has are ignored.
    void evaluateAndSummarize()
    {
        const Document record = TestSupport::load(recordPath());
        const QString digest = CanonicalContent::digest(record.source.text());
        const QList<ReviewItem> items = RiskReview::load(record, recordPath());
        QCOMPARE(items.size(), 6);
        const QList<RiskDecisionEntry> entries{
            decisionOn(items.at(0).key, RiskDecision::NeedsAction, digest, 0),
            decisionOn(items.at(1).key, RiskDecision::Accepted, QStringLiteral("an-earlier-digest"), 1),
            decisionOn(items.at(0).key, RiskDecision::Mitigated, digest, 2),
            decisionOn(
                QStringLiteral("risk:a risk the record no longer lists"), RiskDecision::Accepted, digest, 3),
            decisionOn(items.at(3).key, RiskDecision::NeedsAction, digest, 4),
            decisionOn(items.at(2).key, RiskDecision::Accepted, QStringLiteral("an-earlier-digest"), 5),
            decisionOn(items.at(2).key, RiskDecision::Accepted, digest, 6),
        };
        const QList<ReviewedItem> reviewed = RiskReview::evaluate(items, entries, digest);
        QCOMPARE(reviewed.size(), 6);
        QCOMPARE(reviewed.at(0).latest->decision, RiskDecision::Mitigated);
        QCOMPARE(reviewed.at(0).latest->time.time().minute(), 2);
        QVERIFY(!reviewed.at(0).decidedOnEarlierVersion);
        QCOMPARE(reviewed.at(1).latest->decision, RiskDecision::Accepted);
        QVERIFY(reviewed.at(1).decidedOnEarlierVersion);
        QVERIFY(!reviewed.at(2).decidedOnEarlierVersion); // decided again on this version
        QCOMPARE(reviewed.at(3).latest->owner, QStringLiteral("Dana Levi"));
        QCOMPARE(reviewed.at(4).latest, std::nullopt);
        QCOMPARE(reviewed.at(5).latest, std::nullopt);

        const RiskSummary summary = RiskReview::summarize(reviewed);
        QCOMPARE(summary, (RiskSummary{2, 1, 1, 2, 2}));
        QCOMPARE(summary.total(), 6);
        QCOMPARE(RiskReview::summaryText(reviewed),
            QStringLiteral(
                "6 items: 2 accepted, 1 mitigated, 1 needs action, 2 open; 2 carried over from the "
                "previous record; 1 decided on an earlier version of the record."));
        QCOMPARE(RiskReview::summarize({}), RiskSummary{});
    }

    void checkRefusals_data()
    {
        QTest::addColumn<int>("what");
        QTest::addColumn<QString>("owner");
        QTest::addColumn<QDate>("due");
        QTest::addColumn<QString>("recordedBy");
        QTest::addColumn<QString>("refusal"); // empty: allowed
        const QDate due(2026, 3, 1);
        const int needsAction = int(RiskDecision::NeedsAction);
        QTest::newRow("needs-action with owner and due")
            << needsAction << QStringLiteral("Dana") << due << QStringLiteral("Ana") << QString();
        QTest::newRow("needs-action without owner")
            << needsAction << QStringLiteral("  ") << due << QStringLiteral("Ana")
            << QStringLiteral("needs an owner:");
        QTest::newRow("needs-action without due")
            << needsAction << QStringLiteral("Dana") << QDate() << QStringLiteral("Ana")
            << QStringLiteral("needs a due date:");
        QTest::newRow("needs-action without either")
            << needsAction << QString() << QDate() << QStringLiteral("Ana")
            << QStringLiteral("needs an owner and a due date: who will act on \"Queue drain\", and by when");
        QTest::newRow("accepted without owner or due")
            << int(RiskDecision::Accepted) << QString() << QDate() << QStringLiteral("Ana") << QString();
        QTest::newRow("mitigated with an owner") << int(RiskDecision::Mitigated) << QStringLiteral("Dana")
                                                 << QDate() << QStringLiteral("Ana") << QString();
        QTest::newRow("nobody recorded it")
            << int(RiskDecision::Accepted) << QString() << QDate() << QStringLiteral(" ")
            << QStringLiteral("name of the person recording");
    }

    void checkRefusals()
    {
        QFETCH(int, what);
        QFETCH(QString, owner);
        QFETCH(QDate, due);
        QFETCH(QString, recordedBy);
        QFETCH(QString, refusal);
        RiskDecisionEntry entry =
            decisionOn(QStringLiteral("risk:queue drain"), RiskDecision(what), QStringLiteral("d"), 0);
        entry.itemText = QStringLiteral("Queue drain");
        entry.owner = owner;
        entry.due = due;
        entry.recordedBy = recordedBy;
        const std::optional<Error> refused = RiskReview::check(entry);
        if (refusal.isEmpty()) {
            QCOMPARE(refused, std::nullopt);
            return;
        }
        QVERIFY(refused);
        QCOMPARE(refused->code, Error::Code::Refused);
        QCOMPARE(refused->file, entry.recordPath);
        QVERIFY2(refused->message.contains(refusal), qPrintable(refused->message));
    }

    // now() binds the decision to the record as it is: its identity and canonical digest.
    void nowBindsTheRecord()
    {
        const Document record = TestSupport::load(recordPath());
        const QList<ReviewItem> items = RiskReview::items(record, recordPath(), {});
        const QDateTime before = QDateTime::currentDateTimeUtc();
        const RiskDecisionEntry entry = RiskDecisionEntry::now(record, items.at(1).key, items.at(1).text,
            RiskDecision::NeedsAction, QStringLiteral("  Dana   Levi "), QDate(2026, 2, 20),
            QStringLiteral(" page the owner \n"), QStringLiteral(" Ana  Ruiz"));
        QCOMPARE(entry.recordPath, RecordIdentity::legacyOf(recordPath()));
        QCOMPARE(entry.recordDigest, CanonicalContent::digest(record.source.text()));
        QCOMPARE(entry.itemKey, items.at(1).key);
        QCOMPARE(entry.itemText, items.at(1).text);
        QCOMPARE(entry.owner, QStringLiteral("Dana Levi"));
        QCOMPARE(entry.note, QStringLiteral("page the owner"));
        QCOMPARE(entry.recordedBy, QStringLiteral("Ana Ruiz"));
        QCOMPARE(entry.dueText(), QStringLiteral("2026-02-20"));
        QVERIFY(entry.time >= before.addMSecs(-1) && entry.time <= QDateTime::currentDateTimeUtc());
        QVERIFY(entry.timeText().endsWith(u'Z'));
        QCOMPARE(entry.id, 0);
        QVERIFY(entry.hash.isEmpty());
    }

    // Changing any one field, or the link to the decision before, changes the hash.
    void hashCoversEveryField_data()
    {
        QTest::addColumn<int>("field");
        for (qsizetype i = 0; i < fieldChanges().size(); ++i)
            QTest::newRow(fieldChanges().at(i).first) << int(i);
    }

    void hashCoversEveryField()
    {
        QFETCH(int, field);
        RiskDecisionEntry entry = decisionOn(
            QStringLiteral("risk:queue drain"), RiskDecision::NeedsAction, QStringLiteral("d1"), 5);
        entry.id = 4;
        entry.note = QStringLiteral("ab");
        entry.osUser = QStringLiteral("ana");
        entry.host = QStringLiteral("laptop");
        entry.previousHash = QStringLiteral("0f0f");
        const QString hash = entry.computeHash();
        QCOMPARE(entry.computeHash(), hash); // deterministic
        fieldChanges().at(field).second(entry);
        QVERIFY(entry.computeHash() != hash);
    }

    void decisionNames()
    {
        for (const RiskDecision decision :
            {RiskDecision::Accepted, RiskDecision::Mitigated, RiskDecision::NeedsAction})
            QCOMPARE(riskDecisionFromName(riskDecisionName(decision)), std::optional<RiskDecision>(decision));
        QCOMPARE(riskDecisionName(RiskDecision::NeedsAction), QStringLiteral("needs-action"));
        QCOMPARE(riskDecisionLabel(RiskDecision::NeedsAction), QStringLiteral("Needs action"));
        QCOMPARE(riskDecisionFromName(u"Accepted"), std::nullopt);
        QCOMPARE(riskDecisionFromName(u"needs action"), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestRiskReview)
#include "tst_riskreview.moc"
