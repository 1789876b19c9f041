// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "signing/sshsignature.h"

#include "signing/opensshtool.h"
#include "signing/sshwire.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <memory>
#include <openssl/err.h>
#include <openssl/evp.h>

namespace Countersign {

namespace {

constexpr QByteArrayView magic = "SSHSIG";
constexpr quint32 version = 1;
constexpr QStringView beginLine = u"-----BEGIN SSH SIGNATURE-----";
constexpr QStringView endLine = u"-----END SSH SIGNATURE-----";
constexpr QStringView ed25519Type = u"ssh-ed25519";
constexpr QStringView skEd25519Type = u"sk-ssh-ed25519@openssh.com";
// A FIDO authenticator's flag that the user touched it (PROTOCOL.u2f). sshd requires it by default;
// `ssh-keygen -Y verify` does not look, but a signature made without a touch may have been made by
// malware while the key sat in its port: refused.
constexpr quint8 userPresenceFlag = 0x01;
// The key types ssh-keygen checks for us; other types (DSA, certificates, unknown) are refused.
constexpr QStringView keygenTypes[] = {u"ssh-rsa", u"ecdsa-sha2-nistp256", u"ecdsa-sha2-nistp384",
    u"ecdsa-sha2-nistp521", u"sk-ecdsa-sha2-nistp256@openssh.com"};
constexpr int keygenTimeoutMs = 30000;

Error malformed(const QString &why)
{
    return Error{Error::Code::InvalidArgument, why, {}};
}

// The base64 between the armor lines, or an Error.
Result<QByteArray> dearmor(QStringView armored)
{
    const QList<QStringView> lines = armored.trimmed().split(u'\n');
    if (lines.constFirst().trimmed() != beginLine)
        return malformed(u"missing the line \"" + beginLine + u"\" at the start");
    const auto isEndLine = [](QStringView line) { return line.trimmed() == endLine; };
    const qsizetype end = std::find_if(lines.cbegin() + 1, lines.cend(), isEndLine) - lines.cbegin();
    if (end == lines.size())
        return malformed(u"missing the line \"" + endLine + u"\" at the end");
    if (end != lines.size() - 1)
        return malformed(u"text after the line \"" + endLine + u'"');
    QByteArray base64;
    for (qsizetype i = 1; i < end; ++i) {
        const QStringView line = lines.at(i).trimmed();
        for (const QChar c : line) {
            const char16_t u = c.unicode();
            const bool inAlphabet = (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') ||
                (u >= u'0' && u <= u'9') || u == u'+' || u == u'/' || u == u'=';
            if (!inAlphabet)
                return malformed(QStringLiteral("invalid base64: unexpected character U+%1 on line %2")
                        .arg(QString::number(uint(u), 16).toUpper().rightJustified(4, u'0'))
                        .arg(i + 1));
        }
        base64 += line.toLatin1();
    }
    // Padded and canonical, as OpenSSH writes (and requires) it.
    const QByteArray::FromBase64Result decoded = QByteArray::fromBase64Encoding(
        base64, QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    if (base64.isEmpty() || base64.size() % 4 != 0 || !decoded || decoded.decoded.toBase64() != base64)
        return malformed(QStringLiteral("invalid base64 between the armor lines"));
    return decoded.decoded;
}

// The armored text of `signature` as ssh-keygen writes it: the blob is the same bytes as the text it
// was parsed from (parse keeps every field and refuses a reserved field or trailing bytes), the armor
// exactly what ssh-keygen reads (no leading space, LF line ends, lines of 70 characters).
QByteArray armor(const SshSignature &signature)
{
    QByteArray blob(magic.data(), magic.size());
    SshWireReader::appendUint32(blob, version);
    SshWireReader::appendString(blob, signature.key.blob);
    SshWireReader::appendString(blob, signature.nameSpace.toUtf8());
    SshWireReader::appendString(blob, {}); // reserved
    SshWireReader::appendString(blob, signature.hashAlgorithm.toLatin1());
    SshWireReader::appendString(blob, signature.signature);
    const QByteArray base64 = blob.toBase64();
    QByteArray text = beginLine.toLatin1() + '\n';
    for (qsizetype i = 0; i < base64.size(); i += 70)
        text += base64.mid(i, 70) + '\n';
    return text + endLine.toLatin1() + '\n';
}

// The text of a string field that must not hold a NUL byte (OpenSSH reads these as C strings).
std::optional<QString> textOf(QByteArrayView bytes)
{
    if (bytes.contains('\0'))
        return std::nullopt;
    QString text = QString::fromUtf8(bytes);
    if (text.toUtf8() != bytes)
        return std::nullopt; // not UTF-8
    return text;
}

QByteArray signedData(const SshSignature &signature, const QByteArray &message)
{
    const auto algorithm =
        signature.hashAlgorithm == u"sha256" ? QCryptographicHash::Sha256 : QCryptographicHash::Sha512;
    QByteArray data(magic.data(), magic.size());
    SshWireReader::appendString(data, signature.nameSpace.toUtf8());
    SshWireReader::appendString(data, {}); // reserved
    SshWireReader::appendString(data, signature.hashAlgorithm.toUtf8());
    SshWireReader::appendString(data, QCryptographicHash::hash(message, algorithm));
    return data;
}

bool ed25519Verify(QByteArrayView publicKey, QByteArrayView signature, QByteArrayView data)
{
    if (publicKey.size() != 32 || signature.size() != 64)
        return false;
    const std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
        EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr,
            reinterpret_cast<const unsigned char *>(publicKey.data()), size_t(publicKey.size())),
        &EVP_PKEY_free);
    const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    const bool valid = key && context &&
        EVP_DigestVerifyInit(context.get(), nullptr, nullptr, nullptr, key.get()) == 1 &&
        EVP_DigestVerify(context.get(), reinterpret_cast<const unsigned char *>(signature.data()),
            size_t(signature.size()), reinterpret_cast<const unsigned char *>(data.data()),
            size_t(data.size())) == 1;
    ERR_clear_error(); // a bad signature leaves its reason on OpenSSL's error queue
    return valid;
}

SignatureCheck invalid(const SshPublicKey &key, const QString &reason)
{
    return SignatureCheck{false, reason, key};
}

// ssh-ed25519 and sk-ssh-ed25519@openssh.com, in process. PROTOCOL.u2f: an sk key blob is the type,
// the Ed25519 key and the application; its signature string the type, the raw Ed25519 signature,
// the flags byte and the counter, and the Ed25519 signature covers SHA256(application) || flags ||
// counter || SHA256(data).
SignatureCheck verifyEd25519(const SshSignature &signature, const QByteArray &data)
{
    const SshPublicKey &key = signature.key;
    const bool sk = key.type == skEd25519Type;

    SshWireReader keyReader(key.blob);
    keyReader.readString(); // the type, read by SshPublicKey::fromBlob
    const std::optional<QByteArrayView> publicKey = keyReader.readString();
    const std::optional<QByteArrayView> application = sk ? keyReader.readString() : QByteArrayView();
    if (!publicKey || publicKey->size() != 32 || !application || !keyReader.atEnd())
        return invalid(key, u"malformed " + key.type + u" public key");

    SshWireReader reader(signature.signature);
    const std::optional<QByteArrayView> type = reader.readString();
    if (!type || QString::fromLatin1(*type) != key.type) {
        return invalid(key,
            u"signature type \"" + QString::fromLatin1(type.value_or(QByteArrayView())) +
                u"\" does not match the key type \"" + key.type + u'"');
    }
    const std::optional<QByteArrayView> raw = reader.readString();
    const std::optional<quint8> flags = sk ? reader.readByte() : quint8(0);
    const std::optional<quint32> counter = sk ? reader.readUint32() : quint32(0);
    if (!raw || raw->size() != 64 || !flags || !counter || !reader.atEnd())
        return invalid(key, u"malformed " + key.type + u" signature");

    if (!sk)
        return ed25519Verify(*publicKey, *raw, data) ? SignatureCheck{true, {}, key}
                                                     : invalid(key, QStringLiteral("bad signature"));

    QByteArray signedBySecurityKey = QCryptographicHash::hash(*application, QCryptographicHash::Sha256);
    signedBySecurityKey.append(char(*flags));
    SshWireReader::appendUint32(signedBySecurityKey, *counter);
    signedBySecurityKey.append(QCryptographicHash::hash(data, QCryptographicHash::Sha256));
    if (!ed25519Verify(*publicKey, *raw, signedBySecurityKey))
        return invalid(key, QStringLiteral("bad signature"));
    if (!(*flags & userPresenceFlag))
        return invalid(
            key, QStringLiteral("the security key did not confirm the user's presence (no touch)"));
    return SignatureCheck{true, {}, key};
}

// Other key types, through `ssh-keygen -Y check-novalidate`.
SignatureCheck verifyWithKeygen(const SshSignature &signature, const QByteArray &message)
{
    const SshPublicKey &key = signature.key;
    const QTemporaryDir directory;
    if (!directory.isValid())
        return invalid(
            key, u"cannot create a temporary folder to check the signature in: " + directory.errorString());
    const QString signatureFile = directory.filePath(QStringLiteral("signature.sig"));
    QFile file(signatureFile);
    const QByteArray bytes = armor(signature);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.flush())
        return invalid(key, u"cannot write " + signatureFile + u": " + file.errorString());
    file.close();

    const Result<OpenSshTool::Outcome> outcome = OpenSshTool::run(QStringLiteral("ssh-keygen"),
        {QStringLiteral("-Y"), QStringLiteral("check-novalidate"), QStringLiteral("-n"), signature.nameSpace,
            QStringLiteral("-s"), signatureFile},
        message, QProcessEnvironment::systemEnvironment(), keygenTimeoutMs);
    if (!outcome)
        return invalid(key, outcome.error().message);
    if (outcome->exitCode != 0)
        return invalid(key, QStringLiteral("bad signature"));
    return SignatureCheck{true, {}, key};
}

} // namespace

Result<SshSignature> SshSignature::parse(QStringView armored)
{
    const Result<QByteArray> decoded = dearmor(armored);
    if (!decoded)
        return decoded.error();
    const QByteArray &blob = decoded.value();

    SshWireReader reader(blob);
    if (const std::optional<QByteArrayView> start = reader.readBytes(magic.size()); !start || *start != magic)
        return malformed(QStringLiteral("does not start with \"SSHSIG\""));
    const std::optional<quint32> signatureVersion = reader.readUint32();
    if (!signatureVersion)
        return malformed(QStringLiteral("truncated in the version"));
    if (*signatureVersion != version)
        return malformed(
            QStringLiteral("unsupported version %1 (only version 1 is known)").arg(*signatureVersion));

    const auto field = [&reader](const char *name) -> Result<QByteArrayView> {
        if (const std::optional<QByteArrayView> bytes = reader.readString())
            return *bytes;
        return malformed(u"truncated in the " + QLatin1StringView(name));
    };
    const Result<QByteArrayView> keyBlob = field("public key");
    if (!keyBlob)
        return keyBlob.error();
    const Result<QByteArrayView> nameSpace = field("namespace");
    if (!nameSpace)
        return nameSpace.error();
    const Result<QByteArrayView> reserved = field("reserved field");
    if (!reserved)
        return reserved.error();
    const Result<QByteArrayView> hashAlgorithm = field("hash algorithm");
    if (!hashAlgorithm)
        return hashAlgorithm.error();
    const Result<QByteArrayView> signatureBytes = field("signature");
    if (!signatureBytes)
        return signatureBytes.error();
    if (!reader.atEnd())
        return malformed(QStringLiteral("stray bytes after the signature: %1").arg(reader.remaining()));

    SshSignature signature;
    const std::optional<SshPublicKey> key = SshPublicKey::fromBlob(keyBlob->toByteArray());
    if (!key)
        return malformed(QStringLiteral("the public key does not start with a key type"));
    signature.key = *key;
    const std::optional<QString> nameSpaceText = textOf(*nameSpace);
    if (!nameSpaceText || nameSpaceText->isEmpty())
        return malformed(QStringLiteral("the namespace is empty or not text"));
    signature.nameSpace = *nameSpaceText;
    if (!reserved->isEmpty())
        return malformed(QStringLiteral("the reserved field is not empty"));
    if (*hashAlgorithm != "sha512" && *hashAlgorithm != "sha256") {
        return malformed(u"unsupported hash algorithm \"" +
            textOf(*hashAlgorithm).value_or(QStringLiteral("?")) + u"\" (sha512 or sha256)");
    }
    signature.hashAlgorithm = QString::fromLatin1(*hashAlgorithm);
    signature.signature = signatureBytes->toByteArray();
    if (!SshWireReader(signature.signature).readName())
        return malformed(QStringLiteral("the signature does not start with a signature type"));
    return signature;
}

SignatureCheck SshSignatureVerifier::verify(
    const QByteArray &message, const QString &armored, const QString &nameSpace)
{
    const Result<SshSignature> signature = SshSignature::parse(armored);
    if (!signature)
        return SignatureCheck{false, u"not an SSH signature: " + signature.error().message, {}};
    const SshPublicKey &key = signature->key;
    if (signature->nameSpace != nameSpace) {
        return invalid(
            key, u"wrong namespace \"" + signature->nameSpace + u"\" (expected \"" + nameSpace + u"\")");
    }
    if (key.type == ed25519Type || key.type == skEd25519Type)
        return verifyEd25519(signature.value(), signedData(signature.value(), message));
    if (std::find(std::begin(keygenTypes), std::end(keygenTypes), key.type) != std::end(keygenTypes))
        return verifyWithKeygen(signature.value(), message);
    return invalid(key, u"unsupported key type \"" + key.type + u'"');
}

} // namespace Countersign
