// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "signing/trustfolder.h"

#include "record/documentloader.h"
#include "record/textkeys.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QStringDecoder>
#include <QTemporaryFile>
#include <QTimeZone>

#include <algorithm>

namespace Countersign {

namespace {

// Trust files are a few lines per signer; the bound keeps a mistaken huge file out of memory.
constexpr qint64 maxTrustFileSize = 4 * 1024 * 1024;
// A binary KRL starts with these bytes (OpenSSH's PROTOCOL.krl, KRL_MAGIC 0x5353484b524c0a00).
constexpr QByteArrayView krlMagic("SSHKRL\n\0", 8);
constexpr QStringView certificateSuffix = u"-cert-v01@openssh.com";
constexpr int sshKeygenTimeoutMs = 30000;

Error lineError(const QString &file, int line, const QString &message)
{
    return Error{Error::Code::InvalidArgument, message, file, line};
}

// The bytes of a trust file; nothing when there is no such file.
Result<std::optional<QByteArray>> readTrustFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists() && !info.isSymLink())
        return std::optional<QByteArray>();
    if (!info.isFile())
        return Error{Error::Code::NotARegularFile, QStringLiteral("is not a regular file"), path};
    if (info.size() > maxTrustFileSize)
        return Error{Error::Code::TooLarge,
            QStringLiteral("is larger than %1 MiB, too large for a trust file").arg(maxTrustFileSize >> 20),
            path};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{
            Error::Code::Unreadable, QStringLiteral("cannot be read: %1").arg(file.errorString()), path};
    const QByteArray bytes = file.read(maxTrustFileSize + 1);
    if (bytes.size() > maxTrustFileSize)
        return Error{Error::Code::TooLarge, QStringLiteral("is too large for a trust file"), path};
    return std::optional<QByteArray>(bytes);
}

// The lines of a text trust file without their line endings (LF or CRLF). A byte order mark is
// dropped when `dropBom` (not for allowed_signers: ssh-keygen would read it as part of the first
// principal, so Countersign does too).
Result<QStringList> textLines(const QByteArray &bytes, const QString &path, bool dropBom)
{
    QByteArray text = bytes;
    if (dropBom && text.startsWith("\xEF\xBB\xBF"))
        text.remove(0, 3);
    QStringList lines;
    const QList<QByteArray> raw = text.split('\n');
    for (qsizetype i = 0; i < raw.size(); ++i) {
        QByteArray line = raw.at(i);
        if (line.endsWith('\r'))
            line.chop(1);
        const int number = int(i + 1);
        if (line.contains('\0'))
            return Error{Error::Code::Binary, QStringLiteral("is not a text file"), path, number};
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        QString decoded = decoder.decode(line);
        if (decoder.hasError())
            return Error{Error::Code::InvalidUtf8, QStringLiteral("is not UTF-8 text"), path, number};
        lines.append(std::move(decoded));
    }
    return lines;
}

bool isBlankOrComment(QStringView line)
{
    const QStringView trimmed = line.trimmed();
    return trimmed.isEmpty() || trimmed.startsWith(u'#');
}

// OpenSSH's match_pattern: "*" any run of bytes, "?" one byte. Like ssh-keygen, it compares the
// UTF-8 bytes, so "?" matches one byte of a multi-byte character, and it is case-sensitive.
bool matchPattern(QByteArrayView string, QByteArrayView pattern)
{
    qsizetype s = 0, p = 0, starP = -1, starS = 0;
    while (s < string.size()) {
        if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == string[s])) {
            ++s;
            ++p;
        } else if (p < pattern.size() && pattern[p] == '*') {
            starP = p++;
            starS = s;
        } else if (starP >= 0) {
            p = starP + 1;
            s = ++starS;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*')
        ++p;
    return p == pattern.size();
}

// OpenSSH's match_pattern_list over patterns already split at commas: 1 when a pattern matches, -1
// when a negated one ("!pattern") does (which wins over any positive match), 0 when none does.
int matchPatternList(const QString &string, const QStringList &patterns)
{
    const QByteArray subject = string.toUtf8();
    bool positive = false;
    for (const QString &pattern : patterns) {
        const bool negated = pattern.startsWith(u'!');
        if (!matchPattern(subject, (negated ? pattern.mid(1) : pattern).toUtf8()))
            continue;
        if (negated)
            return -1;
        positive = true;
    }
    return positive ? 1 : 0;
}

bool isLiteralPrincipal(const QString &pattern)
{
    return !pattern.isEmpty() && !pattern.startsWith(u'!') && !pattern.contains(u'*') &&
        !pattern.contains(u'?');
}

bool isSshSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\r' || c == u'\n';
}

qsizetype skipSpaces(QStringView text, qsizetype from)
{
    while (from < text.size() && isSshSpace(text[from]))
        ++from;
    return from;
}

// A valid-after or valid-before time as OpenSSH's parse_absolute_time reads it: YYYYMMDD,
// YYYYMMDDHHMM or YYYYMMDDHHMMSS, taken as UTC when suffixed "Z" (or "UTC", which OpenSSH takes too),
// else as local time: the standard time of the machine's time zone, without daylight saving, which
// is what ssh-keygen's mktime() makes of it (its struct tm has tm_isdst 0). So a file means the same
// instant to Countersign and to ssh-keygen on one machine; "Z" makes it mean the same everywhere.
// The result is in UTC.
std::optional<QDateTime> parseAbsoluteTime(QStringView text)
{
    bool utc = false;
    if (text.size() > 1 && text.endsWith(u'Z', Qt::CaseInsensitive)) {
        utc = true;
        text.chop(1);
    } else if (text.size() > 3 && text.endsWith(u"UTC", Qt::CaseInsensitive)) {
        utc = true;
        text.chop(3);
    }
    if (text.size() != 8 && text.size() != 12 && text.size() != 14)
        return std::nullopt;
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
    }
    const auto number = [&](qsizetype from, qsizetype length) { return text.mid(from, length).toInt(); };
    const QDate date(number(0, 4), number(4, 2), number(6, 2));
    const QTime time(text.size() >= 12 ? number(8, 2) : 0, text.size() >= 12 ? number(10, 2) : 0,
        text.size() == 14 ? number(12, 2) : 0);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    QDateTime when(date, time, QTimeZone(QTimeZone::UTC));
    if (!utc) {
        const QTimeZone local = QTimeZone::systemTimeZone();
        when = local.isValid() ? when.addSecs(-local.standardTimeOffset(when))
                               : QDateTime(date, time, QTimeZone(QTimeZone::LocalTime)).toUTC();
    }
    if (!when.isValid() || when.toSecsSinceEpoch() <= 0)
        return std::nullopt;
    return when;
}

QString formatTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

// The options field of an allowed_signers line, as OpenSSH's sshsigopt_parse reads it: comma-separated
// cert-authority, namespaces="...", valid-after="...", valid-before="..." (names in any case, values
// quoted, \" for a quote inside). The error is the reason, without file and line.
std::optional<QString> parseOptions(QStringView options, AllowedSigner &signer)
{
    qsizetype p = 0;
    bool namespacesSeen = false;
    const auto takeName = [&](QStringView name) {
        if (!options.sliced(p).startsWith(name, Qt::CaseInsensitive) || p + name.size() >= options.size() ||
            options[p + name.size()] != u'=')
            return false;
        p += name.size() + 1;
        return true;
    };
    const auto takeQuoted = [&]() -> std::optional<QString> {
        if (p >= options.size() || options[p] != u'"')
            return std::nullopt;
        QString value;
        for (++p; p < options.size() && options[p] != u'"'; ++p) {
            if (options[p] == u'\\' && p + 1 < options.size() && options[p + 1] == u'"')
                ++p;
            value += options[p];
        }
        if (p >= options.size())
            return std::nullopt;
        ++p;
        return value;
    };
    while (p < options.size()) {
        const qsizetype start = p;
        if (options.sliced(p).startsWith(u"cert-authority", Qt::CaseInsensitive)) {
            signer.certAuthority = true;
            p += 14;
        } else if (takeName(u"namespaces")) {
            if (namespacesSeen)
                return QStringLiteral("namespaces is given twice");
            namespacesSeen = true;
            const std::optional<QString> value = takeQuoted();
            if (!value)
                return QStringLiteral("namespaces needs a quoted value, namespaces=\"...\"");
            // Kept with empty parts: namespaces="" allows no namespace at all, as in ssh-keygen.
            signer.namespaces = value->split(u',');
        } else if (takeName(u"valid-after") || takeName(u"valid-before")) {
            const bool after = options.sliced(start).startsWith(u"valid-after", Qt::CaseInsensitive);
            const QString name = after ? QStringLiteral("valid-after") : QStringLiteral("valid-before");
            std::optional<QDateTime> &slot = after ? signer.validAfter : signer.validBefore;
            if (slot)
                return QStringLiteral("%1 is given twice").arg(name);
            const std::optional<QString> value = takeQuoted();
            if (!value)
                return QStringLiteral("%1 needs a quoted value, %1=\"YYYYMMDD[HHMM[SS]][Z]\"").arg(name);
            slot = parseAbsoluteTime(*value);
            if (!slot)
                return QStringLiteral("%1 \"%2\" is not a time YYYYMMDD[HHMM[SS]][Z]").arg(name, *value);
        }
        if (p >= options.size())
            break;
        if (options[p] != u',') {
            const qsizetype end = options.indexOf(u',', start);
            return QStringLiteral("unknown option \"%1\"")
                .arg(options.sliced(start, (end < 0 ? options.size() : end) - start).toString());
        }
        if (++p >= options.size())
            return QStringLiteral("options end with a comma");
    }
    if (signer.validAfter && signer.validBefore && *signer.validBefore <= *signer.validAfter)
        return QStringLiteral("valid-before is not after valid-after");
    return std::nullopt;
}

// One line of allowed_signers, as OpenSSH's parse_principals_key_and_options reads it: the principals
// (up to the first blank or quote; a quoted part may hold blanks), then either the key or the options
// (up to the first blank outside quotes) and the key. Nothing for a blank or comment line.
Result<std::optional<AllowedSigner>> parseSignerLine(QStringView line, int number, const QString &path)
{
    qsizetype i = skipSpaces(line, 0);
    if (i == line.size() || line[i] == u'#')
        return std::optional<AllowedSigner>();
    const qsizetype start = i;
    while (i < line.size() && !isSshSpace(line[i]) && line[i] != u'"')
        ++i;
    if (i == line.size())
        return lineError(path, number, QStringLiteral("expected \"PRINCIPALS [OPTIONS] KEY\""));
    QString principals = line.sliced(start, i - start).toString();
    if (line[i] == u'"') {
        const qsizetype close = line.indexOf(u'"', i + 1);
        if (close < 0)
            return lineError(path, number, QStringLiteral("the principals' quote is not closed"));
        principals += line.sliced(i + 1, close - i - 1);
        i = close;
    }
    const QStringView rest = line.sliced(skipSpaces(line, i + 1));

    AllowedSigner signer;
    signer.line = number;
    signer.principals = principals.split(u',', Qt::SkipEmptyParts);
    QStringView options;
    std::optional<SshPublicKey> key = SshPublicKey::fromText(rest);
    if (!key) {
        qsizetype end = 0;
        bool quoted = false;
        for (; end < rest.size() && (quoted || (rest[end] != u' ' && rest[end] != u'\t')); ++end) {
            if (rest[end] == u'\\' && end + 1 < rest.size() && rest[end + 1] == u'"')
                ++end;
            else if (rest[end] == u'"')
                quoted = !quoted;
        }
        if (quoted)
            return lineError(path, number, QStringLiteral("a quote in the options is not closed"));
        options = rest.first(end);
        const QStringView keyText = rest.sliced(skipSpaces(rest, end));
        if (keyText.isEmpty())
            return lineError(path, number,
                options.isEmpty() ? QStringLiteral("no key after the principals")
                                  : QStringLiteral("no key after the options"));
        key = SshPublicKey::fromText(keyText);
        if (!key)
            return lineError(
                path, number, QStringLiteral("invalid key \"%1\"").arg(keyText.left(40).toString()));
    }
    signer.key = *key;
    if (const std::optional<QString> bad = parseOptions(options, signer))
        return lineError(path, number, QStringLiteral("bad options: %1").arg(*bad));
    return std::optional<AllowedSigner>(std::move(signer));
}

Result<QList<AllowedSigner>> parseAllowedSigners(const QByteArray &bytes, const QString &path)
{
    const Result<QStringList> lines = textLines(bytes, path, false);
    if (!lines)
        return lines.error();
    QList<AllowedSigner> signers;
    for (qsizetype i = 0; i < lines->size(); ++i) {
        Result<std::optional<AllowedSigner>> signer = parseSignerLine(lines->at(i), int(i + 1), path);
        if (!signer)
            return signer.error();
        if (*signer)
            signers.append(std::move(signer).value().value());
    }
    return signers;
}

// A plain revocation list: public keys, one a line, as ssh-keygen reads a revoked_keys file that is
// not a KRL.
Result<QList<SshPublicKey>> parseRevokedKeys(const QByteArray &bytes, const QString &path)
{
    const Result<QStringList> lines = textLines(bytes, path, true);
    if (!lines)
        return lines.error();
    QList<SshPublicKey> keys;
    for (qsizetype i = 0; i < lines->size(); ++i) {
        if (isBlankOrComment(lines->at(i)))
            continue;
        const std::optional<SshPublicKey> key = SshPublicKey::fromText(lines->at(i));
        if (!key)
            return lineError(path, int(i + 1), QStringLiteral("not a public key \"TYPE BASE64 [COMMENT]\""));
        keys.append(*key);
    }
    return keys;
}

// Why a role grant's principal cannot stand in the roles file: nothing when it can.
std::optional<QString> badGrantPrincipal(const QString &principal)
{
    for (QChar c : principal) {
        if (c.isSpace() || c == u'"' || c == u'=')
            return QStringLiteral("principal \"%1\" holds \"%2\": separate principals with commas")
                .arg(principal, c.isSpace() ? QStringLiteral("a blank") : QString(c));
    }
    return std::nullopt;
}

Result<QList<RoleGrant>> parseRoles(const QByteArray &bytes, const QString &path)
{
    const Result<QStringList> lines = textLines(bytes, path, true);
    if (!lines)
        return lines.error();
    QList<RoleGrant> grants;
    for (qsizetype i = 0; i < lines->size(); ++i) {
        const QString &line = lines->at(i);
        const int number = int(i + 1);
        if (isBlankOrComment(line))
            continue;
        const qsizetype equals = line.indexOf(u'=');
        if (equals < 0)
            return lineError(
                path, number, QStringLiteral("expected \"ROLE OR HOLDER = principal, principal\""));
        RoleGrant grant;
        grant.line = number;
        grant.roleOrHolder = line.first(equals).trimmed();
        if (grant.roleOrHolder.isEmpty())
            return lineError(path, number, QStringLiteral("no role or holder before \"=\""));
        for (const QString &part : line.sliced(equals + 1).split(u',')) {
            const QString principal = part.trimmed();
            if (principal.isEmpty())
                continue;
            if (const std::optional<QString> bad = badGrantPrincipal(principal))
                return lineError(path, number, *bad);
            grant.principals.append(principal);
        }
        if (grant.principals.isEmpty())
            return lineError(
                path, number, QStringLiteral("no principals after \"=\" for %1").arg(grant.roleOrHolder));
        grants.append(std::move(grant));
    }
    return grants;
}

struct Policy
{
    bool unsignedAllowed = false;
    QString repository;
};

Result<Policy> parsePolicy(const QByteArray &bytes, const QString &path)
{
    const Result<QStringList> lines = textLines(bytes, path, true);
    if (!lines)
        return lines.error();
    Policy policy;
    QHash<QString, int> seen;
    for (qsizetype i = 0; i < lines->size(); ++i) {
        const QString &line = lines->at(i);
        const int number = int(i + 1);
        if (isBlankOrComment(line))
            continue;
        const qsizetype equals = line.indexOf(u'=');
        if (equals < 0)
            return lineError(path, number, QStringLiteral("expected \"key = value\""));
        const QString key = line.first(equals).trimmed();
        const QString value = line.sliced(equals + 1).trimmed();
        if (key != u"unsigned-sign-offs" && key != u"repository")
            return lineError(path, number,
                QStringLiteral("unknown setting \"%1\" (known: unsigned-sign-offs, repository)").arg(key));
        if (const int first = seen.value(key); first > 0)
            return lineError(
                path, number, QStringLiteral("%1 is set twice (first on line %2)").arg(key).arg(first));
        seen.insert(key, number);
        if (key == u"unsigned-sign-offs") {
            if (value != u"allowed" && value != u"refused")
                return lineError(path, number,
                    QStringLiteral("unsigned-sign-offs is \"%1\": expected allowed or refused").arg(value));
            policy.unsignedAllowed = value == u"allowed";
        } else {
            if (value.isEmpty())
                return lineError(path, number, QStringLiteral("repository needs a name"));
            policy.repository = value;
        }
    }
    return policy;
}

// Whether a KRL revokes `key`, asked through `ssh-keygen -Q`: nothing when it does not, else the
// reason. Any failure to ask counts as revoked (fail closed) and says so.
std::optional<QString> krlRevocation(const QString &krlPath, const SshPublicKey &key)
{
    const auto unchecked = [&](const QString &why) {
        return QStringLiteral("revoked key (the revocation list %1 could not be checked: %2)")
            .arg(krlPath, why);
    };
    QTemporaryFile keyFile(QDir::tempPath() + u"/countersign-key-XXXXXX.pub");
    if (!keyFile.open())
        return unchecked(keyFile.errorString());
    const QByteArray keyText = key.toText().toUtf8() + '\n';
    if (keyFile.write(keyText) != keyText.size() || !keyFile.flush())
        return unchecked(keyFile.errorString());
    QProcess keygen;
    keygen.start(QStringLiteral("ssh-keygen"),
        {QStringLiteral("-Q"), QStringLiteral("-f"), krlPath, keyFile.fileName()});
    if (!keygen.waitForStarted())
        return unchecked(QStringLiteral("ssh-keygen cannot be run: %1").arg(keygen.errorString()));
    keygen.closeWriteChannel();
    if (!keygen.waitForFinished(sshKeygenTimeoutMs)) {
        keygen.kill();
        keygen.waitForFinished();
        return unchecked(QStringLiteral("ssh-keygen did not answer"));
    }
    const QByteArray out = keygen.readAllStandardOutput();
    if (keygen.exitStatus() == QProcess::NormalExit && keygen.exitCode() == 0)
        return std::nullopt;
    if (keygen.exitStatus() == QProcess::NormalExit && keygen.exitCode() == 1 && out.contains("REVOKED"))
        return QStringLiteral("revoked key");
    const QString said = QString::fromUtf8(keygen.readAllStandardError()).trimmed();
    return unchecked(said.isEmpty() ? QStringLiteral("ssh-keygen failed") : said);
}

// Why `principal` cannot be written to allowed_signers and read back by ssh-keygen as that one
// principal: nothing when it can.
std::optional<Error> badPrincipal(const QString &principal)
{
    const auto refused = [&](const QString &why) {
        return Error{Error::Code::InvalidArgument,
            QStringLiteral("principal \"%1\" cannot be listed in allowed_signers: %2").arg(principal, why),
            {}};
    };
    if (principal.isEmpty())
        return Error{Error::Code::InvalidArgument, QStringLiteral("no principal given"), {}};
    for (QChar c : principal) {
        if (c.isSpace())
            return refused(QStringLiteral("it holds a blank"));
        if (c == u',' || c == u'"')
            return refused(QStringLiteral("it holds \"%1\"").arg(c));
        if (c == u'*' || c == u'?')
            return refused(QStringLiteral("\"%1\" would make it a pattern").arg(c));
        if (c.category() == QChar::Other_Control)
            return refused(QStringLiteral("it holds a control character"));
    }
    if (principal.startsWith(u'#') || principal.startsWith(u'!'))
        return refused(QStringLiteral("it starts with \"%1\"").arg(principal.front()));
    return std::nullopt;
}

std::optional<Error> badKey(const SshPublicKey &key)
{
    const std::optional<SshPublicKey> fromBlob = SshPublicKey::fromBlob(key.blob);
    if (!fromBlob || fromBlob->type != key.type || key.type.contains(u' '))
        return Error{Error::Code::InvalidArgument, QStringLiteral("not an SSH public key"), {}};
    return std::nullopt;
}

std::optional<Error> badRole(const QString &role)
{
    const QString trimmed = role.trimmed();
    if (trimmed.isEmpty() || trimmed.contains(u'=') || trimmed.contains(u'\n') || trimmed.contains(u'\r') ||
        trimmed.startsWith(u'#'))
        return Error{Error::Code::InvalidArgument,
            QStringLiteral("role \"%1\" cannot be written to the roles file").arg(role), {}};
    return std::nullopt;
}

// A text file edited line by line: untouched lines keep their bytes, new lines take the file's line
// ending (CRLF when its first line has one).
class LineEditor
{
public:
    explicit LineEditor(const QByteArray &bytes)
        : m_lines(bytes.split('\n'))
        , m_cr(m_lines.size() > 1 && m_lines.first().endsWith('\r') ? "\r" : "")
    { }

    void append(const QString &line)
    {
        if (!m_lines.last().isEmpty()) { // the last line has no line ending yet
            if (!m_lines.last().endsWith('\r'))
                m_lines.last() += m_cr;
            m_lines.append(QByteArray());
        }
        m_lines.last() = line.toUtf8() + m_cr;
        m_lines.append(QByteArray());
    }

    // Appends `suffix` to line `number` (1-based), after its trailing blanks are dropped.
    void extend(int number, const QString &suffix)
    {
        QByteArray &line = m_lines[number - 1];
        const bool cr = line.endsWith('\r');
        if (cr)
            line.chop(1);
        while (line.endsWith(' ') || line.endsWith('\t'))
            line.chop(1);
        line += suffix.toUtf8();
        if (cr)
            line += '\r';
    }

    QByteArray bytes() const { return m_lines.join('\n'); }

private:
    QList<QByteArray> m_lines;
    QByteArray m_cr;
};

const QByteArray allowedSignersHeader =
    "# Who may sign records here, in ssh-keygen's allowed_signers format (ssh-keygen(1), ALLOWED SIGNERS):\n"
    "# \"PRINCIPALS [OPTIONS] KEY\" a line, for instance\n"
    "#   alice@example.com ssh-ed25519 AAAA...\n"
    "#   bob@example.com valid-before=\"20271231\" ssh-ed25519 AAAA...\n"
    "# Countersign checks the signature's namespace itself. `ssh-keygen -Y verify -f allowed_signers`\n"
    "# reads this file too.\n";

const QByteArray rolesTemplate =
    "# Who may sign for which role: \"ROLE OR HOLDER = principal, principal\" a line.\n"
    "#\n"
    "# The left side is a role as a record's Ownership section names it (\"Release Manager\"), or the\n"
    "# name of the person who holds a role; it is compared ignoring case and punctuation. The right side\n"
    "# lists principals of allowed_signers, separated by commas: \"*\" and \"?\" are wildcards, and a\n"
    "# leading \"!\" refuses the principals it matches. A role no line names cannot be signed for.\n"
    "# Lines starting with \"#\" are comments.\n"
    "#\n"
    "# For instance:\n"
    "#   Release Manager = alice@example.com, bob@example.com\n"
    "#   Jane Doe = jane@example.com\n";

const QByteArray policyTemplate =
    "# Countersign's policy for the records of this repository: \"key = value\" lines.\n"
    "#   unsigned-sign-offs = refused | allowed   whether a sign-off without a signature counts\n"
    "#   repository = NAME                        the name the ledger knows these records by\n"
    "unsigned-sign-offs = refused\n";

QString signerLine(const QString &principal, const SshPublicKey &key)
{
    return principal + u' ' + key.toText();
}

} // namespace

Result<std::optional<TrustFolder>> TrustFolder::find(const QString &filePath)
{
    const QFileInfo start(filePath);
    QString folder = QDir::cleanPath(start.isDir() ? start.absoluteFilePath() : start.absolutePath());
    for (;;) {
        const QString candidate = folder + u'/' + folderName;
        const QFileInfo trust(candidate);
        if (trust.exists() || trust.isSymLink()) {
            Result<TrustFolder> loaded = load(candidate);
            if (!loaded)
                return loaded.error();
            return std::optional<TrustFolder>(std::move(loaded).value());
        }
        // The repository root ends the walk: a .git folder, or a .git file (a worktree, a submodule).
        if (QFileInfo::exists(folder + u"/.git"))
            break;
        const QString parent = QFileInfo(folder).absolutePath();
        if (parent == folder)
            break;
        folder = parent;
    }
    return std::optional<TrustFolder>();
}

Result<TrustFolder> TrustFolder::load(const QString &folder)
{
    const QFileInfo info(folder);
    if (!info.isDir())
        return Error{info.exists() ? Error::Code::NotARegularFile : Error::Code::FileNotFound,
            info.exists() ? QStringLiteral("is not a folder (a trust folder holds allowed_signers)")
                          : QStringLiteral("no such trust folder"),
            folder};
    TrustFolder trust;
    trust.m_path = QDir::cleanPath(info.absoluteFilePath());
    const auto file = [&](QStringView name) -> QString { return trust.m_path + u'/' + name; };

    const QString signersPath = file(allowedSignersFile);
    const Result<std::optional<QByteArray>> signersBytes = readTrustFile(signersPath);
    if (!signersBytes)
        return signersBytes.error();
    if (!*signersBytes)
        return Error{Error::Code::FileNotFound,
            QStringLiteral("the trust folder has no allowed_signers file"), trust.m_path};
    Result<QList<AllowedSigner>> signers = parseAllowedSigners(**signersBytes, signersPath);
    if (!signers)
        return signers.error();
    trust.m_signers = std::move(signers).value();

    const QString revokedPath = file(revokedKeysFile);
    const Result<std::optional<QByteArray>> revokedBytes = readTrustFile(revokedPath);
    if (!revokedBytes)
        return revokedBytes.error();
    if (*revokedBytes && (*revokedBytes)->startsWith(krlMagic)) {
        trust.m_krlPath = revokedPath;
    } else if (*revokedBytes) {
        Result<QList<SshPublicKey>> revoked = parseRevokedKeys(**revokedBytes, revokedPath);
        if (!revoked)
            return revoked.error();
        trust.m_revoked = std::move(revoked).value();
    }

    const QString rolesPath = file(rolesFile);
    const Result<std::optional<QByteArray>> rolesBytes = readTrustFile(rolesPath);
    if (!rolesBytes)
        return rolesBytes.error();
    if (*rolesBytes) {
        Result<QList<RoleGrant>> grants = parseRoles(**rolesBytes, rolesPath);
        if (!grants)
            return grants.error();
        trust.m_grants = std::move(grants).value();
    }

    const QString policyPath = file(policyFile);
    const Result<std::optional<QByteArray>> policyBytes = readTrustFile(policyPath);
    if (!policyBytes)
        return policyBytes.error();
    if (*policyBytes) {
        const Result<Policy> policy = parsePolicy(**policyBytes, policyPath);
        if (!policy)
            return policy.error();
        trust.m_unsignedAllowed = policy->unsignedAllowed;
        trust.m_repository = policy->repository;
    }
    return trust;
}

std::optional<QString> TrustFolder::refusal(
    const QString &principal, const SshPublicKey &key, const QDateTime &time, const QString &nameSpace) const
{
    if (!m_krlPath.isEmpty()) {
        if (std::optional<QString> revoked = krlRevocation(m_krlPath, key))
            return revoked;
    } else if (m_revoked.contains(key)) {
        return QStringLiteral("revoked key");
    }
    if (key.type.endsWith(certificateSuffix))
        return QStringLiteral("certificate signers are not supported yet");
    if (principal.isEmpty())
        return QStringLiteral("no principal");

    // As sshsig_check_allowed_keys: a line decides only when its principals match and its key is the
    // key (a cert-authority line names a CA, never the signing key itself). ssh-keygen accepts when any
    // such line's options allow the signature; when none does, the first one says why.
    std::optional<QString> firstReason;
    bool keyListed = false;
    for (const AllowedSigner &signer : m_signers) {
        if (signer.key != key)
            continue;
        keyListed = true;
        if (signer.certAuthority || matchPatternList(principal, signer.principals) != 1)
            continue;
        std::optional<QString> reason;
        if (!signer.namespaces.isEmpty() && matchPatternList(nameSpace, signer.namespaces) != 1)
            reason = QStringLiteral("namespace \"%1\" not allowed for this key").arg(nameSpace);
        else if ((signer.validAfter || signer.validBefore) && !time.isValid())
            reason = QStringLiteral("no signing time to check the key's validity against");
        else if (signer.validAfter && time.toSecsSinceEpoch() < signer.validAfter->toSecsSinceEpoch())
            reason = QStringLiteral("key not valid before %1").arg(formatTime(*signer.validAfter));
        else if (signer.validBefore && time.toSecsSinceEpoch() > signer.validBefore->toSecsSinceEpoch())
            reason = QStringLiteral("key expired on %1").arg(formatTime(*signer.validBefore));
        if (!reason)
            return std::nullopt;
        if (!firstReason)
            firstReason = reason;
    }
    if (firstReason)
        return firstReason;
    return keyListed ? QStringLiteral("key not allowed for %1").arg(principal)
                     : QStringLiteral("unknown key");
}

bool TrustFolder::isRevoked(const SshPublicKey &key) const
{
    if (!m_krlPath.isEmpty())
        return krlRevocation(m_krlPath, key).has_value();
    return m_revoked.contains(key);
}

QStringList TrustFolder::principalsOf(const SshPublicKey &key) const
{
    QStringList principals;
    for (const AllowedSigner &signer : m_signers) {
        if (signer.certAuthority || signer.key != key)
            continue;
        for (const QString &pattern : signer.principals) {
            if (isLiteralPrincipal(pattern) && !principals.contains(pattern))
                principals.append(pattern);
        }
    }
    return principals;
}

bool TrustFolder::mayHoldRole(const QString &principal, const QString &role, const QString &holder) const
{
    const QString roleKey = TextKeys::normalizedKey(role);
    const QString holderKey = TextKeys::normalizedKey(holder);
    // Every grant for the role or its holder counts, and a negated pattern in any of them refuses,
    // so that a "!" is never undone by another line.
    bool granted = false;
    for (const RoleGrant &grant : m_grants) {
        const QString key = TextKeys::normalizedKey(grant.roleOrHolder);
        if (key.isEmpty() || (key != roleKey && key != holderKey))
            continue;
        const int match = matchPatternList(principal, grant.principals);
        if (match < 0)
            return false;
        granted = granted || match > 0;
    }
    return granted;
}

std::optional<Error> TrustFolder::init(
    const QString &directory, const QString &principal, const SshPublicKey &key)
{
    if (std::optional<Error> bad = badPrincipal(principal))
        return bad;
    if (std::optional<Error> bad = badKey(key))
        return bad;
    if (!QFileInfo(directory).isDir())
        return Error{Error::Code::FileNotFound, QStringLiteral("no such folder"), directory};
    const QString folder = QDir::cleanPath(QDir(directory).absoluteFilePath(folderName.toString()));
    const QFileInfo info(folder);
    if ((info.exists() || info.isSymLink()) && !info.isDir())
        return Error{
            Error::Code::NotARegularFile, QStringLiteral("is in the way: it is not a folder"), folder};
    const QString signersPath = folder + u'/' + allowedSignersFile;
    if (QFileInfo(signersPath).exists() || QFileInfo(signersPath).isSymLink())
        return Error{Error::Code::Refused,
            QStringLiteral("already exists: this trust folder has signers (add one with add)"), signersPath};
    if (!QDir().mkpath(folder))
        return Error{Error::Code::WriteFailed, QStringLiteral("cannot be created"), folder};

    // A roles or policy file already there (a folder set up by hand) is kept as it is.
    for (const auto &[name, text] :
        {std::pair{rolesFile, rolesTemplate}, std::pair{policyFile, policyTemplate}}) {
        const QString path = folder + u'/' + name;
        if (QFileInfo(path).exists() || QFileInfo(path).isSymLink())
            continue;
        if (std::optional<Error> failed = DocumentLoader::writeFile(path, text))
            return failed;
    }
    // allowed_signers last: a folder that has it is complete.
    return DocumentLoader::writeFile(
        signersPath, allowedSignersHeader + signerLine(principal, key).toUtf8() + '\n');
}

std::optional<Error> TrustFolder::add(
    const QString &folder, const QString &principal, const SshPublicKey &key, const QStringList &roles)
{
    if (std::optional<Error> bad = badPrincipal(principal))
        return bad;
    if (std::optional<Error> bad = badKey(key))
        return bad;
    for (const QString &role : roles) {
        if (std::optional<Error> bad = badRole(role))
            return bad;
    }
    const QString base = QDir::cleanPath(QFileInfo(folder).absoluteFilePath());

    const QString signersPath = base + u'/' + allowedSignersFile;
    const Result<std::optional<QByteArray>> signersBytes = readTrustFile(signersPath);
    if (!signersBytes)
        return signersBytes.error();
    if (!*signersBytes)
        return Error{Error::Code::FileNotFound,
            QStringLiteral("the trust folder has no allowed_signers file (make one with init)"), base};
    const Result<QList<AllowedSigner>> signers = parseAllowedSigners(**signersBytes, signersPath);
    if (!signers)
        return signers.error();
    // A line that already lists the principal with the key counts, options and all: add() never
    // widens a line someone restricted on purpose (valid-before, namespaces).
    const bool listed = std::any_of(signers->cbegin(), signers->cend(), [&](const AllowedSigner &signer) {
        return !signer.certAuthority && signer.key == key && signer.principals.contains(principal);
    });

    const QString rolesPath = base + u'/' + rolesFile;
    const Result<std::optional<QByteArray>> rolesBytes = readTrustFile(rolesPath);
    if (!rolesBytes)
        return rolesBytes.error();
    const QByteArray rolesText = rolesBytes->value_or(rolesTemplate);
    Result<QList<RoleGrant>> parsedGrants = parseRoles(rolesText, rolesPath);
    if (!parsedGrants)
        return parsedGrants.error();
    QList<RoleGrant> grants = std::move(parsedGrants).value();
    LineEditor rolesEditor(rolesText);
    bool rolesChanged = false;
    for (const QString &role : roles) {
        const QString roleKey = TextKeys::normalizedKey(role);
        const auto grant = std::find_if(grants.begin(), grants.end(),
            [&](const RoleGrant &g) { return TextKeys::normalizedKey(g.roleOrHolder) == roleKey; });
        if (grant != grants.end() && grant->principals.contains(principal))
            continue;
        rolesChanged = true;
        if (grant != grants.end()) {
            rolesEditor.extend(grant->line, QStringLiteral(", ") + principal);
            grant->principals.append(principal);
        } else {
            rolesEditor.append(role.trimmed() + u" = " + principal);
            // Line 0: this grant already lists the principal, so it is never extended.
            grants.append(RoleGrant{role.trimmed(), {principal}, 0});
        }
    }

    if (!listed) {
        LineEditor signersEditor(**signersBytes);
        signersEditor.append(signerLine(principal, key));
        if (std::optional<Error> failed = DocumentLoader::writeFile(signersPath, signersEditor.bytes()))
            return failed;
    }
    if (rolesChanged)
        return DocumentLoader::writeFile(rolesPath, rolesEditor.bytes());
    return std::nullopt;
}

} // namespace Countersign
