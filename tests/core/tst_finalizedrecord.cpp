// FinalizedRecord: the exported record of the sample with every role approved (a golden file, fixed
// clock), refusal while roles are open, the NOT FINAL banner, table cells that no name can break,
// and verification: one changed character fails it, and rows are checked against the ledger.
#include "canonicalcontent.h"
#include "finalizedrecord.h"
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
        QVERIFY(verified->final);
        QCOMPARE(verified->rows.size(), 5);
        QCOMPARE(verified->footerDigest, status.digest);
        // The exported file has the digest of the record it came from.
        QCOMPARE(verified->contentDigest, status.digest);
    }

    // Changing one character anywhere in the content, or a digest in the table, fails verification.
    void oneChangedCharacterIsFound_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("problem");
        QTest::newRow("commit") << QStringLiteral("3f9c2a7d") << QStringLiteral("3f9c2a7e")
                                << QStringLiteral("changed after export");
        QTest::newRow("outcome") << QStringLiteral("execution: **GO**") << QStringLiteral("execution: **G0**")
                                 << QStringLiteral("changed after export");
        QTest::newRow("footer") << QStringLiteral("canonical content): `b")
                                << QStringLiteral("canonical content): `c")
                                << QStringLiteral("the footer says c");
    }

    void oneChangedCharacterIsFound()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, problem);
        const Document record = sample();
        QString text = QString::fromUtf8(FinalizedRecord::build(
            record, SignOffRules::evaluate(record, approvals(record, signers)), exportedAt)
                                             .value());
        QVERIFY(text.contains(from));
        text.replace(text.indexOf(from), from.size(), to);
        const Result<FinalizedRecord::Verification> verified = FinalizedRecord::verify(text);
        QVERIFY(verified);
        QVERIFY(!verified->isValid());
        QVERIFY2(
            verified->problems.join(u'\n').contains(problem), qPrintable(verified->problems.join(u'\n')));
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
        QVERIFY(!verified->final);
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
