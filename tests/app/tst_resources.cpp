// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// Resources on inputs the commands accept by size but not by shape: a record of a million one-word
// list items, a table of thousands of columns or a run of emphasis would once take gigabytes and,
// under a memory limit, abort inside cmark. Every command refuses such a shape with exit 2 naming
// the file and the bound, and a parse the system refuses memory for is an error, not a crash.
// (Figures: tests/benchmarks/bench_resources.)
#include "clirunner.h"
#include "ledgersupport.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

using TestSupport::Run;
using TestSupport::run;

namespace {

QByteArray repeated(const QByteArray &head, const QByteArray &unit, qsizetype size)
{
    QByteArray out = head;
    while (out.size() < size)
        out += unit;
    return out;
}

QByteArray wideTable(int columns, int rows)
{
    const QByteArray row = QByteArray("|a").repeated(columns) + "|\n";
    return "# Runtime Cutover Decision Record\n\n" + row + QByteArray("|-").repeated(columns) + "|\n" +
        row.repeated(rows);
}

} // namespace

class TestResources : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shapesBeyondTheBoundAreRefused_data()
    {
        QTest::addColumn<QByteArray>("text");
        const QByteArray title = "# Runtime Cutover Decision Record\n\nUpdated: 2026-02-08\n\n";
        QTest::newRow("one-word list items") << repeated(title, "- i\n", 2'000'000);
        QTest::newRow("2,000 table columns") << wideTable(2000, 200);
        QTest::newRow("a run of emphasis") << repeated(title + "Text ", "*a* ", 2'000'000) + '\n';
        QTest::newRow("one-word paragraphs") << repeated(title, "a\n\n", 2'000'000);
    }
    void shapesBeyondTheBoundAreRefused()
    {
        QFETCH(QByteArray, text);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_2026-02-08.md"));
        QVERIFY(TestSupport::writeBytes(path, text));
        const QString other = TestSupport::dataPath(QStringLiteral("input/decision-record.md"));
        TestSupport::openStore(dir.filePath(QStringLiteral("ledger.sqlite"))); // export only reads a ledger
        const QList<QStringList> commands{{QStringLiteral("lint"), path},
            {QStringLiteral("show"), QStringLiteral("--json"), path},
            {QStringLiteral("compare"), other, path}, {QStringLiteral("check"), dir.path()},
            {QStringLiteral("export"), path, QStringLiteral("--allow-open"), QStringLiteral("--db"),
                dir.filePath(QStringLiteral("ledger.sqlite"))}};
        for (const QStringList &command : commands) {
            const Run result = run(command);
            QVERIFY2(!result.crashed, qPrintable(command.join(u' ')));
            QVERIFY2(result.exitCode == 2,
                qPrintable(command.join(u' ') + QStringLiteral(": exit %1").arg(result.exitCode)));
            QVERIFY2(result.err.contains(path +
                         QStringLiteral(": has more markdown structure than Countersign "
                                        "reads")) &&
                    result.err.contains(QStringLiteral("12 times the file's size plus 16 MiB")),
                qPrintable(command.join(u' ') + u'\n' + result.err));
        }
        // The file is left as it was.
        QCOMPARE(TestSupport::readBytes(path), text);
    }

    // Under a limit of the address space (ulimit -v) a large ordinary record cannot be parsed: exit 2
    // naming the file, never cmark's abort() or an uncaught std::bad_alloc.
    void runningOutOfMemoryIsAnError()
    {
#if defined(__SANITIZE_ADDRESS__)
        QSKIP("AddressSanitizer reserves terabytes of address space: ulimit -v cannot apply to it");
#endif
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("large.md"));
        const QByteArray record =
            TestSupport::readBytes(TestSupport::dataPath(QStringLiteral("input/decision-record.md")));
        QVERIFY(TestSupport::writeBytes(path, repeated(record, '\n' + record, 30 * 1024 * 1024)));
        // Without the limit the record is read (lint finds its repeated sections: exit 1).
        const Run unlimited = run({QStringLiteral("lint"), path});
        QVERIFY2(unlimited.exitCode == 0 || unlimited.exitCode == 1, qPrintable(unlimited.err));
        for (const QString &command : {QStringLiteral("lint"), QStringLiteral("show")}) {
            // sh -c SCRIPT BINARY COMMAND PATH: the binary is $0 of the script.
            const Run limited =
                run({command, path}, QProcessEnvironment::systemEnvironment(), QStringLiteral("sh"),
                    {QStringLiteral("-c"), QStringLiteral("ulimit -v 250000; exec \"$0\" \"$@\"")});
            QVERIFY2(!limited.crashed, qPrintable(limited.err));
            QCOMPARE(limited.exitCode, 2);
            QVERIFY2(limited.err.contains(path + u':') &&
                    limited.err.contains(QStringLiteral("the system has not enough memory")),
                qPrintable(limited.err));
        }
    }
};

QTEST_GUILESS_MAIN(TestResources)
#include "tst_resources.moc"
