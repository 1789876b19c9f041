// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "base/largememory.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace Countersign {

// A text to diff, held as its exact bytes and split into lines. A line is everything up to and
// including its '\n'; the last line may lack one. A '\r' before the '\n' belongs to the line's
// content, as GNU diff sees it, so CRLF and LF lines differ unless whitespace is ignored. Working on
// bytes keeps the unified output byte-exact for `patch`; the text is decoded only for display.
// Line offsets are kept in 32 bits: files are read up to 512 MiB, editors hold less.
class DiffText
{
public:
    DiffText() = default;
    explicit DiffText(QByteArray bytes);
    // A file's bytes as read into large memory (DocumentLoader::readDiffInput), shared, not copied.
    explicit DiffText(const LargeBytes &bytes);
    static DiffText fromString(const QString &text) { return DiffText(text.toUtf8()); }

    int lineCount() const { return int(m_starts.size()) - 1; }
    bool isEmpty() const { return m_bytes.isEmpty(); }
    // True when the last line ends in '\n' (and for an empty text).
    bool hasFinalNewline() const { return m_bytes.isEmpty() || m_bytes.endsWith('\n'); }

    // 0-based line `index` with its '\n', if it has one.
    QByteArrayView line(int index) const
    {
        return QByteArrayView(m_bytes.constData() + m_starts[size_t(index)],
            m_starts[size_t(index) + 1] - m_starts[size_t(index)]);
    }
    // The line without its '\n' ('\r' kept).
    QByteArrayView lineContent(int index) const;
    // The line for display: decoded, without '\n' or a '\r' before it.
    QString lineText(int index) const;

private:
    void splitLines();

    LargeBytes m_storage; // holds m_bytes' memory when the text came as LargeBytes
    QByteArray m_bytes;
    LargeVector<quint32> m_starts{0}; // lineCount() + 1 offsets; the last is the size of m_bytes
};

} // namespace Countersign
