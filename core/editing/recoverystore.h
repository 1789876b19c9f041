// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace Countersign {

// Unsaved edits kept on disk, so that a crash or a kill loses at most a few seconds of work. One
// entry per edited file in directory(): `<key>.md` holds the text as it would be saved and
// `<key>.path` the file it belongs to (key: SHA-1 of the file's absolute path). Entries are written
// through QSaveFile; a failure is returned as text and never touches the file itself.
class RecoveryStore
{
public:
    explicit RecoveryStore(const QString &directory = defaultDirectory());
    // The application's data folder + "/recovery".
    static QString defaultDirectory();
    QString directory() const { return m_directory; }

    // Returns the error text, empty on success.
    QString save(const QString &file, const QByteArray &text) const;
    std::optional<QByteArray> load(const QString &file) const;
    QDateTime savedAt(const QString &file) const;
    void remove(const QString &file) const;

private:
    QString entry(const QString &file, const char *suffix) const;

    QString m_directory;
};

} // namespace Countersign
