// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// SshSigner: signatures made through ssh-keygen with a key file, with a key held by the test's own
// ssh-agent (named by a key:: literal, by its .pub, or not at all), verified in process and by
// `ssh-keygen -Y verify`; and the errors: no agent, an empty agent, a missing key file, a passphrase
// nobody can type, a prompt that never ends, no ssh-keygen.
#include "signing/sshsignature.h"
#include "signing/sshsigner.h"
#include "sshtestsupport.h"

#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Countersign;
using namespace TestSupport;
using namespace Qt::StringLiterals;

namespace Countersign {
inline char *toString(const SshPublicKey &key)
{
    return QTest::toString(key.toText());
}
} // namespace Countersign

namespace {

const QByteArray message = "Checkpoint packet CP-7: signed off by Ana Ruiz\n";
const QString fileNamespace = u"file"_s;

QString errorOf(const Result<SshSigner::Signed> &result)
{
    return result ? QString() : result.error().toString();
}

} // namespace

class TestSshSigner : public QObject
{
    Q_OBJECT

    QTemporaryDir m_directory;
    QString m_fileKey; // a private key file without passphrase
    QString m_agentKey; // a key the agent holds; its private file is gone, its .pub stays
    std::unique_ptr<TestAgent> m_agent;

    SshPublicKey publicKeyIn(const QString &path) const
    {
        return SshPublicKey::fromText(QString::fromUtf8(readFile(path))).value_or(SshPublicKey());
    }
    // The environment with no agent, no terminal prompt and no graphical one: nothing can ask.
    static QProcessEnvironment withoutPrompts()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(u"SSH_AUTH_SOCK"_s);
        environment.remove(u"DISPLAY"_s);
        environment.remove(u"WAYLAND_DISPLAY"_s);
        environment.insert(u"SSH_ASKPASS"_s, u"/bin/false"_s);
        environment.insert(u"SSH_ASKPASS_REQUIRE"_s, u"force"_s);
        return environment;
    }
    // `signed` verifies over `text` both in process and in ssh-keygen's judgement, made by `key`.
    void checkVerifies(const SshSigner::Signed &made, const QByteArray &text, const SshPublicKey &key) const
    {
        QCOMPARE(made.key, key);
        const SignatureCheck check = SshSignatureVerifier::verify(text, made.armored, fileNamespace);
        QVERIFY2(check.valid, qPrintable(check.reason));
        QCOMPARE(check.key, key);
        QVERIFY(keygenVerifies(m_directory.path(), key.toText(), fileNamespace, text, made.armored));
        QVERIFY(!SshSignatureVerifier::verify(text + '!', made.armored, fileNamespace).valid);
        QVERIFY(!keygenVerifies(m_directory.path(), key.toText(), fileNamespace, text + '!', made.armored));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_directory.isValid());
        QVERIFY2(!QStandardPaths::findExecutable(u"ssh-keygen"_s).isEmpty(),
            "these tests need OpenSSH's ssh-keygen, ssh-agent and ssh-add (Debian: openssh-client)");
        m_fileKey = generateKey(m_directory.filePath(u"file_ed25519"_s), u"ed25519"_s);
        QVERIFY(!m_fileKey.isEmpty());
        m_agentKey = generateKey(m_directory.filePath(u"agent_ecdsa"_s), u"ecdsa"_s);
        QVERIFY(!m_agentKey.isEmpty());

        m_agent = std::make_unique<TestAgent>(m_directory.filePath(u"agent.sock"_s));
        QVERIFY2(m_agent->isRunning(), "ssh-agent did not start");
        QVERIFY(m_agent->add(m_agentKey));
        // Only the agent can sign with it now.
        QVERIFY(QFile::remove(m_agentKey));
    }

    void cleanupTestCase() { m_agent.reset(); }

    void signWithKeyFile()
    {
        const Result<SshSigner::Signed> made =
            SshSigner::sign(message, m_fileKey, fileNamespace, withoutPrompts(), 30000);
        QVERIFY2(made, qPrintable(errorOf(made)));
        QVERIFY(made->armored.startsWith(u"-----BEGIN SSH SIGNATURE-----\n"));
        checkVerifies(made.value(), message, publicKeyIn(m_fileKey + u".pub"));

        const Result<SshSigner::Signed> empty =
            SshSigner::sign({}, m_fileKey, u"git"_s, withoutPrompts(), 30000);
        QVERIFY2(empty, qPrintable(errorOf(empty)));
        QVERIFY(SshSignatureVerifier::verify({}, empty->armored, u"git"_s).valid);
        QCOMPARE(SshSignatureVerifier::verify({}, empty->armored, fileNamespace).reason,
            u"wrong namespace \"git\" (expected \"file\")"_s);
    }

    void signLargeMessage()
    {
        QByteArray large(8 * 1024 * 1024, 'x');
        for (qsizetype i = 0; i < large.size(); i += 4099)
            large[i] = char('a' + i % 26);
        const Result<SshSigner::Signed> made =
            SshSigner::sign(large, m_fileKey, fileNamespace, withoutPrompts(), 60000);
        QVERIFY2(made, qPrintable(errorOf(made)));
        QVERIFY(SshSignatureVerifier::verify(large, made->armored, fileNamespace).valid);
        large[large.size() / 2] = '?';
        QCOMPARE(
            SshSignatureVerifier::verify(large, made->armored, fileNamespace).reason, u"bad signature"_s);
    }

    void signThroughAgent_data()
    {
        QTest::addColumn<QString>("key");
        const QString pub = m_agentKey + u".pub";
        QTest::newRow("key:: literal") << u"key::"_s + publicKeyIn(pub).toText();
        QTest::newRow("key:: literal with its comment")
            << u"key::"_s + QString::fromUtf8(readFile(pub)).trimmed();
        QTest::newRow("no key: the agent's first") << QString();
        QTest::newRow("the .pub of the agent's key") << pub;
    }

    void signThroughAgent()
    {
        QFETCH(QString, key);
        const SshPublicKey expected = publicKeyIn(m_agentKey + u".pub");
        QProcessEnvironment environment = withoutPrompts();
        environment.insert(u"SSH_AUTH_SOCK"_s, m_agent->socket());
        const Result<SshSigner::Signed> made =
            SshSigner::sign(message, key, fileNamespace, environment, 30000);
        QVERIFY2(made, qPrintable(errorOf(made)));
        QCOMPARE(made->key.type, u"ecdsa-sha2-nistp256"_s);
        checkVerifies(made.value(), message, expected);

        const Result<SshPublicKey> publicKey = SshSigner::publicKey(key, environment);
        QVERIFY2(publicKey, qPrintable(publicKey ? QString() : publicKey.error().toString()));
        QCOMPARE(publicKey.value(), expected);
    }

    void agentKeyWithoutAgent()
    {
        const QString literal = u"key::"_s + publicKeyIn(m_agentKey + u".pub").toText();
        const Result<SshSigner::Signed> made =
            SshSigner::sign(message, literal, fileNamespace, withoutPrompts(), 30000);
        QVERIFY(!made);
        const QString fingerprint = publicKeyIn(m_agentKey + u".pub").fingerprint();
        QVERIFY2(made.error().message.startsWith(u"ssh-keygen could not sign: "_s),
            qPrintable(made.error().message));
        QVERIFY2(made.error().message.endsWith(u" (the agent's key "_s + fingerprint + u')'),
            qPrintable(made.error().message));
    }

    void noKeyNoAgent()
    {
        const Result<SshSigner::Signed> made =
            SshSigner::sign(message, {}, fileNamespace, withoutPrompts(), 30000);
        QVERIFY(!made);
        QCOMPARE(made.error().message, u"ssh-agent is not running (SSH_AUTH_SOCK is not set)"_s);
        const Result<SshPublicKey> publicKey = SshSigner::publicKey({}, withoutPrompts());
        QVERIFY(!publicKey);
        QCOMPARE(publicKey.error().message, u"ssh-agent is not running (SSH_AUTH_SOCK is not set)"_s);
    }

    void noKeyEmptyAgent()
    {
        const TestAgent empty(m_directory.filePath(u"empty.sock"_s));
        QVERIFY(empty.isRunning());
        QProcessEnvironment environment = withoutPrompts();
        environment.insert(u"SSH_AUTH_SOCK"_s, empty.socket());
        const Result<SshSigner::Signed> made =
            SshSigner::sign(message, {}, fileNamespace, environment, 30000);
        QVERIFY(!made);
        QCOMPARE(made.error().message, u"no key given and ssh-agent holds none"_s);
    }

    void noKeyAgentGone()
    {
        QProcessEnvironment environment = withoutPrompts();
        const QString socket = m_directory.filePath(u"no-such.sock"_s);
        environment.insert(u"SSH_AUTH_SOCK"_s, socket);
        const Result<SshSigner::Signed> made =
            SshSigner::sign(message, {}, fileNamespace, environment, 30000);
        QVERIFY(!made);
        QVERIFY2(made.error().message.startsWith(u"cannot reach ssh-agent at "_s + socket + u": "),
            qPrintable(made.error().message));
    }

    void passphraseNobodyCanType()
    {
        const QString key =
            generateKey(m_directory.filePath(u"locked_ed25519"_s), u"ed25519"_s, u"correct horse"_s);
        QVERIFY(!key.isEmpty());
        QElapsedTimer clock;
        clock.start();
        const Result<SshSigner::Signed> made =
            SshSigner::sign(message, key, fileNamespace, withoutPrompts(), 20000);
        QVERIFY(!made);
        QVERIFY2(clock.elapsed() < 15000, "waited for the timeout instead of failing");
        QCOMPARE(made.error().file, key);
        QVERIFY2(made.error().toString().startsWith(key + u": ssh-keygen could not sign: "),
            qPrintable(made.error().toString()));
    }

    void promptThatNeverEnds()
    {
        const QString key =
            generateKey(m_directory.filePath(u"slow_ed25519"_s), u"ed25519"_s, u"correct horse"_s);
        QVERIFY(!key.isEmpty());
        // A prompt that does not answer for a long while: the signer stops waiting.
        const QString askpass = m_directory.filePath(u"slow-askpass"_s);
        QVERIFY(writeFile(askpass, "#!/bin/sh\nexec sleep 6\n"));
        QVERIFY(QFile::setPermissions(askpass, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        QProcessEnvironment environment = withoutPrompts();
        environment.insert(u"SSH_ASKPASS"_s, askpass);
        QElapsedTimer clock;
        clock.start();
        const Result<SshSigner::Signed> made =
            SshSigner::sign(message, key, fileNamespace, environment, 1000);
        QVERIFY(!made);
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QStringLiteral("took %1 ms").arg(clock.elapsed())));
        QCOMPARE(made.error().toString(), key + u": ssh-keygen did not finish within 1 s and was stopped");
    }

    void missingKeyFile()
    {
        const QString key = m_directory.filePath(u"no_such_key"_s);
        const Result<SshSigner::Signed> made =
            SshSigner::sign(message, key, fileNamespace, withoutPrompts(), 30000);
        QVERIFY(!made);
        QCOMPARE(made.error().code, Error::Code::FileNotFound);
        QCOMPARE(made.error().toString(), key + u": no such key file");
        const Result<SshPublicKey> publicKey = SshSigner::publicKey(key, withoutPrompts());
        QVERIFY(!publicKey);
        QCOMPARE(publicKey.error().toString(), key + u": no such key file");
    }

    void badLiteral()
    {
        const Result<SshSigner::Signed> made =
            SshSigner::sign(message, u"key::ssh-ed25519 AAAA!"_s, fileNamespace, withoutPrompts(), 30000);
        QVERIFY(!made);
        QCOMPARE(made.error().message,
            u"\"key::ssh-ed25519 AAAA!\" is not an SSH public key (key::TYPE BASE64)"_s);
    }

    void emptyNamespace()
    {
        const Result<SshSigner::Signed> made =
            SshSigner::sign(message, m_fileKey, {}, withoutPrompts(), 30000);
        QVERIFY(!made);
        QCOMPARE(made.error().message, u"a signature needs a namespace"_s);
    }

    void sshKeygenMissing()
    {
        QProcessEnvironment environment = withoutPrompts();
        environment.insert(u"PATH"_s, m_directory.filePath(u"empty-bin"_s));
        const Result<SshSigner::Signed> made =
            SshSigner::sign(message, m_fileKey, fileNamespace, environment, 30000);
        QVERIFY(!made);
        QCOMPARE(made.error().code, Error::Code::FileNotFound);
        QCOMPARE(
            made.error().toString(), m_fileKey + u": ssh-keygen was not found; install OpenSSH's client");
    }

    void publicKeyOfKeyFile()
    {
        const SshPublicKey expected = publicKeyIn(m_fileKey + u".pub");
        for (const QString &path : QStringList{m_fileKey, m_fileKey + u".pub"}) {
            const Result<SshPublicKey> key = SshSigner::publicKey(path, withoutPrompts());
            QVERIFY2(key, qPrintable(key ? QString() : key.error().toString()));
            QCOMPARE(key.value(), expected);
            QCOMPARE(key->comment, u"test@countersign"_s);
        }

        // "~/" is the home folder of the environment given, as in git's user.signingKey.
        QProcessEnvironment home = withoutPrompts();
        home.insert(u"HOME"_s, m_directory.path());
        const QString tilde = u"~/"_s + QFileInfo(m_fileKey).fileName();
        const Result<SshPublicKey> fromHome = SshSigner::publicKey(tilde, home);
        QVERIFY(fromHome);
        QCOMPARE(fromHome.value(), expected);
        const Result<SshSigner::Signed> made = SshSigner::sign(message, tilde, fileNamespace, home, 30000);
        QVERIFY2(made, qPrintable(errorOf(made)));
        QCOMPARE(made->key, expected);

        // A private key without its .pub beside it: asks for the file rather than the passphrase.
        const QString lone = generateKey(m_directory.filePath(u"lone_ed25519"_s), u"ed25519"_s);
        QVERIFY(QFile::remove(lone + u".pub"));
        const Result<SshPublicKey> key = SshSigner::publicKey(lone, withoutPrompts());
        QVERIFY(!key);
        QCOMPARE(key.error().file, lone);
        QVERIFY2(
            key.error().message.contains(u"ssh-keygen -y -f "_s + lone), qPrintable(key.error().message));

        // A .pub that is not a key.
        const QString garbage = m_directory.filePath(u"garbage.pub"_s);
        QVERIFY(writeFile(garbage, "not a key\n"));
        const Result<SshPublicKey> notKey = SshSigner::publicKey(garbage, withoutPrompts());
        QVERIFY(!notKey);
        QCOMPARE(notKey.error().toString(), garbage + u": not an SSH public key (TYPE BASE64 COMMENT)");
    }
};

QTEST_GUILESS_MAIN(TestSshSigner)
#include "tst_sshsigner.moc"
