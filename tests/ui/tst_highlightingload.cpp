// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// The panes' first frames do not wait for the Markdown definition, which loads (with the 41 it
// includes) on a thread of its own: the text shows plain at once, and highlighted when the
// definition has loaded. A process of its own: the definition loads once per process.
#include "highlighting.h"
#include "textview.h"

#include <QScopeGuard>
#include <QSemaphore>
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
};

QTEST_MAIN(TestHighlightingLoad)
#include "tst_highlightingload.moc"
