// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// SourceText: strict UTF-8 decoding with precise errors, the line table, and the exact round trip.
#include "record/sourcetext.h"
#include "testsupport.h"

#include <QTest>

using namespace Countersign;
using Ending = SourceText::LineEnding;

class TestSourceText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("lines");
        QTest::addColumn<QString>("endings");
        QTest::addColumn<bool>("bom");
        QTest::newRow("lf") << QByteArray("# A\n\nb\n") << 3 << "lf" << false;
        QTest::newRow("crlf") << QByteArray("# A\r\n\r\nb\r\n") << 3 << "crlf" << false;
        QTest::newRow("lone cr") << QByteArray("# A\rb\r") << 2 << "cr" << false;
        QTest::newRow("mixed") << QByteArray("a\nb\r\nc\rd") << 4 << "mixed" << false;
        QTest::newRow("no final newline") << QByteArray("a\nb") << 2 << "lf" << false;
        QTest::newRow("single unterminated line") << QByteArray("just text") << 1 << "none" << false;
        QTest::newRow("bom") << QByteArray("\xEF\xBB\xBF# A\n") << 1 << "lf" << true;
        QTest::newRow("bom only") << QByteArray("\xEF\xBB\xBF") << 0 << "none" << true;
        QTest::newRow("trailing spaces and tabs") << QByteArray("a  \n\tb\t\n") << 2 << "lf" << false;
        QTest::newRow("non-ascii") << QByteArray("Zo\xC3\xAB \xE6\x9D\x8E \xF0\x9F\x9A\x80\n") << 1 << "lf"
                                   << false;
        QTest::newRow("bom in the middle is text") << QByteArray("a\n\xEF\xBB\xBF"
                                                                 "b\n")
                                                   << 2 << "lf" << false;
        QTest::newRow("noncharacter U+FFFE") << QByteArray("\xEF\xBF\xBE\n") << 1 << "lf" << false;
        QTest::newRow("blank lines only") << QByteArray("\n\n\n") << 3 << "lf" << false;
    }

    void roundTrip()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, lines);
        QFETCH(QString, endings);
        QFETCH(bool, bom);
        const Result<SourceText> source = SourceText::fromUtf8(bytes, QStringLiteral("x.md"));
        QVERIFY(source);
        QCOMPARE(source->toUtf8(), bytes);
        QCOMPARE(source->lineCount(), lines);
        QCOMPARE(source->lineEndingName(), endings);
        QCOMPARE(source->hasBom(), bom);
        QVERIFY(!source->text().startsWith(QChar(0xFEFF)));
        // The lines with their endings put back together are the whole text.
        QCOMPARE(source->lines(1, source->lineCount()).toString(), source->text());
    }

    void lineTable()
    {
        const Result<SourceText> source = SourceText::fromUtf8(QByteArray("ab\r\ncd\ref\n\ngh"));
        QVERIFY(source);
        QCOMPARE(source->lineCount(), 5);
        QCOMPARE(source->lineText(1), u"ab");
        QCOMPARE(source->lineInfo(1).ending, Ending::CrLf);
        QCOMPARE(source->lineText(2), u"cd");
        QCOMPARE(source->lineInfo(2).ending, Ending::Cr);
        QCOMPARE(source->lineText(3), u"ef");
        QCOMPARE(source->lineInfo(3).ending, Ending::Lf);
        QCOMPARE(source->lineText(4), u"");
        QCOMPARE(source->lineText(5), u"gh");
        QCOMPARE(source->lineInfo(5).ending, Ending::None);
        QCOMPARE(source->lines(2, 3), u"cd\ref\n");
        QCOMPARE(source->lineAt(0), 1);
        QCOMPARE(source->lineAt(4), 2); // 'c'
        QCOMPARE(source->lineAt(source->text().size()), 5);
    }

    void utf8Columns()
    {
        // cmark counts columns in bytes: "é" is two bytes, "李" three, "🚀" four (two UTF-16 units).
        const Result<SourceText> source =
            SourceText::fromUtf8(QByteArray("- \xC3\xA9\xE6\x9D\x8E\xF0\x9F\x9A\x80x\n"));
        QVERIFY(source);
        const qsizetype start = source->lineInfo(1).start;
        QCOMPARE(source->offsetAt(1, 1), start);
        QCOMPARE(source->offsetAt(1, 3), start + 2); // "é"
        QCOMPARE(source->offsetAt(1, 5), start + 3); // "李"
        QCOMPARE(source->offsetAt(1, 8), start + 4); // "🚀"
        QCOMPARE(source->offsetAt(1, 12), start + 6); // "x"
        QCOMPARE(source->text().at(source->offsetAt(1, 12)), u'x');
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("code");
        QTest::addColumn<int>("line");
        QTest::addColumn<qint64>("offset");
        const int invalid = int(Error::Code::InvalidUtf8);
        QTest::newRow("nul byte") << QByteArray("a\nb\0c", 5) << int(Error::Code::Binary) << 2 << qint64(3);
        QTest::newRow("latin-1 byte") << QByteArray("ok\nJos\xE9\n") << invalid << 2 << qint64(6);
        QTest::newRow("overlong slash") << QByteArray("\xC0\xAF") << invalid << 1 << qint64(0);
        QTest::newRow("overlong three-byte") << QByteArray("a\xE0\x80\xAF") << invalid << 1 << qint64(1);
        QTest::newRow("surrogate") << QByteArray("x\r\ny\xED\xA0\x80") << invalid << 2 << qint64(4);
        QTest::newRow("above U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << invalid << 1 << qint64(0);
        QTest::newRow("stray continuation") << QByteArray("a\rb\r\x80") << invalid << 3 << qint64(4);
        QTest::newRow("truncated at end") << QByteArray("euro \xE2\x82") << invalid << 1 << qint64(5);
        QTest::newRow("truncated before ascii") << QByteArray("\xF0\x9F\x9Ax") << invalid << 1 << qint64(0);
        QTest::newRow("0xFF") << QByteArray("\n\n\xFF") << invalid << 3 << qint64(2);
        QTest::newRow("after bom") << QByteArray("\xEF\xBB\xBF\xC3") << invalid << 1 << qint64(3);
    }

    void rejects()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, code);
        QFETCH(int, line);
        QFETCH(qint64, offset);
        const Result<SourceText> source = SourceText::fromUtf8(bytes, QStringLiteral("bad.md"));
        QVERIFY(!source);
        QCOMPARE(int(source.error().code), code);
        QCOMPARE(source.error().file, QStringLiteral("bad.md"));
        QCOMPARE(source.error().line, line);
        QCOMPARE(source.error().byteOffset, offset);
        QVERIFY2(
            source.error().message.contains(QString::number(offset)), qPrintable(source.error().message));
        QVERIFY(source.error().toString().startsWith(QStringLiteral("bad.md:%1: ").arg(line)));
    }
};

QTEST_GUILESS_MAIN(TestSourceText)
#include "tst_sourcetext.moc"
