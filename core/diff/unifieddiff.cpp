// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "diff/unifieddiff.h"

#include <QBuffer>

namespace Countersign {

namespace {

// Buffers the output and hands it to the device a megabyte at a time.
class Sink
{
public:
    explicit Sink(QIODevice *device)
        : m_device(device)
    {
        m_buffer.reserve(chunk + 4096);
    }

    void append(QByteArrayView bytes)
    {
        m_buffer.append(bytes);
        if (m_buffer.size() >= chunk)
            flush();
    }
    void append(char c) { m_buffer.append(c); }

    bool flush()
    {
        if (m_ok && !m_buffer.isEmpty())
            m_ok = m_device->write(m_buffer) == m_buffer.size();
        m_buffer.clear();
        return m_ok;
    }

private:
    static constexpr qsizetype chunk = 1 << 20;
    QIODevice *m_device;
    QByteArray m_buffer;
    bool m_ok = true;
};

// "l,s" as diff -u prints it: a count of 1 is left out, and an empty range names the line before it.
QByteArray range(int start, int count)
{
    if (count == 1)
        return QByteArray::number(start + 1);
    return QByteArray::number(count == 0 ? start : start + 1) + ',' + QByteArray::number(count);
}

void line(Sink &sink, char marker, const DiffText &text, int index)
{
    const QByteArrayView bytes = text.line(index);
    sink.append(marker);
    sink.append(bytes);
    if (!bytes.endsWith('\n'))
        sink.append("\n\\ No newline at end of file\n");
}

} // namespace

bool UnifiedDiff::write(QIODevice *out, const DiffText &left, const DiffText &right,
    const LineDiffResult &diff, int context, const Header &header)
{
    const QList<HunkRange> hunks = diff.hunks(std::max(context, 0));
    if (hunks.isEmpty())
        return true;
    Sink sink(out);
    sink.append(QByteArray("--- " + header.leftLabel.toUtf8() + '\n'));
    sink.append(QByteArray("+++ " + header.rightLabel.toUtf8() + '\n'));
    for (const HunkRange &hunk : hunks) {
        sink.append(QByteArray("@@ -" + range(hunk.leftStart, hunk.leftCount) + " +" +
            range(hunk.rightStart, hunk.rightCount) + " @@\n"));
        int i = hunk.leftStart;
        for (int c = hunk.firstChange; c < hunk.firstChange + hunk.changeCount; ++c) {
            const DiffChange &change = diff.changes[c];
            for (; i < change.leftStart; ++i)
                line(sink, ' ', left, i);
            for (int k = change.leftStart; k < change.leftEnd(); ++k)
                line(sink, '-', left, k);
            for (int k = change.rightStart; k < change.rightEnd(); ++k)
                line(sink, '+', right, k);
            i = change.leftEnd();
        }
        for (; i < hunk.leftStart + hunk.leftCount; ++i)
            line(sink, ' ', left, i);
    }
    return sink.flush();
}

QByteArray UnifiedDiff::toByteArray(const DiffText &left, const DiffText &right, const LineDiffResult &diff,
    int context, const Header &header)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    write(&buffer, left, right, diff, context, header);
    return bytes;
}

} // namespace Countersign
