// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// SSH public keys and SSHSIG signatures against OpenSSH itself: fingerprints as `ssh-keygen -l`
// prints them, signatures made by `ssh-keygen -Y sign` (Ed25519 in process; ECDSA and RSA through
// ssh-keygen), verdicts that agree with `ssh-keygen -Y verify`, FIDO (sk-ssh-ed25519) signatures
// built by hand with OpenSSL, and malformed, truncated and bit-flipped signatures that neither crash
// nor pass.
#include "signing/sshsignature.h"
#include "sshtestsupport.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <openssl/evp.h>

using namespace Countersign;
using namespace TestSupport;
using namespace Qt::StringLiterals;

namespace {

const QByteArray message = "Decision record DR-0042: approved by Ana Ruiz\n";
const QString fileNamespace = QStringLiteral("file");

// An Ed25519 key of OpenSSL's, to build what only a FIDO security key could otherwise make.
class OpenSslEd25519
{
public:
    OpenSslEd25519()
        : m_key(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"), &EVP_PKEY_free)
    { }

    QByteArray publicKey() const
    {
        unsigned char raw[32];
        size_t size = sizeof raw;
        if (!m_key || EVP_PKEY_get_raw_public_key(m_key.get(), raw, &size) != 1)
            return {};
        return QByteArray(reinterpret_cast<const char *>(raw), qsizetype(size));
    }

    QByteArray sign(const QByteArray &data) const
    {
        const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(
            EVP_MD_CTX_new(), &EVP_MD_CTX_free);
        unsigned char signature[64];
        size_t size = sizeof signature;
        if (!m_key || !context ||
            EVP_DigestSignInit(context.get(), nullptr, nullptr, nullptr, m_key.get()) != 1 ||
            EVP_DigestSign(context.get(), signature, &size,
                reinterpret_cast<const unsigned char *>(data.data()), size_t(data.size())) != 1)
            return {};
        return QByteArray(reinterpret_cast<const char *>(signature), qsizetype(size));
    }

private:
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> m_key;
};

// What an SSHSIG signature signs (PROTOCOL.sshsig), written out independently of the code under test.
QByteArray sshsigSignedData(
    const QByteArray &nameSpace, const QByteArray &hashAlgorithm, const QByteArray &text)
{
    const auto algorithm =
        hashAlgorithm == "sha256" ? QCryptographicHash::Sha256 : QCryptographicHash::Sha512;
    return "SSHSIG" + sshString(nameSpace) + sshString({}) + sshString(hashAlgorithm) +
        sshString(QCryptographicHash::hash(text, algorithm));
}

// A FIDO security key's signature (PROTOCOL.u2f) of `text`: the authenticator signs
// SHA256(application) || flags || counter || SHA256(the SSHSIG signed data).
struct SecurityKeySignature
{
    QByteArray application = "ssh:";
    QByteArray signedApplication = "ssh:"; // the application the authenticator signed for
    quint8 flags = 0x01; // user presence
    quint8 signedFlags = 0x01;
    quint32 counter = 7;
    QByteArray nameSpace = "file";
    QByteArray hashAlgorithm = "sha512";

    QString armored(const OpenSslEd25519 &key, const QByteArray &text) const
    {
        const QByteArray type = "sk-ssh-ed25519@openssh.com";
        QByteArray signedBytes = QCryptographicHash::hash(signedApplication, QCryptographicHash::Sha256);
        signedBytes.append(char(signedFlags));
        appendUint32(signedBytes, counter);
        signedBytes.append(QCryptographicHash::hash(
            sshsigSignedData(nameSpace, hashAlgorithm, text), QCryptographicHash::Sha256));
        QByteArray signature = sshString(type) + sshString(key.sign(signedBytes));
        signature.append(char(flags));
        appendUint32(signature, counter);

        SshSigFields fields;
        fields.publicKey = sshString(type) + sshString(key.publicKey()) + sshString(application);
        fields.nameSpace = nameSpace;
        fields.hashAlgorithm = hashAlgorithm;
        fields.signature = signature;
        return armor(fields.blob());
    }
};

} // namespace

Q_DECLARE_METATYPE(SecurityKeySignature)
Q_DECLARE_METATYPE(Countersign::SshPublicKey)

namespace Countersign {
inline char *toString(const SshPublicKey &key)
{
    return QTest::toString(key.toText());
}
} // namespace Countersign

class TestSshSignature : public QObject
{
    Q_OBJECT

    QTemporaryDir m_directory;
    QHash<QString, QString> m_keys; // "ed25519", "ecdsa", "rsa", and each type's "-other": private key files

    SshPublicKey publicKeyOf(const QString &name) const
    {
        return SshPublicKey::fromText(QString::fromUtf8(readFile(m_keys.value(name) + u".pub")))
            .value_or(SshPublicKey());
    }
    QString sign(const QString &name, const QByteArray &text, const QString &nameSpace = fileNamespace,
        const QStringList &options = {}) const
    {
        return keygenSign(m_keys.value(name), nameSpace, text, options);
    }
    bool keygenAgrees(const SshPublicKey &key, const QByteArray &text, const QString &armored) const
    {
        return keygenVerifies(m_directory.path(), key.toText(), fileNamespace, text, armored);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_directory.isValid());
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("ssh-keygen")).isEmpty(),
            "these tests need OpenSSH's ssh-keygen (Debian: openssh-client)");
        for (const QString &type : {u"ed25519"_s, u"ecdsa"_s, u"rsa"_s}) {
            for (const QString &name : QStringList{type, type + u"-other"}) {
                m_keys.insert(name, generateKey(m_directory.filePath(name), type));
                QVERIFY2(
                    !m_keys.value(name).isEmpty(), qPrintable(u"ssh-keygen could not make a key: " + name));
            }
        }
    }

    void keyFromText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("comment");
        const QString ed25519 = publicKeyOf(QStringLiteral("ed25519")).toText();
        const QString base64 = ed25519.section(u' ', 1, 1);
        QTest::newRow("with a comment")
            << ed25519 + u" ana@example" << true << u"ssh-ed25519"_s << u"ana@example"_s;
        QTest::newRow("no comment") << ed25519 << true << u"ssh-ed25519"_s << QString();
        QTest::newRow("spaces, tabs, a line end") << u"  ssh-ed25519\t" + base64 + u"   Ana Ruiz (laptop) \n"
                                                  << true << u"ssh-ed25519"_s << u"Ana Ruiz (laptop)"_s;
        QTest::newRow("type differs from the blob's")
            << u"ssh-rsa " + base64 << false << QString() << QString();
        QTest::newRow("type only") << u"ssh-ed25519"_s << false << QString() << QString();
        QTest::newRow("empty") << QString() << false << QString() << QString();
        QTest::newRow("bad base64") << u"ssh-ed25519 AAAA*AAA"_s << false << QString() << QString();
        QTest::newRow("base64 cut short")
            << u"ssh-ed25519 " + base64.chopped(1) << false << QString() << QString();
        const QString ecdsa = publicKeyOf(QStringLiteral("ecdsa")).toText(); // 104 bytes: one "=" of padding
        QVERIFY(ecdsa.endsWith(u'=') && !ecdsa.endsWith(u"=="));
        QTest::newRow("ecdsa") << ecdsa << true << u"ecdsa-sha2-nistp256"_s << QString();
        QTest::newRow("base64 without its padding") << ecdsa.chopped(1) << false << QString() << QString();
        QTest::newRow("blob without a type string")
            << u"ssh-ed25519 AAAA"_s << false << QString() << QString();
        QTest::newRow("blob's type string runs past its end")
            << u"ssh-ed25519 AAAAC3NzaC1l"_s << false << QString() << QString();
        QTest::newRow("two lines") << ed25519 + u"\n" + ed25519 << false << QString() << QString();
        QTest::newRow("options before the type") << u"restrict " + ed25519 << false << QString() << QString();
    }

    void keyFromText()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        const std::optional<SshPublicKey> key = SshPublicKey::fromText(text);
        QCOMPARE(key.has_value(), valid);
        if (!valid)
            return;
        QFETCH(QString, type);
        QFETCH(QString, comment);
        QCOMPARE(key->type, type);
        QCOMPARE(key->comment, comment);
        QCOMPARE(SshPublicKey::fromText(key->toText()), key);
        QCOMPARE(key->toText().count(u' '), 1);
    }

    void keyFromBlob()
    {
        const SshPublicKey key = publicKeyOf(QStringLiteral("ecdsa"));
        const std::optional<SshPublicKey> again = SshPublicKey::fromBlob(key.blob);
        QVERIFY(again);
        QCOMPARE(again->type, u"ecdsa-sha2-nistp256"_s);
        QCOMPARE(*again, key);
        QVERIFY(!SshPublicKey::fromBlob({}));
        QVERIFY(!SshPublicKey::fromBlob(QByteArray("\0\0\0\0", 4)));
        QVERIFY(!SshPublicKey::fromBlob(QByteArray("\xff\xff\xff\xffssh-ed25519", 15)));
        QVERIFY(!SshPublicKey::fromBlob(sshString("ssh ed25519")));
        QVERIFY(!(key == publicKeyOf(QStringLiteral("ecdsa-other"))));
    }

    void fingerprintIsSshKeygens_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("ed25519") << u"ed25519"_s;
        QTest::newRow("ecdsa") << u"ecdsa"_s;
        QTest::newRow("rsa") << u"rsa"_s;
    }

    void fingerprintIsSshKeygens()
    {
        QFETCH(QString, name);
        const ToolRun listed = runTool(QStringLiteral("ssh-keygen"),
            {QStringLiteral("-l"), QStringLiteral("-E"), QStringLiteral("sha256"), QStringLiteral("-f"),
                m_keys.value(name) + u".pub"});
        QCOMPARE(listed.exitCode, 0);
        // "256 SHA256:... comment (ED25519)"
        const QString expected = QString::fromUtf8(listed.out).section(u' ', 1, 1);
        QVERIFY(expected.startsWith(u"SHA256:"));
        const SshPublicKey key = publicKeyOf(name);
        QCOMPARE(key.fingerprint(), expected);
        QCOMPARE(key.comment, u"test@countersign"_s);
    }

    void parseKeygenSignature()
    {
        const QString armored = sign(QStringLiteral("ed25519"), message);
        const Result<SshSignature> signature = SshSignature::parse(armored);
        QVERIFY2(signature, qPrintable(signature ? QString() : signature.error().message));
        QCOMPARE(signature->key, publicKeyOf(QStringLiteral("ed25519")));
        QCOMPARE(signature->nameSpace, fileNamespace);
        QCOMPARE(signature->hashAlgorithm, u"sha512"_s);
        QVERIFY(signature->signature.startsWith(sshString("ssh-ed25519")));

        // Line ends and surrounding blank space do not matter.
        QString crlf = armored;
        crlf.replace(u"\n"_s, u"\r\n"_s);
        QVERIFY(SshSignature::parse(QString(u"\n  " + crlf + u"\n\n")));
        QCOMPARE(SshSignatureVerifier::verify(message, u"\n  " + crlf, fileNamespace).valid, true);

        const Result<SshSignature> sha256 = SshSignature::parse(
            sign(QStringLiteral("rsa"), message, fileNamespace, {u"-O"_s, u"hashalg=sha256"_s}));
        QVERIFY(sha256);
        QCOMPARE(sha256->hashAlgorithm, u"sha256"_s);
        QCOMPARE(sha256->key.type, u"ssh-rsa"_s);
        QVERIFY(sha256->signature.startsWith(sshString("rsa-sha2-512")) ||
            sha256->signature.startsWith(sshString("rsa-sha2-256")));
    }

    void parseRefusesMalformed_data()
    {
        QTest::addColumn<QString>("armored");
        QTest::addColumn<QString>("message");
        const QString good = sign(QStringLiteral("ed25519"), message);
        const SshSigFields fields = fieldsOf(dearmor(good));
        QVERIFY(fields.blob() == dearmor(good));
        const auto with = [&fields](auto change) {
            SshSigFields changed = fields;
            change(changed);
            return armor(changed.blob());
        };
        const QString begin = QStringLiteral("-----BEGIN SSH SIGNATURE-----");
        const QString end = QStringLiteral("-----END SSH SIGNATURE-----");
        const QString base64 = good.section(u'\n', 1, -3);

        QTest::newRow("empty") << QString() << u"missing the line \"" + begin;
        QTest::newRow("no armor") << base64 << u"missing the line \"" + begin;
        QTest::newRow("no end line") << good.section(u'\n', 0, -3) << u"missing the line \"" + end;
        QTest::newRow("begin line only") << begin << u"missing the line \"" + end;
        QTest::newRow("text after the end line") << good + u"P.S.\n" << u"text after the line \"" + end;
        QTest::newRow("two signatures") << good + good << u"text after the line \"" + end;
        QTest::newRow("a character outside base64")
            << QString(good).replace(40, 1, u'*')
            << u"invalid base64: unexpected character U+002A on line 2"_s;
        QTest::newRow("a space inside a line") << QString(good).replace(40, 1, u' ') << u"invalid base64"_s;
        QTest::newRow("non-ASCII") << QString(good).replace(40, 1, u'é') << u"U+00E9"_s;
        QTest::newRow("base64 missing its padding")
            << with([](SshSigFields &f) { f.nameSpace = "file1"; }).remove(u"=="_s) << u"invalid base64"_s;
        QTest::newRow("nothing between the armor lines") << begin + u'\n' + end << u"invalid base64"_s;
        QTest::newRow("wrong magic") << with([](SshSigFields &f) { f.magic = "SSHSIH"; })
                                     << u"does not start with \"SSHSIG\""_s;
        QTest::newRow("magic only") << armor("SSHSIG") << u"truncated in the version"_s;
        QTest::newRow("version 2") << with([](SshSigFields &f) { f.version = 2; })
                                   << u"unsupported version 2 (only version 1 is known)"_s;
        QTest::newRow("version 0") << with([](SshSigFields &f) { f.version = 0; })
                                   << u"unsupported version 0"_s;
        QTest::newRow("a byte after the signature")
            << armor(fields.blob() + '\0') << u"stray bytes after the signature: 1"_s;
        QTest::newRow("a string longer than the blob")
            << armor(QByteArray("SSHSIG\0\0\0\1\xff\xff\xff\xff", 14) + fields.publicKey)
            << u"truncated in the public key"_s;
        QTest::newRow("reserved field not empty")
            << with([](SshSigFields &f) { f.reserved = "x"; }) << u"the reserved field is not empty"_s;
        QTest::newRow("hash algorithm sha1") << with([](SshSigFields &f) { f.hashAlgorithm = "sha1"; })
                                             << u"unsupported hash algorithm \"sha1\""_s;
        QTest::newRow("empty namespace")
            << with([](SshSigFields &f) { f.nameSpace.clear(); }) << u"the namespace is empty or not text"_s;
        QTest::newRow("namespace with a NUL")
            << with([](SshSigFields &f) { f.nameSpace = QByteArray("fi\0le", 5); })
            << u"the namespace is empty or not text"_s;
        QTest::newRow("namespace not UTF-8") << with([](SshSigFields &f) { f.nameSpace = "fil\xe9"; })
                                             << u"the namespace is empty or not text"_s;
        QTest::newRow("public key without a type")
            << with([](SshSigFields &f) { f.publicKey = sshString({}) + f.publicKey; })
            << u"the public key does not start with a key type"_s;
        QTest::newRow("empty signature") << with([](SshSigFields &f) { f.signature.clear(); })
                                         << u"the signature does not start with a signature type"_s;
    }

    void parseRefusesMalformed()
    {
        QFETCH(QString, armored);
        QFETCH(QString, message);
        const Result<SshSignature> signature = SshSignature::parse(armored);
        QVERIFY(!signature);
        QCOMPARE(signature.error().code, Error::Code::InvalidArgument);
        QVERIFY2(signature.error().message.contains(message), qPrintable(signature.error().message));

        const SignatureCheck check = SshSignatureVerifier::verify(::message, armored, fileNamespace);
        QVERIFY(!check.valid);
        QCOMPARE(check.reason, u"not an SSH signature: " + signature.error().message);
    }

    void verifyAgreesWithKeygen_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("armored");
        QTest::addColumn<SshPublicKey>("key"); // the key the signature carries
        QTest::addColumn<QString>("reason"); // empty: valid
        for (const QString &type : {u"ed25519"_s, u"ecdsa"_s, u"rsa"_s}) {
            const QString other = type + u"-other";
            const SshPublicKey key = publicKeyOf(type);
            const QByteArray changed = QByteArray(message).replace("approved", "approvee");
            const auto row = [&type](const char *what) {
                return (type + u": " + QLatin1StringView(what)).toUtf8();
            };

            QTest::newRow(row("valid").constData()) << message << sign(type, message) << key << QString();
            QTest::newRow(row("valid, sha256").constData())
                << message << sign(type, message, fileNamespace, {u"-O"_s, u"hashalg=sha256"_s}) << key
                << QString();
            QTest::newRow(row("valid, empty message").constData())
                << QByteArray() << sign(type, {}) << key << QString();
            QTest::newRow(row("one byte of the message changed").constData())
                << changed << sign(type, message) << key << u"bad signature"_s;
            QTest::newRow(row("message cut short").constData())
                << message.chopped(1) << sign(type, message) << key << u"bad signature"_s;
            QTest::newRow(row("wrong namespace").constData())
                << message << sign(type, message, u"git"_s) << key
                << u"wrong namespace \"git\" (expected \"file\")"_s;
            QTest::newRow(row("another message's signature").constData())
                << message << sign(type, changed) << key << u"bad signature"_s;

            // Another key's signature with this key's public key put in its place.
            SshSigFields spliced = fieldsOf(dearmor(sign(other, message)));
            spliced.publicKey = key.blob;
            QTest::newRow(row("another key's signature, this key spliced in").constData())
                << message << armor(spliced.blob()) << key << u"bad signature"_s;
        }
    }

    void verifyAgreesWithKeygen()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, armored);
        QFETCH(SshPublicKey, key);
        QFETCH(QString, reason);
        QVERIFY(!armored.isEmpty());
        const SignatureCheck check = SshSignatureVerifier::verify(text, armored, fileNamespace);
        QCOMPARE(check.reason, reason);
        QCOMPARE(check.valid, reason.isEmpty());
        QCOMPARE(check.key, key);
        QCOMPARE(keygenAgrees(key, text, armored), check.valid);
    }

    void truncationsNeverPass_data()
    {
        QTest::addColumn<QString>("armored");
        QTest::newRow("ed25519") << sign(u"ed25519"_s, message);
        QTest::newRow("ecdsa") << sign(u"ecdsa"_s, message);
        QTest::newRow("rsa") << sign(u"rsa"_s, message);
    }

    void truncationsNeverPass()
    {
        QFETCH(QString, armored);
        QVERIFY(SshSignatureVerifier::verify(message, armored, fileNamespace).valid);

        // The blob cut at every length, armored again.
        const QByteArray blob = dearmor(armored);
        for (qsizetype length = 0; length < blob.size(); ++length) {
            const QString truncated = armor(blob.left(length));
            QVERIFY2(
                !SshSignature::parse(truncated), qPrintable(QStringLiteral("blob cut to %1").arg(length)));
            const SignatureCheck check = SshSignatureVerifier::verify(message, truncated, fileNamespace);
            QVERIFY(!check.valid);
            QVERIFY2(check.reason.startsWith(u"not an SSH signature: "), qPrintable(check.reason));
        }
        // The text cut at every length up to the end line's last character.
        const qsizetype end = armored.lastIndexOf(u"-----") + 5;
        for (qsizetype length = 0; length < end; ++length) {
            const SignatureCheck check =
                SshSignatureVerifier::verify(message, armored.left(length), fileNamespace);
            QVERIFY2(!check.valid, qPrintable(QStringLiteral("text cut to %1").arg(length)));
            QVERIFY2(check.reason.startsWith(u"not an SSH signature: "), qPrintable(check.reason));
        }
        QVERIFY(SshSignatureVerifier::verify(message, armored.left(end), fileNamespace).valid);
    }

    void byteFlipsNeverPass_data()
    {
        QTest::addColumn<QString>("armored");
        QTest::addColumn<int>("stride"); // every how manyth byte: the other types run ssh-keygen for each
        QTest::newRow("ed25519") << sign(u"ed25519"_s, message) << 1;
        QTest::newRow("ecdsa") << sign(u"ecdsa"_s, message) << 3;
        QTest::newRow("rsa") << sign(u"rsa"_s, message) << 17;
    }

    void byteFlipsNeverPass()
    {
        QFETCH(QString, armored);
        QFETCH(int, stride);
        const QByteArray blob = dearmor(armored);
        for (qsizetype i = 0; i < blob.size(); i += stride) {
            for (const char mask : {'\x01', '\x80', '\xff'}) {
                QByteArray flipped = blob;
                flipped[i] = char(flipped.at(i) ^ mask);
                const SignatureCheck check =
                    SshSignatureVerifier::verify(message, armor(flipped), fileNamespace);
                QVERIFY2(!check.valid,
                    qPrintable(QStringLiteral("byte %1 ^ %2 passed").arg(i).arg(int(quint8(mask)))));
                QVERIFY(!check.reason.isEmpty());
            }
        }
    }

    // Several bytes at once set to random values, the blob cut or grown: parsing never reads out of
    // bounds (the sanitizer build watches), and nothing passes.
    void randomMutationsNeverPass()
    {
        const QByteArray blob = dearmor(sign(u"ed25519"_s, message));
        QRandomGenerator random(20260415);
        for (int round = 0; round < 5000; ++round) {
            QByteArray mutated = blob;
            for (int n = int(random.bounded(1, 5)); n > 0; --n)
                mutated[random.bounded(mutated.size())] = char(random.bounded(256));
            if (round % 3 == 1)
                mutated.truncate(random.bounded(mutated.size()));
            else if (round % 3 == 2)
                mutated.append(QByteArray(int(random.bounded(1, 8)), char(random.bounded(256))));
            if (mutated == blob)
                continue;
            const SignatureCheck check = SshSignatureVerifier::verify(message, armor(mutated), fileNamespace);
            QVERIFY2(!check.valid, qPrintable(QString::fromLatin1(mutated.toBase64())));
        }
    }

    void securityKeySignature_data()
    {
        QTest::addColumn<SecurityKeySignature>("made");
        QTest::addColumn<QString>("reason"); // empty: valid
        QTest::addColumn<bool>("keygenValid"); // `ssh-keygen -Y verify`'s verdict
        QTest::newRow("touched") << SecurityKeySignature() << QString() << true;
        SecurityKeySignature sha256;
        sha256.hashAlgorithm = "sha256";
        QTest::newRow("touched, sha256") << sha256 << QString() << true;
        SecurityKeySignature untouched;
        untouched.flags = untouched.signedFlags = 0x00;
        // Stricter than ssh-keygen, which leaves the touch to allowed_signers' caller (only sshd asks).
        QTest::newRow("no user presence")
            << untouched << u"the security key did not confirm the user's presence (no touch)"_s << true;
        SecurityKeySignature verified;
        verified.flags = verified.signedFlags = 0x05; // user presence and user verification
        QTest::newRow("touched and verified") << verified << QString() << true;
        SecurityKeySignature flagCleared;
        flagCleared.flags = 0x00;
        QTest::newRow("presence flag cleared after signing") << flagCleared << u"bad signature"_s << false;
        SecurityKeySignature flagSet = untouched;
        flagSet.flags = 0x01;
        QTest::newRow("presence flag set after signing") << flagSet << u"bad signature"_s << false;
        SecurityKeySignature otherApplication;
        otherApplication.signedApplication = "ssh:other";
        QTest::newRow("signed for another application") << otherApplication << u"bad signature"_s << false;
        SecurityKeySignature otherNamespace;
        otherNamespace.nameSpace = "git";
        QTest::newRow("wrong namespace")
            << otherNamespace << u"wrong namespace \"git\" (expected \"file\")"_s << false;
    }

    void securityKeySignature()
    {
        QFETCH(SecurityKeySignature, made);
        QFETCH(QString, reason);
        QFETCH(bool, keygenValid);
        const OpenSslEd25519 authenticator;
        QCOMPARE(authenticator.publicKey().size(), 32);
        const QString armored = made.armored(authenticator, message);
        const SignatureCheck check = SshSignatureVerifier::verify(message, armored, fileNamespace);
        QCOMPARE(check.reason, reason);
        QCOMPARE(check.valid, reason.isEmpty());
        QCOMPARE(check.key.type, u"sk-ssh-ed25519@openssh.com"_s);
        QCOMPARE(check.key.blob,
            sshString("sk-ssh-ed25519@openssh.com") + sshString(authenticator.publicKey()) +
                sshString("ssh:"));
        QCOMPARE(keygenAgrees(check.key, message, armored), keygenValid);
        if (check.valid)
            QVERIFY(!SshSignatureVerifier::verify(message + '.', armored, fileNamespace).valid);
    }

    void securityKeyMalformed()
    {
        const OpenSslEd25519 authenticator;
        const SshSigFields fields = fieldsOf(dearmor(SecurityKeySignature().armored(authenticator, message)));
        const auto check = [](const SshSigFields &changed) {
            return SshSignatureVerifier::verify(message, armor(changed.blob()), fileNamespace).reason;
        };
        SshSigFields noCounter = fields;
        noCounter.signature.chop(4);
        QCOMPARE(check(noCounter), u"malformed sk-ssh-ed25519@openssh.com signature"_s);
        SshSigFields noApplication = fields;
        noApplication.publicKey =
            sshString("sk-ssh-ed25519@openssh.com") + sshString(authenticator.publicKey());
        QCOMPARE(check(noApplication), u"malformed sk-ssh-ed25519@openssh.com public key"_s);
        SshSigFields plainType = fields;
        plainType.signature.replace(0, 30, sshString("ssh-ed25519"));
        QCOMPARE(check(plainType),
            u"signature type \"ssh-ed25519\" does not match the key type \"sk-ssh-ed25519@openssh.com\""_s);
    }

    void unsupportedKeyType()
    {
        SshSigFields fields = fieldsOf(dearmor(sign(u"ed25519"_s, message)));
        fields.publicKey =
            sshString("ssh-dss") + sshString("p") + sshString("q") + sshString("g") + sshString("y");
        const SignatureCheck check =
            SshSignatureVerifier::verify(message, armor(fields.blob()), fileNamespace);
        QVERIFY(!check.valid);
        QCOMPARE(check.reason, u"unsupported key type \"ssh-dss\""_s);
        QCOMPARE(check.key.type, u"ssh-dss"_s);
    }

    void ed25519KeyOfWrongSize()
    {
        SshSigFields fields = fieldsOf(dearmor(sign(u"ed25519"_s, message)));
        fields.publicKey = sshString("ssh-ed25519") + sshString(QByteArray(31, 'k'));
        QCOMPARE(SshSignatureVerifier::verify(message, armor(fields.blob()), fileNamespace).reason,
            u"malformed ssh-ed25519 public key"_s);
    }
};

QTEST_GUILESS_MAIN(TestSshSignature)
#include "tst_sshsignature.moc"
