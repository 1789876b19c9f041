// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// TextBuffer: loading keeps the bytes, edits keep untouched line endings, undo and redo walk back to
// the saved text, and a long random edit session agrees with a plain string edited the same way.
#include "editing/textbuffer.h"
#include "testsupport.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Countersign;

namespace {

TextBuffer bufferOf(const QByteArray &bytes)
{
    Result<SourceText> source = SourceText::fromUtf8(bytes);
    if (!source)
        qFatal("test text is not UTF-8");
    return TextBuffer(source.value());
}

// The offset of `position` in a "\n"-joined text.
qsizetype offsetIn(const QString &text, TextPosition position)
{
    qsizetype offset = 0;
    for (int line = 0; line < position.line; ++line)
        offset = text.indexOf(u'\n', offset) + 1;
    return offset + position.column;
}

TextPosition randomPosition(const TextBuffer &buffer, QRandomGenerator &random)
{
    const int line = int(random.bounded(buffer.lineCount()));
    return {line, int(random.bounded(buffer.lineLength(line) + 1))};
}

} // namespace

class TestTextBuffer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loadKeepsBytes_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QStringList>("lines");
        QTest::newRow("empty") << QByteArray() << QStringList{QString()};
        QTest::newRow("one line, no ending") << QByteArray("abc") << QStringList{QStringLiteral("abc")};
        QTest::newRow("lf") << QByteArray("a\nb\n")
                            << QStringList{QStringLiteral("a"), QStringLiteral("b"), QString()};
        QTest::newRow("crlf") << QByteArray("a\r\n\r\nb")
                              << QStringList{QStringLiteral("a"), QString(), QStringLiteral("b")};
        QTest::newRow("mixed") << QByteArray("a\rb\r\nc\nd")
                               << QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
                                      QStringLiteral("d")};
        QTest::newRow("bom, non-ascii")
            << QByteArray("\xEF\xBB\xBFZ\xC3\xBCrich\n") << QStringList{QStringLiteral("Zürich"), QString()};
    }

    void loadKeepsBytes()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QStringList, lines);
        const TextBuffer buffer = bufferOf(bytes);
        QCOMPARE(buffer.lineCount(), lines.size());
        for (int i = 0; i < buffer.lineCount(); ++i)
            QCOMPARE(buffer.line(i).toString(), lines.at(i));
        QVERIFY(!buffer.isModified());
        QCOMPARE(buffer.toUtf8(), bytes);
    }

    // An edit rewrites its own lines only: other lines keep their endings, whatever they are.
    void editsKeepOtherLineEndings()
    {
        TextBuffer buffer = bufferOf("one\r\ntwo\nthree\rfour");
        LineChange change;
        QCOMPARE(buffer.replace({1, 1}, {1, 2}, u"W", &change), (TextPosition{1, 2}));
        QCOMPARE(change, (LineChange{1, 1, 1}));
        QVERIFY(buffer.isModified());
        QCOMPARE(buffer.toUtf8(), QByteArray("one\r\ntWo\nthree\rfour"));

        // A new line break takes the file's first ending; the split line keeps its own.
        QCOMPARE(buffer.replace({2, 2}, {2, 2}, u"\n", &change), (TextPosition{3, 0}));
        QCOMPARE(change, (LineChange{2, 1, 2}));
        QCOMPARE(buffer.toUtf8(), QByteArray("one\r\ntWo\nth\r\nree\rfour"));

        // Text after the last line: the old last line gains an ending, the new last line has none.
        buffer.replace(buffer.endPosition(), buffer.endPosition(), u"\r\nfive");
        QCOMPARE(buffer.toUtf8(), QByteArray("one\r\ntWo\nth\r\nree\rfour\r\nfive"));

        // Joining lines: the remaining line ends as the last removed one did.
        buffer.replace({0, 3}, {2, 0}, u" ", &change);
        QCOMPARE(change, (LineChange{0, 3, 1}));
        QCOMPARE(buffer.toUtf8(), QByteArray("one th\r\nree\rfour\r\nfive"));
        QCOMPARE(buffer.text({0, 2}, {1, 2}), QStringLiteral("e th\nre"));
    }

    void typingIsOneUndoStep()
    {
        TextBuffer buffer = bufferOf("# Title\n");
        TextPosition at{1, 0};
        for (const QChar c : QStringLiteral("Hello"))
            at = buffer.replace(at, at, QStringView(&c, 1), nullptr, TextBuffer::Grouping::Typing);
        at = buffer.replace(at, at, u"\n", nullptr, TextBuffer::Grouping::Typing);
        at = buffer.replace(at, at, u"x", nullptr, TextBuffer::Grouping::Typing);
        QCOMPARE(buffer.toPlainText(), QStringLiteral("# Title\nHello\nx"));
        // "x", the line break and "Hello" are three steps.
        QCOMPARE(buffer.undo(), (TextPosition{2, 0}));
        QCOMPARE(buffer.undo(), (TextPosition{1, 5}));
        QCOMPARE(buffer.toPlainText(), QStringLiteral("# Title\nHello"));
        QVERIFY(buffer.isModified());
        QCOMPARE(buffer.undo(), (TextPosition{1, 0}));
        QVERIFY(!buffer.isModified());
        QCOMPARE(buffer.toUtf8(), QByteArray("# Title\n"));
        QVERIFY(!buffer.undo());
        QCOMPARE(buffer.redo(), (TextPosition{1, 5}));
        QCOMPARE(buffer.toPlainText(), QStringLiteral("# Title\nHello"));
    }

    // After a save the text to save is the saved one, not the one loaded: unmodified no longer means
    // "as loaded" once an edit was saved. Undoing it makes the loaded text again.
    void savedTextIsTheText()
    {
        TextBuffer buffer = bufferOf("**GO**\r\nnext\r\n");
        buffer.replace({0, 2}, {0, 4}, u"NO-GO");
        buffer.setClean();
        QVERIFY(!buffer.isModified());
        QCOMPARE(buffer.toUtf8(), QByteArray("**NO-GO**\r\nnext\r\n"));
        QCOMPARE(buffer.toSource().text(), QStringLiteral("**NO-GO**\r\nnext\r\n"));
        buffer.undo();
        QVERIFY(buffer.isModified());
        QCOMPARE(buffer.toUtf8(), QByteArray("**GO**\r\nnext\r\n"));
    }

    // Typing after a save starts a new step, so that undo stops at the saved text.
    void savedTextIsAnUndoStop()
    {
        TextBuffer buffer = bufferOf("a");
        TextPosition at = buffer.replace({0, 1}, {0, 1}, u"b", nullptr, TextBuffer::Grouping::Typing);
        buffer.setClean();
        QVERIFY(!buffer.isModified());
        buffer.replace(at, at, u"c", nullptr, TextBuffer::Grouping::Typing);
        QVERIFY(buffer.isModified());
        buffer.undo();
        QVERIFY(!buffer.isModified());
        QCOMPARE(buffer.toPlainText(), QStringLiteral("ab"));
        buffer.undo();
        QVERIFY(buffer.isModified());
        // A new edit after undoing past the saved text makes it unreachable: modified from now on.
        buffer.replace({0, 0}, {0, 0}, u"z");
        buffer.undo();
        QVERIFY(buffer.isModified());
        QCOMPARE(buffer.toPlainText(), QStringLiteral("a"));
    }

    void findWrapsAround()
    {
        const TextBuffer buffer = bufferOf("alpha beta\ngamma\nbeta Alpha\n");
        QCOMPARE(buffer.find(u"beta", {0, 0}), (TextPosition{0, 6}));
        QCOMPARE(buffer.find(u"beta", {0, 7}), (TextPosition{2, 0}));
        QCOMPARE(buffer.find(u"alpha", {1, 0}), (TextPosition{0, 0}));
        QCOMPARE(buffer.find(u"alpha", {1, 0}, Qt::CaseInsensitive), (TextPosition{2, 5}));
        QCOMPARE(buffer.find(u"delta", {0, 0}), std::nullopt);
        QCOMPARE(buffer.find(u"alpha", {0, 1}), (TextPosition{0, 0}));
    }

    // A copy is a snapshot: editing the original leaves it as it was.
    void copiesAreSnapshots()
    {
        TextBuffer buffer = bufferOf("one\ntwo\n");
        buffer.replace({0, 0}, {0, 0}, u"1");
        const TextBuffer snapshot = buffer;
        buffer.replace({1, 0}, {1, 3}, u"2\n3");
        buffer.undo();
        buffer.undo();
        QCOMPARE(snapshot.toPlainText(), QStringLiteral("1one\ntwo\n"));
        QVERIFY(snapshot.isModified());
        QCOMPARE(snapshot.toUtf8(), QByteArray("1one\ntwo\n"));
        QCOMPARE(buffer.toUtf8(), QByteArray("one\ntwo\n"));
    }

    // 3,000 random replacements on the sample record, each checked against a QString edited the
    // same way; then undo all the way back to the loaded bytes, and redo to the end again.
    void randomEditsMatchAPlainString()
    {
        const QByteArray original =
            TestSupport::readBytes(TestSupport::dataPath(QStringLiteral("input/variant-crlf.md")));
        TextBuffer buffer = bufferOf(original);
        QString expected = buffer.toPlainText();
        QRandomGenerator random(20261125);
        const QStringList pieces{QString(), QStringLiteral("x"), QStringLiteral("word "),
            QStringLiteral("\n"), QStringLiteral("a\r\nb"), QStringLiteral("ü€\n\n"), QStringLiteral("\r")};
        QStringList states{expected};
        for (int round = 0; round < 3000; ++round) {
            TextPosition from = randomPosition(buffer, random);
            TextPosition to = random.bounded(3) == 0 ? randomPosition(buffer, random) : from;
            if (to < from)
                std::swap(from, to);
            QString piece = pieces.at(random.bounded(int(pieces.size())));
            const TextPosition end = buffer.replace(from, to, piece);
            piece.replace(QStringLiteral("\r\n"), QStringLiteral("\n")).replace(u'\r', u'\n');
            expected.replace(
                offsetIn(expected, from), offsetIn(expected, to) - offsetIn(expected, from), piece);
            QCOMPARE(buffer.toPlainText(), expected);
            QCOMPARE(offsetIn(expected, end), offsetIn(expected, from) + piece.size());
            states.append(expected);
        }
        for (qsizetype i = states.size() - 2; i >= 0; --i) {
            QVERIFY(buffer.undo());
            QCOMPARE(buffer.toPlainText(), states.at(i));
        }
        QVERIFY(!buffer.isModified());
        QCOMPARE(buffer.toUtf8(), original);
        while (buffer.redo()) { }
        QCOMPARE(buffer.toPlainText(), states.last());
        // Saved and loaded again: the same text.
        QCOMPARE(bufferOf(buffer.toUtf8()).toPlainText(), states.last());
    }
};

QTEST_GUILESS_MAIN(TestTextBuffer)
#include "tst_textbuffer.moc"
