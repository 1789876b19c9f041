// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QString>

#include <optional>

namespace Countersign {

// Names of people as typed into a sign-off, made comparable so that one person cannot pass for
// several: "Ana Ruiz", "ana ruiz", "Ana\u200bRuiz", "Аna Ruiz" (Cyrillic А) and "Ａｎａ Ｒｕｉｚ" are
// the same person.
class PersonName
{
public:
    // The comparison key: Unicode NFKC, case folding, invisible characters (default-ignorable code
    // points) removed, white space made single spaces, then the UTS #39 confusable skeleton (ICU's
    // uspoof), so that look-alike letters from other scripts meet.
    static QString key(const QString &name);
    // Whether two names are the same person: equal keys, or one is the other with initials
    // ("A. Ruiz", "A Ruiz" and "Ana Ruiz"; the last words must agree, each earlier word of one must be
    // the other's word or its initial).
    static bool samePerson(const QString &a, const QString &b);
    // The first character a name or comment may not hold (control and format characters other than
    // a line break in a comment: ESC, BEL, bidirectional overrides, ...): its position, else nothing.
    static std::optional<qsizetype> forbiddenCharacter(const QString &text, bool lineBreaksAllowed);
};

} // namespace Countersign
