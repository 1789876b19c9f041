// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "record/markdownparser.h"

#include "record/cmarkgfm.h"
#include "record/documentclassifier.h"
#include "record/documentloader.h"
#include "record/textkeys.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <new>
#include <string_view>

namespace Countersign {

namespace {

bool hasTypeString(cmark_node *node, const char *name)
{
    const char *type = cmark_node_get_type_string(node);
    return type && std::strcmp(type, name) == 0;
}

QString literal(cmark_node *node)
{
    const char *text = cmark_node_get_literal(node);
    return text ? QString::fromUtf8(text) : QString();
}

// Plain text of an inline run, with where its code spans and bold spans lie in that text.
struct InlineText
{
    struct Span
    {
        qsizetype start = 0;
        qsizetype end = 0;
    };
    QString text;
    QList<Span> code;
    QList<Span> strong;
};

// Walks the inlines below `node` with cmark's iterator rather than recursion, so that emphasis nested
// thousands deep cannot exhaust the stack.
void collectInlines(cmark_node *node, InlineText &out)
{
    cmark_iter *iter = cmark_iter_new(node);
    QList<qsizetype> strongStarts;
    for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
        cmark_node *current = cmark_iter_get_node(iter);
        if (current == node)
            continue;
        switch (cmark_node_get_type(current)) {
        case CMARK_NODE_TEXT:
            out.text += literal(current);
            break;
        case CMARK_NODE_CODE: {
            const qsizetype start = out.text.size();
            out.text += literal(current);
            out.code.append({start, out.text.size()});
            break;
        }
        case CMARK_NODE_SOFTBREAK:
            out.text += u' ';
            break;
        case CMARK_NODE_LINEBREAK:
            out.text += u'\n';
            break;
        case CMARK_NODE_STRONG:
            if (event == CMARK_EVENT_ENTER)
                strongStarts.append(out.text.size());
            else if (!strongStarts.isEmpty())
                out.strong.append({strongStarts.takeLast(), out.text.size()});
            break;
        default: // emphasis, links, images, strikethrough: their text is what a reader sees; inline HTML is
                 // not
            break;
        }
    }
    cmark_iter_free(iter);
    // Inner bold spans close first; report them in source order.
    std::sort(out.strong.begin(), out.strong.end(),
        [](const InlineText::Span &a, const InlineText::Span &b) { return a.start < b.start; });
}

InlineText inlineText(cmark_node *node)
{
    InlineText out;
    collectInlines(node, out);
    return out;
}

// Lists and quotes nested deeper than this are kept in the source text but not in the model, so that
// a pathological input cannot exhaust the stack.
constexpr int maxBlockDepth = 64;

class TreeBuilder
{
public:
    explicit TreeBuilder(const SourceText &source)
        : m_source(source)
    { }

    // The tree that follows comes from a piece of the text starting after `lineOffset` lines.
    void startPiece(int lineOffset)
    {
        m_lineOffset = lineOffset;
        m_lines.clear(); // its keys are nodes of the piece before, now freed
    }
    // cmark's lines, counted in the whole text. cmark reports 0 for nodes it rewrote (a paragraph
    // whose last line became a table header): those read as the piece's first line.
    int startLine(cmark_node *node) const
    {
        return m_lineOffset + std::max(1, cmark_node_get_start_line(node));
    }
    // cmark lets a list item or list run on over the blank line after it; a reader would say it ends
    // at its last line of text.
    int endLine(cmark_node *node) const;

    Block block(cmark_node *node);
    void fillListItem(cmark_node *node, ListItem &item);
    // cmark-gfm loses the lines of a paragraph whose last line became a table's header (no blank line
    // between them): it reports the paragraph at line 0 and the table from the paragraph's first
    // line. Finds such pairs under `root` and remembers their true lines.
    void fixRewrittenParagraphs(cmark_node *root);

private:
    void fixParagraphAbove(cmark_node *table);
    int firstLine(cmark_node *node) const;
    int lastLine(cmark_node *node) const;

    QString sourceSpan(cmark_node *node) const;
    TableRow tableRow(cmark_node *row);

    const SourceText &m_source;
    int m_lineOffset = 0;
    int m_depth = 0;
    QHash<const cmark_node *, std::pair<int, int>> m_lines; // first and last line, where cmark's are wrong
};

int TreeBuilder::endLine(cmark_node *node) const
{
    const int first = startLine(node);
    int last = std::max(m_lineOffset + cmark_node_get_end_line(node), first);
    while (last > first && last <= m_source.lineCount() && m_source.lineText(last).trimmed().isEmpty())
        --last;
    return last;
}

void TreeBuilder::fixRewrittenParagraphs(cmark_node *root)
{
    // Tables sit among blocks: only containers of blocks are visited, never the inlines below them,
    // and with a stack of its own rather than recursion.
    QList<cmark_node *> containers{root};
    while (!containers.isEmpty()) {
        for (cmark_node *child = cmark_node_first_child(containers.takeLast()); child;
            child = cmark_node_next(child)) {
            switch (cmark_node_get_type(child)) {
            case CMARK_NODE_BLOCK_QUOTE:
            case CMARK_NODE_LIST:
            case CMARK_NODE_ITEM:
                containers.append(child);
                continue;
            default:
                break;
            }
            if (hasTypeString(child, "table"))
                fixParagraphAbove(child);
        }
    }
}

void TreeBuilder::fixParagraphAbove(cmark_node *table)
{
    cmark_node *paragraph = cmark_node_previous(table);
    if (!paragraph || cmark_node_get_type(paragraph) != CMARK_NODE_PARAGRAPH ||
        cmark_node_get_start_line(paragraph) != 0)
        return;
    // One line, and one more per line break inside it.
    int lines = 1;
    cmark_iter *inner = cmark_iter_new(paragraph);
    for (cmark_event_type step; (step = cmark_iter_next(inner)) != CMARK_EVENT_DONE;) {
        const cmark_node_type type = cmark_node_get_type(cmark_iter_get_node(inner));
        if (step == CMARK_EVENT_ENTER && (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK))
            ++lines;
    }
    cmark_iter_free(inner);
    const int start = startLine(table);
    m_lines.insert(paragraph, {start, start + lines - 1});
    m_lines.insert(table, {start + lines, std::max(endLine(table), start + lines)});
    if (cmark_node *header = cmark_node_first_child(table))
        m_lines.insert(header, {start + lines, start + lines});
}

int TreeBuilder::firstLine(cmark_node *node) const
{
    const auto fixed = m_lines.constFind(node);
    return fixed == m_lines.cend() ? startLine(node) : fixed->first;
}

int TreeBuilder::lastLine(cmark_node *node) const
{
    const auto fixed = m_lines.constFind(node);
    return fixed == m_lines.cend() ? endLine(node) : fixed->second;
}

QString TreeBuilder::sourceSpan(cmark_node *node) const
{
    const int first = startLine(node), last = m_lineOffset + cmark_node_get_end_line(node);
    if (first < 1 || last < first || last > m_source.lineCount())
        return {};
    const qsizetype begin = m_source.offsetAt(first, cmark_node_get_start_column(node));
    const qsizetype end = m_source.offsetAt(last, cmark_node_get_end_column(node) + 1);
    return m_source.text().mid(begin, std::max<qsizetype>(0, end - begin));
}

// Position of the colon that ends a `label:` in raw markdown: the first one outside code spans that
// is followed by white space or the end. -1 when there is none.
qsizetype rawLabelColon(QStringView raw)
{
    bool inCode = false;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        if (raw[i] == u'`')
            inCode = !inCode;
        else if (!inCode && raw[i] == u':' && (i + 1 == raw.size() || raw[i + 1].isSpace()))
            return i;
    }
    return -1;
}

void TreeBuilder::fillListItem(cmark_node *node, ListItem &item)
{
    item.firstLine = firstLine(node);
    item.lastLine = lastLine(node);
    if (hasTypeString(node, "tasklist")) {
        item.isTask = true;
        item.checked = cmark_gfm_extensions_get_tasklist_item_checked(node);
    }
    bool firstParagraph = true;
    for (cmark_node *child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
        const cmark_node_type type = cmark_node_get_type(child);
        if (type == CMARK_NODE_LIST) {
            const Block nested = block(child);
            item.children += nested.items;
            continue;
        }
        if (type != CMARK_NODE_PARAGRAPH || !firstParagraph)
            continue;
        firstParagraph = false;
        const InlineText inlines = inlineText(child);
        item.text = inlines.text.trimmed();
        for (const InlineText::Span &span : inlines.code)
            item.codeSpans.append(inlines.text.mid(span.start, span.end - span.start));

        // `label: value`, where the colon is not inside a code span.
        qsizetype colon = -1;
        for (qsizetype i = 0; i < inlines.text.size() && colon < 0; ++i) {
            if (inlines.text[i] != u':')
                continue;
            if (i + 1 < inlines.text.size() && !inlines.text[i + 1].isSpace())
                continue;
            bool inCode = false;
            for (const InlineText::Span &span : inlines.code)
                inCode |= i >= span.start && i < span.end;
            if (!inCode)
                colon = i;
        }
        qsizetype valueStart = 0;
        if (colon > 0) {
            const QString label = inlines.text.left(colon).trimmed();
            if (!label.isEmpty() && label.size() <= 120 && !label.contains(u'\n')) {
                item.hasLabel = true;
                item.label = label;
                valueStart = colon + 1;
                while (valueStart < inlines.text.size() && inlines.text[valueStart].isSpace())
                    ++valueStart;
                item.value = inlines.text.mid(valueStart).trimmed();
                for (const InlineText::Span &span : inlines.code) {
                    if (span.start == valueStart && inlines.text.mid(span.end).trimmed().isEmpty())
                        item.valueIsCode = true;
                }
                const QString raw = sourceSpan(child);
                const qsizetype rawColon = rawLabelColon(raw);
                item.rawValue = rawColon >= 0 ? raw.mid(rawColon + 1).trimmed() : item.value;
                // `**Owner:** value`: the closing bold marker belongs to the label.
                for (const QLatin1StringView marker : {QLatin1StringView("**"), QLatin1StringView("__")}) {
                    if (item.rawValue.startsWith(marker) && raw.startsWith(marker))
                        item.rawValue = item.rawValue.mid(2).trimmed();
                }
            }
        }
        for (const InlineText::Span &span : inlines.strong) {
            if (span.start >= valueStart || span.end > valueStart) {
                item.status =
                    TextKeys::statusToken(QStringView(inlines.text).mid(span.start, span.end - span.start));
                break;
            }
        }
    }
}

TableRow TreeBuilder::tableRow(cmark_node *row)
{
    TableRow result;
    result.line = firstLine(row);
    for (cmark_node *cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell)) {
        const InlineText inlines = inlineText(cell);
        TableCell out;
        out.text = inlines.text.trimmed();
        if (!inlines.strong.isEmpty()) {
            const InlineText::Span &span = inlines.strong.first();
            out.status =
                TextKeys::statusToken(QStringView(inlines.text).mid(span.start, span.end - span.start));
        }
        result.cells.append(out);
    }
    return result;
}

Block TreeBuilder::block(cmark_node *node)
{
    Block out;
    out.firstLine = firstLine(node);
    out.lastLine = lastLine(node);
    if (m_depth >= maxBlockDepth)
        return out;
    struct DepthGuard
    {
        int &depth;
        explicit DepthGuard(int &d)
            : depth(++d)
        { }
        ~DepthGuard() { --depth; }
    } guard(m_depth);
    switch (cmark_node_get_type(node)) {
    case CMARK_NODE_PARAGRAPH: {
        const InlineText inlines = inlineText(node);
        out.kind = Block::Kind::Paragraph;
        out.text = inlines.text.trimmed();
        for (const InlineText::Span &span : inlines.strong)
            out.statuses.append(
                TextKeys::statusToken(QStringView(inlines.text).mid(span.start, span.end - span.start)));
        break;
    }
    case CMARK_NODE_LIST: {
        out.kind = Block::Kind::List;
        out.ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
        int number = cmark_node_get_list_start(node);
        for (cmark_node *child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
            ListItem item;
            item.number = out.ordered ? number++ : 0;
            fillListItem(child, item);
            out.items.append(std::move(item));
        }
        break;
    }
    case CMARK_NODE_CODE_BLOCK:
        out.kind = Block::Kind::Code;
        out.text = literal(node);
        if (const char *info = cmark_node_get_fence_info(node))
            out.info = QString::fromUtf8(info);
        break;
    case CMARK_NODE_HTML_BLOCK:
        out.kind = Block::Kind::Html;
        out.text = literal(node);
        break;
    case CMARK_NODE_THEMATIC_BREAK:
        out.kind = Block::Kind::ThematicBreak;
        break;
    case CMARK_NODE_BLOCK_QUOTE:
        out.kind = Block::Kind::Quote;
        for (cmark_node *child = cmark_node_first_child(node); child; child = cmark_node_next(child))
            out.children.append(block(child));
        break;
    default:
        if (hasTypeString(node, "table")) {
            out.kind = Block::Kind::Table;
            for (cmark_node *row = cmark_node_first_child(node); row; row = cmark_node_next(row)) {
                if (cmark_gfm_extensions_get_table_row_is_header(row))
                    out.header = tableRow(row);
                else
                    out.rows.append(tableRow(row));
            }
        } else {
            // Anything else (a heading inside a quote, a footnote definition) keeps its text.
            out.kind = Block::Kind::Paragraph;
            out.text = inlineText(node).text.trimmed();
        }
        break;
    }
    return out;
}

// `Key: value` lines of the header (between the title and the first section).
void readHeaderFields(const SourceText &source, const Block &paragraph, QList<HeaderField> &fields)
{
    static const QRegularExpression fieldLine(
        QStringLiteral("^\\s{0,3}([A-Za-z][A-Za-z0-9 _-]{0,40}):\\s+(\\S.*)$"));
    for (int line = paragraph.firstLine; line <= paragraph.lastLine && line <= source.lineCount(); ++line) {
        const QRegularExpressionMatch match = fieldLine.matchView(source.lineText(line));
        if (!match.hasMatch())
            continue;
        QString value = match.captured(2).trimmed();
        if (value.endsWith(u'\\'))
            value.chop(1); // a backslash hard break
        fields.append(HeaderField{match.captured(1).trimmed(), value.trimmed(), line});
    }
}

// Where the text may be cut into pieces that cmark parses one after the other, so that its tree never
// holds more than one piece: before a heading at the start of a line that follows a blank line. A
// cut holds when cmark, reading the whole text, would have closed every block before that heading;
// after a blank line only a fenced code block or an HTML block of the kinds that run to an end
// marker (a comment, <pre>, <script> ...) can still be open, and Pieces::holds() asks the tree of the
// piece before the cut whether one is. Link reference definitions reach across the whole document:
// a text that may hold one is not cut at all.
class Pieces
{
public:
    struct Cut
    {
        qsizetype offset = 0; // of the heading line's first byte
        int linesBefore = 0; // lines of the text before it
    };

    // Pieces are at least `minimum` bytes long, so that small documents are parsed whole.
    Pieces(const char *data, qsizetype size, qsizetype minimum)
    {
        if (size < 2 * minimum || std::string_view(data, size_t(size)).find("]:") != std::string_view::npos)
            return;
        int line = 0; // lines before `at`
        bool previousBlank = false;
        qsizetype lastCut = 0;
        for (qsizetype at = 0; at < size; ++line) {
            // A line ends in LF, CRLF or a lone CR, as CommonMark (and so cmark's line numbers) says.
            qsizetype next = at;
            while (next < size && data[next] != '\n' && data[next] != '\r')
                ++next;
            if (next < size)
                next += data[next] == '\r' && next + 1 < size && data[next + 1] == '\n' ? 2 : 1;
            const std::string_view text(data + at, size_t(next - at));
            if (previousBlank && at - lastCut >= minimum && size - at >= minimum && isHeading(text)) {
                m_cuts.append(Cut{at, line});
                lastCut = at;
            }
            previousBlank = text.find_first_not_of(" \t\r\n") == std::string_view::npos;
            at = next;
        }
    }

    const QList<Cut> &cuts() const { return m_cuts; }

    // Whether a cut right after a piece whose tree is `root` and which has `lines` lines holds: its
    // last block was not a fenced code block or an HTML block left open at the end of the piece (a
    // closed one ends on its closing line, which is not the blank line the piece ends with).
    static bool holds(cmark_node *root, int lines)
    {
        cmark_node *last = cmark_node_last_child(root);
        if (!last || cmark_node_get_end_line(last) < lines)
            return true;
        switch (cmark_node_get_type(last)) {
        case CMARK_NODE_CODE_BLOCK: {
            int length = 0, offset = 0;
            char character = 0;
            return !cmark_node_get_fenced(last, &length, &offset, &character);
        }
        case CMARK_NODE_HTML_BLOCK:
            return false;
        default:
            return true;
        }
    }

private:
    // An ATX heading at the start of the line: one to six #, then a space, a tab or the line's end.
    static bool isHeading(std::string_view line)
    {
        const size_t hashes = line.find_first_not_of('#');
        if (hashes == 0 || hashes > 6)
            return false;
        return hashes == std::string_view::npos || line[hashes] == ' ' || line[hashes] == '\t' ||
            line[hashes] == '\n' || line[hashes] == '\r';
    }

    QList<Cut> m_cuts;
};

// Roughly what an element of the model holds in memory, its own size included: enough to keep the
// model within MarkdownParser's budget while pieces are read.
qsizetype heapBytes(const QString &text)
{
    return text.capacity() > 0 ? 32 + 2 * text.capacity() : 0;
}

qsizetype heapBytes(const StatusToken &token)
{
    return heapBytes(token.text) + heapBytes(token.word) + heapBytes(token.qualifier);
}

qsizetype heapBytes(const ListItem &item)
{
    qsizetype bytes = qsizetype(sizeof(ListItem)) + heapBytes(item.text) + heapBytes(item.label) +
        heapBytes(item.value) + heapBytes(item.rawValue) + heapBytes(item.status) +
        item.codeSpans.capacity() * qsizetype(sizeof(QString));
    for (const QString &span : item.codeSpans)
        bytes += heapBytes(span);
    for (const ListItem &child : item.children)
        bytes += heapBytes(child);
    return bytes;
}

qsizetype heapBytes(const TableRow &row)
{
    qsizetype bytes = row.cells.capacity() * qsizetype(sizeof(TableCell));
    for (const TableCell &cell : row.cells)
        bytes += heapBytes(cell.text) + heapBytes(cell.status);
    return bytes;
}

qsizetype heapBytes(const Block &block)
{
    qsizetype bytes = qsizetype(sizeof(Block)) + heapBytes(block.text) + heapBytes(block.info) +
        heapBytes(block.header) + block.rows.capacity() * qsizetype(sizeof(TableRow));
    for (const StatusToken &status : block.statuses)
        bytes += qsizetype(sizeof(StatusToken)) + heapBytes(status);
    for (const ListItem &item : block.items)
        bytes += heapBytes(item);
    for (const TableRow &row : block.rows)
        bytes += heapBytes(row);
    for (const Block &child : block.children)
        bytes += heapBytes(child);
    return bytes;
}

// Builds the model of a document from the trees of its pieces, in order, freeing each top-level node
// once converted, so that the cmark tree and the model never both hold the whole document.
class ModelBuilder
{
public:
    explicit ModelBuilder(Document &doc)
        : m_doc(doc)
        , m_builder(doc.source)
    { }

    void addPiece(CmarkGfm::Node root, int lineOffset);
    void finish();
    // What the model holds so far, roughly, in bytes.
    qsizetype bytes() const { return m_bytes; }

private:
    Document &m_doc;
    TreeBuilder m_builder;
    QList<int> m_openSections; // indexes of the sections enclosing the current position, by level
    qsizetype m_bytes = 0;
};

void ModelBuilder::addPiece(CmarkGfm::Node root, int lineOffset)
{
    m_builder.startPiece(lineOffset);
    m_builder.fixRewrittenParagraphs(root.get());
    for (cmark_node *node = cmark_node_first_child(root.get()), *next = nullptr; node; node = next) {
        next = cmark_node_next(node);
        const CmarkGfm::Node converted(node);
        cmark_node_unlink(node);
        if (cmark_node_get_type(node) != CMARK_NODE_HEADING) {
            Block block = m_builder.block(node);
            m_bytes += heapBytes(block);
            if (m_doc.sections.isEmpty())
                m_doc.preamble.append(std::move(block));
            else
                m_doc.sections.last().blocks.append(std::move(block));
            continue;
        }
        Section section;
        section.heading = inlineText(node).text.trimmed();
        section.level = cmark_node_get_heading_level(node);
        const TextKeys::Qualified qualified = TextKeys::splitQualifiers(section.heading);
        section.key = TextKeys::normalizedKey(qualified.base);
        section.qualifiers = qualified.qualifiers;
        section.headingLine = section.firstLine = m_builder.startLine(node);
        while (!m_openSections.isEmpty() && m_doc.sections.at(m_openSections.last()).level >= section.level)
            m_openSections.removeLast();
        section.parent = m_openSections.isEmpty() ? -1 : m_openSections.last();
        if (!m_doc.sections.isEmpty())
            m_doc.sections.last().lastLine = section.firstLine - 1;
        m_openSections.append(int(m_doc.sections.size()));
        m_bytes += qsizetype(sizeof(Section)) + heapBytes(section.heading) + heapBytes(section.key);
        for (const QString &qualifier : section.qualifiers)
            m_bytes += qsizetype(sizeof(QString)) + heapBytes(qualifier);
        m_doc.sections.append(std::move(section));
    }
}

void ModelBuilder::finish()
{
    Document &doc = m_doc;
    if (!doc.sections.isEmpty())
        doc.sections.last().lastLine = std::max(doc.source.lineCount(), doc.sections.last().headingLine);

    // The title is a first heading of level 1; the header is the paragraphs right under it (or, for
    // a document without a title, before its first section).
    const QList<Block> *headerBlocks = &doc.preamble;
    if (!doc.sections.isEmpty() && doc.sections.first().level == 1) {
        doc.title = doc.sections.first().heading;
        doc.titleLine = doc.sections.first().headingLine;
        headerBlocks = &doc.sections.first().blocks;
    }
    for (const Block &block : *headerBlocks) {
        if (block.kind == Block::Kind::Paragraph)
            readHeaderFields(doc.source, block, doc.headerFields);
    }
    DocumentClassifier::classify(doc);
}

// A document whose structure was not read, for `why`.
Document unread(const Document &doc, const QString &why)
{
    Document out;
    out.fileName = doc.fileName;
    out.source = doc.source;
    out.structureError = why;
    DocumentClassifier::classify(out);
    return out;
}

QString overBudget(qsizetype size)
{
    return QStringLiteral("has more markdown structure than Countersign reads: parsing it would take "
                          "over %1 MiB (the bound is %2 times the file's size plus %3 MiB; a record is "
                          "a few kilobytes of prose, lists and tables)")
        .arg(MarkdownParser::budget(size) / (1024 * 1024))
        .arg(MarkdownParser::budgetPerByte)
        .arg(MarkdownParser::budgetBase / (1024 * 1024));
}

QString outOfMemory()
{
    return QStringLiteral("could not be parsed: the system has not enough memory");
}

} // namespace

Document MarkdownParser::parse(const SourceText &source, const QString &fileName)
{
    const QByteArray utf8 = source.text().toUtf8();
    return parse(source, utf8, fileName);
}

Document MarkdownParser::parse(
    const SourceText &source, const QByteArray &utf8, const QString &fileName, qsizetype pieceSize)
{
    Document doc;
    doc.fileName = fileName;
    doc.source = source;

    const qsizetype skip = utf8.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    const char *data = utf8.constData() + skip;
    const qsizetype size = utf8.size() - skip;
    const Pieces pieces(data, size, std::max<qsizetype>(pieceSize, 1));
    // The bound covers the line table, the model and the tree of the piece being read.
    const qsizetype limit = budget(size);
    const qsizetype lineTable = qsizetype(source.lineCount()) * qsizetype(sizeof(quint32));
    try {
        ModelBuilder model(doc);
        qsizetype begin = 0;
        int linesBefore = 0;
        for (qsizetype cut = 0; begin < size;) {
            const bool last = cut >= pieces.cuts().size();
            const qsizetype end = last ? size : pieces.cuts().at(cut).offset;
            // GitHub's extensions that change what a reader sees as text or structure. Autolink is
            // left out: it only turns URLs into links, which leaves the text unchanged, and it is the
            // costly one.
            CmarkGfm::BoundedParse parse(CMARK_OPT_SOURCEPOS, {"table", "strikethrough", "tasklist"},
                limit - lineTable - model.bytes());
            switch (parse.parse(data + begin, end - begin)) {
            case CmarkGfm::BoundedParse::Outcome::Parsed:
                break;
            case CmarkGfm::BoundedParse::Outcome::OverBudget:
                return unread(doc, overBudget(size));
            case CmarkGfm::BoundedParse::Outcome::OutOfMemory:
                return unread(doc, outOfMemory());
            }
            CmarkGfm::Node root = parse.takeRoot();
            if (!last && !Pieces::holds(root.get(), pieces.cuts().at(cut).linesBefore - linesBefore)) {
                cut = pieces.cuts().size(); // read the rest as one piece
                continue;
            }
            model.addPiece(std::move(root), linesBefore);
            begin = end;
            if (!last)
                linesBefore = pieces.cuts().at(cut++).linesBefore;
        }
        model.finish();
    } catch (const std::bad_alloc &) {
        return unread(doc, outOfMemory());
    }
    return doc;
}

namespace {

// The file's bytes decoded and parsed; an Error for bytes that are not UTF-8 or a structure too large.
Result<Document> parseBytes(const QByteArray &bytes, const QString &path)
{
    Result<SourceText> source = SourceText::fromUtf8(bytes, path);
    if (!source)
        return source.error();
    Document doc = MarkdownParser::parse(source.value(), bytes, path);
    if (!doc.structureError.isEmpty())
        return Error{Error::Code::TooLarge, doc.structureError, path};
    return doc;
}

} // namespace

Result<Document> MarkdownParser::parseFile(const QString &path)
{
    try {
        Result<QByteArray> bytes = DocumentLoader::readFile(path);
        if (!bytes)
            return bytes.error();
        return parseBytes(bytes.value(), path);
    } catch (const std::bad_alloc &) {
        return Error{Error::Code::TooLarge,
            QStringLiteral("could not be read: the system has not enough memory"), path};
    }
}

Result<Document> MarkdownParser::parseFileHead(const QString &path, qint64 maxBytes)
{
    const QFileInfo info(path);
    if (!info.isFile() || info.size() <= maxBytes)
        return parseFile(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{
            Error::Code::Unreadable, QStringLiteral("cannot be read: %1").arg(file.errorString()), path};
    QByteArray bytes = file.read(maxBytes);
    bytes.truncate(bytes.lastIndexOf('\n') + 1);
    if (bytes.isEmpty())
        return Error{Error::Code::TooLarge,
            QStringLiteral("has no line break in its first %1 KiB").arg(maxBytes / 1024), path};
    return parseBytes(bytes, path);
}

} // namespace Countersign
