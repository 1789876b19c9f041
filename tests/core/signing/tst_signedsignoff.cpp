// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// The signed sign-off in the core: the statement's text and its parse, what an entry's signature is
// worth (RecordTrust::assess) for each reason it may not count, the ledger refusing signed entries
// that do not hold or were signed on another head, and the recorder signing again when the head
// moved while it signed. Keys are throwaway Ed25519 keys made by ssh-keygen.
#include "ledger/signoffrules.h"
#include "ledger/sqliteledgerstore.h"
#include "record/markdownparser.h"
#include "signing/recordtrust.h"
#include "signing/signoffrecorder.h"
#include "signing/signoffstatement.h"
#include "signingsupport.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Countersign;

namespace {

const QString role = QStringLiteral("Tessera incident commander role");
const QString holder = QStringLiteral("Tessera Runtime On-Call Lead");

Document record()
{
    return TestSupport::load(TestSupport::dataPath(QStringLiteral("input/decision-record.md")));
}

// An entry of `record` signed by `key` as its principal in `nameSpace`, on the empty ledger's head.
SignOffEntry signedEntry(const Document &document, const TestSupport::TestKey &key,
    const QString &nameSpace = SignOffStatement::nameSpace.toString(), const QString &previous = {})
{
    SignOffEntry entry = SignOffEntry::now(document, QStringLiteral("repo:docs/record.md"), role,
        QStringLiteral("Ana Ruiz"), SignOffDecision::Approve);
    entry.principal = key.principal;
    entry.previousHash = previous;
    entry.statement = SignOffStatement::text(entry, holder);
    entry.signature = QString::fromUtf8(TestSupport::sshSign(key, entry.statement.toUtf8(), nameSpace));
    return entry;
}

} // namespace

class TestSignedSignOff : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    TestSupport::TestKey m_ana;
    TestSupport::TestKey m_stranger;

    RecordTrust trustWith(const QString &options = {}, const QString &policy = {})
    {
        const QString repo = m_dir.filePath(QStringLiteral("repo-%1").arg(qHash(options + policy)));
        TestSupport::writeTrustFolder(repo, {m_ana}, {role}, {options}, policy);
        RecordTrust trust;
        trust.identity = QStringLiteral("repo:docs/record.md");
        trust.folder = TrustFolder::load(repo + QStringLiteral("/.countersign")).value();
        return trust;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_ana =
            TestSupport::makeKey(m_dir.path(), QStringLiteral("ana"), QStringLiteral("ana@tessera.example"));
        m_stranger =
            TestSupport::makeKey(m_dir.path(), QStringLiteral("x"), QStringLiteral("x@elsewhere.example"));
    }

    void statementRoundTrip()
    {
        SignOffEntry entry = SignOffEntry::now(record(), QStringLiteral("repo:docs/record.md"), role,
            QStringLiteral("Ana Ruiz"), SignOffDecision::Reject, QStringLiteral("line one\rline \\two\nend"));
        entry.principal = QStringLiteral("ana@tessera.example");
        entry.previousHash = QStringLiteral("ab12");
        const QString text = SignOffStatement::text(entry, holder);
        QVERIFY(text.startsWith(
            QStringLiteral("Countersign sign-off statement v1\nrecord: repo:docs/record.md\n")));
        QVERIFY(text.contains(QStringLiteral("comment: line one\\rline \\\\two\\nend\n")));
        QCOMPARE(text.count(u'\n'), 12);
        const Result<SignOffStatement::Fields> fields = SignOffStatement::parse(text);
        QVERIFY(fields);
        QCOMPARE(fields->comment, entry.comment);
        QCOMPARE(fields->holder, holder);
        QCOMPARE(fields->previous, QStringLiteral("ab12"));
        QVERIFY(!SignOffStatement::mismatch(fields.value(), entry));
        entry.role = QStringLiteral("Harbor incident commander role");
        QVERIFY(SignOffStatement::mismatch(fields.value(), entry)->contains(QStringLiteral("role")));
    }

    void brokenStatementsAreRefused_data()
    {
        QTest::addColumn<QString>("text");
        const QString good = SignOffStatement::text(SignOffEntry::now(record(), QStringLiteral("r"), role,
                                                        QStringLiteral("Ana"), SignOffDecision::Approve),
            holder);
        QTest::newRow("no final line break") << good.chopped(1);
        QTest::newRow("another version") << QString(good).replace(QStringLiteral("v1"), QStringLiteral("v2"));
        QTest::newRow("a field missing")
            << QString(good).remove(QRegularExpression(QStringLiteral("kind: [^\n]*\n")));
        QTest::newRow("fields swapped")
            << QString(good).replace(QStringLiteral("record: "), QStringLiteral("kind: "));
        QTest::newRow("a broken escape")
            << QString(good).replace(QStringLiteral("comment: "), QStringLiteral("comment: \\x"));
        QTest::newRow("an extra line") << good + QStringLiteral("extra: 1\n");
        QTest::newRow("empty") << QString();
    }
    void brokenStatementsAreRefused()
    {
        QFETCH(QString, text);
        const Result<SignOffStatement::Fields> fields = SignOffStatement::parse(text);
        QVERIFY(!fields);
        QVERIFY(fields.error().message.startsWith(QStringLiteral("is not a Countersign sign-off statement")));
    }

    void standings_data()
    {
        QTest::addColumn<QString>("options");
        QTest::addColumn<QString>("nameSpace");
        QTest::addColumn<bool>("stranger");
        QTest::addColumn<bool>("tamper");
        QTest::addColumn<bool>("counts");
        QTest::addColumn<QString>("reason");
        const QString ns = SignOffStatement::nameSpace.toString();
        QTest::newRow("valid") << QString() << ns << false << false << true << QString();
        QTest::newRow("wrong namespace")
            << QString() << QStringLiteral("git") << false << false << false << QStringLiteral("namespace");
        QTest::newRow("unknown key") << QString() << ns << true << false << false
                                     << QStringLiteral("unknown key");
        QTest::newRow("expired key") << QStringLiteral("valid-before=\"20200101Z\"") << ns << false << false
                                     << false << QStringLiteral("expired");
        QTest::newRow("namespace not allowed for the key")
            << QStringLiteral("namespaces=\"git\"") << ns << false << false << false
            << QStringLiteral("namespace");
        QTest::newRow("statement changed after signing")
            << QString() << ns << false << true << false << QStringLiteral("bad signature");
    }
    void standings()
    {
        QFETCH(QString, options);
        QFETCH(QString, nameSpace);
        QFETCH(bool, stranger);
        QFETCH(bool, tamper);
        QFETCH(bool, counts);
        QFETCH(QString, reason);
        SignOffEntry entry = signedEntry(record(), stranger ? m_stranger : m_ana, nameSpace);
        if (stranger) {
            // Claims to be Ana, signed by another key.
            entry.principal = m_ana.principal;
            entry.statement = SignOffStatement::text(entry, holder);
            entry.signature =
                QString::fromUtf8(TestSupport::sshSign(m_stranger, entry.statement.toUtf8(), nameSpace));
        }
        if (tamper) {
            entry.comment = QStringLiteral("changed");
            entry.statement = SignOffStatement::text(entry, holder);
        }
        const EntryStanding standing = trustWith(options).assess(entry, holder);
        QCOMPARE(standing.counts, counts);
        QCOMPARE(standing.standing, counts ? SignatureStanding::Valid : SignatureStanding::Invalid);
        QVERIFY2(standing.reason.contains(reason), qPrintable(standing.reason));
    }

    void principalNotAllowedForTheRole()
    {
        SignOffEntry entry = signedEntry(record(), m_ana);
        entry.role = QStringLiteral("Harbor incident commander role");
        entry.statement = SignOffStatement::text(entry, QStringLiteral("Harbor Platform On-Call Lead"));
        entry.signature = QString::fromUtf8(
            TestSupport::sshSign(m_ana, entry.statement.toUtf8(), SignOffStatement::nameSpace.toString()));
        const EntryStanding standing =
            trustWith().assess(entry, QStringLiteral("Harbor Platform On-Call Lead"));
        QVERIFY(!standing.counts);
        QVERIFY2(standing.reason.contains(QStringLiteral("not allowed to sign the role")),
            qPrintable(standing.reason));
    }

    void unsignedCountsOnlyWhereThePolicyAllows()
    {
        const SignOffEntry entry = SignOffEntry::now(record(), QStringLiteral("repo:docs/record.md"), role,
            QStringLiteral("Ana Ruiz"), SignOffDecision::Approve);
        QVERIFY(RecordTrust().assess(entry, holder).counts); // no trust folder: as before
        const EntryStanding required = trustWith().assess(entry, holder);
        QVERIFY(!required.counts);
        QVERIFY(required.reason.contains(QStringLiteral("requires signatures")));
        QVERIFY(trustWith({}, QStringLiteral("unsigned-sign-offs = allowed\n")).assess(entry, holder).counts);
        // And the rules: the unsigned approval leaves the role pending, shown as not counted.
        const SignOffStatus status = SignOffRules::evaluate(record(), {entry}, trustWith());
        QCOMPARE(status.roles.constFirst().state, RoleState::Pending);
        QVERIFY(status.roles.constFirst().ignored.has_value());
    }

    void ledgerRefusesSignedEntriesThatDoNotHold()
    {
        QTemporaryDir dir;
        auto store = SqliteLedgerStore::open(dir.filePath(QStringLiteral("l.sqlite"))).value();
        // Signed on a head the ledger does not have: a conflict, to be signed again.
        Result<SignOffEntry> stored = store->append(
            signedEntry(record(), m_ana, SignOffStatement::nameSpace.toString(), QStringLiteral("0000")));
        QVERIFY(!stored);
        QCOMPARE(stored.error().code, Error::Code::Conflict);
        // A statement that is not the entry's.
        SignOffEntry other = signedEntry(record(), m_ana);
        other.signer = QStringLiteral("Someone Else");
        stored = store->append(other);
        QVERIFY(!stored);
        QCOMPARE(stored.error().code, Error::Code::Refused);
        // The sound one is stored, its statement and signature covered by its hash.
        stored = store->append(signedEntry(record(), m_ana));
        QVERIFY(stored);
        QVERIFY(!LedgerStore::verifyChain(store->entries().value()));
        QCOMPARE(store->head().value(), (LedgerHead{1, stored->hash}));
        SignOffEntry changed = store->entries().value().constFirst();
        changed.signature.replace(QStringLiteral("A"), QStringLiteral("B"));
        QVERIFY(changed.computeHash() != changed.hash);
        QVERIFY(!store->audit());
    }

    // Another sign-off lands while ssh-keygen signs: the recorder signs again on the new head.
    void recorderSignsAgainWhenTheHeadMoved()
    {
        QTemporaryDir dir;
        auto store = SqliteLedgerStore::open(dir.filePath(QStringLiteral("l.sqlite"))).value();
        const Document document = record();
        RecordTrust trust;
        trust.identity = QStringLiteral("repo:docs/record.md");
        SignOffEntry entry = SignOffEntry::now(
            document, trust.identity, role, QStringLiteral("Ana Ruiz"), SignOffDecision::Approve);
        entry.principal = m_ana.principal;
        int signatures = 0;
        const SignOffRecorder::Sign sign = [&](const QByteArray &statement) -> Result<SshSigner::Signed> {
            if (++signatures == 1) {
                SignOffEntry other = SignOffEntry::now(document, trust.identity,
                    QStringLiteral("Harbor incident commander role"), QStringLiteral("Ben Okafor"),
                    SignOffDecision::Approve);
                if (!store->append(other))
                    return Error{Error::Code::Database, QStringLiteral("could not interleave"), {}};
            }
            return SshSigner::sign(statement, m_ana.privateKey, SignOffStatement::nameSpace.toString());
        };
        const Result<SignOffEntry> stored = SignOffRecorder::record(*store, document, trust, entry, sign);
        QVERIFY2(stored, qPrintable(stored ? QString() : stored.error().toString()));
        QCOMPARE(signatures, 2);
        QCOMPARE(stored->id, 2);
        QVERIFY(stored->statement.contains(
            QStringLiteral("previous: ") + store->entries().value().constFirst().hash));
        QVERIFY(!store->audit());
    }
};

QTEST_GUILESS_MAIN(TestSignedSignOff)
#include "tst_signedsignoff.moc"
