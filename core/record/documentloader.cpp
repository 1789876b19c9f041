// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "record/documentloader.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <cstring>
#include <new>

namespace Countersign {

Result<QByteArray> DocumentLoader::readFile(const QString &path)
{
    Result<QByteArray> bytes = readBytes(path, maxFileSize);
    if (bytes && bytes->isEmpty())
        return Error{Error::Code::Empty, QStringLiteral("is empty; expected a markdown record"), path};
    return bytes;
}

Result<LargeBytes> DocumentLoader::readDiffInput(const QString &path)
{
    Result<LargeBytes> bytes = readLargeBytes(path, maxDiffFileSize);
    if (!bytes)
        return bytes;
    if (std::optional<Error> error = SourceText::validate(bytes->bytes(), path))
        return *error;
    return bytes;
}

Result<LargeBytes> DocumentLoader::readLargeBytes(const QString &path, qint64 maxSize)
{
    QFile file;
    const Result<qint64> size = openForReading(path, maxSize, file);
    if (!size)
        return size.error();
    // One byte more than measured, to notice a file that grew since it was measured.
    LargeBytes bytes(size.value() + 1);
    qint64 got = 0;
    while (got <= size.value()) {
        const qint64 read = file.read(bytes.data() + got, size.value() + 1 - got);
        if (read < 0)
            return Error{
                Error::Code::Unreadable, QStringLiteral("cannot be read: %1").arg(file.errorString()), path};
        if (read == 0)
            break;
        got += read;
    }
    if (got > size.value()) {
        // It grew while being read: read it as a whole, bounded as ever, and keep that.
        const Result<QByteArray> whole = readBytes(path, maxSize);
        if (!whole)
            return whole.error();
        bytes = LargeBytes(whole->size());
        std::memcpy(bytes.data(), whole->constData(), size_t(whole->size()));
        got = whole->size();
    }
    bytes.setSize(got);
    return bytes;
}

Result<QByteArray> DocumentLoader::readBytes(const QString &path, qint64 maxSize)
{
    QFile file;
    const Result<qint64> size = openForReading(path, maxSize, file);
    if (!size)
        return size.error();
    using Code = Error::Code;
    // Read what the file holds plus one byte, to notice a file that grew since it was measured; only
    // then read on, still at most one byte past the limit. (Asking for the limit outright would
    // allocate the whole limit for every small record.)
    QByteArray bytes = file.read(size.value() + 1);
    if (bytes.size() > size.value() && file.error() == QFileDevice::NoError)
        bytes += file.read(maxSize + 1 - bytes.size());
    if (file.error() != QFileDevice::NoError)
        return Error{Code::Unreadable, QStringLiteral("cannot be read: %1").arg(file.errorString()), path};
    if (bytes.size() > maxSize) {
        return Error{Code::TooLarge,
            QStringLiteral("is larger than %1 MiB, the most Countersign reads").arg(maxSize / (1024 * 1024)),
            path};
    }
    return bytes;
}

Result<qint64> DocumentLoader::openForReading(const QString &path, qint64 maxSize, QFile &file)
{
    using Code = Error::Code;
    if (path.isEmpty())
        return Error{Code::InvalidArgument, QStringLiteral("no file name given"), path};
    const QFileInfo info(path);
    if (!info.exists())
        return Error{Code::FileNotFound, QStringLiteral("no such file"), path};
    if (info.isDir())
        return Error{Code::NotARegularFile, QStringLiteral("is a directory, not a markdown file"), path};
    if (!info.isFile())
        return Error{
            Code::NotARegularFile, QStringLiteral("is not a regular file (a device, socket or pipe)"), path};
    if (info.size() > maxSize) {
        return Error{Code::TooLarge,
            QStringLiteral("is %1 MiB; Countersign reads files of up to %2 MiB")
                .arg(double(info.size()) / (1024 * 1024), 0, 'f', 1)
                .arg(maxSize / (1024 * 1024)),
            path};
    }
    file.setFileName(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{Code::Unreadable, QStringLiteral("cannot be read: %1").arg(file.errorString()), path};
    return info.size();
}

Result<SourceText> DocumentLoader::readText(const QString &path)
{
    Result<QByteArray> bytes = readFile(path);
    if (!bytes)
        return bytes.error();
    return SourceText::fromUtf8(bytes.value(), path);
}

Result<SourceText> DocumentLoader::readForEditing(const QString &path)
{
    // Large memory: a 45 MB record is read with a few dozen page faults instead of 11,000.
    const Result<LargeBytes> bytes = readLargeBytes(path, maxDiffFileSize);
    if (!bytes)
        return bytes.error();
    return SourceText::fromUtf8(bytes->bytes(), path);
}

std::future<Result<SourceText>> DocumentLoader::readForEditingAsync(const QString &path)
{
    return std::async(std::launch::async, [path] { return readForEditing(path); });
}

std::optional<Error> DocumentLoader::writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Error{
            Error::Code::WriteFailed, QStringLiteral("cannot be written: %1").arg(file.errorString()), path};
    return std::nullopt;
}

} // namespace Countersign
