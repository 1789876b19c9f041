// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// TrustFolder: allowed_signers read exactly as ssh-keygen reads it (every option form, quoted
// principals, comments, and the lines it refuses, named by file and line); the refusal reasons of
// sshsig.c's checks; revocation by a plain list and by a KRL through ssh-keygen; roles and policy;
// find() stopping at the repository root; init() and add() writing files that ssh-keygen accepts.
#include "signing/trustfolder.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QtEndian>

#include <memory>
#include <time.h>
#include <vector>

using namespace Countersign;
using namespace Qt::StringLiterals;

// Passes when `expression`, a std::optional<Error>, holds no error; else fails with the error.
#define VERIFY_NO_ERROR(expression)                                                                          \
    do {                                                                                                     \
        const std::optional<Error> error_ = (expression);                                                    \
        QVERIFY2(!error_, error_ ? qPrintable(error_->toString()) : "");                                     \
    } while (false)

namespace {

QByteArray sshString(QByteArrayView bytes)
{
    QByteArray out(4, '\0');
    qToBigEndian<quint32>(quint32(bytes.size()), out.data());
    return out + bytes;
}

// A well-formed public key that no one holds the private half of: enough for everything but signing.
SshPublicKey fakeKey(char seed, QByteArrayView type = "ssh-ed25519")
{
    return *SshPublicKey::fromBlob(sshString(type) + sshString(QByteArray(32, seed)));
}

// `text` with each "{X}" replaced by the text of fakeKey('X').
QByteArray withKeys(QByteArray text)
{
    for (char seed = 'A'; seed <= 'Z'; ++seed)
        text.replace(QByteArray(QByteArray("{") + seed + '}'), QByteArray(fakeKey(seed).toText().toUtf8()));
    return text;
}

template<typename T>
QString errorText(const Result<T> &result)
{
    return result ? QString() : result.error().toString();
}

QDateTime utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second), QTimeZone(QTimeZone::UTC));
}

struct Process
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Process runProcess(const QString &program, const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    process.start(program, arguments);
    Process result;
    if (!process.waitForStarted())
        return result;
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

Process sshKeygen(const QStringList &arguments, const QByteArray &input = {})
{
    return runProcess(QStringLiteral("ssh-keygen"), arguments, input);
}

// One row of allowed_signers text that must be refused: the line, a fragment of the message.
void malformedRows()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("message");
    QTest::newRow("principals only") << QByteArray("alice\n") << 1 << QStringLiteral("expected");
    QTest::newRow("principals and blanks only") << QByteArray("alice   \n") << 1 << QStringLiteral("no key");
    QTest::newRow("options without key")
        << QByteArray("alice namespaces=\"git\"\n") << 1 << QStringLiteral("no key after the options");
    QTest::newRow("broken key") << QByteArray("alice ssh-ed25519 AAAA!!!!\n") << 1
                                << QStringLiteral("invalid key");
    QTest::newRow("blob of another type")
        << QByteArray("alice ssh-rsa " + fakeKey('A').blob.toBase64() + '\n') << 1
        << QStringLiteral("invalid key");
    QTest::newRow("unclosed principal quote")
        << withKeys("\"alice smith {A}\n") << 1 << QStringLiteral("quote is not closed");
    QTest::newRow("unclosed option quote")
        << withKeys("alice namespaces=\"git {A}\n") << 1 << QStringLiteral("quote in the options");
    QTest::newRow("unquoted time") << withKeys("alice valid-before=20300101 {A}\n") << 1
                                   << QStringLiteral("quoted value");
    QTest::newRow("unquoted namespaces")
        << withKeys("alice namespaces=git {A}\n") << 1 << QStringLiteral("quoted value");
    QTest::newRow("short time") << withKeys("alice valid-before=\"2030\" {A}\n") << 1
                                << QStringLiteral("not a time");
    QTest::newRow("no such month") << withKeys("alice valid-after=\"20301301Z\" {A}\n") << 1
                                   << QStringLiteral("not a time");
    QTest::newRow("letters in time") << withKeys("alice valid-after=\"2030O101\" {A}\n") << 1
                                     << QStringLiteral("not a time");
    QTest::newRow("unknown option") << withKeys("alice expires=\"20300101\" {A}\n") << 1
                                    << QStringLiteral("unknown option \"expires=\"20300101\"\"");
    QTest::newRow("flag with a tail")
        << withKeys("alice cert-authorityx {A}\n") << 1 << QStringLiteral("unknown option");
    QTest::newRow("namespaces twice")
        << withKeys("alice namespaces=\"a\",namespaces=\"b\" {A}\n") << 1 << QStringLiteral("twice");
    QTest::newRow("valid-before twice")
        << withKeys("alice valid-before=\"20300101\",VALID-BEFORE=\"20310101\" {A}\n") << 1
        << QStringLiteral("twice");
    QTest::newRow("window backwards")
        << withKeys("alice valid-after=\"20300101Z\",valid-before=\"20200101Z\" {A}\n") << 1
        << QStringLiteral("not after valid-after");
    QTest::newRow("trailing comma") << withKeys("alice namespaces=\"a\", {A}\n") << 1
                                    << QStringLiteral("options end with a comma");
    QTest::newRow("third line, after a comment and a signer")
        << withKeys("# team\n"
                    "alice {B}\n"
                    "bob valid-before=\"tomorrow\" {A}\n")
        << 3 << QStringLiteral("not a time");
}

} // namespace

class TestTrustFolder : public QObject
{
    Q_OBJECT

private:
    std::vector<std::unique_ptr<QTemporaryDir>> m_dirs;
    bool m_haveSshKeygen = false;
    QString m_keys; // real key pairs made by ssh-keygen: keys/alice, keys/bob, keys/carol (+ .pub)

    QString newDir()
    {
        m_dirs.push_back(std::make_unique<QTemporaryDir>());
        if (!m_dirs.back()->isValid())
            qFatal("cannot make a temporary folder");
        return m_dirs.back()->path();
    }

    // A `.countersign` folder in a new temporary folder, holding `files` (name -> bytes).
    QString trustFolderWith(const QList<std::pair<QString, QByteArray>> &files)
    {
        const QString folder = newDir() + u"/.countersign";
        if (!QDir().mkpath(folder))
            qFatal("cannot make %s", qPrintable(folder));
        for (const auto &[name, bytes] : files) {
            if (!TestSupport::writeBytes(folder + u'/' + name, bytes))
                qFatal("cannot write %s", qPrintable(name));
        }
        return folder;
    }

    Result<TrustFolder> loadSigners(const QByteArray &allowedSigners)
    {
        return TrustFolder::load(trustFolderWith({{QStringLiteral("allowed_signers"), allowedSigners}}));
    }

    SshPublicKey realKey(const QString &name) const
    {
        const std::optional<SshPublicKey> key =
            SshPublicKey::fromText(QString::fromUtf8(TestSupport::readBytes(m_keys + u'/' + name + u".pub")));
        if (!key)
            qFatal("cannot read the key %s", qPrintable(name));
        return *key;
    }

    // Signs `message` with keys/NAME in the "countersign" namespace; the signature file's path.
    QString sign(const QString &name, const QByteArray &message)
    {
        const QString messagePath = newDir() + u"/message";
        if (!TestSupport::writeBytes(messagePath, message))
            qFatal("cannot write the message");
        const Process signing = sshKeygen(
            {QStringLiteral("-q"), QStringLiteral("-Y"), QStringLiteral("sign"), QStringLiteral("-n"),
                QStringLiteral("countersign"), QStringLiteral("-f"), m_keys + u'/' + name, messagePath});
        if (signing.exitCode != 0)
            qFatal("ssh-keygen -Y sign failed: %s", signing.err.constData());
        return messagePath + u".sig";
    }

private Q_SLOTS:
    void initTestCase()
    {
        // A zone with daylight saving, for the local times of allowed_signers (ssh-keygen inherits it).
        qputenv("TZ", "Europe/Berlin");
        tzset();
        m_haveSshKeygen = !QStandardPaths::findExecutable(QStringLiteral("ssh-keygen")).isEmpty();
        if (!m_haveSshKeygen) {
            qWarning("ssh-keygen not found: the tests against ssh-keygen are skipped");
            return;
        }
        m_keys = newDir();
        for (const QString &name : {u"alice"_s, u"bob"_s, u"carol"_s}) {
            const Process made = sshKeygen(
                {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"),
                    QString(), QStringLiteral("-C"), name, QStringLiteral("-f"), m_keys + u'/' + name});
            QVERIFY2(made.exitCode == 0, made.err.constData());
        }
    }

    void parsesEveryOptionForm_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QStringList>("principals");
        QTest::addColumn<QStringList>("namespaces");
        QTest::addColumn<QDateTime>("validAfter"); // invalid: none
        QTest::addColumn<QDateTime>("validBefore");
        QTest::addColumn<bool>("certAuthority");
        QTest::addColumn<int>("line");

        const QStringList alice{QStringLiteral("alice@example.com")};
        QTest::newRow("plain") << withKeys("alice@example.com {A}\n") << alice << QStringList() << QDateTime()
                               << QDateTime() << false << 1;
        QTest::newRow("key comment, blanks and tabs")
            << withKeys(" \talice@example.com \t {A} alice's laptop, 2026\n") << alice << QStringList()
            << QDateTime() << QDateTime() << false << 1;
        QTest::newRow("comments and blank lines")
            << withKeys("# the release team\n\n   # indented comment\n\nalice@example.com {A}\n# end\n")
            << alice << QStringList() << QDateTime() << QDateTime() << false << 5;
        QTest::newRow("crlf") << withKeys("# team\r\nalice@example.com {A}\r\n") << alice << QStringList()
                              << QDateTime() << QDateTime() << false << 2;
        QTest::newRow("several patterns")
            << withKeys("alice@example.com,*@ops.example.com,!mallory@ops.example.com,dev?@example.com {A}\n")
            << QStringList{QStringLiteral("alice@example.com"), QStringLiteral("*@ops.example.com"),
                   QStringLiteral("!mallory@ops.example.com"), QStringLiteral("dev?@example.com")}
            << QStringList() << QDateTime() << QDateTime() << false << 1;
        QTest::newRow("quoted principals")
            << withKeys("\"Alice Smith,bob@example.com\" {A}\n")
            << QStringList{QStringLiteral("Alice Smith"), QStringLiteral("bob@example.com")} << QStringList()
            << QDateTime() << QDateTime() << false << 1;
        QTest::newRow("quoted part of the principals")
            << withKeys("alice,\"Bob Jones\" {A}\n")
            << QStringList{QStringLiteral("alice"), QStringLiteral("Bob Jones")} << QStringList()
            << QDateTime() << QDateTime() << false << 1;
        QTest::newRow("namespaces") << withKeys("alice@example.com namespaces=\"countersign,git\" {A}\n")
                                    << alice
                                    << QStringList{QStringLiteral("countersign"), QStringLiteral("git")}
                                    << QDateTime() << QDateTime() << false << 1;
        QTest::newRow("option names in any case")
            << withKeys("alice@example.com NameSpaces=\"git\",VALID-AFTER=\"20260101Z\" {A}\n") << alice
            << QStringList{QStringLiteral("git")} << utc(2026, 1, 1) << QDateTime() << false << 1;
        QTest::newRow("quote escaped in a value")
            << withKeys("alice@example.com namespaces=\"a\\\"b,c d\" {A}\n") << alice
            << QStringList{QStringLiteral("a\"b"), QStringLiteral("c d")} << QDateTime() << QDateTime()
            << false << 1;
        QTest::newRow("empty namespaces allows none")
            << withKeys("alice@example.com namespaces=\"\" {A}\n") << alice << QStringList{QString()}
            << QDateTime() << QDateTime() << false << 1;
        QTest::newRow("cert-authority")
            << withKeys("*@example.com cert-authority {A}\n") << QStringList{QStringLiteral("*@example.com")}
            << QStringList() << QDateTime() << QDateTime() << true << 1;
        QTest::newRow("Cert-Authority")
            << withKeys("*@example.com Cert-Authority {A}\n") << QStringList{QStringLiteral("*@example.com")}
            << QStringList() << QDateTime() << QDateTime() << true << 1;
        QTest::newRow("date, UTC") << withKeys("alice@example.com valid-after=\"20260101Z\" {A}\n") << alice
                                   << QStringList() << utc(2026, 1, 1) << QDateTime() << false << 1;
        QTest::newRow("minutes, UTC")
            << withKeys("alice@example.com valid-before=\"202601021230Z\" {A}\n") << alice << QStringList()
            << QDateTime() << utc(2026, 1, 2, 12, 30) << false << 1;
        QTest::newRow("seconds, UTC")
            << withKeys("alice@example.com valid-before=\"20260102123045Z\" {A}\n") << alice << QStringList()
            << QDateTime() << utc(2026, 1, 2, 12, 30, 45) << false << 1;
        QTest::newRow("UTC suffix") << withKeys("alice@example.com valid-before=\"20260102utc\" {A}\n")
                                    << alice << QStringList() << QDateTime() << utc(2026, 1, 2) << false << 1;
        // Local time is Europe/Berlin's standard time, UTC+1, in summer too (as ssh-keygen reads it).
        QTest::newRow("local time")
            << withKeys("alice@example.com valid-after=\"20260101\",valid-before=\"202607011200\" {A}\n")
            << alice << QStringList() << utc(2025, 12, 31, 23) << utc(2026, 7, 1, 11) << false << 1;
        QTest::newRow("every option")
            << withKeys(
                   "alice@example.com cert-authority,namespaces=\"countersign\",valid-after=\"20200101Z\","
                   "valid-before=\"20300101Z\" {A}\n")
            << alice << QStringList{QStringLiteral("countersign")} << utc(2020, 1, 1) << utc(2030, 1, 1)
            << true << 1;
    }

    void parsesEveryOptionForm()
    {
        QFETCH(QByteArray, text);
        QFETCH(QStringList, principals);
        QFETCH(QStringList, namespaces);
        QFETCH(QDateTime, validAfter);
        QFETCH(QDateTime, validBefore);
        QFETCH(bool, certAuthority);
        QFETCH(int, line);

        const Result<TrustFolder> trust = loadSigners(text);
        QVERIFY2(trust, qPrintable(errorText(trust)));
        QCOMPARE(trust->signers().size(), 1);
        const AllowedSigner &signer = trust->signers().first();
        QCOMPARE(signer.principals, principals);
        QCOMPARE(signer.key, fakeKey('A'));
        QCOMPARE(signer.key.type, QStringLiteral("ssh-ed25519"));
        QCOMPARE(signer.namespaces, namespaces);
        QCOMPARE(signer.validAfter.value_or(QDateTime()), validAfter);
        QCOMPARE(signer.validBefore.value_or(QDateTime()), validBefore);
        if (signer.validAfter)
            QCOMPARE(signer.validAfter->timeSpec(), Qt::UTC);
        QCOMPARE(signer.certAuthority, certAuthority);
        QCOMPARE(signer.line, line);
    }

    void refusesMalformedLines_data() { malformedRows(); }

    void refusesMalformedLines()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(QString, message);

        const Result<TrustFolder> trust = loadSigners(text);
        QVERIFY(!trust);
        QCOMPARE(trust.error().code, Error::Code::InvalidArgument);
        QVERIFY2(
            trust.error().file.endsWith(u"/.countersign/allowed_signers"), qPrintable(trust.error().file));
        QCOMPARE(trust.error().line, line);
        QVERIFY2(trust.error().message.contains(message), qPrintable(trust.error().message));
        QVERIFY(trust.error().toString().contains(u"allowed_signers:" + QString::number(line) + u": "));
    }

    // The lines refused above are the lines ssh-keygen refuses: the same file, read by
    // `ssh-keygen -Y find-principals`, fails with an error on the same line.
    void sshKeygenRefusesThemToo_data() { malformedRows(); }

    void sshKeygenRefusesThemToo()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        if (!m_haveSshKeygen)
            QSKIP("ssh-keygen not found");
        // The key that signs is alice's real key, on every line in place of {A}.
        const QString realText = realKey(QStringLiteral("alice")).toText();
        text.replace(fakeKey('A').toText().toUtf8(), realText.toUtf8());
        const QString folder = trustFolderWith({{QStringLiteral("allowed_signers"), text}});
        const Process found = sshKeygen({QStringLiteral("-Y"), QStringLiteral("find-principals"),
            QStringLiteral("-f"), folder + u"/allowed_signers", QStringLiteral("-s"),
            sign(QStringLiteral("alice"), "message\n")});
        QVERIFY2(found.exitCode != 0, found.out.constData());
        QVERIFY2(found.err.contains(QByteArray("allowed_signers:" + QByteArray::number(line) + ':')),
            found.err.constData());
    }

    void refusesInvalidUtf8()
    {
        const Result<TrustFolder> trust = loadSigners(withKeys("alice {A}\nb\xC3\x28 {B}\n"));
        QVERIFY(!trust);
        QCOMPARE(trust.error().code, Error::Code::InvalidUtf8);
        QCOMPARE(trust.error().line, 2);
    }

    void refusal_data()
    {
        QTest::addColumn<QString>("principal");
        QTest::addColumn<char>("key");
        QTest::addColumn<QDateTime>("time");
        QTest::addColumn<QString>("nameSpace");
        QTest::addColumn<QString>("reason"); // empty: allowed

        const QDateTime now = utc(2026, 6, 1);
        const QString ns = QStringLiteral("countersign");
        QTest::newRow("allowed") << u"alice@example.com"_s << 'A' << now << ns << QString();
        QTest::newRow("unknown key") << u"alice@example.com"_s << 'Z' << now << ns << u"unknown key"_s;
        QTest::newRow("key of another principal")
            << u"alice@example.com"_s << 'B' << now << ns << u"key not allowed for alice@example.com"_s;
        QTest::newRow("principals are case-sensitive")
            << u"Alice@example.com"_s << 'A' << now << ns << u"key not allowed for Alice@example.com"_s;
        QTest::newRow("no principal") << QString() << 'A' << now << ns << u"no principal"_s;
        QTest::newRow("namespace allowed") << u"bob@example.com"_s << 'B' << now << ns << QString();
        QTest::newRow("wrong namespace") << u"bob@example.com"_s << 'B' << now << u"git"_s
                                         << u"namespace \"git\" not allowed for this key"_s;
        QTest::newRow("not yet valid") << u"carol@example.com"_s << 'C' << utc(2025, 12, 31, 23, 59, 59) << ns
                                       << u"key not valid before 2026-01-01T00:00:00Z"_s;
        QTest::newRow("valid from its first second")
            << u"carol@example.com"_s << 'C' << utc(2026, 1, 1) << ns << QString();
        QTest::newRow("valid to its last second")
            << u"carol@example.com"_s << 'C' << utc(2027, 1, 1) << ns << QString();
        QTest::newRow("expired") << u"carol@example.com"_s << 'C' << utc(2027, 1, 1, 0, 0, 1) << ns
                                 << u"key expired on 2027-01-01T00:00:00Z"_s;
        QTest::newRow("wildcard") << u"dave@ops.example.com"_s << 'D' << now << ns << QString();
        QTest::newRow("negated") << u"mallory@ops.example.com"_s << 'D' << now << ns
                                 << u"key not allowed for mallory@ops.example.com"_s;
        QTest::newRow("wildcard, other domain")
            << u"dave@example.com"_s << 'D' << now << ns << u"key not allowed for dave@example.com"_s;
        QTest::newRow("question mark") << u"dev1@example.com"_s << 'E' << now << ns << QString();
        QTest::newRow("question mark is one character")
            << u"dev10@example.com"_s << 'E' << now << ns << u"key not allowed for dev10@example.com"_s;
        QTest::newRow("revoked") << u"rob@example.com"_s << 'R' << now << ns << u"revoked key"_s;
        QTest::newRow("revoked, unlisted") << u"rob@example.com"_s << 'Q' << now << ns << u"revoked key"_s;
        QTest::newRow("a CA key does not sign itself")
            << u"ann@example.com"_s << 'K' << now << ns << u"key not allowed for ann@example.com"_s;
        QTest::newRow("any matching line allows") << u"erin@example.com"_s << 'F' << now << ns << QString();
        QTest::newRow("first matching line says why")
            << u"frank@example.com"_s << 'G' << now << ns
            << u"namespace \"countersign\" not allowed for this key"_s;
        QTest::newRow("quoted principal") << u"Grace Hopper"_s << 'H' << now << ns << QString();
    }

    void refusal()
    {
        QFETCH(QString, principal);
        QFETCH(char, key);
        QFETCH(QDateTime, time);
        QFETCH(QString, nameSpace);
        QFETCH(QString, reason);

        const QString folder = trustFolderWith({
            {QStringLiteral("allowed_signers"),
                withKeys("alice@example.com {A}\n"
                         "bob@example.com namespaces=\"countersign\" {B}\n"
                         "carol@example.com valid-after=\"20260101Z\",valid-before=\"20270101Z\" {C}\n"
                         "*@ops.example.com,!mallory@ops.example.com {D}\n"
                         "dev?@example.com {E}\n"
                         "rob@example.com {R}\n"
                         "*@example.com cert-authority {K}\n"
                         "erin@example.com namespaces=\"git\" {F}\n"
                         "erin@example.com {F}\n"
                         "frank@example.com namespaces=\"git\" {G}\n"
                         "frank@example.com valid-before=\"20200101Z\" {G}\n"
                         "\"Grace Hopper\" {H}\n")},
            {QStringLiteral("revoked_keys"), withKeys("# lost laptop\n{R} rob@old-laptop\n\n{Q}\n")},
        });
        const Result<TrustFolder> trust = TrustFolder::load(folder);
        QVERIFY2(trust, qPrintable(errorText(trust)));
        QCOMPARE(trust->refusal(principal, fakeKey(key), time, nameSpace).value_or(QString()), reason);
    }

    // refusal() decides as `ssh-keygen -Y verify` does, for the same file, principal, namespace and time.
    void agreesWithSshKeygenVerify_data()
    {
        QTest::addColumn<QByteArray>("text"); // {alice}: alice's real key
        QTest::addColumn<QString>("principal");
        QTest::addColumn<QString>("nameSpace");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<QDateTime>("time"); // invalid: 2026-06-01, midnight UTC
        QTest::newRow("plain") << QByteArray("alice {alice}\n") << u"alice"_s << u"countersign"_s << true
                               << QDateTime();
        QTest::newRow("other namespace") << QByteArray("alice namespaces=\"git\" {alice}\n") << u"alice"_s
                                         << u"countersign"_s << false << QDateTime();
        QTest::newRow("namespace pattern") << QByteArray("alice namespaces=\"git,counter*\" {alice}\n")
                                           << u"alice"_s << u"countersign"_s << true << QDateTime();
        QTest::newRow("no namespace at all") << QByteArray("alice namespaces=\"\" {alice}\n") << u"alice"_s
                                             << u"countersign"_s << false << QDateTime();
        QTest::newRow("not yet valid") << QByteArray("alice valid-after=\"20300101Z\" {alice}\n")
                                       << u"alice"_s << u"countersign"_s << false << QDateTime();
        QTest::newRow("expired") << QByteArray("alice valid-before=\"20200101Z\" {alice}\n") << u"alice"_s
                                 << u"countersign"_s << false << QDateTime();
        QTest::newRow("inside a local window")
            << QByteArray("alice valid-after=\"20260101\",valid-before=\"20270101\" {alice}\n") << u"alice"_s
            << u"countersign"_s << true << QDateTime();
        QTest::newRow("negated") << QByteArray("*,!alice {alice}\n") << u"alice"_s << u"countersign"_s
                                 << false << QDateTime();
        QTest::newRow("question mark")
            << QByteArray("al?ce {alice}\n") << u"alice"_s << u"countersign"_s << true << QDateTime();
        QTest::newRow("case") << QByteArray("Alice {alice}\n") << u"alice"_s << u"countersign"_s << false
                              << QDateTime();
        QTest::newRow("quoted list") << QByteArray("\"carol,bob\" {alice}\n") << u"bob"_s << u"countersign"_s
                                     << true << QDateTime();
        QTest::newRow("cert-authority") << QByteArray("alice cert-authority {alice}\n") << u"alice"_s
                                        << u"countersign"_s << false << QDateTime();
        QTest::newRow("a later line allows")
            << QByteArray("alice namespaces=\"git\" {alice}\nalice {alice}\n") << u"alice"_s
            << u"countersign"_s << true << QDateTime();
        // Local times are standard time, daylight saving or not (the tests run in Europe/Berlin, where
        // 2026-07-01 00:30 is 2026-06-30 22:30 UTC in summer time, 23:30 UTC in standard time).
        QTest::newRow("local time, in summer, before")
            << QByteArray("alice valid-before=\"202607010030\" {alice}\n") << u"alice"_s << u"countersign"_s
            << true << utc(2026, 6, 30, 23, 15);
        QTest::newRow("local time, in summer, after")
            << QByteArray("alice valid-before=\"202607010030\" {alice}\n") << u"alice"_s << u"countersign"_s
            << false << utc(2026, 6, 30, 23, 45);
        QTest::newRow("local time, in winter")
            << QByteArray("alice valid-after=\"202601010030\" {alice}\n") << u"alice"_s << u"countersign"_s
            << true << utc(2025, 12, 31, 23, 30);
    }

    void agreesWithSshKeygenVerify()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, principal);
        QFETCH(QString, nameSpace);
        QFETCH(bool, allowed);
        QFETCH(QDateTime, time);
        if (!m_haveSshKeygen)
            QSKIP("ssh-keygen not found");
        if (!time.isValid())
            time = utc(2026, 6, 1);
        text.replace("{alice}", realKey(u"alice"_s).toText().toUtf8());
        const QString folder = trustFolderWith({{u"allowed_signers"_s, text}});
        const QByteArray message = "message\n";
        const Process verified =
            sshKeygen({u"-Y"_s, u"verify"_s, u"-f"_s, folder + u"/allowed_signers", u"-I"_s, principal,
                          u"-n"_s, nameSpace, u"-O"_s, u"verify-time=" + time.toString(u"yyyyMMddHHmmss'Z'"),
                          u"-s"_s, sign(u"alice"_s, message)},
                message);
        QCOMPARE(verified.exitCode == 0, allowed);

        const Result<TrustFolder> trust = TrustFolder::load(folder);
        QVERIFY2(trust, qPrintable(errorText(trust)));
        const std::optional<QString> reason = trust->refusal(principal, realKey(u"alice"_s), time, nameSpace);
        QVERIFY2(reason.has_value() != allowed, qPrintable(reason.value_or(u"allowed"_s)));
    }

    void refusesCertificates()
    {
        const SshPublicKey certificate = fakeKey('A', "ssh-ed25519-cert-v01@openssh.com");
        const Result<TrustFolder> trust = loadSigners(withKeys("*@example.com cert-authority {K}\n"));
        QVERIFY(trust);
        QCOMPARE(trust->refusal(u"alice@example.com"_s, certificate, utc(2026, 1, 1), u"countersign"_s),
            u"certificate signers are not supported yet"_s);
    }

    void principalsOf()
    {
        const Result<TrustFolder> trust = loadSigners(withKeys("alice@example.com,*@ops.example.com {A}\n"
                                                               "bob@example.com {B}\n"
                                                               "!mallory@example.com,dev?,alice2 {A}\n"
                                                               "alice@example.com namespaces=\"git\" {A}\n"
                                                               "root@example.com cert-authority {A}\n"));
        QVERIFY(trust);
        QCOMPARE(trust->principalsOf(fakeKey('A')), (QStringList{u"alice@example.com"_s, u"alice2"_s}));
        QCOMPARE(trust->principalsOf(fakeKey('B')), QStringList{u"bob@example.com"_s});
        QVERIFY(trust->principalsOf(fakeKey('Z')).isEmpty());
    }

    void revokedPlainList()
    {
        const QString folder = trustFolderWith({{u"allowed_signers"_s, withKeys("alice {A}\nbob {B}\n")},
            {u"revoked_keys"_s, withKeys("# revoked 2026-03-01\r\n\r\n  {B} bob@stolen-laptop\r\n")}});
        const Result<TrustFolder> trust = TrustFolder::load(folder);
        QVERIFY2(trust, qPrintable(errorText(trust)));
        QVERIFY(trust->isRevoked(fakeKey('B')));
        QVERIFY(!trust->isRevoked(fakeKey('A')));
        QCOMPARE(trust->refusal(u"bob"_s, fakeKey('B'), utc(2026, 1, 1), u"countersign"_s), u"revoked key"_s);

        const QString broken = trustFolderWith({{u"allowed_signers"_s, withKeys("alice {A}\n")},
            {u"revoked_keys"_s, withKeys("{B}\nnot a key\n")}});
        const Result<TrustFolder> refused = TrustFolder::load(broken);
        QVERIFY(!refused);
        QVERIFY2(
            refused.error().toString().contains(u"revoked_keys:2: "), qPrintable(refused.error().toString()));
    }

    void revokedKrl()
    {
        if (!m_haveSshKeygen)
            QSKIP("ssh-keygen not found");
        const SshPublicKey alice = realKey(u"alice"_s);
        const SshPublicKey bob = realKey(u"bob"_s);
        const QString folder = trustFolderWith({{u"allowed_signers"_s,
            (u"alice " + alice.toText() + u"\nbob " + bob.toText() + u'\n').toUtf8()}});
        const QString krl = folder + u"/revoked_keys";
        const Process made = sshKeygen({u"-k"_s, u"-f"_s, krl, m_keys + u"/alice.pub"});
        QVERIFY2(made.exitCode == 0, made.err.constData());
        QVERIFY(TestSupport::readBytes(krl).startsWith(QByteArrayView("SSHKRL\n\0", 8)));

        const Result<TrustFolder> trust = TrustFolder::load(folder);
        QVERIFY2(trust, qPrintable(errorText(trust)));
        QVERIFY(trust->isRevoked(alice));
        QVERIFY(!trust->isRevoked(bob));
        QCOMPARE(trust->refusal(u"alice"_s, alice, utc(2026, 1, 1), u"countersign"_s), u"revoked key"_s);
        QVERIFY(!trust->refusal(u"bob"_s, bob, utc(2026, 1, 1), u"countersign"_s));

        // An updated KRL counts at once: the folder asks ssh-keygen each time.
        const Process updated = sshKeygen({u"-k"_s, u"-u"_s, u"-f"_s, krl, m_keys + u"/bob.pub"});
        QVERIFY2(updated.exitCode == 0, updated.err.constData());
        QVERIFY(trust->isRevoked(bob));
        QVERIFY(trust->isRevoked(alice));
        QVERIFY(!trust->isRevoked(realKey(u"carol"_s)));
        const Result<TrustFolder> reloaded = TrustFolder::load(folder);
        QVERIFY(reloaded);
        QCOMPARE(reloaded->refusal(u"bob"_s, bob, utc(2026, 1, 1), u"countersign"_s), u"revoked key"_s);

        // A KRL ssh-keygen cannot read revokes every key, and says why.
        QVERIFY(TestSupport::writeBytes(krl, QByteArray("SSHKRL\n\0", 8) + "garbage"));
        const Result<TrustFolder> broken = TrustFolder::load(folder);
        QVERIFY(broken);
        QVERIFY(broken->isRevoked(realKey(u"carol"_s)));
        const QString reason =
            broken->refusal(u"carol"_s, realKey(u"carol"_s), utc(2026, 1, 1), u"countersign"_s)
                .value_or(QString());
        QVERIFY2(reason.startsWith(u"revoked key (the revocation list ") &&
                reason.contains(u"could not be checked"),
            qPrintable(reason));
    }

    void findStopsAtTheRepositoryRoot()
    {
        const QString root = newDir();
        // A trust folder above the repository: never found from inside it.
        const QString outside = root + u"/.countersign";
        QVERIFY(QDir().mkpath(outside));
        QVERIFY(TestSupport::writeBytes(outside + u"/allowed_signers", withKeys("outsider {Z}\n")));
        QVERIFY(QDir().mkpath(root + u"/repo/.git"));
        QVERIFY(QDir().mkpath(root + u"/repo/records/2026/deeper"));
        const QString record = root + u"/repo/records/2026/deeper/record.md";
        QVERIFY(TestSupport::writeBytes(record, "# Record\n"));

        Result<std::optional<TrustFolder>> found = TrustFolder::find(record);
        QVERIFY2(found, qPrintable(errorText(found)));
        QVERIFY(!found->has_value());

        // The repository root's own trust folder is found (the root is inclusive).
        const QString atRoot = root + u"/repo/.countersign";
        QVERIFY(QDir().mkpath(atRoot));
        QVERIFY(TestSupport::writeBytes(atRoot + u"/allowed_signers", withKeys("root {A}\n")));
        found = TrustFolder::find(record);
        QVERIFY(found && found->has_value());
        QCOMPARE((*found)->path(), QDir::cleanPath(atRoot));

        // The nearest one wins, the file's own folder first.
        const QString nearer = root + u"/repo/records/.countersign";
        QVERIFY(QDir().mkpath(nearer));
        QVERIFY(TestSupport::writeBytes(nearer + u"/allowed_signers", withKeys("near {B}\n")));
        found = TrustFolder::find(record);
        QVERIFY(found && found->has_value());
        QCOMPARE((*found)->path(), QDir::cleanPath(nearer));
        QCOMPARE((*found)->principalsOf(fakeKey('B')), QStringList{u"near"_s});
        // A folder is a starting point too.
        found = TrustFolder::find(root + u"/repo/records");
        QVERIFY(found && found->has_value());
        QCOMPARE((*found)->path(), QDir::cleanPath(nearer));

        // A .git file (a worktree's, a submodule's) marks the root as well.
        QVERIFY(QDir().mkpath(root + u"/worktree/docs"));
        QVERIFY(TestSupport::writeBytes(root + u"/worktree/.git", "gitdir: /elsewhere\n"));
        QVERIFY(TestSupport::writeBytes(root + u"/worktree/docs/record.md", "# Record\n"));
        found = TrustFolder::find(root + u"/worktree/docs/record.md");
        QVERIFY(found);
        QVERIFY(!found->has_value());

        // Outside any repository the walk goes up, and finds the one above.
        QVERIFY(QDir().mkpath(root + u"/plain/folder"));
        found = TrustFolder::find(root + u"/plain/folder/record.md");
        QVERIFY(found && found->has_value());
        QCOMPARE((*found)->path(), QDir::cleanPath(outside));
    }

    void findReportsABrokenTrustFolder()
    {
        const QString root = newDir();
        QVERIFY(QDir().mkpath(root + u"/repo/.git"));
        QVERIFY(QDir().mkpath(root + u"/repo/a"));
        QVERIFY(TestSupport::writeBytes(root + u"/repo/a/.countersign", "not a folder\n"));
        Result<std::optional<TrustFolder>> found = TrustFolder::find(root + u"/repo/a/record.md");
        QVERIFY(!found);
        QCOMPARE(found.error().file, root + u"/repo/a/.countersign");

        QVERIFY(QDir().mkpath(root + u"/repo/b/.countersign"));
        found = TrustFolder::find(root + u"/repo/b/record.md");
        QVERIFY(!found);
        QCOMPARE(found.error().code, Error::Code::FileNotFound);
        QVERIFY2(found.error().message.contains(u"allowed_signers"), qPrintable(found.error().message));

        QVERIFY(QDir().mkpath(root + u"/repo/c/.countersign/allowed_signers"));
        found = TrustFolder::find(root + u"/repo/c/record.md");
        QVERIFY(!found);
        QCOMPARE(found.error().code, Error::Code::NotARegularFile);
    }

    void roles()
    {
        const QString folder = trustFolderWith({{u"allowed_signers"_s, withKeys("alice@example.com {A}\n")},
            {u"roles"_s,
                "# who signs what\n"
                "\n"
                "Release Manager = alice@example.com, *@ops.example.com, !mallory@ops.example.com\n"
                "  Jane Doe=jane@example.com\n"
                "QA Lead = carol@example.com\n"}});
        const Result<TrustFolder> trust = TrustFolder::load(folder);
        QVERIFY2(trust, qPrintable(errorText(trust)));
        QCOMPARE(trust->grants().size(), 3);
        QCOMPARE(trust->grants().at(0).roleOrHolder, u"Release Manager"_s);
        QCOMPARE(trust->grants().at(0).principals,
            (QStringList{u"alice@example.com"_s, u"*@ops.example.com"_s, u"!mallory@ops.example.com"_s}));
        QCOMPARE(trust->grants().at(0).line, 3);
        QCOMPARE(trust->grants().at(1).roleOrHolder, u"Jane Doe"_s);
        QCOMPARE(trust->grants().at(1).line, 4);

        // By role, compared as normalized keys.
        QVERIFY(trust->mayHoldRole(u"alice@example.com"_s, u"Release Manager"_s, u"Alice"_s));
        QVERIFY(trust->mayHoldRole(u"alice@example.com"_s, u"release-manager (primary)"_s, QString()));
        QVERIFY(trust->mayHoldRole(u"dave@ops.example.com"_s, u"Release Manager"_s, QString()));
        QVERIFY(!trust->mayHoldRole(u"mallory@ops.example.com"_s, u"Release Manager"_s, QString()));
        QVERIFY(!trust->mayHoldRole(u"eve@example.com"_s, u"Release Manager"_s, QString()));
        QVERIFY(!trust->mayHoldRole(u"alice@example.com"_s, u"QA Lead"_s, u"Carol"_s));
        // By holder.
        QVERIFY(trust->mayHoldRole(u"jane@example.com"_s, u"Security Reviewer"_s, u"jane doe"_s));
        QVERIFY(!trust->mayHoldRole(u"jane@example.com"_s, u"Security Reviewer"_s, u"John Roe"_s));
        QVERIFY(!trust->mayHoldRole(u"jane@example.com"_s, u"Security Reviewer"_s, QString()));
        // A role no line names.
        QVERIFY(!trust->mayHoldRole(u"alice@example.com"_s, u"Incident Commander"_s, QString()));
    }

    void negationInAnyGrantRefuses()
    {
        const QString folder = trustFolderWith({{u"allowed_signers"_s, withKeys("alice {A}\n")},
            {u"roles"_s, "Release Manager = *@example.com\nMallory Smith = !mallory@example.com\n"}});
        const Result<TrustFolder> trust = TrustFolder::load(folder);
        QVERIFY(trust);
        QVERIFY(trust->mayHoldRole(u"mallory@example.com"_s, u"Release Manager"_s, u"Bob"_s));
        QVERIFY(!trust->mayHoldRole(u"mallory@example.com"_s, u"Release Manager"_s, u"Mallory Smith"_s));
    }

    void malformedRoles_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("message");
        QTest::newRow("no equals") << QByteArray("# roles\nRelease Manager alice\n") << 2
                                   << u"expected \"ROLE OR HOLDER = principal, principal\""_s;
        QTest::newRow("no principals") << QByteArray("Release Manager =\n") << 1 << u"no principals"_s;
        QTest::newRow("only commas") << QByteArray("QA Lead = , ,\n") << 1 << u"no principals"_s;
        QTest::newRow("no role") << QByteArray("\n\n= alice\n") << 3 << u"no role or holder"_s;
        QTest::newRow("blank inside a principal")
            << QByteArray("Release Manager = alice bob\n") << 1 << u"separate principals with commas"_s;
        QTest::newRow("inline comment")
            << QByteArray("QA Lead = carol # the lead\n") << 1 << u"separate principals with commas"_s;
    }

    void malformedRoles()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(QString, message);
        const Result<TrustFolder> trust = TrustFolder::load(
            trustFolderWith({{u"allowed_signers"_s, withKeys("alice {A}\n")}, {u"roles"_s, text}}));
        QVERIFY(!trust);
        QVERIFY2(trust.error().file.endsWith(u"/roles"), qPrintable(trust.error().file));
        QCOMPARE(trust.error().line, line);
        QVERIFY2(trust.error().message.contains(message), qPrintable(trust.error().message));
    }

    void policy()
    {
        Result<TrustFolder> trust = loadSigners(withKeys("alice {A}\n"));
        QVERIFY(trust);
        QVERIFY(!trust->unsignedAllowed()); // refused when not set
        QVERIFY(trust->repositoryName().isEmpty());
        QVERIFY(trust->grants().isEmpty());

        trust = TrustFolder::load(trustFolderWith({{u"allowed_signers"_s, withKeys("alice {A}\n")},
            {u"policy"_s,
                "# policy\n\nunsigned-sign-offs = allowed\nrepository =  assistsupport releases \n"}}));
        QVERIFY2(trust, qPrintable(errorText(trust)));
        QVERIFY(trust->unsignedAllowed());
        QCOMPARE(trust->repositoryName(), u"assistsupport releases"_s);

        trust = TrustFolder::load(trustFolderWith({{u"allowed_signers"_s, withKeys("alice {A}\n")},
            {u"policy"_s, "unsigned-sign-offs=refused\n"}}));
        QVERIFY(trust);
        QVERIFY(!trust->unsignedAllowed());
    }

    void malformedPolicy_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("message");
        QTest::newRow("typo in a key") << QByteArray("# policy\nunsigned-signoffs = allowed\n") << 2
                                       << u"unknown setting \"unsigned-signoffs\""_s;
        QTest::newRow("bad value") << QByteArray("unsigned-sign-offs = yes\n") << 1
                                   << u"expected allowed or refused"_s;
        QTest::newRow("value in another case")
            << QByteArray("unsigned-sign-offs = Allowed\n") << 1 << u"expected allowed or refused"_s;
        QTest::newRow("no equals") << QByteArray("repository assistsupport\n") << 1
                                   << u"expected \"key = value\""_s;
        QTest::newRow("empty repository") << QByteArray("repository =\n") << 1 << u"needs a name"_s;
        QTest::newRow("set twice") << QByteArray(
                                          "unsigned-sign-offs = refused\n\nunsigned-sign-offs = allowed\n")
                                   << 3 << u"set twice (first on line 1)"_s;
    }

    void malformedPolicy()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(QString, message);
        const Result<TrustFolder> trust = TrustFolder::load(
            trustFolderWith({{u"allowed_signers"_s, withKeys("alice {A}\n")}, {u"policy"_s, text}}));
        QVERIFY(!trust);
        QVERIFY2(trust.error().file.endsWith(u"/policy"), qPrintable(trust.error().file));
        QCOMPARE(trust.error().line, line);
        QVERIFY2(trust.error().message.contains(message), qPrintable(trust.error().message));
    }

    void refusesBinaryAndHugeFiles()
    {
        Result<TrustFolder> trust =
            TrustFolder::load(trustFolderWith({{u"allowed_signers"_s, withKeys("alice {A}\n")},
                {u"roles"_s, QByteArray("QA Lead = carol\n\0\1\2\n", 20)}}));
        QVERIFY(!trust);
        QCOMPARE(trust.error().code, Error::Code::Binary);
        QCOMPARE(trust.error().line, 2);

        trust = loadSigners(QByteArray(4 * 1024 * 1024 + 1, '#'));
        QVERIFY(!trust);
        QCOMPARE(trust.error().code, Error::Code::TooLarge);
        QVERIFY(trust.error().file.endsWith(u"/allowed_signers"));
    }

    void loadNeedsAllowedSigners()
    {
        const QString folder = trustFolderWith({{u"roles"_s, "Release Manager = alice\n"}});
        const Result<TrustFolder> trust = TrustFolder::load(folder);
        QVERIFY(!trust);
        QCOMPARE(trust.error().code, Error::Code::FileNotFound);
        QCOMPARE(trust.error().file, folder);
        QVERIFY(!TrustFolder::load(folder + u"/missing"));
    }

    void initAndAdd()
    {
        const QString directory = newDir();
        const QString folder = directory + u"/.countersign";
        VERIFY_NO_ERROR(TrustFolder::init(directory, u"alice@example.com"_s, fakeKey('A')));

        Result<TrustFolder> trust = TrustFolder::load(folder);
        QVERIFY2(trust, qPrintable(errorText(trust)));
        QCOMPARE(trust->signers().size(), 1);
        QCOMPARE(trust->signers().first().principals, QStringList{u"alice@example.com"_s});
        QVERIFY(trust->signers().first().namespaces.isEmpty()); // the verifier checks the namespace
        QVERIFY(!trust->refusal(u"alice@example.com"_s, fakeKey('A'), utc(2026, 1, 1), u"countersign"_s));
        QVERIFY(trust->grants().isEmpty());
        QVERIFY(!trust->unsignedAllowed());
        const QByteArray rolesText = TestSupport::readBytes(folder + u"/roles");
        QVERIFY(rolesText.contains("ROLE OR HOLDER = principal, principal"));
        QVERIFY(TestSupport::readBytes(folder + u"/policy").contains("\nunsigned-sign-offs = refused\n"));

        // A second init is refused, and changes nothing.
        const QByteArray signersText = TestSupport::readBytes(folder + u"/allowed_signers");
        const std::optional<Error> again = TrustFolder::init(directory, u"bob@example.com"_s, fakeKey('B'));
        QVERIFY(again);
        QCOMPARE(again->code, Error::Code::Refused);
        QCOMPARE(TestSupport::readBytes(folder + u"/allowed_signers"), signersText);

        // add() keeps the lines and comments someone wrote by hand.
        QVERIFY(TestSupport::writeBytes(folder + u"/allowed_signers", signersText + "# contractors below\n"));
        QVERIFY(
            TestSupport::writeBytes(folder + u"/roles", rolesText + "QA Lead = carol@example.com # lead\n"));
        // (that roles line is refused: a principal with a blank) ...
        QVERIFY(TrustFolder::add(folder, u"bob@example.com"_s, fakeKey('B'), {u"QA Lead"_s}));
        QVERIFY(TestSupport::writeBytes(
            folder + u"/roles", rolesText + "# leads\nQA Lead = carol@example.com  \n"));
        VERIFY_NO_ERROR(TrustFolder::add(folder, u"bob@example.com"_s, fakeKey('B'),
            {u"Release Manager"_s, u"qa-lead"_s, u"Release Manager"_s}));
        QCOMPARE(TestSupport::readBytes(folder + u"/allowed_signers"),
            signersText + "# contractors below\nbob@example.com " + fakeKey('B').toText().toUtf8() + '\n');
        QCOMPARE(TestSupport::readBytes(folder + u"/roles"),
            rolesText +
                "# leads\nQA Lead = carol@example.com, bob@example.com\nRelease Manager = bob@example.com\n");

        trust = TrustFolder::load(folder);
        QVERIFY2(trust, qPrintable(errorText(trust)));
        QCOMPARE(trust->principalsOf(fakeKey('B')), QStringList{u"bob@example.com"_s});
        QVERIFY(trust->mayHoldRole(u"bob@example.com"_s, u"QA Lead"_s, QString()));
        QVERIFY(trust->mayHoldRole(u"carol@example.com"_s, u"QA Lead"_s, QString()));
        QVERIFY(trust->mayHoldRole(u"bob@example.com"_s, u"Release Manager"_s, QString()));
        QVERIFY(!trust->mayHoldRole(u"alice@example.com"_s, u"Release Manager"_s, QString()));

        // The same again changes nothing.
        const QByteArray signersAfter = TestSupport::readBytes(folder + u"/allowed_signers");
        const QByteArray rolesAfter = TestSupport::readBytes(folder + u"/roles");
        VERIFY_NO_ERROR(TrustFolder::add(folder, u"bob@example.com"_s, fakeKey('B'), {u"QA Lead"_s}));
        QCOMPARE(TestSupport::readBytes(folder + u"/allowed_signers"), signersAfter);
        QCOMPARE(TestSupport::readBytes(folder + u"/roles"), rolesAfter);

        // A line restricted on purpose is not widened by a plain one.
        QVERIFY(TestSupport::writeBytes(folder + u"/allowed_signers",
            signersAfter + withKeys("dave@example.com valid-before=\"20270101Z\" {D}\n")));
        VERIFY_NO_ERROR(TrustFolder::add(folder, u"dave@example.com"_s, fakeKey('D'), {}));
        QVERIFY(
            !TestSupport::readBytes(folder + u"/allowed_signers").contains("\ndave@example.com ssh-ed25519"));
    }

    void addKeepsCrlfAndAMissingFinalNewline()
    {
        const QString folder = trustFolderWith({{u"allowed_signers"_s, withKeys("# team\r\nalice {A}")},
            {u"roles"_s, "# roles\r\nQA Lead = carol\r\n"}});
        VERIFY_NO_ERROR(
            TrustFolder::add(folder, u"bob"_s, fakeKey('B'), {u"QA Lead"_s, u"Release Manager"_s}));
        QCOMPARE(TestSupport::readBytes(folder + u"/allowed_signers"),
            withKeys("# team\r\nalice {A}\r\nbob {B}\r\n"));
        QCOMPARE(TestSupport::readBytes(folder + u"/roles"),
            QByteArray("# roles\r\nQA Lead = carol, bob\r\nRelease Manager = bob\r\n"));
    }

    void initAndAddRefuseWhatSshKeygenCannotRead_data()
    {
        QTest::addColumn<QString>("principal");
        QTest::newRow("empty") << QString();
        QTest::newRow("blank") << u"Alice Smith"_s;
        QTest::newRow("tab") << u"alice\tsmith"_s;
        QTest::newRow("comma") << u"alice,bob"_s;
        QTest::newRow("quote") << u"alice\"x"_s;
        QTest::newRow("wildcard") << u"*@example.com"_s;
        QTest::newRow("comment") << u"#alice"_s;
        QTest::newRow("negation") << u"!alice"_s;
    }

    void initAndAddRefuseWhatSshKeygenCannotRead()
    {
        QFETCH(QString, principal);
        const QString directory = newDir();
        QVERIFY(TrustFolder::init(directory, principal, fakeKey('A')));
        QVERIFY(!QFileInfo::exists(directory + u"/.countersign/allowed_signers"));

        VERIFY_NO_ERROR(TrustFolder::init(directory, u"alice"_s, fakeKey('A')));
        const QByteArray before = TestSupport::readBytes(directory + u"/.countersign/allowed_signers");
        QVERIFY(TrustFolder::add(directory + u"/.countersign", principal, fakeKey('B'), {}));
        QCOMPARE(TestSupport::readBytes(directory + u"/.countersign/allowed_signers"), before);
    }

    void initRefusesABrokenKeyAndAMissingFolder()
    {
        SshPublicKey broken = fakeKey('A');
        broken.type = u"ssh-rsa"_s;
        QVERIFY(TrustFolder::init(newDir(), u"alice"_s, broken));
        QVERIFY(TrustFolder::init(newDir() + u"/missing", u"alice"_s, fakeKey('A')));
        QVERIFY(TrustFolder::add(newDir(), u"alice"_s, fakeKey('A'), {})); // no allowed_signers there
    }

    // ssh-keygen reads what init() and add() write: find-principals names the signer and verify accepts
    // the signature for that principal.
    void sshKeygenReadsWhatInitAndAddWrite()
    {
        if (!m_haveSshKeygen)
            QSKIP("ssh-keygen not found");
        const QString directory = newDir();
        const QString folder = directory + u"/.countersign";
        VERIFY_NO_ERROR(TrustFolder::init(directory, u"alice@example.com"_s, realKey(u"alice"_s)));
        VERIFY_NO_ERROR(
            TrustFolder::add(folder, u"bob@example.com"_s, realKey(u"bob"_s), {u"Release Manager"_s}));
        const QString allowedSigners = folder + u"/allowed_signers";

        const QByteArray message = "# Decision record\n\nGO.\n";
        for (const auto &[name, principal] :
            {std::pair{u"alice"_s, u"alice@example.com"_s}, std::pair{u"bob"_s, u"bob@example.com"_s}}) {
            const QString signature = sign(name, message);
            const Process found =
                sshKeygen({u"-Y"_s, u"find-principals"_s, u"-f"_s, allowedSigners, u"-s"_s, signature});
            QVERIFY2(found.exitCode == 0, found.err.constData());
            QCOMPARE(found.out.trimmed(), principal.toUtf8());
            const Process verified = sshKeygen({u"-Y"_s, u"verify"_s, u"-f"_s, allowedSigners, u"-I"_s,
                                                   principal, u"-n"_s, u"countersign"_s, u"-s"_s, signature},
                message);
            QVERIFY2(verified.exitCode == 0, verified.err.constData());
        }
        // carol is not listed: ssh-keygen finds no principal, and Countersign says so too.
        const Process unknown = sshKeygen(
            {u"-Y"_s, u"find-principals"_s, u"-f"_s, allowedSigners, u"-s"_s, sign(u"carol"_s, message)});
        QVERIFY(unknown.exitCode != 0);
        const Result<TrustFolder> trust = TrustFolder::load(folder);
        QVERIFY(trust);
        QCOMPARE(trust->refusal(
                     u"carol"_s, realKey(u"carol"_s), QDateTime::currentDateTimeUtc(), u"countersign"_s),
            u"unknown key"_s);
    }
};

QTEST_GUILESS_MAIN(TestTrustFolder)
#include "tst_trustfolder.moc"
