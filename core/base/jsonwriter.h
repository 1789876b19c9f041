// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>

class QIODevice;

namespace Countersign {

// Writes JSON straight into a byte array, without building a QJsonDocument first, so that the model
// of a 10 MB record is written in one pass and in little memory. With a sink, the buffer is handed to
// it whenever it passes 1 MiB (and by flush()), so output of any size needs only that much memory;
// hasFailed() tells whether a write to the sink failed. Output is compact (one line) or indented by
// two spaces per level.
// The caller is responsible for balanced begin/end calls (asserted in debug builds).
class JsonWriter
{
public:
    enum class Style { Compact, Indented };

    explicit JsonWriter(QByteArray *out, Style style = Style::Indented, QIODevice *sink = nullptr);

    // Writes what is buffered to the sink, if there is one. False when the write failed.
    bool flush();
    bool hasFailed() const { return m_failed; }

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    void key(QStringView name);
    void value(QStringView text);
    void value(const QString &text) { value(QStringView(text)); }
    void value(const char16_t *text) { value(QStringView(text)); }
    void value(qint64 number);
    void value(int number) { value(qint64(number)); }
    void value(bool flag);
    void null();

    template<typename T>
    void field(QStringView name, const T &v)
    {
        key(name);
        value(v);
    }

private:
    void beforeValue();
    void writeString(QStringView text);
    void newline();

    void flushIfLarge();

    QByteArray *m_out;
    QIODevice *m_sink;
    Style m_style;
    bool m_failed = false;
    struct Level
    {
        bool isObject = false;
        bool empty = true;
    };
    QList<Level> m_levels;
    bool m_afterKey = false;
};

} // namespace Countersign
