// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "pdfhandout.h"

#include "export/finalizedrecord.h"
#include "export/markdownhtml.h"
#include "record/canonicalcontent.h"
#include "record/markdownparser.h"

#include <QAbstractTextDocumentLayout>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextBlock>
#include <QTextBoundaryFinder>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextTable>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>

namespace Countersign {

namespace {

const QColor bannerRed(0xb0, 0x1c, 0x1c);
const QColor footerGrey(0x55, 0x55, 0x55);
const QString sansFamily = QStringLiteral("DejaVu Sans");
const QString monoFamily = QStringLiteral("DejaVu Sans Mono");
constexpr qreal footerPoints = 7.5;

// Without ligatures, so that the PDF's text is the record's: "fi" stays two letters to search for
// and copy.
QFont handoutFont(const QString &family, qreal points)
{
    QFont font(family);
    font.setPointSizeF(points);
    font.setFeature(QFont::Tag("liga"), 0);
    return font;
}

// Lengths in px are 1/96 inch: QTextDocument scales them to the PDF's resolution.
const QString styleSheet = QStringLiteral(R"(
h1 { font-size: 17pt; margin-top: 0px; margin-bottom: 8px; }
h2 { font-size: 12.5pt; color: #1d3557; margin-top: 16px; margin-bottom: 5px; }
h3 { font-size: 11pt; color: #1d3557; margin-top: 12px; margin-bottom: 4px; }
h4, h5, h6 { font-size: 10pt; margin-top: 10px; margin-bottom: 3px; }
p { margin-top: 0px; margin-bottom: 6px; }
ul, ol { margin-top: 0px; margin-bottom: 6px; }
li { margin-bottom: 1px; }
code { font-family: "DejaVu Sans Mono"; font-size: 8.5pt; background-color: #f0f1f3; }
pre { font-family: "DejaVu Sans Mono"; font-size: 8.5pt; background-color: #f4f5f7; margin-top: 2px;
      margin-bottom: 8px; }
blockquote { color: #444444; margin-left: 14px; margin-right: 0px; }
a { color: #1a4f9c; text-decoration: none; }
table { margin-top: 2px; margin-bottom: 10px; }
th { background-color: #e3e8ef; font-weight: bold; }
)");

QString titleOf(const QString &finalized, const QString &recordFileName)
{
    const Document document = MarkdownParser::parse(SourceText::fromText(finalized));
    return document.title.isEmpty() ? QFileInfo(recordFileName).fileName() : document.title;
}

// Lengths of the table style, in px (1/96 inch), which QTextDocument scales to the device. With
// collapsed borders, a border of 1 draws a grid of 1 px lines.
constexpr qreal cellPadding = 4;
constexpr qreal cellBorder = 1;
// A margin for the layout's rounding: a cell's text measures a little wider than QFontMetricsF says.
constexpr qreal rounding = 1.02;
const QColor borderColor(0x8a, 0x91, 0x9c);

// The widths a column's cells want: `least`, its longest unbreakable run (no narrower without
// breaking inside a word); `most`, its longest line (no wider is of use).
struct ColumnWidth
{
    qreal least = 0;
    qreal most = 0;
};

// The runs of `text` between the line breaks Qt's layout may make (UAX #14: spaces, and after a
// hyphen or a slash), as [start, end) without trailing spaces.
QList<std::pair<qsizetype, qsizetype>> unbreakableRuns(const QString &text)
{
    QList<std::pair<qsizetype, qsizetype>> runs;
    QTextBoundaryFinder finder(QTextBoundaryFinder::Line, text);
    qsizetype start = 0;
    for (qsizetype next = finder.toNextBoundary(); next >= 0 && start < text.size();
        next = finder.toNextBoundary()) {
        qsizetype end = next;
        while (end > start && text.at(end - 1).isSpace())
            --end;
        if (end > start)
            runs.append({start, end});
        start = next;
    }
    return runs;
}

// The width of `block`'s text from `start` to `end`, each fragment in its own font.
qreal textWidth(
    const QTextBlock &block, qsizetype start, qsizetype end, const QFont &defaultFont, QPaintDevice *device)
{
    qreal width = 0;
    for (QTextBlock::iterator it = block.begin(); !it.atEnd(); ++it) {
        const QTextFragment fragment = it.fragment();
        const qsizetype from = std::max<qsizetype>(start, fragment.position() - block.position());
        const qsizetype to =
            std::min<qsizetype>(end, fragment.position() - block.position() + fragment.length());
        if (from < to) {
            width += QFontMetricsF(fragment.charFormat().font().resolve(defaultFont), device)
                         .horizontalAdvance(block.text().mid(from, to - from));
        }
    }
    return width;
}

ColumnWidth contentWidth(const QTextTableCell &cell, const QFont &defaultFont, QPaintDevice *device)
{
    ColumnWidth width;
    for (QTextFrame::iterator it = cell.begin(); !it.atEnd(); ++it) {
        const QTextBlock block = it.currentBlock();
        width.most = std::max(width.most, textWidth(block, 0, block.length(), defaultFont, device));
        for (const auto &[start, end] : unbreakableRuns(block.text()))
            width.least = std::max(width.least, textWidth(block, start, end, defaultFont, device));
    }
    return width;
}

// Gives the runs of `cell` wider than `limit` places to break (zero-width spaces), so that they wrap
// within their column instead of making QTextDocument break every cell of the table anywhere.
void breakLongRuns(const QTextTableCell &cell, qreal limit, const QFont &defaultFont, QPaintDevice *device)
{
    for (QTextFrame::iterator it = cell.begin(); !it.atEnd(); ++it) {
        const QTextBlock block = it.currentBlock();
        const QList<std::pair<qsizetype, qsizetype>> runs = unbreakableRuns(block.text());
        for (auto run = runs.crbegin(); run != runs.crend(); ++run) { // from the end: positions hold
            const auto [start, end] = *run;
            const qreal width = textWidth(block, start, end, defaultFont, device);
            if (width <= limit)
                continue;
            const qsizetype piece = std::max<qsizetype>(1, qsizetype((end - start) * limit / width) - 1);
            QTextCursor cursor(block);
            for (qsizetype at = end - piece; at > start; at -= piece) {
                cursor.setPosition(block.position() + int(at));
                cursor.insertText(QString(QChar(0x200B)));
            }
        }
    }
}

// Shares `available` out among the columns as a browser's automatic table layout does (CSS 2.1,
// 17.5.2.2): each column at least as wide as its longest run, the rest in proportion to how much
// wider each column's longest line would be. Two changes: when the longest runs alone overflow,
// only the widest give way (capped at the width that makes them fit, at most a third of the table),
// so that a long path breaks rather than every word of the table; and a short column (a name, a date, a
// status: its longest line under a seventh of the width) keeps its line whole when the others still get their
// longest runs, so that only prose columns wrap.
QList<qreal> shareOut(QList<ColumnWidth> columns, qreal available)
{
    const auto sum = [&columns](qreal ColumnWidth::*width) {
        qreal total = 0;
        for (const ColumnWidth &column : std::as_const(columns))
            total += column.*width;
        return total;
    };
    if (sum(&ColumnWidth::least) > available) {
        QList<qreal> leasts;
        for (const ColumnWidth &column : std::as_const(columns))
            leasts.append(column.least);
        std::sort(leasts.begin(), leasts.end());
        // The cap c with sum(min(least, c)) == available: the narrower columns whole, the rest c.
        qreal below = 0;
        qreal cap = available / leasts.size();
        for (qsizetype i = 0; i < leasts.size(); ++i) {
            const qreal candidate = (available - below) / qreal(leasts.size() - i);
            if (candidate <= leasts.at(i)) {
                cap = candidate;
                break;
            }
            below += leasts.at(i);
        }
        // And no wider than a third of the table, so that what is left is shared with the prose.
        cap = std::min(cap, available / 3);
        for (ColumnWidth &column : columns)
            column.least = std::min(column.least, cap);
    }
    const qreal shortColumn = available / 7;
    if (sum(&ColumnWidth::most) > available) {
        qreal needed = 0;
        for (const ColumnWidth &column : std::as_const(columns))
            needed += column.most <= shortColumn ? column.most : column.least;
        if (needed <= available) {
            for (ColumnWidth &column : columns) {
                if (column.most <= shortColumn)
                    column.least = column.most;
            }
        }
    }
    const qreal least = sum(&ColumnWidth::least);
    const qreal most = sum(&ColumnWidth::most);
    QList<qreal> widths;
    for (const ColumnWidth &column : std::as_const(columns)) {
        if (most <= available)
            widths.append(column.most + (available - most) * column.most / most);
        else
            widths.append(column.least + (available - least) * (column.most - column.least) / (most - least));
    }
    return widths;
}

// Sets every cell of `table` in `pointSize` and measures what each column needs (contentWidth, plus
// `cellExtra` for padding and borders).
QList<ColumnWidth> measureTable(
    QTextTable &table, qreal pointSize, qreal cellExtra, const QFont &defaultFont, QPaintDevice *device)
{
    QTextCharFormat tableText;
    tableText.setFontPointSize(pointSize);
    QList<ColumnWidth> columns(table.columns());
    for (int row = 0; row < table.rows(); ++row) {
        for (int column = 0; column < table.columns(); ++column) {
            const QTextTableCell tableCell = table.cellAt(row, column);
            QTextCursor contents = tableCell.firstCursorPosition();
            contents.setPosition(tableCell.lastCursorPosition().position(), QTextCursor::KeepAnchor);
            contents.mergeCharFormat(tableText);
            const ColumnWidth cell = contentWidth(tableCell, defaultFont, device);
            columns[column].least = std::max(columns[column].least, cell.least * rounding + cellExtra);
            columns[column].most = std::max(columns[column].most, cell.most * rounding + cellExtra);
        }
    }
    return columns;
}

// Gives every table of `document` (any GFM table) single-line borders, cell padding, the whole width
// `available` (in `device` units), and column widths from what the cells hold (shareOut): a column of
// timestamps or digests is never broken inside a word while prose columns wrap. Table text is a little
// smaller than the body (8.5 pt), so that more fits on a line; a table whose longest words do not fit
// across the page so (a shared ledger's Sign-off table, eight columns) is set smaller, down to 7 pt,
// before any word is broken.
void layOutTables(QTextDocument &document, qreal available, QPaintDevice *device)
{
    const qreal scale = device->logicalDpiX() / 96.0;
    // What a column needs besides its text: padding and borders.
    const qreal cellExtra = (2 * cellPadding + 2 * cellBorder + 1) * scale;
    // One edit block for all the formats set below: the layout follows once, at its end, rather than
    // after each cell (which takes minutes for a table of a few hundred rows).
    QTextCursor batch(&document);
    batch.beginEditBlock();
    for (QTextFrame *frame : document.rootFrame()->childFrames()) {
        auto *table = qobject_cast<QTextTable *>(frame);
        if (!table)
            continue;
        for (int row = 0; row < table->rows(); ++row) {
            for (int column = 0; column < table->columns(); ++column) {
                // Explicit borders: the HTML importer's cells come with borders of no style.
                QTextTableCell tableCell = table->cellAt(row, column);
                QTextTableCellFormat cellFormat = tableCell.format().toTableCellFormat();
                cellFormat.setBorder(cellBorder);
                cellFormat.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
                cellFormat.setBorderBrush(borderColor);
                tableCell.setFormat(cellFormat);
            }
        }
        QList<ColumnWidth> columns;
        for (const qreal pointSize : {8.5, 8.0, 7.5, 7.0}) {
            columns = measureTable(*table, pointSize, cellExtra, document.defaultFont(), device);
            const qreal least = std::accumulate(columns.cbegin(), columns.cend(), qreal(0),
                [](qreal total, const ColumnWidth &column) { return total + column.least; });
            if (least <= available)
                break;
        }
        const QList<qreal> widths = shareOut(columns, available);
        QList<QTextLength> constraints;
        for (int column = 0; column < table->columns(); ++column) {
            constraints.append(
                QTextLength(QTextLength::PercentageLength, 100 * widths.at(column) / available));
            if (columns.at(column).least <= widths.at(column))
                continue;
            for (int row = 0; row < table->rows(); ++row) {
                breakLongRuns(table->cellAt(row, column), (widths.at(column) - cellExtra) / rounding,
                    document.defaultFont(), device);
            }
        }
        QTextTableFormat format = table->format();
        format.setWidth(QTextLength(QTextLength::PercentageLength, 100));
        format.setColumnWidthConstraints(constraints);
        format.setBorderCollapse(true);
        format.setBorder(cellBorder);
        format.setBorderBrush(borderColor);
        format.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
        format.setCellSpacing(0);
        format.setCellPadding(cellPadding);
        table->setFormat(format);
    }
    batch.endEditBlock();
}

// Turns the NOT FINAL banner (the first block of an export with open sign-offs, a block quote) into a
// red box spanning the page. Returns whether there was one.
bool boxBanner(QTextDocument &document)
{
    QTextBlock block = document.firstBlock();
    while (block.isValid() && block.text().trimmed().isEmpty())
        block = block.next();
    const QString text = block.text();
    if (!block.isValid() || !text.startsWith(FinalizedRecord::notFinalBanner))
        return false;
    QTextCursor cursor(block);
    cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
    cursor.removeSelectedText();
    // The block that held the quote stays, empty, before the box: as flat as it can be.
    QTextBlockFormat flat;
    flat.setLineHeight(0, QTextBlockFormat::FixedHeight);
    cursor.setBlockFormat(flat);
    QTextTableFormat box;
    box.setBorderCollapse(true);
    box.setBorder(1.5);
    box.setBorderBrush(bannerRed);
    box.setCellPadding(6);
    box.setWidth(QTextLength(QTextLength::PercentageLength, 100));
    box.setBottomMargin(12);
    QTextTableCell cell = cursor.insertTable(1, 1, box)->cellAt(0, 0);
    QTextTableCellFormat cellFormat = cell.format().toTableCellFormat();
    cellFormat.setBorder(1.5);
    cellFormat.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    cellFormat.setBorderBrush(bannerRed);
    cellFormat.setBackground(QColor(0xfd, 0xec, 0xea));
    cell.setFormat(cellFormat);
    QTextCursor inside = cell.firstCursorPosition();
    QTextCharFormat lead;
    lead.setForeground(bannerRed);
    lead.setFontWeight(QFont::Bold);
    lead.setFontPointSize(11);
    inside.insertText(text.left(FinalizedRecord::notFinalBanner.size()), lead);
    QTextCharFormat rest = lead;
    rest.setFontWeight(QFont::Normal);
    rest.setFontPointSize(9.5);
    inside.insertText(text.mid(FinalizedRecord::notFinalBanner.size()), rest);
    return true;
}

// Page breaks a reader expects: no heading ends a page (it moves to the next page with what it
// heads), and a table that fits on a page is not split across two (it moves to the next page, with
// its heading). A longer table runs on, its header row repeated on each page. `document` must be
// paginated (setPageSize); its layout follows each change.
void paginate(QTextDocument &document)
{
    const qreal pageHeight = document.pageSize().height();
    QAbstractTextDocumentLayout *layout = document.documentLayout();
    const auto pageTop = [pageHeight](qreal y) { return std::floor(y / pageHeight) * pageHeight; };
    // Starting within a twentieth of the page's top counts as starting the page: no break before it.
    const auto startsPage = [&](qreal y) { return y - pageTop(y) < pageHeight / 20; };
    const auto breakBefore = [](QTextFrame::iterator item) {
        if (QTextFrame *frame = item.currentFrame()) {
            QTextFrameFormat format = frame->frameFormat();
            format.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
            frame->setFrameFormat(format);
        } else {
            QTextBlockFormat format = item.currentBlock().blockFormat();
            format.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
            QTextCursor(item.currentBlock()).setBlockFormat(format);
        }
    };
    std::optional<QTextFrame::iterator> heading; // the last heading, with only empty blocks after it
    for (QTextFrame::iterator item = document.rootFrame()->begin(); !item.atEnd(); ++item) {
        QRectF rect;
        bool isTable = false;
        if (QTextFrame *frame = item.currentFrame()) {
            rect = layout->frameBoundingRect(frame);
            isTable = qobject_cast<QTextTable *>(frame);
        } else if (item.currentBlock().text().trimmed().isEmpty()) {
            continue;
        } else {
            rect = layout->blockBoundingRect(item.currentBlock());
        }
        const QRectF headingRect = heading ? layout->blockBoundingRect(heading->currentBlock()) : QRectF();
        const bool splitTable = isTable && !startsPage(rect.top()) &&
            pageTop(rect.top()) != pageTop(rect.bottom() - 1) && rect.height() < pageHeight * 0.9;
        if (heading && !startsPage(headingRect.top()) &&
            (splitTable || pageTop(headingRect.top()) != pageTop(rect.top())))
            breakBefore(*heading);
        else if (splitTable)
            breakBefore(item);
        heading.reset();
        if (!item.currentFrame() && item.currentBlock().blockFormat().headingLevel() > 0)
            heading = item;
    }
}

struct Footer
{
    QString fileName;
    QString digest;
    bool final = true;
};

// Two lines under a rule: the record's file name and "page N of M"; the content digest and, for an
// export with open sign-offs, NOT FINAL.
void paintFooter(QPainter &painter, const QRectF &area, const Footer &footer, int page, int pages)
{
    const QFont sans = handoutFont(sansFamily, footerPoints);
    const QFont mono = handoutFont(monoFamily, footerPoints);
    QFont bold = sans;
    bold.setBold(true);
    const qreal lineHeight = QFontMetricsF(sans, painter.device()).height();
    painter.save();
    painter.setPen(QPen(footerGrey, painter.device()->logicalDpiY() / 160.0));
    painter.drawLine(area.topLeft(), area.topRight());
    QRectF line(area.left(), area.top() + lineHeight * 0.4, area.width(), lineHeight);
    painter.setFont(sans);
    const QString pageText = QStringLiteral("page %1 of %2").arg(page).arg(pages);
    const qreal pageWidth = QFontMetricsF(sans, painter.device()).horizontalAdvance(pageText);
    painter.drawText(line, Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetricsF(sans, painter.device())
            .elidedText(footer.fileName, Qt::ElideMiddle, area.width() - pageWidth * 1.5));
    painter.drawText(line, Qt::AlignRight | Qt::AlignVCenter, pageText);
    line.translate(0, lineHeight);
    const QString label = QStringLiteral("Content digest (SHA-256): ");
    painter.drawText(line, Qt::AlignLeft | Qt::AlignVCenter, label);
    painter.setFont(mono);
    painter.drawText(line.adjusted(QFontMetricsF(sans, painter.device()).horizontalAdvance(label), 0, 0, 0),
        Qt::AlignLeft | Qt::AlignVCenter, footer.digest);
    if (!footer.final) {
        painter.setFont(bold);
        painter.setPen(bannerRed);
        painter.drawText(line, Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("NOT FINAL"));
    }
    painter.restore();
}

} // namespace

std::optional<Error> PdfHandout::write(
    const QString &output, const QString &finalized, const QString &recordFileName)
{
    QSaveFile file(output);
    if (!file.open(QIODevice::WriteOnly))
        return Error{Error::Code::WriteFailed,
            QStringLiteral("cannot be written: %1").arg(file.errorString()), output};
    {
        QPdfWriter writer(&file);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
            QMarginsF(18, 15, 18, 12), QPageLayout::Millimeter));
        writer.setTitle(titleOf(finalized, recordFileName));
        writer.setCreator(QStringLiteral("Countersign %1").arg(QStringLiteral(COUNTERSIGN_VERSION)));

        QTextDocument document;
        // Laid out for the PDF's resolution, so that what is measured is what is drawn.
        document.documentLayout()->setPaintDevice(&writer);
        document.setDefaultFont(handoutFont(sansFamily, 9.5));
        document.setDefaultStyleSheet(styleSheet);
        document.setDocumentMargin(0);
        document.setHtml(MarkdownHtml::render(finalized));
        // Code blocks wrap rather than run off the page: a handout hides nothing of the record.
        for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
            if (block.blockFormat().nonBreakableLines()) {
                QTextBlockFormat format = block.blockFormat();
                format.setNonBreakableLines(false);
                QTextCursor(block).setBlockFormat(format);
            }
        }
        const QRectF page = writer.pageLayout().paintRectPixels(writer.resolution());
        layOutTables(document, page.width(), &writer);
        const Footer footer{
            QFileInfo(recordFileName).fileName(), CanonicalContent::digest(finalized), !boxBanner(document)};

        const qreal footerHeight =
            QFontMetricsF(handoutFont(sansFamily, footerPoints), &writer).height() * 2.6;
        const qreal gap = writer.resolution() / 6.0; // a sixth of an inch between text and footer
        const QSizeF bodySize(page.width(), page.height() - footerHeight - gap);
        document.setPageSize(bodySize);
        paginate(document);
        const int pages = document.pageCount();
        QPainter painter;
        if (!painter.begin(&writer))
            return Error{Error::Code::WriteFailed,
                QStringLiteral("cannot be written: the PDF could not be started"), output};
        for (int index = 0; index < pages; ++index) {
            if (index > 0)
                writer.newPage();
            painter.save();
            const QRectF clip(0, index * bodySize.height(), bodySize.width(), bodySize.height());
            painter.translate(0, -clip.top());
            painter.setClipRect(clip);
            QAbstractTextDocumentLayout::PaintContext context;
            context.clip = clip;
            document.documentLayout()->draw(&painter, context);
            painter.restore();
            paintFooter(painter, QRectF(0, bodySize.height() + gap, page.width(), footerHeight), footer,
                index + 1, pages);
        }
        if (!painter.end())
            return Error{Error::Code::WriteFailed,
                QStringLiteral("cannot be written: the PDF was not finished"), output};
    }
    if (!file.commit())
        return Error{Error::Code::WriteFailed,
            QStringLiteral("cannot be written: %1").arg(file.errorString()), output};
    return std::nullopt;
}

} // namespace Countersign
