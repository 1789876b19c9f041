#pragma once

#include "document.h"
#include "result.h"

#include <QByteArray>
#include <QString>

namespace Countersign {

// Reads a record from disk and parses it. Everything that can be wrong with a file becomes an Error
// naming it: missing, a directory or other non-regular file, unreadable, larger than maxFileSize,
// empty, binary (a NUL byte), or not UTF-8 (with line and byte offset). Never blocks on a FIFO or
// device: only regular files are opened.
class DocumentLoader
{
public:
    // Records are a few kilobytes; the limit keeps a mistaken multi-gigabyte file from exhausting
    // memory while leaving room for generated stress inputs.
    static constexpr qint64 maxFileSize = 32 * 1024 * 1024;

    static Result<QByteArray> readFile(const QString &path);
    static Result<SourceText> readText(const QString &path);
    static Result<Document> load(const QString &path);
};

} // namespace Countersign
