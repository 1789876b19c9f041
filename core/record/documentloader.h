// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "base/largememory.h"
#include "base/result.h"
#include "record/sourcetext.h"

#include <QByteArray>
#include <QFile>
#include <QString>

#include <future>
#include <optional>

namespace Countersign {

// Reads and writes the files Countersign works on (MarkdownParser::parseFile parses a record read
// here; the `diff` command uses this without the parser). Everything that can be wrong with a file
// becomes an Error naming it: missing, a directory or other non-regular file, unreadable, larger than
// maxFileSize, empty, binary (a NUL byte), or not UTF-8 (with line and byte offset). Never blocks on a FIFO
// or device: only regular files are opened.
class DocumentLoader
{
public:
    // Records are a few kilobytes; the limit keeps a mistaken multi-gigabyte file from exhausting
    // memory while leaving room for generated stress inputs.
    static constexpr qint64 maxFileSize = 32 * 1024 * 1024;

    // Files to diff may be generated and far larger than a record; the bound still keeps a mistaken
    // multi-gigabyte file from exhausting memory.
    static constexpr qint64 maxDiffFileSize = 512 * 1024 * 1024;

    static Result<QByteArray> readFile(const QString &path);
    // A file to diff: as readFile(), but up to maxDiffFileSize and an empty file is fine (a diff
    // against nothing). Binary content and invalid UTF-8 are still errors, with line and offset.
    // Read into large memory (LargeBytes), which a large file fills with far fewer page faults.
    static Result<LargeBytes> readDiffInput(const QString &path);
    static Result<SourceText> readText(const QString &path);
    // A file to open in an editor: as readDiffInput() (up to maxDiffFileSize, empty is fine), decoded.
    static Result<SourceText> readForEditing(const QString &path);
    // readForEditing() on a thread of its own, started now: a large record takes a while to read and
    // decode (~200 ms at 1M lines), and the two records of a pair can be read at once.
    static std::future<Result<SourceText>> readForEditingAsync(const QString &path);

    // Writes `bytes` to `path` atomically (QSaveFile: a complete new file or the old one); the Error
    // names the file and the reason.
    static std::optional<Error> writeFile(const QString &path, const QByteArray &bytes);

private:
    static Result<QByteArray> readBytes(const QString &path, qint64 maxSize);
    // As readBytes(), into large memory.
    static Result<LargeBytes> readLargeBytes(const QString &path, qint64 maxSize);
    // Opens `path` into `file` after the checks every read makes (exists, a regular file, at most
    // `maxSize` bytes); the size the file had.
    static Result<qint64> openForReading(const QString &path, qint64 maxSize, QFile &file);
};

} // namespace Countersign
