// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "record/sourcetext.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Countersign {

// Changes to a SourceText by whole lines, collected and then applied at once, for edits that must
// leave every other byte as it was (Mirror, CheckpointUpdate). Lines are 1-based, as in a Document.
// A replaced range's last new line keeps the ending of the range's last old line; every other new
// line ends with the text's line ending (its first line's, LF for a text without one). Edits must
// not overlap; lines inserted after the same line keep the order they were inserted in.
class LineEdits
{
public:
    explicit LineEdits(const SourceText &source);

    // Lines first..last become `lines` (without their endings; none removes the range).
    void replace(int first, int last, const QStringList &lines);
    void replaceLine(int line, const QString &text) { replace(line, line, {text}); }
    // New lines after line `line` (0: before the first line).
    void insertAfter(int line, const QStringList &lines);

    // "\n", "\r\n" or "\r": what new lines end with.
    const QString &lineEnding() const { return m_ending; }
    // The edited text.
    QString apply() const;
    // Where line `line` of the source stands in the edited text (lines before it inserted or
    // removed move it); for a replaced line, where its range starts.
    int lineAfterEdits(int line) const;

private:
    struct Edit
    {
        int first = 0; // the first line replaced; for an insertion, the line it goes before
        int last = 0; // first - 1 for an insertion
        QStringList lines;
    };
    QList<Edit> sorted() const;

    SourceText m_source;
    QString m_ending;
    QList<Edit> m_edits;
};

} // namespace Countersign
