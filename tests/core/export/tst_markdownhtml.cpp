// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// MarkdownHtml: GitHub's reading rendered as HTML (tables with their alignment, strikethrough,
// autolinks, task lists), safe (raw HTML shown as text, never passed through; javascript: links
// dropped), and a finalized record rendered without its sign-off block markers.
#include "export/finalizedrecord.h"
#include "export/markdownhtml.h"
#include "ledger/signoffrules.h"
#include "testsupport.h"

#include <QTest>
#include <QTimeZone>

using namespace Countersign;

class TestMarkdownHtml : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rendersGithubMarkdown_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QString>("expected");
        QTest::newRow("heading and bold")
            << QStringLiteral("# Title\n\nOutcome: **GO**\n")
            << QStringLiteral("<h1>Title</h1>\n<p>Outcome: <strong>GO</strong></p>\n");
        QTest::newRow("table with alignment")
            << QStringLiteral("| Gate | Status |\n|:--|--:|\n| build | **PASS** |\n")
            << QStringLiteral(
                   "<table>\n<thead>\n<tr>\n<th align=\"left\">Gate</th>\n<th align=\"right\">Status</th>\n"
                   "</tr>\n</thead>\n<tbody>\n<tr>\n<td align=\"left\">build</td>\n"
                   "<td align=\"right\"><strong>PASS</strong></td>\n</tr>\n</tbody>\n</table>\n");
        QTest::newRow("strikethrough")
            << QStringLiteral("~~v2.0.9~~ v2.1.0\n") << QStringLiteral("<p><del>v2.0.9</del> v2.1.0</p>\n");
        QTest::newRow("autolink") << QStringLiteral("See https://example.com/runbook.\n")
                                  << QStringLiteral("<p>See <a href=\"https://example.com/runbook\">"
                                                    "https://example.com/runbook</a>.</p>\n");
        QTest::newRow("task list") << QStringLiteral("- [x] repinned\n- [ ] drained\n")
                                   << QStringLiteral(
                                          "<ul>\n<li>☑ repinned</li>\n<li>☐ drained</li>\n</ul>\n");
        QTest::newRow("code") << QStringLiteral("Run `countersign verify`:\n\n```sh\na < b\n```\n")
                              << QStringLiteral("<p>Run <code>countersign verify</code>:</p>\n"
                                                "<pre><code class=\"language-sh\">a &lt; b\n</code></pre>\n");
        QTest::newRow("setext heading, indented code")
            << QStringLiteral("Scope\n=====\n\n    not a list\n")
            << QStringLiteral("<h1>Scope</h1>\n<pre><code>not a list\n</code></pre>\n");
        QTest::newRow("byte-order mark")
            << QStringLiteral("\uFEFF# Title\n") << QStringLiteral("<h1>Title</h1>\n");
        // Safe: raw HTML is shown as text, comments are dropped.
        QTest::newRow("script block")
            << QStringLiteral("<script>alert(1)</script>\n")
            << QStringLiteral("<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;\n</code></pre>\n");
        QTest::newRow("inline tag") << QStringLiteral("a <b onclick=\"x()\">bold</b> word\n")
                                    << QStringLiteral(
                                           "<p>a &lt;b onclick=&quot;x()&quot;&gt;bold&lt;/b&gt; word</p>\n");
        QTest::newRow("block comment") << QStringLiteral("before\n\n<!-- a note -->\n\nafter\n")
                                       << QStringLiteral("<p>before</p>\n<p>after</p>\n");
        QTest::newRow("inline comment")
            << QStringLiteral("a <!-- hidden --> b\n") << QStringLiteral("<p>a  b</p>\n");
        QTest::newRow("javascript link")
            << QStringLiteral("[x](javascript:alert(1))\n") << QStringLiteral("<p><a href=\"\">x</a></p>\n");
        QTest::newRow("local image")
            << QStringLiteral("see ![the *rollback* plan](/etc/shadow.png \"t\") and ![](x.png)\n")
            << QStringLiteral("<p>see [image: the <em>rollback</em> plan] and [image: ]</p>\n");
        QTest::newRow("html in a table cell")
            << QStringLiteral("| a |\n|---|\n| <img src=x> |\n")
            << QStringLiteral("<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n"
                              "<td>&lt;img src=x&gt;</td>\n</tr>\n</tbody>\n</table>\n");
    }

    void rendersGithubMarkdown()
    {
        QFETCH(QString, markdown);
        QFETCH(QString, expected);
        QCOMPARE(MarkdownHtml::render(markdown), expected);
    }

    // The preview's difference marks: the blocks that show a marked line carry the class, nothing
    // else does, and no source position is left in the HTML.
    void marksTheBlocksOfMarkedLines()
    {
        const QString markdown = QStringLiteral("# Title\n" // 1
                                                "\n" // 2
                                                "Outcome: **GO**\n" // 3
                                                "second line\n" // 4
                                                "\n" // 5
                                                "- first item\n" // 6
                                                "- second item\n" // 7
                                                "  - nested item\n" // 8
                                                "\n" // 9
                                                "| Gate | Status |\n" // 10
                                                "|:--|--:|\n" // 11
                                                "| build | PASS |\n" // 12
                                                "| deploy | FAIL |\n" // 13
                                                "\n" // 14
                                                "> quoted\n"); // 15
        const QString c = QStringLiteral(" class=\"differs\"");
        // Nothing marked: what render() gives.
        QCOMPARE(
            MarkdownHtml::render(markdown, {}, QStringLiteral("differs")), MarkdownHtml::render(markdown));

        // The paragraph's second line marks the paragraph; the heading stays as it is.
        QString html = MarkdownHtml::render(markdown, {4}, QStringLiteral("differs"));
        QVERIFY(html.contains(QStringLiteral("<p%1>Outcome: <strong>GO</strong>\nsecond line</p>").arg(c)));
        QVERIFY(html.contains(QStringLiteral("<h1>Title</h1>")));
        QCOMPARE(html.count(c), 1);
        QVERIFY(!html.contains(QStringLiteral("data-sourcepos")));

        // A tight item by its own line: the item holding a nested list is not marked for it.
        html = MarkdownHtml::render(markdown, {8}, QStringLiteral("differs"));
        QVERIFY(html.contains(QStringLiteral("<li%1>nested item</li>").arg(c)));
        QVERIFY(html.contains(QStringLiteral("<li>second item")));
        QCOMPARE(html.count(c), 1);

        // A table row and its cells (their alignment kept); the other row is not marked.
        html = MarkdownHtml::render(markdown, {13}, QStringLiteral("differs"));
        QVERIFY(html.contains(QStringLiteral("<tr%1>").arg(c)));
        QVERIFY(html.contains(QStringLiteral("<td align=\"left\"%1>deploy</td>").arg(c)));
        QVERIFY(html.contains(QStringLiteral("<td align=\"left\">build</td>")));

        // A quote is marked by its paragraph, not as a whole.
        html = MarkdownHtml::render(markdown, {15}, QStringLiteral("differs"));
        QVERIFY(html.contains(QStringLiteral("<blockquote>\n<p%1>quoted</p>").arg(c)));
    }

    // The exported record with open sign-offs: banner, content, Sign-off table, footer; no marker.
    void finalizedRecordWithoutMarkers()
    {
        const Document record =
            TestSupport::load(TestSupport::dataPath(QStringLiteral("input/decision-record.md")));
        const SignOffStatus status = SignOffRules::evaluate(record, {});
        const Result<QByteArray> exported = FinalizedRecord::build(
            record, status, QDateTime(QDate(2026, 3, 14), QTime(10, 0), QTimeZone::UTC), true);
        QVERIFY(exported);
        QVERIFY(exported->contains("<!-- countersign:signoff-begin -->"));
        const QString html = MarkdownHtml::render(QString::fromUtf8(exported.value()));
        QVERIFY(!html.contains(QStringLiteral("countersign:signoff")));
        QVERIFY(!html.contains(QStringLiteral("<!--")));
        QVERIFY(
            html.startsWith(QStringLiteral("<blockquote>\n<p><strong>NOT FINAL: open sign-offs</strong>")));
        QVERIFY(html.contains(QStringLiteral("<h2>Sign-off</h2>")));
        QVERIFY(html.contains(QStringLiteral("<th>Role</th>")));
        QCOMPARE(html.count(QStringLiteral("<td>pending</td>")), 5);
        QVERIFY(html.contains(QStringLiteral("<code>%1</code>").arg(status.digest)));
    }
};

QTEST_GUILESS_MAIN(TestMarkdownHtml)
#include "tst_markdownhtml.moc"
