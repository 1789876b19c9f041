// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// `countersign diff`, run as a user would: exit codes as GNU diff, output that GNU patch applies to
// give back RIGHT byte for byte, options, the HTML page, and every kind of bad input.
#include "clirunner.h"
#include "testsupport.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using TestSupport::Run;
using TestSupport::run;

namespace {

QString data(const QString &relative)
{
    return TestSupport::dataPath(relative);
}

// Applies `patch` to a copy of `left` with GNU patch; the patched bytes, or nothing on failure.
std::optional<QByteArray> applyPatch(const QString &left, const QByteArray &patch, QString *failure)
{
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("left"));
    const QString patchFile = dir.filePath(QStringLiteral("change.patch"));
    const QString output = dir.filePath(QStringLiteral("patched"));
    if (!QFile::copy(left, copy) || !TestSupport::writeBytes(patchFile, patch)) {
        *failure = QStringLiteral("cannot set up %1").arg(dir.path());
        return std::nullopt;
    }
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStandardPaths::findExecutable(QStringLiteral("patch")),
        {QStringLiteral("--binary"), QStringLiteral("--batch"), QStringLiteral("--silent"),
            QStringLiteral("-o"), output, copy, QStringLiteral("-i"), patchFile});
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        *failure = QString::fromUtf8(process.readAll());
        return std::nullopt;
    }
    QFile result(output);
    if (!result.open(QIODevice::ReadOnly)) {
        *failure = QStringLiteral("patch wrote no output");
        return std::nullopt;
    }
    return result.readAll();
}

// Named pairs written by hand, as files in `dir`.
QList<QPair<QString, QString>> namedPairs(const QTemporaryDir &dir)
{
    const QList<std::tuple<const char *, QByteArray, QByteArray>> cases = {
        {"empty-vs-text", "", "# Record\n\nText.\n"},
        {"text-vs-empty", "# Record\n\nText.\n", ""},
        {"no-final-newline", "a\nb\n", "a\nb"},
        {"gains-final-newline", "a\nb", "a\nb\nc\n"},
        {"crlf-vs-lf", "# R\r\n\r\n- a: `1`\r\n", "# R\n\n- a: `1`\n"},
        {"repeated-lines", "x\n\nx\n\nx\n", "x\n\nx\n\nx\n\nx\n"},
        {"sha-changed", "- commit_sha: `7e4806a34b98e6c06ee33fa9f11499a975e7b922`\n",
            "- commit_sha: `7e4806a34b98e6c06ee33fa9f11499a975e7b923`\n"},
        {"all-different", "one\ntwo\n", "three\nfour\nfive\n"},
    };
    QList<QPair<QString, QString>> pairs;
    for (const auto &[name, left, right] : cases) {
        const QString l = dir.filePath(QString::fromLatin1(name) + u".left.md");
        const QString r = dir.filePath(QString::fromLatin1(name) + u".right.md");
        if (!TestSupport::writeBytes(l, left) || !TestSupport::writeBytes(r, right))
            qFatal("cannot write %s", qPrintable(l));
        pairs.append({l, r});
    }
    return pairs;
}

} // namespace

class TestDiffCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Every pair of committed inputs and drifted copies, and the named pairs: exit 0 exactly when the
    // files are equal, and the output applied by GNU patch reproduces RIGHT byte for byte.
    void patchReproducesRight()
    {
        QStringList files = TestSupport::allInputs();
        for (const QString &name :
            QDir(data(QStringLiteral("compare"))).entryList({QStringLiteral("*.md")}, QDir::Files))
            files.append(data(QStringLiteral("compare/") + name));
        QList<QPair<QString, QString>> pairs;
        for (const QString &left : files) {
            for (const QString &right : files)
                pairs.append({left, right});
        }
        QTemporaryDir dir;
        pairs += namedPairs(dir);
        for (const auto &[left, right] : pairs) {
            const Run result = run({QStringLiteral("diff"), left, right});
            const QByteArray expected = TestSupport::readBytes(right);
            const bool same = TestSupport::readBytes(left) == expected;
            QVERIFY2(
                result.exitCode == (same ? 0 : 1), qPrintable(left + u" vs " + right + u": " + result.err));
            QCOMPARE(result.out.isEmpty(), same);
            if (same)
                continue;
            QString failure;
            const std::optional<QByteArray> patched = applyPatch(left, result.out, &failure);
            QVERIFY2(patched, qPrintable(left + u" vs " + right + u": " + failure));
            QVERIFY2(*patched == expected, qPrintable(left + u" vs " + right));
        }
        QVERIFY(pairs.size() > 400);
    }

    void contextLines_data()
    {
        QTest::addColumn<QStringList>("option");
        QTest::addColumn<QString>("firstHunk");
        QTest::newRow("default-3") << QStringList{} << QStringLiteral("@@ -5,7 +5,7 @@");
        QTest::newRow("-U0") << QStringList{QStringLiteral("-U0")} << QStringLiteral("@@ -8 +8 @@");
        QTest::newRow("-U 1") << QStringList{QStringLiteral("-U"), QStringLiteral("1")}
                              << QStringLiteral("@@ -7,3 +7,3 @@");
        QTest::newRow("--unified=2") << QStringList{QStringLiteral("--unified=2")}
                                     << QStringLiteral("@@ -6,5 +6,5 @@");
    }

    void contextLines()
    {
        QFETCH(QStringList, option);
        QFETCH(QString, firstHunk);
        QTemporaryDir dir;
        const QString left = dir.filePath(QStringLiteral("l.md")),
                      right = dir.filePath(QStringLiteral("r.md"));
        QByteArray a, b;
        for (int i = 1; i <= 20; ++i) {
            a += "line " + QByteArray::number(i) + '\n';
            b += (i == 8 ? QByteArray("changed 8") : "line " + QByteArray::number(i)) + '\n';
        }
        QVERIFY(TestSupport::writeBytes(left, a) && TestSupport::writeBytes(right, b));
        const Run result = run(QStringList{QStringLiteral("diff")} + option + QStringList{left, right});
        QCOMPARE(result.exitCode, 1);
        const QList<QByteArray> lines = result.out.split('\n');
        QVERIFY(lines.size() > 3);
        QVERIFY2(lines[0].startsWith(QByteArray("--- " + left.toUtf8() + '\t')), lines[0].constData());
        QVERIFY2(lines[1].startsWith(QByteArray("+++ " + right.toUtf8() + '\t')), lines[1].constData());
        QCOMPARE(QString::fromUtf8(lines[2]), firstHunk);
        QString failure;
        QCOMPARE(applyPatch(left, result.out, &failure).value_or(QByteArray()), b);
    }

    void ignoreOptions_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("right");
        QTest::addColumn<int>("exitCode");
        const QString crlf = data(QStringLiteral("input/variant-crlf.md"));
        QTest::newRow("crlf-exact") << QStringList{} << crlf << 1;
        QTest::newRow("crlf-ignore-space") << QStringList{QStringLiteral("--ignore-space")} << crlf << 0;
        QTest::newRow("crlf-b") << QStringList{QStringLiteral("-b")} << crlf << 0;
        QTest::newRow("crlf-w") << QStringList{QStringLiteral("-w")} << crlf << 0;
        QTest::newRow("mirror-ignore-space-still-differs")
            << QStringList{QStringLiteral("-b")} << data(QStringLiteral("input/producer-mirror.md")) << 1;
    }

    void ignoreOptions()
    {
        QFETCH(QStringList, options);
        QFETCH(QString, right);
        QFETCH(int, exitCode);
        const Run result = run(QStringList{QStringLiteral("diff")} + options +
            QStringList{data(QStringLiteral("input/decision-record.md")), right});
        QCOMPARE(result.exitCode, exitCode);
        QCOMPARE(result.out.isEmpty(), exitCode == 0);
    }

    void ignoreCaseAndBlankLines()
    {
        QTemporaryDir dir;
        const QString left = dir.filePath(QStringLiteral("l.md")),
                      right = dir.filePath(QStringLiteral("r.md"));
        QVERIFY(TestSupport::writeBytes(left, "# Record\nOutcome: GO\n"));
        QVERIFY(TestSupport::writeBytes(right, "# record\n\n\nOutcome: go\n"));
        QCOMPARE(run({QStringLiteral("diff"), left, right}).exitCode, 1);
        QCOMPARE(run({QStringLiteral("diff"), QStringLiteral("-i"), left, right}).exitCode, 1);
        QCOMPARE(run({QStringLiteral("diff"), QStringLiteral("-B"), left, right}).exitCode, 1);
        const Run both = run({QStringLiteral("diff"), QStringLiteral("--ignore-case"),
            QStringLiteral("--ignore-blank-lines"), left, right});
        QCOMPARE(both.exitCode, 0);
        QVERIFY(both.out.isEmpty());
    }

    void brief()
    {
        const QString left = data(QStringLiteral("input/decision-record.md"));
        const QString right = data(QStringLiteral("input/producer-mirror.md"));
        const Run differ = run({QStringLiteral("diff"), QStringLiteral("-q"), left, right});
        QCOMPARE(differ.exitCode, 1);
        QCOMPARE(differ.out, QStringLiteral("Files %1 and %2 differ\n").arg(left, right).toUtf8());
        const Run same = run({QStringLiteral("diff"), QStringLiteral("--brief"), left, left});
        QCOMPARE(same.exitCode, 0);
        QVERIFY(same.out.isEmpty());
    }

    void htmlPage()
    {
        QTemporaryDir dir;
        const QString left = dir.filePath(QStringLiteral("l.md")),
                      right = dir.filePath(QStringLiteral("r.md"));
        QVERIFY(TestSupport::writeBytes(left,
            "# Record <draft>\n\n- commit_sha: `7e4806a34b98e6c06ee33fa9f11499a975e7b922`\n- release_tag: "
            "`v0.4.0`\n"));
        QVERIFY(TestSupport::writeBytes(right,
            "# Record <draft>\n\n- commit_sha: `7e4806a34b98e6c06ee33fa9f11499a975e7b923`\n- release_tag: "
            "`v0.4.0`\n"
            "- note: a & b\n"));
        const QString page = dir.filePath(QStringLiteral("diff.html"));
        const Run result = run({QStringLiteral("diff"), QStringLiteral("--html"), page, left, right});
        QCOMPARE(result.exitCode, 1);
        QVERIFY(!result.out.isEmpty()); // the unified diff still goes to stdout
        const QString html = QString::fromUtf8(TestSupport::readBytes(page));
        QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
        // The one changed digit of the SHA is marked on each side, and nothing else of the line.
        QVERIFY2(html.contains(QStringLiteral("7e4806a34b98e6c06ee33fa9f11499a975e7b92<del>2</del>")),
            qPrintable(html));
        QVERIFY2(html.contains(QStringLiteral("7e4806a34b98e6c06ee33fa9f11499a975e7b92<ins>3</ins>")),
            qPrintable(html));
        QVERIFY(html.contains(QStringLiteral("- note: a &amp; b")));
        QVERIFY(html.contains(QStringLiteral("# Record &lt;draft&gt;")));
        // Self-contained: no scripts, nothing fetched from elsewhere.
        QVERIFY(!html.contains(QStringLiteral("<script")));
        QVERIFY(!html.contains(QStringLiteral("http")));
        QVERIFY(!html.contains(QStringLiteral("<link")));
    }

    void htmlPageCannotBeWritten()
    {
        const QString left = data(QStringLiteral("input/decision-record.md"));
        const Run result = run(
            {QStringLiteral("diff"), QStringLiteral("--html"), QStringLiteral("/nonexistent-dir/page.html"),
                left, data(QStringLiteral("input/producer-mirror.md"))});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(
            result.err.contains(QStringLiteral("/nonexistent-dir/page.html: cannot write the HTML page")),
            qPrintable(result.err));
    }

    void badInput_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing") << data(QStringLiteral("input/no-such-file.md"))
                                 << QStringLiteral("no such file");
        QTest::newRow("directory") << data(QStringLiteral("input")) << QStringLiteral("is a directory");
        QTest::newRow("binary") << data(QStringLiteral("bad/binary.md")) << QStringLiteral("binary content");
        QTest::newRow("invalid-utf8")
            << data(QStringLiteral("bad/invalid-utf8.md")) << QStringLiteral("invalid UTF-8");
        QTest::newRow("truncated-utf8")
            << data(QStringLiteral("bad/truncated-utf8.md")) << QStringLiteral("invalid UTF-8");
        QTest::newRow("fifo") << QStringLiteral("/dev/stdin") << QStringLiteral("not a regular file");
    }

    // On either side: exit 2, the file named, nothing on stdout.
    void badInput()
    {
        QFETCH(QString, path);
        QFETCH(QString, message);
        const QString good = data(QStringLiteral("input/decision-record.md"));
        for (const QStringList &files : {QStringList{path, good}, QStringList{good, path}}) {
            const Run result = run(QStringList{QStringLiteral("diff")} + files);
            QVERIFY(!result.crashed);
            QCOMPARE(result.exitCode, 2);
            QVERIFY(result.out.isEmpty());
            QVERIFY2(result.err.contains(path) && result.err.contains(message), qPrintable(result.err));
        }
    }

    void invalidUtf8NamesTheLine()
    {
        const Run result = run({QStringLiteral("diff"), data(QStringLiteral("input/decision-record.md")),
            data(QStringLiteral("bad/invalid-utf8.md"))});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(
            result.err.contains(QRegularExpression(QStringLiteral("invalid-utf8\\.md:\\d+: invalid UTF-8"))),
            qPrintable(result.err));
    }

    void unreadable()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("locked.md"));
        QVERIFY(TestSupport::writeLockedFile(path));
        const Run result = TestSupport::runWithoutReadOverride(
            {QStringLiteral("diff"), path, data(QStringLiteral("input/decision-record.md"))});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(path + QStringLiteral(": cannot be read")), qPrintable(result.err));
    }

    // Larger than the 512 MiB diff limit (a sparse file, so the test writes almost nothing): refused
    // before reading, with the size in the message.
    void hugeFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("huge.md"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(513LL * 1024 * 1024));
        file.close();
        const Run result =
            run({QStringLiteral("diff"), data(QStringLiteral("input/decision-record.md")), path});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(
                     path + QStringLiteral(": is 513.0 MiB; Countersign reads files of up to 512 MiB")),
            qPrintable(result.err));
    }

    void emptyFileIsAValidSide()
    {
        const Run result = run({QStringLiteral("diff"), data(QStringLiteral("bad/empty.md")),
            data(QStringLiteral("input/addendum.md"))});
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.out.contains("@@ -0,0 +1,"));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("wording");
        const QString a = data(QStringLiteral("input/decision-record.md"));
        QTest::newRow("one-file") << QStringList{a} << QStringLiteral("diff takes two files");
        QTest::newRow("three-files") << QStringList{a, a, a} << QStringLiteral("diff takes two files");
        QTest::newRow("bad-context") << QStringList{QStringLiteral("-U"), QStringLiteral("x"), a, a}
                                     << QStringLiteral("-U needs a number");
        QTest::newRow("negative-context")
            << QStringList{QStringLiteral("-U-1"), a, a} << QStringLiteral("-U needs a number");
        QTest::newRow("html-without-file") << QStringList{a, a, QStringLiteral("--html")}
                                           << QStringLiteral("--html needs an output file name");
        QTest::newRow("unknown-option") << QStringList{QStringLiteral("--frobnicate"), a, a}
                                        << QStringLiteral("unknown option '--frobnicate'");
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, wording);
        const Run result = run(QStringList{QStringLiteral("diff")} + arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(wording), qPrintable(result.err));
        QVERIFY(result.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDiffCommand)
#include "tst_diffcommand.moc"
