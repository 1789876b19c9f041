// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "signing/personname.h"

#include <QList>
#include <QtGlobal>

#include <unicode/uchar.h>
#include <unicode/uspoof.h>

namespace Countersign {

namespace {

static_assert(sizeof(UChar) == sizeof(char16_t), "ICU's UChar is UTF-16, as QString is");

// The one spoof checker, opened on first use. Only functions taking a const USpoofChecker use it
// afterwards, which ICU documents as thread safe (uspoof.h, "Thread Safety").
class SpoofChecker
{
public:
    SpoofChecker()
    {
        UErrorCode status = U_ZERO_ERROR;
        m_checker = uspoof_open(&status);
        if (U_FAILURE(status)) {
            qWarning("ICU's spoof checker is not available (%s): names are compared without their "
                     "confusable skeletons",
                u_errorName(status));
            if (m_checker)
                uspoof_close(m_checker);
            m_checker = nullptr;
        }
    }
    ~SpoofChecker()
    {
        if (m_checker)
            uspoof_close(m_checker);
    }
    SpoofChecker(const SpoofChecker &) = delete;
    SpoofChecker &operator=(const SpoofChecker &) = delete;

    static const USpoofChecker *instance()
    {
        static const SpoofChecker checker;
        return checker.m_checker;
    }

private:
    USpoofChecker *m_checker = nullptr;
};

// UTS #39 skeleton of `text`; `text` itself when ICU cannot make one.
QString skeleton(const QString &text)
{
    const USpoofChecker *checker = SpoofChecker::instance();
    if (!checker || text.isEmpty())
        return text;
    const auto *source = reinterpret_cast<const UChar *>(text.utf16());
    QString result(text.size() * 2 + 16, Qt::Uninitialized);
    for (int attempt = 0; attempt < 2; ++attempt) {
        UErrorCode status = U_ZERO_ERROR;
        const int32_t length = uspoof_getSkeleton(checker, 0, source, int32_t(text.size()),
            reinterpret_cast<UChar *>(result.data()), int32_t(result.size()), &status);
        if (status == U_BUFFER_OVERFLOW_ERROR) {
            result.resize(length);
            continue;
        }
        if (U_FAILURE(status))
            return text;
        result.resize(length);
        return result;
    }
    return text;
}

// The name before its skeleton: NFKC, case folded (and NFKC again, as NFKC_Casefold is closed),
// default-ignorable code points removed, each run of white space one space, trimmed.
QString prepared(const QString &name)
{
    const QString folded = name.normalized(QString::NormalizationForm_KC)
                               .toCaseFolded()
                               .normalized(QString::NormalizationForm_KC);
    QString result;
    result.reserve(folded.size());
    bool pendingSpace = false;
    for (const char32_t c : folded.toUcs4()) {
        if (u_hasBinaryProperty(UChar32(c), UCHAR_DEFAULT_IGNORABLE_CODE_POINT))
            continue;
        if (u_hasBinaryProperty(UChar32(c), UCHAR_WHITE_SPACE)) {
            pendingSpace = !result.isEmpty();
            continue;
        }
        if (pendingSpace)
            result += u' ';
        pendingSpace = false;
        result += QStringView(QChar::fromUcs4(c));
    }
    return result;
}

// One word of a name for the initials rule: its skeleton, and when it is a single letter (a base
// character and its combining marks), nothing else.
struct NameWord
{
    QString skeleton;
    QString firstLetterSkeleton;
    bool isInitial = false;
};

bool isMark(char32_t c)
{
    const int8_t category = u_charType(UChar32(c));
    return category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK ||
        category == U_COMBINING_SPACING_MARK;
}

QList<NameWord> wordsOf(const QString &name)
{
    QList<NameWord> words;
    const QString text = prepared(name);
    for (QStringView word : QStringView(text).split(u' ', Qt::SkipEmptyParts)) {
        // "A." and "A" are one initial; so are "-A" and "A-" of a split double name.
        while (!word.isEmpty() && (word.front() == u'.' || word.front() == u'-'))
            word = word.sliced(1);
        while (!word.isEmpty() && (word.back() == u'.' || word.back() == u'-'))
            word.chop(1);
        if (word.isEmpty())
            continue;
        const QList<uint> codePoints = word.toUcs4();
        qsizetype firstLetterEnd = 1;
        while (firstLetterEnd < codePoints.size() && isMark(codePoints.at(firstLetterEnd)))
            ++firstLetterEnd;
        const QString firstLetter =
            QString::fromUcs4(reinterpret_cast<const char32_t *>(codePoints.constData()), firstLetterEnd);
        NameWord nameWord;
        nameWord.skeleton = skeleton(word.toString());
        nameWord.firstLetterSkeleton = skeleton(firstLetter);
        nameWord.isInitial = firstLetterEnd == codePoints.size();
        words.append(nameWord);
    }
    return words;
}

bool sameOrInitial(const NameWord &a, const NameWord &b)
{
    return a.skeleton == b.skeleton || (a.isInitial && a.skeleton == b.firstLetterSkeleton) ||
        (b.isInitial && b.skeleton == a.firstLetterSkeleton);
}

QString withoutSpaces(QString key)
{
    return key.remove(u' ');
}

bool isBidiControl(char16_t c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F ||
        c == 0x061C;
}

} // namespace

QString PersonName::key(const QString &name)
{
    return skeleton(prepared(name));
}

bool PersonName::samePerson(const QString &a, const QString &b)
{
    const QString keyA = key(a);
    const QString keyB = key(b);
    if (keyA == keyB)
        return true;
    // "Ana\u200bRuiz" and "AnaRuiz" read as "Ana Ruiz" written without its space: an invisible
    // character (removed by key()) or no character where the space was is the same person too.
    if (withoutSpaces(keyA) == withoutSpaces(keyB))
        return true;
    const QList<NameWord> wordsA = wordsOf(a);
    const QList<NameWord> wordsB = wordsOf(b);
    if (wordsA.size() != wordsB.size() || wordsA.isEmpty() ||
        wordsA.last().skeleton != wordsB.last().skeleton)
        return false;
    for (qsizetype i = 0; i + 1 < wordsA.size(); ++i) {
        if (!sameOrInitial(wordsA.at(i), wordsB.at(i)))
            return false;
    }
    return true;
}

std::optional<qsizetype> PersonName::forbiddenCharacter(const QString &text, bool lineBreaksAllowed)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (c == u'\n' || c == u'\t' || c == 0x2028 || c == 0x2029) {
            if (!lineBreaksAllowed)
                return i;
        } else if (c == u'\r') {
            // Only as the first half of "\r\n": a lone carriage return can overwrite a line on a terminal.
            if (!lineBreaksAllowed || i + 1 >= text.size() || text.at(i + 1) != u'\n')
                return i;
            ++i;
        } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || isBidiControl(c)) {
            return i;
        }
    }
    return std::nullopt;
}

} // namespace Countersign
