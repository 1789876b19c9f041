#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>

namespace Countersign {

// Writes JSON straight into a byte array, without building a QJsonDocument first, so that the model
// of a 10 MB record is written in one pass and in little memory. Output is indented by two spaces per
// level. The caller is responsible for balanced begin/end calls (asserted in debug builds).
class JsonWriter
{
public:
    explicit JsonWriter(QByteArray *out);

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

    QByteArray *m_out;
    struct Level
    {
        bool isObject = false;
        bool empty = true;
    };
    QList<Level> m_levels;
    bool m_afterKey = false;
};

} // namespace Countersign
