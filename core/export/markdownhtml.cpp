// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "export/markdownhtml.h"

#include "record/cmarkgfm.h"

#include <QByteArray>
#include <QList>
#include <QRegularExpression>

#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <cstdlib>

namespace Countersign {

namespace {

bool isComment(const QByteArray &html)
{
    const QByteArray trimmed = html.trimmed();
    return trimmed.startsWith("<!--") && trimmed.endsWith("-->");
}

// Replaces every raw HTML node below `root` by what the class comment promises. The nodes are
// collected first: cmark's iterator must not walk a tree that changes under it.
void neutralizeRawHtml(cmark_node *root)
{
    QList<cmark_node *> raw;
    cmark_iter *iter = cmark_iter_new(root);
    for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
        cmark_node *node = cmark_iter_get_node(iter);
        const cmark_node_type type = cmark_node_get_type(node);
        if (event == CMARK_EVENT_ENTER && (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE))
            raw.append(node);
    }
    cmark_iter_free(iter);
    for (cmark_node *node : std::as_const(raw)) {
        const char *text = cmark_node_get_literal(node);
        const QByteArray literal(text ? text : "");
        if (!isComment(literal)) {
            const bool block = cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK;
            cmark_node *shown = cmark_node_new(block ? CMARK_NODE_CODE_BLOCK : CMARK_NODE_TEXT);
            cmark_node_set_literal(shown, literal.constData());
            cmark_node_insert_before(node, shown);
        }
        cmark_node_free(node); // unlinks it
    }
}

// Replaces every image below `root` by its description in brackets, "[image: a diagram]": a reader
// of QTextDocument's HTML would load the image from any path the record names, pulling a file of the
// exporter's machine into the handout.
void imagesAsText(cmark_node *root)
{
    QList<cmark_node *> images;
    cmark_iter *iter = cmark_iter_new(root);
    for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
        cmark_node *node = cmark_iter_get_node(iter);
        if (event == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_IMAGE)
            images.append(node);
    }
    cmark_iter_free(iter);
    const auto text = [](const char *literal) {
        cmark_node *node = cmark_node_new(CMARK_NODE_TEXT);
        cmark_node_set_literal(node, literal);
        return node;
    };
    for (cmark_node *image : std::as_const(images)) {
        cmark_node_insert_before(image, text("[image: "));
        while (cmark_node *child = cmark_node_first_child(image)) {
            cmark_node_unlink(child);
            cmark_node_insert_before(image, child);
        }
        cmark_node_insert_before(image, text("]"));
        cmark_node_free(image);
    }
}

} // namespace

QString MarkdownHtml::render(const QString &markdown)
{
    return renderWith(markdown, CMARK_OPT_DEFAULT);
}

QString MarkdownHtml::render(const QString &markdown, const QSet<int> &marked, const QString &markedClass)
{
    const QString html = renderWith(markdown, CMARK_OPT_DEFAULT | CMARK_OPT_SOURCEPOS);
    // cmark writes where each block came from (data-sourcepos="3:1-4:12"); that becomes the class,
    // or goes.
    static const QRegularExpression sourcepos(
        QStringLiteral(R"(<(\w+)([^<>]*?) data-sourcepos="(\d+):\d+-(\d+):\d+"([^<>]*)>)"));
    static const QSet<QString> leaves = {QStringLiteral("p"), QStringLiteral("h1"), QStringLiteral("h2"),
        QStringLiteral("h3"), QStringLiteral("h4"), QStringLiteral("h5"), QStringLiteral("h6"),
        QStringLiteral("pre"), QStringLiteral("hr"), QStringLiteral("tr"), QStringLiteral("td"),
        QStringLiteral("th")};
    const QString classAttribute = QStringLiteral(" class=\"%1\"").arg(markedClass.toHtmlEscaped());
    QString out;
    out.reserve(html.size());
    qsizetype done = 0;
    for (QRegularExpressionMatchIterator it = sourcepos.globalMatch(html); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        out.append(QStringView(html).sliced(done, match.capturedStart() - done));
        done = match.capturedEnd();
        const QString tag = match.captured(1);
        const int first = match.captured(3).toInt();
        int last = match.captured(4).toInt();
        bool markable = leaves.contains(tag);
        if (tag == u"li") { // a tight item's text follows at once; a loose one's is in paragraphs
            markable = !QStringView(html).sliced(done).trimmed().startsWith(u"<p");
            last = first;
        }
        bool isMarked = false;
        for (int line = first; markable && !isMarked && line <= last; ++line)
            isMarked = marked.contains(line);
        out.append(u'<' + tag + match.captured(2) + match.captured(5) +
            (isMarked ? classAttribute : QString()) + u'>');
    }
    out.append(QStringView(html).sliced(done));
    return out;
}

QString MarkdownHtml::renderWith(const QString &markdown, int options)
{
    QByteArray utf8 = markdown.toUtf8();
    if (utf8.startsWith("\xEF\xBB\xBF"))
        utf8.remove(0, 3);
    const CmarkGfm::Parser parser =
        CmarkGfm::parser(options, {"table", "strikethrough", "autolink", "tasklist"});
    const CmarkGfm::Node root = CmarkGfm::parse(parser.get(), utf8.constData(), utf8.size());
    neutralizeRawHtml(root.get());
    imagesAsText(root.get());
    // Without CMARK_OPT_UNSAFE cmark also omits raw HTML and dangerous link schemes (javascript:).
    char *html = cmark_render_html(root.get(), options, cmark_parser_get_syntax_extensions(parser.get()));
    QString out = QString::fromUtf8(html);
    std::free(html);
    // The task list extension writes form controls; no raw HTML is left, so these are its own.
    out.replace(
        QStringLiteral("<input type=\"checkbox\" checked=\"\" disabled=\"\" /> "), QStringLiteral("☑ "));
    out.replace(QStringLiteral("<input type=\"checkbox\" disabled=\"\" /> "), QStringLiteral("☐ "));
    return out;
}

} // namespace Countersign
