// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "record/canonicalcontent.h"

#include <QCryptographicHash>
#include <QMutex>

#include <array>
#include <openssl/evp.h>

namespace Countersign {

namespace {

// The line starting at `start` (without its ending) and where the next line starts.
struct LineSpan
{
    QStringView text;
    qsizetype next;
};

LineSpan lineAt(QStringView text, qsizetype start)
{
    qsizetype end = start;
    while (end < text.size() && text[end] != u'\n' && text[end] != u'\r')
        ++end;
    qsizetype next = end;
    if (next < text.size())
        next += (text[next] == u'\r' && next + 1 < text.size() && text[next + 1] == u'\n') ? 2 : 1;
    return {text.mid(start, end - start), next};
}

QStringView withoutTrailingBlanks(QStringView line)
{
    qsizetype end = line.size();
    while (end > 0 && (line[end - 1] == u' ' || line[end - 1] == u'\t'))
        --end;
    return line.left(end);
}

// Where the line after the sign-off block starting at `start` begins, or -1 when it is unterminated.
qsizetype endOfSignOffBlock(QStringView text, qsizetype start)
{
    for (qsizetype at = lineAt(text, start).next; at < text.size();) {
        const LineSpan line = lineAt(text, at);
        if (line.text.trimmed() == CanonicalContent::signOffEndMarker)
            return line.next;
        at = line.next;
    }
    return -1;
}

} // namespace

QString CanonicalContent::canonicalText(QStringView text)
{
    if (text.startsWith(QChar(0xFEFF)))
        text = text.mid(1);
    QString out;
    out.reserve(text.size() + 1);
    qsizetype keptLength = 0; // length of `out` up to its last non-blank line
    for (qsizetype at = 0; at < text.size();) {
        const LineSpan line = lineAt(text, at);
        if (line.text.size() >= signOffBeginMarker.size() && line.text.trimmed() == signOffBeginMarker) {
            if (const qsizetype after = endOfSignOffBlock(text, at); after >= 0) {
                at = after;
                continue;
            }
        }
        const QStringView kept = withoutTrailingBlanks(line.text);
        out += kept;
        out += u'\n';
        if (!kept.isEmpty())
            keptLength = out.size();
        at = line.next;
    }
    out.truncate(keptLength);
    return out;
}

QString CanonicalContent::digest(QStringView text)
{
    const QByteArray bytes = canonicalText(text).toUtf8();
    // OpenSSL's SHA-256 (the CPU's SHA instructions where it has them): a 10k-line record is hashed
    // several times while a window opens, and Qt's portable SHA-256 took ~8 ms each time. Qt's is
    // the fallback should OpenSSL refuse (the same digest either way).
    unsigned char hash[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(bytes.constData(), size_t(bytes.size()), hash, &length, EVP_sha256(), nullptr) != 1)
        return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(hash), int(length)).toHex());
}

QString CanonicalContent::digest(const QString &text)
{
    constexpr qsizetype smallest = 64 * 1024 / 2, largest = 8 * 1024 * 1024 / 2; // in UTF-16 units
    if (text.size() < smallest || text.size() > largest)
        return digest(QStringView(text));
    struct Remembered
    {
        QString text; // shares the caller's text: no copy, and equality is checked in full
        QString digest;
    };
    static QMutex lock;
    static std::array<Remembered, 4> remembered;
    static size_t next = 0;
    {
        const QMutexLocker locker(&lock);
        for (const Remembered &entry : remembered) {
            if (entry.text.size() == text.size() && entry.text == text)
                return entry.digest;
        }
    }
    const QString made = digest(QStringView(text));
    const QMutexLocker locker(&lock);
    remembered[next] = {text, made};
    next = (next + 1) % remembered.size();
    return made;
}

} // namespace Countersign
