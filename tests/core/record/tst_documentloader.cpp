// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// DocumentLoader: every kind of bad file becomes an Error that names it; nothing hangs or crashes.
#include "record/documentloader.h"
#include "record/markdownparser.h"
#include "testsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <linux/capability.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

using namespace Countersign;
using Code = Error::Code;

namespace {

// As root, permission bits do not stop reads. Dropping the two file-access capabilities from the
// effective set (they stay permitted, so they can be restored) makes a mode-000 file unreadable.
class FileAccessCapabilities
{
public:
    FileAccessCapabilities() { set(false); }
    ~FileAccessCapabilities() { set(true); }

private:
    static void set(bool on)
    {
        if (geteuid() != 0)
            return;
        __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
        __user_cap_data_struct data[2] = {};
        if (syscall(SYS_capget, &header, data) != 0)
            return;
        const quint32 bits = (1u << CAP_DAC_OVERRIDE) | (1u << CAP_DAC_READ_SEARCH);
        data[0].effective =
            on ? (data[0].effective | (data[0].permitted & bits)) : (data[0].effective & ~bits);
        syscall(SYS_capset, &header, data);
    }
};

} // namespace

class TestDocumentLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loadsARecord()
    {
        const QString path = TestSupport::dataPath(QStringLiteral("input/decision-record.md"));
        const Result<Document> doc = MarkdownParser::parseFile(path);
        QVERIFY(doc);
        QCOMPARE(doc->fileName, path);
        QCOMPARE(doc->serialize(), TestSupport::readBytes(path));
    }

    void badFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("code");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("wording");
        QTest::newRow("binary") << "bad/binary.md" << int(Code::Binary) << 4 << "binary content";
        QTest::newRow("latin-1") << "bad/invalid-utf8.md" << int(Code::InvalidUtf8) << 3 << "invalid UTF-8";
        QTest::newRow("overlong") << "bad/overlong.md" << int(Code::InvalidUtf8) << 3 << "invalid UTF-8";
        QTest::newRow("surrogate") << "bad/surrogate.md" << int(Code::InvalidUtf8) << 2 << "invalid UTF-8";
        QTest::newRow("truncated") << "bad/truncated-utf8.md" << int(Code::InvalidUtf8) << 3
                                   << "invalid UTF-8";
        QTest::newRow("empty") << "bad/empty.md" << int(Code::Empty) << 0 << "is empty";
        QTest::newRow("missing") << "bad/no-such-record.md" << int(Code::FileNotFound) << 0 << "no such file";
        QTest::newRow("directory") << "bad" << int(Code::NotARegularFile) << 0 << "is a directory";
    }

    void badFiles()
    {
        QFETCH(QString, file);
        QFETCH(int, code);
        QFETCH(int, line);
        QFETCH(QString, wording);
        const QString path = TestSupport::dataPath(file);
        const Result<Document> doc = MarkdownParser::parseFile(path);
        QVERIFY(!doc);
        QCOMPARE(int(doc.error().code), code);
        QCOMPARE(doc.error().file, path);
        QCOMPARE(doc.error().line, line);
        QVERIFY2(doc.error().message.contains(wording), qPrintable(doc.error().message));
        QVERIFY(doc.error().toString().startsWith(path));
    }

    void unreadable()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("locked.md"));
        QVERIFY(TestSupport::writeLockedFile(path));
        FileAccessCapabilities dropped;
        const Result<Document> doc = MarkdownParser::parseFile(path);
        QVERIFY(!doc);
        QCOMPARE(doc.error().code, Code::Unreadable);
        QCOMPARE(doc.error().file, path);
        QVERIFY2(
            doc.error().message.contains(QStringLiteral("cannot be read")), qPrintable(doc.error().message));
    }

    void tooLarge()
    {
        // A sparse file just over the limit: no disk space used, no time spent reading it.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("huge.md"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(DocumentLoader::maxFileSize + 1));
        file.close();
        const Result<Document> doc = MarkdownParser::parseFile(path);
        QVERIFY(!doc);
        QCOMPARE(doc.error().code, Code::TooLarge);
        QVERIFY2(doc.error().message.contains(QStringLiteral("32 MiB")), qPrintable(doc.error().message));
    }

    void fifoDoesNotHang()
    {
        // Opening a pipe with no writer would block forever; the loader must refuse it up front.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("pipe.md"));
        QCOMPARE(mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        const Result<Document> doc = MarkdownParser::parseFile(path);
        QVERIFY(!doc);
        QCOMPARE(doc.error().code, Code::NotARegularFile);
    }

    // Files to diff are read into large memory: what comes back is the file byte for byte, and a
    // bad byte far into a large file is still found with its line.
    void diffInputOfEveryShape()
    {
        QTemporaryDir dir;
        QByteArray text;
        for (int i = 0; text.size() < 3 * 1024 * 1024; ++i)
            text += "- line_" + QByteArray::number(i) + ": `" + QByteArray::number(i * 31, 16) + "`\n";
        const QString large = dir.filePath(QStringLiteral("large.md"));
        QVERIFY(TestSupport::writeBytes(large, text));
        const Result<LargeBytes> read = DocumentLoader::readDiffInput(large);
        QVERIFY(read);
        QCOMPARE(read->bytes(), text);

        const QString empty = dir.filePath(QStringLiteral("empty.md"));
        QVERIFY(TestSupport::writeBytes(empty, QByteArray()));
        const Result<LargeBytes> none = DocumentLoader::readDiffInput(empty);
        QVERIFY(none);
        QVERIFY(none->bytes().isEmpty());

        const int lines = int(text.count('\n'));
        const QString bad = dir.filePath(QStringLiteral("bad.md"));
        QVERIFY(TestSupport::writeBytes(bad, text + "caf\xe9\n"));
        const Result<LargeBytes> refused = DocumentLoader::readDiffInput(bad);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, Code::InvalidUtf8);
        QCOMPARE(refused.error().file, bad);
        QCOMPARE(refused.error().line, lines + 1);

        const Result<LargeBytes> missing =
            DocumentLoader::readDiffInput(dir.filePath(QStringLiteral("no.md")));
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, Code::FileNotFound);
    }

    void emptyPathIsAnError()
    {
        const Result<Document> doc = MarkdownParser::parseFile(QString());
        QVERIFY(!doc);
        QCOMPARE(doc.error().code, Code::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestDocumentLoader)
#include "tst_documentloader.moc"
