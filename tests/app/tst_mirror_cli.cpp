// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// `countersign mirror` through the real binary: the mirror of each sample record written to a file
// or standard output, compared and linted by the same binary, mirrored back to the original bytes;
// an existing output kept unless --force; bad input named, with exit status 2 and nothing written.
#include "clirunner.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using TestSupport::Run;
using TestSupport::run;

namespace {

const QString consumerRecord = QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_2026-02-08.md");
const QString producerMirror =
    QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_PRODUCER_MIRROR_2026-02-08.md");

QString drafting(const QString &name)
{
    return TestSupport::dataPath(QStringLiteral("drafting/") + name);
}

} // namespace

class TestMirrorCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesTheMirrorThatAgrees_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("output");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QByteArray>("said");
        QTest::newRow("consumer record")
            << consumerRecord << producerMirror << "expected/mirror-of-consumer-record.md"
            << QByteArray("producer mirror of");
        QTest::newRow("producer mirror")
            << producerMirror << consumerRecord << "expected/record-from-producer-mirror.md"
            << QByteArray("consumer decision record of");
    }

    void writesTheMirrorThatAgrees()
    {
        QFETCH(QString, source);
        QFETCH(QString, output);
        QFETCH(QString, expected);
        QFETCH(QByteArray, said);
        QTemporaryDir dir;
        const QString out = dir.filePath(output);
        const Run mirror = run({QStringLiteral("mirror"), drafting(source), QStringLiteral("-o"), out});
        QCOMPARE(mirror.err, QString());
        QCOMPARE(mirror.exitCode, 0);
        QCOMPARE(mirror.out, out.toUtf8() + ": " + said + ' ' + drafting(source).toUtf8() + '\n');
        QCOMPARE(TestSupport::readBytes(out), TestSupport::readBytes(drafting(expected)));

        const Run compare = run({QStringLiteral("compare"), out, drafting(source)});
        QCOMPARE(compare.exitCode, 0);
        QVERIFY2(compare.out.startsWith("Aligned, with 2 notes.\n"), compare.out.constData());
        const Run lint = run({QStringLiteral("lint"), out});
        QCOMPARE(lint.exitCode, 0);

        // Without -o (or with -o -) the mirror goes to standard output.
        const Run toStdout = run({QStringLiteral("mirror"), drafting(source)});
        QCOMPARE(toStdout.exitCode, 0);
        QCOMPARE(toStdout.out, TestSupport::readBytes(drafting(expected)));
        const Run dash =
            run({QStringLiteral("mirror"), drafting(source), QStringLiteral("-o"), QStringLiteral("-")});
        QCOMPARE(dash.out, toStdout.out);
    }

    void mirroredBackIsTheOriginal()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("back")));
        const QString mirror = dir.filePath(producerMirror);
        const QString back = dir.filePath(QStringLiteral("back/") + consumerRecord);
        QCOMPARE(run({QStringLiteral("mirror"), drafting(consumerRecord), QStringLiteral("--output"), mirror})
                     .exitCode,
            0);
        QCOMPARE(run({QStringLiteral("mirror"), mirror, QStringLiteral("--output=") + back}).exitCode, 0);
        QCOMPARE(TestSupport::readBytes(back), TestSupport::readBytes(drafting(consumerRecord)));
    }

    void keepsAnExistingFileUnlessForced()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(producerMirror);
        QVERIFY(TestSupport::writeBytes(out, "# Someone's work\n"));
        const Run refused =
            run({QStringLiteral("mirror"), drafting(consumerRecord), QStringLiteral("-o"), out});
        QCOMPARE(refused.exitCode, 2);
        QCOMPARE(refused.err,
            QStringLiteral("countersign: %1: exists; not replaced (--force replaces it)\n").arg(out));
        QCOMPARE(TestSupport::readBytes(out), QByteArray("# Someone's work\n"));

        const Run forced = run({QStringLiteral("mirror"), QStringLiteral("--force"), drafting(consumerRecord),
            QStringLiteral("-o"), out});
        QCOMPARE(forced.exitCode, 0);
        QCOMPARE(TestSupport::readBytes(out),
            TestSupport::readBytes(drafting(QStringLiteral("expected/mirror-of-consumer-record.md"))));
    }

    // Bad input: exit status 2, a message naming the file, nothing written.
    void badInput_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("message");
        QTest::newRow("checkpoint packet")
            << drafting(QStringLiteral("SERVICE_V3_CUTOVER_DECISION_CHECKPOINT_2026-02-08.md"))
            << "a checkpoint packet, not a decision record or producer mirror: only those have a mirror";
        QTest::newRow("addendum") << drafting(QStringLiteral("JOINT_DECISION_STATUS_ADDENDUM_2026-02-08.md"))
                                  << "an addendum, not a decision record or producer mirror";
        QTest::newRow("not a record") << TestSupport::dataPath(QStringLiteral("cutover/clean/README.md"))
                                      << "not a decision record or producer mirror";
        QTest::newRow("missing") << drafting(QStringLiteral("NO_SUCH_RECORD.md")) << "";
        QTest::newRow("empty") << TestSupport::dataPath(QStringLiteral("bad/empty.md")) << "empty";
        QTest::newRow("invalid utf-8")
            << TestSupport::dataPath(QStringLiteral("bad/invalid-utf8.md")) << "UTF-8";
        QTest::newRow("binary") << TestSupport::dataPath(QStringLiteral("bad/binary.md")) << "";
        QTest::newRow("a folder") << TestSupport::dataPath(QStringLiteral("drafting")) << "";
    }

    void badInput()
    {
        QFETCH(QString, input);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("out.md"));
        const Run result = run({QStringLiteral("mirror"), input, QStringLiteral("-o"), out});
        QVERIFY(!result.crashed);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(
            result.err.startsWith(QStringLiteral("countersign: ") + input + u':'), qPrintable(result.err));
        QVERIFY2(result.err.contains(message), qPrintable(result.err));
        QVERIFY(result.out.isEmpty());
        QVERIFY(!QFile::exists(out));
    }

    void badUsage_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("no record") << QStringList() << "mirror takes exactly one RECORD";
        QTest::newRow("two records") << QStringList{drafting(consumerRecord), drafting(producerMirror)}
                                     << "mirror takes exactly one RECORD";
        QTest::newRow("unknown option") << QStringList{drafting(consumerRecord), QStringLiteral("--json")}
                                        << "mirror: unknown option '--json'";
        QTest::newRow("-o without a file")
            << QStringList{drafting(consumerRecord), QStringLiteral("-o")} << "mirror: -o needs a value";
    }

    void badUsage()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Run result = run(QStringList{QStringLiteral("mirror")} + arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.startsWith(QStringLiteral("countersign: ") + message), qPrintable(result.err));
        QVERIFY(result.out.isEmpty());
    }

    void cannotWrite()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("no-such-folder/mirror.md"));
        const Run result =
            run({QStringLiteral("mirror"), drafting(consumerRecord), QStringLiteral("-o"), out});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.startsWith(QStringLiteral("countersign: ") + out), qPrintable(result.err));
    }

    void listedInHelp()
    {
        const Run help = run({QStringLiteral("--help")});
        QVERIFY(help.out.contains("  mirror RECORD [-o OUT] [--force]\n"));
    }
};

QTEST_GUILESS_MAIN(TestMirrorCli)
#include "tst_mirror_cli.moc"
