// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

namespace Countersign {

// The canonical form of a record's content, which sign-offs and exports digest. It is:
//   - UTF-8 without a byte-order mark;
//   - lines joined by LF (CRLF and lone CR become LF);
//   - trailing spaces and tabs removed from every line;
//   - trailing blank lines removed and exactly one final LF added (an empty record stays empty);
//   - without any exported sign-off block: the lines from a line reading signOffBeginMarker through
//     the next line reading signOffEndMarker (both included; an unterminated block counts as content).
// So the CRLF and LF forms of a record, or the record before and after export, share a digest, and
// any other change to the text changes it.
class CanonicalContent
{
public:
    static constexpr QStringView signOffBeginMarker = u"<!-- countersign:signoff-begin -->";
    static constexpr QStringView signOffEndMarker = u"<!-- countersign:signoff-end -->";

    static QString canonicalText(QStringView text);
    // Lower-case hexadecimal SHA-256 of the canonical text's UTF-8 bytes.
    static QString digest(QStringView text);
    // The same; the last few digests of texts between 64 KiB and 8 MiB are remembered (a window
    // opening a record digests it on the comparison's thread and again for the Sign-off panel). A
    // remembered digest is given only for a text equal to the one it was made of.
    static QString digest(const QString &text);
};

} // namespace Countersign
