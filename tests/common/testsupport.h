// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

// Shared by the test executables: where the test data lives, readable failure output for domain
// types, and small file helpers.
#include "base/error.h"
#include "base/settingskeys.h"
#include "editing/textbuffer.h"
#include "record/document.h"
#include "record/markdownparser.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QString>
#include <QTest>

namespace TestSupport {

inline QString dataPath(const QString &relative)
{
    return QStringLiteral(COUNTERSIGN_TEST_DATA "/") + relative;
}

inline QString samplePath(const QString &fileName)
{
    return QStringLiteral(COUNTERSIGN_SAMPLES "/") + fileName;
}

// Loads and parses a committed test input; a missing or broken one ends the test run.
inline Countersign::Document load(const QString &path)
{
    const Countersign::Result<Countersign::Document> doc = Countersign::MarkdownParser::parseFile(path);
    if (!doc)
        qFatal("cannot load %s: %s", qPrintable(path), qPrintable(doc.error().toString()));
    return doc.value();
}

inline QByteArray readBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("test data missing: %s", qPrintable(path));
    return file.readAll();
}

inline bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// A file of mode 000 holding a tiny record (as root, still readable unless capabilities are dropped).
inline bool writeLockedFile(const QString &path)
{
    return writeBytes(path, "# Locked\n") && QFile::setPermissions(path, QFileDevice::Permissions());
}

// Every committed test input: tests/data/input/*.md and the bundled samples.
inline QStringList allInputs()
{
    QStringList paths;
    for (const QString &dir : {dataPath(QStringLiteral("input")), QStringLiteral(COUNTERSIGN_SAMPLES)}) {
        const QDir d(dir);
        for (const QString &name : d.entryList({QStringLiteral("*.md")}, QDir::Files, QDir::Name))
            paths.append(d.filePath(name));
    }
    return paths;
}

// Forgets the size, docks, split, zoom and diff options a MainWindow leaves in the (test mode)
// settings, so that each test's window starts at the defaults whatever test ran before it.
inline void forgetWindowLayout()
{
    QSettings settings;
    for (const QLatin1StringView key : {Countersign::SettingsKeys::windowGeometry,
             Countersign::SettingsKeys::windowState, Countersign::SettingsKeys::windowSplitter,
             Countersign::SettingsKeys::zoom, Countersign::SettingsKeys::ignoreWhitespace,
             Countersign::SettingsKeys::ignoreBlankLines, Countersign::SettingsKeys::ignoreCase})
        settings.remove(key);
}

} // namespace TestSupport

namespace Countersign {

inline char *toString(const Error &error)
{
    return QTest::toString(QStringLiteral("Error(%1, line %2, offset %3)")
            .arg(error.toString())
            .arg(error.line)
            .arg(error.byteOffset));
}

inline char *toString(const StatusToken &token)
{
    return QTest::toString(
        QStringLiteral("StatusToken(%1 | %2 | %3)").arg(token.text, token.word, token.qualifier));
}

inline char *toString(DocumentKind kind)
{
    return QTest::toString(kindName(kind));
}

inline char *toString(DocumentSide side)
{
    return QTest::toString(sideName(side));
}

inline char *toString(const TextPosition &position)
{
    return QTest::toString(QStringLiteral("(%1, %2)").arg(position.line).arg(position.column));
}

} // namespace Countersign
