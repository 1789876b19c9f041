// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// FinalizedRecord: the exported record of the sample with every role approved (golden files, fixed
// clock: without and with a residual risk review), refusal while roles are open, the NOT FINAL
// banner, table cells that no name can break, and verification: one changed character fails it, an
// edited review row fails it, and rows and review decisions are checked against the ledger.
#include "export/finalizedrecord.h"
#include "record/canonicalcontent.h"
#include "record/markdownparser.h"
#include "testsupport.h"

#include <QTest>
#include <QTimeZone>

using namespace Countersign;

namespace {

const QDateTime signedAt(QDate(2026, 3, 14), QTime(9, 30), QTimeZone::UTC);
const QDateTime exportedAt(QDate(2026, 3, 14), QTime(10, 0), QTimeZone::UTC);

Document sample()
{
    return TestSupport::load(TestSupport::dataPath(QStringLiteral("input/decision-record.md")));
}

// Approvals of every role of `record` by the given signers, a minute apart.
QList<SignOffEntry> approvals(const Document &record, const QStringList &signers)
{
    const SignOffStatus status = SignOffRules::evaluate(record, {});
    QList<SignOffEntry> entries;
    for (int i = 0; i < status.roles.size(); ++i) {
        SignOffEntry entry;
        entry.id = i + 1;
        entry.recordPath = record.fileName;
        entry.recordKind = kindName(record.kind);
        entry.role = status.roles.at(i).role;
        entry.signer = signers.value(i, QStringLiteral("Signer %1").arg(i + 1));
        entry.time = signedAt.addSecs(60 * i);
        entry.digest = status.digest;
        entries.append(entry);
    }
    return entries;
}

const QStringList signers{QStringLiteral("Ana Ruiz"), QStringLiteral("Ben Okafor"),
    QStringLiteral("Chen Wei"), QStringLiteral("Dana Levi"), QStringLiteral("Eli Novak")};

// The review of the sample: its two risks (the first carried over from a previous record) and the two
// open items of its consumer checkpoint. Decided: the first risk accepted (a note with a "|"), the
// second mitigated on an earlier version, the first open item needs action; the last one is open.
struct Review
{
    QList<ReviewedItem> reviewed;
    QList<RiskDecisionEntry> decisions;
};

Review sampleReview(const Document &record)
{
    const Document checkpoint =
        TestSupport::load(TestSupport::dataPath(QStringLiteral("input/checkpoint-consumer.md")));
    QList<ReviewItem> items = RiskReview::items(record, record.fileName, {checkpoint});
    const Result<SourceText> previous =
        SourceText::fromUtf8("# Runtime Cutover Decision Record\n\n## Residual Risks\n"
                             "3. Queue drain after repin may delay ticket sync by up to 2 minutes\n");
    RiskReview::markCarriedOver(
        items, MarkdownParser::parse(previous.value(), QStringLiteral("previous.md")));
    const QString digest = CanonicalContent::digest(record.source.text());
    const auto decide = [&](int item, RiskDecision decision, const QString &owner, const QDate &due,
                            const QString &note, const QString &onDigest) {
        RiskDecisionEntry entry;
        entry.recordPath = record.fileName;
        entry.recordDigest = onDigest;
        entry.itemKey = items.at(item).key;
        entry.itemText = items.at(item).text;
        entry.decision = decision;
        entry.owner = owner;
        entry.due = due;
        entry.note = note;
        entry.recordedBy = QStringLiteral("Eli Novak");
        entry.time = signedAt.addSecs(-3600 + 60 * item);
        return entry;
    };
    Review review;
    review.decisions = {
        decide(0, RiskDecision::Accepted, {}, {}, QStringLiteral("drain measured at 40 s | within budget"),
            digest),
        decide(1, RiskDecision::Mitigated, {}, {}, QStringLiteral("two-week notice agreed"),
            QStringLiteral("an-earlier-digest")),
        decide(2, RiskDecision::NeedsAction, QStringLiteral("Dana Levi"), QDate(2026, 3, 21),
            QStringLiteral("repeat the drain test at 2x peak"), digest),
    };
    review.reviewed = RiskReview::evaluate(items, review.decisions, digest);
    return review;
}

QString exportedWithReview(const Document &record, const Review &review)
{
    return QString::fromUtf8(FinalizedRecord::build(record,
        SignOffRules::evaluate(record, approvals(record, signers)), exportedAt, false, review.reviewed)
            .value());
}

} // namespace

class TestFinalizedRecord : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void allApprovedMatchesTheGoldenFile()
    {
        const Document record = sample();
        const SignOffStatus status = SignOffRules::evaluate(record, approvals(record, signers));
        QVERIFY(status.isFinal());
        const Result<QByteArray> exported = FinalizedRecord::build(record, status, exportedAt);
        QVERIFY(exported);
        const QString reference =
            TestSupport::dataPath(QStringLiteral("reference/export/decision-record-final.md"));
        if (qEnvironmentVariableIsSet("COUNTERSIGN_UPDATE_REFERENCES"))
            QVERIFY(TestSupport::writeBytes(reference, exported.value()));
        QCOMPARE(QString::fromUtf8(exported.value()), QString::fromUtf8(TestSupport::readBytes(reference)));

        const Result<FinalizedRecord::Verification> verified =
            FinalizedRecord::verify(QString::fromUtf8(exported.value()));
        QVERIFY(verified);
        QVERIFY(verified->isValid());
        QVERIFY2(verified->isFinal(), qPrintable(verified->notFinal.join(u'\n')));
        QVERIFY(verified->exportedFinal);
        QCOMPARE(verified->rows.size(), 5);
        QCOMPARE(verified->footerDigest, status.digest);
        // The exported file has the digest of the record it came from.
        QCOMPARE(verified->contentDigest, status.digest);
        // Without review items there is no review section, and no review digest.
        QVERIFY(!verified->hasReview);
        QVERIFY(!exported->contains("Residual Risk Review"));
        QVERIFY(!exported->contains("Review digest"));
    }

    void withReviewMatchesTheGoldenFile()
    {
        const Document record = sample();
        const Review review = sampleReview(record);
        QCOMPARE(review.reviewed.size(), 4);
        const QString exported = exportedWithReview(record, review);
        const QString reference =
            TestSupport::dataPath(QStringLiteral("reference/export/decision-record-reviewed.md"));
        if (qEnvironmentVariableIsSet("COUNTERSIGN_UPDATE_REFERENCES"))
            QVERIFY(TestSupport::writeBytes(reference, exported.toUtf8()));
        QCOMPARE(exported, QString::fromUtf8(TestSupport::readBytes(reference)));

        Result<FinalizedRecord::Verification> verified = FinalizedRecord::verify(exported);
        QVERIFY(verified);
        QVERIFY2(verified->isValid(), qPrintable(verified->problems.join(u'\n')));
        // The review is inside the sign-off block: the digest is still the signed record's.
        QCOMPARE(verified->contentDigest, CanonicalContent::digest(record.source.text()));
        QCOMPARE(verified->rows.size(), 5);
        QVERIFY(verified->hasReview);
        QCOMPARE(verified->review.size(), 4);
        QCOMPARE(verified->reviewDigest, verified->footerReviewDigest);
        const FinalizedRecord::ReviewRow &first = verified->review.first();
        QCOMPARE(first.risk,
            QStringLiteral(
                "Queue drain after repin may delay ticket sync by up to 2 minutes. *(carried over)*"));
        QCOMPARE(first.note, QStringLiteral("drain measured at 40 s \\| within budget"));
        QCOMPARE(verified->review.at(1).decision, QStringLiteral("mitigated (on an earlier version)"));
        QCOMPARE(verified->review.at(2).risk,
            QStringLiteral(
                "Queue drain after repin (tracked, non-blocking). *(open item: checkpoint-consumer.md)*"));
        QCOMPARE(verified->review.at(3).decision, QStringLiteral("open"));
        QCOMPARE(FinalizedRecord::reviewRiskText(verified->review.at(2).risk),
            QStringLiteral("Queue drain after repin (tracked, non-blocking)."));

        // Every decided row is a decision of the ledger; one the ledger says otherwise is named.
        FinalizedRecord::checkReviewAgainstLedger(verified.value(), review.decisions);
        QVERIFY2(verified->isValid(), qPrintable(verified->problems.join(u'\n')));
        QList<RiskDecisionEntry> changed = review.decisions;
        changed[2].owner = QStringLiteral("Someone Else");
        verified = FinalizedRecord::verify(exported);
        FinalizedRecord::checkReviewAgainstLedger(verified.value(), changed);
        QCOMPARE(verified->problems,
            QStringList{QStringLiteral("the review's decision \"needs-action\" on \"Queue drain after repin "
                                       "(tracked, non-blocking).\" is not in the ledger")});
    }

    // A record with a section of its own named like the export's review: that section is content; the
    // review read back is the export's, or none.
    void aRecordsOwnReviewSectionIsContent()
    {
        QByteArray bytes =
            TestSupport::readBytes(TestSupport::dataPath(QStringLiteral("input/decision-record.md")));
        bytes +=
            "\n## Residual Risk Review\n\n| Risk | Decision | Owner | Due | Note |\n|---|---|---|---|---|\n"
            "| Written by hand | accepted | — | — | — |\n";
        const Document record =
            MarkdownParser::parse(SourceText::fromUtf8(bytes).value(), QStringLiteral("own.md"));
        const SignOffStatus status = SignOffRules::evaluate(record, approvals(record, signers));
        const QString plain = QString::fromUtf8(FinalizedRecord::build(record, status, exportedAt).value());
        Result<FinalizedRecord::Verification> verified = FinalizedRecord::verify(plain);
        QVERIFY2(verified->isValid(), qPrintable(verified->problems.join(u'\n')));
        QVERIFY(!verified->hasReview);
        const QString reviewed = QString::fromUtf8(
            FinalizedRecord::build(record, status, exportedAt, false, sampleReview(record).reviewed).value());
        verified = FinalizedRecord::verify(reviewed);
        QVERIFY2(verified->isValid(), qPrintable(verified->problems.join(u'\n')));
        QCOMPARE(verified->review.size(), 4);
        QVERIFY(!verified->review.first().risk.contains(QStringLiteral("Written by hand")));
    }

    // Changing one character anywhere in the content, or a digest in the table, fails verification;
    // so does an edited review row, a removed one, an edited summary or review digest, while the
    // content digest still holds.
    void oneChangedCharacterIsFound_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("problem");
        QTest::addColumn<bool>("review"); // exported with the sample's review, which the edit is in
        QTest::newRow("commit") << QStringLiteral("3f9c2a7d") << QStringLiteral("3f9c2a7e")
                                << QStringLiteral("changed after export") << false;
        QTest::newRow("outcome") << QStringLiteral("execution: **GO**") << QStringLiteral("execution: **G0**")
                                 << QStringLiteral("changed after export") << false;
        QTest::newRow("footer") << QStringLiteral("canonical content): `b")
                                << QStringLiteral("canonical content): `c")
                                << QStringLiteral("the footer says c") << false;
        QTest::newRow("decision") << QStringLiteral("| needs-action | Dana Levi |")
                                  << QStringLiteral("| accepted | Dana Levi |")
                                  << QStringLiteral("the Residual Risk Review was changed after export")
                                  << true;
        QTest::newRow("due date") << QStringLiteral("| 2026-03-21 |") << QStringLiteral("| 2026-04-21 |")
                                  << QStringLiteral("the Residual Risk Review was changed after export")
                                  << true;
        QTest::newRow("row removed")
            << QStringLiteral("| Schema lead-time policy needs an owner on the producer side. *(open item: "
                              "checkpoint-consumer.md)* | open | — | — | — |\n")
            << QString() << QStringLiteral("the Residual Risk Review was changed after export") << true;
        QTest::newRow("review digest")
            << QStringLiteral("review's rows and summary): `")
            << QStringLiteral("review's rows and summary): `f00d")
            << QStringLiteral("the Residual Risk Review was changed after export") << true;
        QTest::newRow("review digest removed")
            << QStringLiteral("Review digest (SHA-256 of the review's rows and summary): `")
            << QStringLiteral("Nothing to see here: `")
            << QStringLiteral("the footer's review digest is missing") << true;
        QTest::newRow("review section removed")
            << QStringLiteral("## Residual Risk Review") << QStringLiteral("## Some notes")
            << QStringLiteral(
                   "the footer has a review digest, but the Residual Risk Review section is missing")
            << true;
        QTest::newRow("summary") << QStringLiteral("1 needs action, 1 open")
                                 << QStringLiteral("0 needs action, 2 open")
                                 << QStringLiteral("the Residual Risk Review was changed after export")
                                 << true;
        QTest::newRow("a cell too many")
            << QStringLiteral("| open | — | — | — |") << QStringLiteral("| open | — | — | — | — |")
            << QStringLiteral("a review row with 6 cells instead of 5") << true;
    }

    void oneChangedCharacterIsFound()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, problem);
        QFETCH(bool, review);
        const Document record = sample();
        QString text = exportedWithReview(record, review ? sampleReview(record) : Review{});
        QVERIFY2(text.contains(from), qPrintable(from));
        text.replace(text.indexOf(from), from.size(), to);
        const Result<FinalizedRecord::Verification> verified = FinalizedRecord::verify(text);
        QVERIFY(verified);
        QVERIFY(!verified->isValid());
        QVERIFY2(
            verified->problems.join(u'\n').contains(problem), qPrintable(verified->problems.join(u'\n')));
        QCOMPARE(verified->contentDigest == verified->footerDigest, review);
    }

    void openSignOffsAreRefusedOrBannered()
    {
        const Document record = sample();
        QList<SignOffEntry> entries = approvals(record, signers);
        entries.removeLast();
        const SignOffStatus status = SignOffRules::evaluate(record, entries);
        const Result<QByteArray> refused = FinalizedRecord::build(record, status, exportedAt);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, Error::Code::Refused);
        QVERIFY(refused.error().message.contains(QStringLiteral("Joint decision log owner role (pending)")));

        const Result<QByteArray> open = FinalizedRecord::build(record, status, exportedAt, true);
        QVERIFY(open);
        const QString text = QString::fromUtf8(open.value());
        QVERIFY(text.startsWith(CanonicalContent::signOffBeginMarker.toString() +
            QStringLiteral("\n> **NOT FINAL: open sign-offs** — Joint decision log owner role (pending)\n")));
        const Result<FinalizedRecord::Verification> verified = FinalizedRecord::verify(text);
        QVERIFY(verified->isValid());
        QVERIFY(!verified->exportedFinal);
        // Final or not is derived from the rows, not from the banner.
        QVERIFY(!verified->isFinal());
        QVERIFY(verified->notFinal.join(u'\n').contains(
            QStringLiteral("Joint decision log owner role has no counting approval")));
        QCOMPARE(verified->rows.last().signer, QStringLiteral("—"));
    }

    // A "|" or a line break in a name cannot break the table, and the row still matches the ledger.
    void cellsCannotBreakTheTable()
    {
        const Document record = sample();
        QList<SignOffEntry> entries = approvals(record,
            {QStringLiteral("Ana | Ruiz"), QStringLiteral("Ben\nOkafor"), QStringLiteral("C\\W"),
                QStringLiteral("Dana"), QStringLiteral("Eli")});
        const QString text = QString::fromUtf8(
            FinalizedRecord::build(record, SignOffRules::evaluate(record, entries), exportedAt).value());
        QVERIFY(text.contains(QStringLiteral("| Ana \\| Ruiz |")));
        QVERIFY(text.contains(QStringLiteral("| Ben Okafor |")));
        Result<FinalizedRecord::Verification> verified = FinalizedRecord::verify(text);
        QCOMPARE(verified->rows.size(), 5);
        QVERIFY(verified->isValid());
        FinalizedRecord::checkAgainstLedger(verified.value(), entries);
        QVERIFY2(verified->isValid(), qPrintable(verified->problems.join(u'\n')));

        // A row that is not in the ledger (the signer's name edited in the table) is named.
        entries[3].signer = QStringLiteral("Someone Else");
        verified = FinalizedRecord::verify(text);
        FinalizedRecord::checkAgainstLedger(verified.value(), entries);
        QCOMPARE(verified->problems.size(), 1);
        QVERIFY(verified->problems.first().contains(QStringLiteral("by Dana")));
    }

    // From a shared ledger, each row names the server user of its entry beside the signer (a column a
    // file ledger's export does not have); no signature covers it, the ledger's entry does.
    void serverUsersAreNamedBesideTheSigner()
    {
        const Document record = sample();
        QList<SignOffEntry> entries = approvals(record, signers);
        const QStringList serverUsers{QStringLiteral("tessera_app"), QStringLiteral("harbor_app"),
            QStringLiteral("tessera_app"), QStringLiteral("harbor|app"), QString()};
        for (qsizetype i = 0; i < entries.size(); ++i)
            entries[i].serverUser = serverUsers.at(i);
        const QString text = QString::fromUtf8(
            FinalizedRecord::build(record, SignOffRules::evaluate(record, entries), exportedAt).value());
        QVERIFY2(text.contains(QStringLiteral(
                     "| Role | Holder | Signer | Server user | Decision | Time (UTC) | Digest | Signature |\n"
                     "|---|---|---|---|---|---|---|---|\n")),
            qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("| Ben Okafor | harbor_app | approve |")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("| Dana Levi | harbor\\|app | approve |")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("| Eli Novak | — | approve |")), qPrintable(text));

        Result<FinalizedRecord::Verification> verified = FinalizedRecord::verify(text);
        QVERIFY(verified);
        QVERIFY2(verified->isValid(), qPrintable(verified->problems.join(u'\n')));
        QVERIFY2(verified->isFinal(), qPrintable(verified->notFinal.join(u'\n')));
        QCOMPARE(verified->rows.size(), 5);
        QCOMPARE(verified->rows.at(1).signer, QStringLiteral("Ben Okafor"));
        QCOMPARE(verified->rows.at(1).serverUser, QStringLiteral("harbor_app"));
        QCOMPARE(verified->rows.at(1).decision, QStringLiteral("approve"));
        QCOMPARE(verified->rows.at(4).serverUser, QStringLiteral("—"));
        QVERIFY(verified->notes.join(u'\n').contains(QStringLiteral("Server user column")));
        FinalizedRecord::checkAgainstLedger(verified.value(), entries);
        QVERIFY2(verified->isValid(), qPrintable(verified->problems.join(u'\n')));

        // Another team's login claimed for Ben's sign-off, and one claimed for Eli's, which has none:
        // the file alone still verifies (no signature covers the column), the ledger names both.
        QString forged = text;
        forged.replace(
            QStringLiteral("| Ben Okafor | harbor_app |"), QStringLiteral("| Ben Okafor | tessera_app |"));
        forged.replace(QStringLiteral("| Eli Novak | — |"), QStringLiteral("| Eli Novak | tessera_app |"));
        verified = FinalizedRecord::verify(forged);
        QVERIFY(verified->isValid());
        FinalizedRecord::checkAgainstLedger(verified.value(), entries);
        QCOMPARE(verified->problems,
            QStringList({QStringLiteral("the sign-off of \"%1\" by Ben Okafor names the server user "
                                        "\"tessera_app\", the ledger's entry \"harbor_app\"")
                             .arg(entries.at(1).role),
                QStringLiteral("the sign-off of \"%1\" by Eli Novak names the server user \"tessera_app\", "
                               "the ledger's entry \"—\"")
                    .arg(entries.at(4).role)}));

        // A file ledger's export has no such column, and its rows claim no server user.
        entries = approvals(record, signers);
        verified = FinalizedRecord::verify(QString::fromUtf8(
            FinalizedRecord::build(record, SignOffRules::evaluate(record, entries), exportedAt).value()));
        QVERIFY(!verified->rows.first().serverUser);
        QVERIFY(!verified->notes.join(u'\n').contains(QStringLiteral("Server user")));
    }

    // An export made before signatures (six columns, no Signature) still reads, row by row.
    void anEarlierExportsTableStillReads()
    {
        const Document record = sample();
        const QList<SignOffEntry> entries = approvals(record, signers);
        QString text = QString::fromUtf8(
            FinalizedRecord::build(record, SignOffRules::evaluate(record, entries), exportedAt).value());
        // Drop the Signature column of the Sign-off table's header, separator and rows.
        QStringList lines = text.split(u'\n');
        for (qsizetype i = lines.indexOf(QStringLiteral("## Sign-off")); i < lines.size(); ++i) {
            if (lines.at(i).startsWith(u'|'))
                lines[i] = lines.at(i).left(lines.at(i).lastIndexOf(u'|', lines.at(i).size() - 2) + 1);
        }
        text = lines.join(u'\n');
        QVERIFY2(
            text.contains(QStringLiteral("| Role | Holder | Signer | Decision | Time (UTC) | Digest |\n")),
            qPrintable(text));
        Result<FinalizedRecord::Verification> verified = FinalizedRecord::verify(text);
        QVERIFY2(verified->isValid(), qPrintable(verified->problems.join(u'\n')));
        QCOMPARE(verified->rows.size(), 5);
        QCOMPARE(verified->rows.at(2).signer, QStringLiteral("Chen Wei"));
        QCOMPARE(verified->rows.at(2).digest, entries.at(2).digest.left(12));
        QCOMPARE(verified->rows.at(2).signature, QString());
        FinalizedRecord::checkAgainstLedger(verified.value(), entries);
        QVERIFY2(verified->isValid(), qPrintable(verified->problems.join(u'\n')));
    }

    void withoutSignOffSectionIsAnError()
    {
        const Result<FinalizedRecord::Verification> verified =
            FinalizedRecord::verify(QStringLiteral("# Just a record\n"), QStringLiteral("plain.md"));
        QVERIFY(!verified);
        QCOMPARE(verified.error().file, QStringLiteral("plain.md"));
        QVERIFY(verified.error().message.contains(QStringLiteral("no Sign-off section")));
    }
};

QTEST_GUILESS_MAIN(TestFinalizedRecord)
#include "tst_finalizedrecord.moc"
