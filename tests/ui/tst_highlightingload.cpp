// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// The panes' first frames do not wait for the Markdown definition, which loads on a thread of its
// own: the text shows plain at once, and highlighted when the definition has loaded. The definition
// is KSyntaxHighlighting's with fenced code coloured for Bash, JSON and YAML only, written to the
// cache folder (a stale copy there is replaced). A process of its own: the definition loads once per
// process.
#include "highlighting.h"
#include "textview.h"

#include <KSyntaxHighlighting/Definition>
#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QSemaphore>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>

using namespace Countersign;

namespace {

bool hasBold(const QList<QTextLayout::FormatRange> &formats)
{
    return std::any_of(formats.cbegin(), formats.cend(),
        [](const QTextLayout::FormatRange &range) { return range.format.fontWeight() == QFont::Bold; });
}

} // namespace

class TestHighlightingLoad : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // A stale definition left in the cache by an older run (or a broken one) is replaced.
        const QString folder = QStandardPaths::writableLocation(QStandardPaths::CacheLocation) +
            QStringLiteral("/highlighting/syntax");
        QVERIFY(QDir().mkpath(folder));
        QFile stale(folder + QStringLiteral("/markdown.xml"));
        QVERIFY(stale.open(QIODevice::WriteOnly));
        QVERIFY(stale.write("<language name=\"Markdown\" version=\"9999\"") > 0);
    }

    void firstPaintDoesNotWaitForTheDefinition()
    {
        // The load is held back until the view has painted (and let go however the test ends).
        static QSemaphore gate;
        Highlighting::preload([] { gate.acquire(); });
        bool released = false;
        const auto letGo = qScopeGuard([&released] {
            if (!released)
                gate.release();
        });
        TextView view;
        view.setSource(SourceText::fromText(QStringLiteral("# Title\n\nSome **bold** text.\n")));
        view.resize(600, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        // Painting returns (before, it waited for the definition: with the load held back, for ever).
        const QImage plain = view.viewport()->grab().toImage();
        QVERIFY(!plain.isNull());
        QVERIFY(!Highlighting::isLoaded());
        QVERIFY(!hasBold(view.lineFormats(0)));

        gate.release();
        released = true;
        // Highlighted once the definition is here, without anything else asking for it.
        QTRY_VERIFY_WITH_TIMEOUT(Highlighting::isLoaded(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(hasBold(view.lineFormats(0)), 10000);
        QVERIFY(hasBold(view.lineFormats(2)));
        QVERIFY(view.viewport()->grab().toImage() != plain);
    }

    // Fenced code is coloured for shell commands, JSON and YAML; the shipped definition's other
    // languages (41 definitions in all, ~45 ms at every start) are not loaded.
    void onlyTheKeptFencedLanguagesAreLoaded()
    {
        QTRY_VERIFY_WITH_TIMEOUT(Highlighting::isLoaded(), 30000);
        const KSyntaxHighlighting::Definition markdown = Highlighting::markdown();
        QVERIFY(markdown.isValid());
        QCOMPARE(markdown.name(), QStringLiteral("Markdown"));
        QVERIFY2(markdown.version() > 1000, qPrintable(markdown.filePath()));
        QVERIFY(
            markdown.filePath().startsWith(QStandardPaths::writableLocation(QStandardPaths::CacheLocation)));
        QStringList included;
        for (const KSyntaxHighlighting::Definition &definition : markdown.includedDefinitions())
            included.append(definition.name());
        for (const QStringView kept : {u"Bash", u"JSON", u"YAML"})
            QVERIFY2(included.contains(kept), qPrintable(included.join(u", ")));
        for (const QStringView left : {u"Python", u"C++", u"Rust", u"HTML", u"SQL (MySQL)"})
            QVERIFY2(!included.contains(left), qPrintable(included.join(u", ")));
        QVERIFY2(included.size() < 20, qPrintable(included.join(u", ")));
        // The stale copy was replaced: it was not a whole definition.
        QFile cached(markdown.filePath());
        QVERIFY(cached.open(QIODevice::ReadOnly));
        QVERIFY(cached.readAll().contains("</language>"));
    }
};

QTEST_MAIN(TestHighlightingLoad)
#include "tst_highlightingload.moc"
