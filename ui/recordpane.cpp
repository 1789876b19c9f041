#include "recordpane.h"

#include "canonicalcontent.h"
#include "highlighting.h"

#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <QComboBox>
#include <QDropEvent>
#include <QFileInfo>
#include <QFontDatabase>
#include <QLabel>
#include <QMimeData>
#include <QPaintEvent>
#include <QPainter>
#include <QPlainTextEdit>
#include <QSaveFile>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTextBlock>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace Countersign {

// The line-number margin of a pane's editor; RecordPane paints it.
class LineNumberArea : public QWidget
{
public:
    explicit LineNumberArea(RecordPane *pane, QWidget *parent)
        : QWidget(parent)
        , m_pane(pane)
    { }

protected:
    void paintEvent(QPaintEvent *event) override { m_pane->paintLineNumbers(event); }

private:
    RecordPane *m_pane;
};

// QPlainTextEdit keeps the geometry helpers for its margin protected; this gives the pane access.
class MarginEditor : public QPlainTextEdit
{
public:
    using QPlainTextEdit::blockBoundingGeometry;
    using QPlainTextEdit::blockBoundingRect;
    using QPlainTextEdit::contentOffset;
    using QPlainTextEdit::firstVisibleBlock;
    using QPlainTextEdit::QPlainTextEdit;
    using QPlainTextEdit::setViewportMargins;

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QPlainTextEdit::resizeEvent(event);
        if (margin) {
            const QRect area = contentsRect();
            margin->setGeometry(QRect(area.left(), area.top(), viewportMargins().left(), area.height()));
        }
    }

public:
    QWidget *margin = nullptr;
};

RecordPane::RecordPane(const QString &side, QWidget *parent)
    : QWidget(parent)
    , m_caption(new QLabel(this))
    , m_outline(new QComboBox(this))
    , m_stack(new QStackedWidget(this))
    , m_editor(new MarginEditor(m_stack))
    , m_highlighter(new KSyntaxHighlighting::SyntaxHighlighter(m_editor->document()))
    , m_side(side)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_caption);
    layout->addWidget(m_outline);
    m_stack->addWidget(m_editor);
    layout->addWidget(m_stack);
    m_outline->setAccessibleName(tr("%1 sections").arg(side));
    m_outline->setPlaceholderText(tr("Sections"));
    m_outline->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    connect(m_outline, &QComboBox::activated, this, [this](int index) {
        goToLine(m_outline->itemData(index).toInt());
        m_editor->setFocus();
    });

    m_caption->setTextFormat(Qt::PlainText);
    m_caption->setText(tr("%1: no record open").arg(m_side));
    m_caption->setContentsMargins(6, 4, 6, 4);
    // A long file name must not widen its pane: the caption takes the width it is given.
    m_caption->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_caption->setWordWrap(true);
    m_editor->setReadOnly(false);
    m_editor->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setAccessibleName(tr("%1 record").arg(m_side));

    auto *editor = static_cast<MarginEditor *>(m_editor);
    m_lineNumbers = new LineNumberArea(this, m_editor);
    m_highlighter->setDefinition(Highlighting::markdown());
    setTheme(Highlighting::themeFor(m_editor->palette()));
    editor->margin = m_lineNumbers;
    connect(m_editor, &QPlainTextEdit::blockCountChanged, this, &RecordPane::updateLineNumberWidth);
    connect(m_editor, &QPlainTextEdit::updateRequest, this, [this](const QRect &rect, int dy) {
        if (dy != 0)
            m_lineNumbers->scroll(0, dy);
        else
            m_lineNumbers->update(0, rect.y(), m_lineNumbers->width(), rect.height());
    });
    connect(m_editor->verticalScrollBar(), &QScrollBar::valueChanged, this, &RecordPane::scrolled);
    // Files dropped on the text open in this pane instead of being pasted as their names.
    m_editor->viewport()->installEventFilter(this);
    updateLineNumberWidth();

    // The highlighter re-colours text through the same change signals, always replacing a range
    // with as many characters; an edit inserts or removes characters (a replacement does both).
    connect(m_editor->document(), &QTextDocument::contentsChange, this, [this](int, int removed, int added) {
        if (!m_loading && removed != added)
            Q_EMIT edited();
    });
    connect(m_editor->document(), &QTextDocument::modificationChanged, this, [this](bool modified) {
        updateCaption();
        Q_EMIT modificationChanged(modified);
    });
}

void RecordPane::showDocument(const Document &doc)
{
    m_path = doc.fileName;
    m_original = doc.serialize();
    m_bom = doc.source.hasBom();
    m_lineEnding = QStringLiteral("\n");
    for (int line = 1; line <= doc.source.lineCount(); ++line) {
        const SourceText::LineEnding ending = doc.source.lineInfo(line).ending;
        if (ending != SourceText::LineEnding::None) {
            m_lineEnding = ending == SourceText::LineEnding::CrLf ? QStringLiteral("\r\n")
                : ending == SourceText::LineEnding::Cr            ? QStringLiteral("\r")
                                                                  : QStringLiteral("\n");
            break;
        }
    }
    m_description = tr("%1, %2 side, %3 lines, digest %4")
                        .arg(kindName(doc.kind), sideName(doc.side))
                        .arg(doc.source.lineCount())
                        .arg(CanonicalContent::digest(doc.source.text()).left(12));
    m_loading = true;
    m_editor->setPlainText(doc.source.text());
    m_loading = false;
    m_editor->document()->setModified(false);
    m_changedOnDisk = false;
    m_marks.clear();
    setOutline(Comparison::outline(doc));
    if (isPreview())
        setPreview(true);
    updateCaption();
}

void RecordPane::updateCaption()
{
    if (m_path.isEmpty())
        return;
    QString caption = tr("%1: %2 — %3").arg(m_side, QFileInfo(m_path).fileName(), m_description);
    if (isModified())
        caption = tr("%1 (unsaved edits)").arg(caption);
    if (m_changedOnDisk)
        caption = tr("%1 — changed on disk: File > Reload loads it, Save keeps yours").arg(caption);
    m_caption->setText(caption);
}

void RecordPane::showError(const QString &message)
{
    m_path.clear();
    m_caption->setText(tr("%1: %2").arg(m_side, message));
    m_loading = true;
    m_editor->clear();
    m_loading = false;
    m_editor->document()->setModified(false);
}

bool RecordPane::isModified() const
{
    return m_editor->document()->isModified();
}

QByteArray RecordPane::currentBytes() const
{
    if (!isModified())
        return m_original;
    QString text = m_editor->toPlainText();
    if (m_lineEnding != u"\n")
        text.replace(u'\n', m_lineEnding);
    return (m_bom ? QByteArray("\xEF\xBB\xBF") : QByteArray()) + text.toUtf8();
}

SourceText RecordPane::currentSource() const
{
    if (!isModified()) {
        if (Result<SourceText> source = SourceText::fromUtf8(m_original, m_path))
            return source.value();
    }
    QString text = m_editor->toPlainText();
    if (m_lineEnding != u"\n")
        text.replace(u'\n', m_lineEnding);
    return SourceText::fromText(text, m_bom);
}

QString RecordPane::save(const QString &path)
{
    const QString target = path.isEmpty() ? m_path : path;
    if (target.isEmpty())
        return tr("No file to save to: use Save As.");
    const QByteArray bytes = currentBytes();
    QSaveFile file(target);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return tr("%1: cannot be saved: %2").arg(target, file.errorString());
    m_path = target;
    m_original = bytes;
    m_changedOnDisk = false;
    m_editor->document()->setModified(false);
    updateCaption();
    return {};
}

void RecordPane::restoreText(const QByteArray &bytes)
{
    Result<SourceText> source = SourceText::fromUtf8(bytes, m_path);
    if (!source)
        return;
    m_loading = true;
    m_editor->setPlainText(source->text());
    m_loading = false;
    m_editor->document()->setModified(true);
    Q_EMIT edited();
}

void RecordPane::updateLineNumberWidth()
{
    const int digits = int(QString::number(std::max(1, m_editor->blockCount())).size());
    const int width = 8 + m_editor->fontMetrics().horizontalAdvance(u'9') * std::max(3, digits);
    static_cast<MarginEditor *>(m_editor)->setViewportMargins(width, 0, 0, 0);
    const QRect area = m_editor->contentsRect();
    m_lineNumbers->setGeometry(QRect(area.left(), area.top(), width, area.height()));
}

void RecordPane::paintLineNumbers(QPaintEvent *event)
{
    auto *editor = static_cast<MarginEditor *>(m_editor);
    QPainter painter(m_lineNumbers);
    const QPalette palette = m_editor->palette();
    painter.fillRect(event->rect(), palette.color(QPalette::Base).darker(104));
    painter.setPen(palette.color(QPalette::PlaceholderText));
    painter.setFont(m_editor->font());
    QTextBlock block = editor->firstVisibleBlock();
    int top = qRound(editor->blockBoundingGeometry(block).translated(editor->contentOffset()).top());
    const int height = m_editor->fontMetrics().height();
    while (block.isValid() && top <= event->rect().bottom()) {
        const int bottom = top + qRound(editor->blockBoundingRect(block).height());
        if (block.isVisible() && bottom >= event->rect().top()) {
            painter.drawText(0, top, m_lineNumbers->width() - 4, height, Qt::AlignRight,
                QString::number(block.blockNumber() + 1));
        }
        block = block.next();
        top = bottom;
    }
}

bool RecordPane::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_editor->viewport() &&
        (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove ||
            event->type() == QEvent::Drop)) {
        auto *drop = static_cast<QDropEvent *>(event);
        const QList<QUrl> urls = drop->mimeData() ? drop->mimeData()->urls() : QList<QUrl>();
        if (!urls.isEmpty() && urls.first().isLocalFile()) {
            drop->acceptProposedAction();
            if (event->type() == QEvent::Drop)
                Q_EMIT fileDropped(urls.first().toLocalFile());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

int RecordPane::firstVisibleLine() const
{
    return static_cast<MarginEditor *>(m_editor)->firstVisibleBlock().blockNumber() + 1;
}

void RecordPane::scrollToLine(int line)
{
    const QTextBlock block = m_editor->document()->findBlockByNumber(std::max(0, line - 1));
    if (block.isValid())
        m_editor->verticalScrollBar()->setValue(block.firstLineNumber());
}

void RecordPane::setTheme(const KSyntaxHighlighting::Theme &theme)
{
    m_highlighter->setTheme(theme);
    QPalette palette = m_editor->palette();
    palette.setColor(
        QPalette::Base, QColor::fromRgba(theme.editorColor(KSyntaxHighlighting::Theme::BackgroundColor)));
    palette.setColor(QPalette::Text, QColor::fromRgba(theme.textColor(KSyntaxHighlighting::Theme::Normal)));
    palette.setColor(QPalette::PlaceholderText,
        QColor::fromRgba(theme.editorColor(KSyntaxHighlighting::Theme::LineNumbers)));
    m_editor->setPalette(palette);
    m_highlighter->rehighlight();
    m_lineNumbers->update();
}

QString RecordPane::themeName() const
{
    return m_highlighter->theme().name();
}

void RecordPane::setOutline(const QList<OutlineEntry> &outline)
{
    const int current = m_outline->currentIndex();
    m_outline->clear();
    for (const OutlineEntry &entry : outline)
        m_outline->addItem(QString(2 * std::max(0, entry.level - 1), u' ') + entry.heading, entry.line);
    if (current >= 0 && current < m_outline->count())
        m_outline->setCurrentIndex(current);
}

void RecordPane::setPreview(bool preview)
{
    if (preview) {
        if (!m_preview) {
            m_preview = new QTextBrowser(m_stack);
            m_preview->setOpenLinks(false);
            m_preview->setAccessibleName(tr("%1 preview").arg(m_side));
            m_stack->addWidget(m_preview);
        }
        m_preview->setMarkdown(m_editor->toPlainText());
        m_stack->setCurrentWidget(m_preview);
    } else {
        m_stack->setCurrentWidget(m_editor);
    }
}

bool RecordPane::isPreview() const
{
    return m_preview && m_stack->currentWidget() == m_preview;
}

QString RecordPane::previewText() const
{
    return m_preview ? m_preview->toPlainText() : QString();
}

void RecordPane::setWordWrap(bool wrap)
{
    m_editor->setLineWrapMode(wrap ? QPlainTextEdit::WidgetWidth : QPlainTextEdit::NoWrap);
}

void RecordPane::setChangedOnDisk(bool changed)
{
    m_changedOnDisk = changed;
    updateCaption();
}

QString RecordPane::text() const
{
    return m_editor->toPlainText();
}

QString RecordPane::caption() const
{
    return m_caption->text();
}

bool RecordPane::isHighlighted() const
{
    return m_highlighter->definition().isValid() && m_highlighter->theme().isValid();
}

} // namespace Countersign

namespace Countersign {

void RecordPane::goToLine(int line)
{
    const QTextBlock block = m_editor->document()->findBlockByNumber(line - 1);
    if (line < 1 || !block.isValid())
        return;
    m_editor->setTextCursor(QTextCursor(block));
    m_editor->centerCursor();
}

int RecordPane::currentLine() const
{
    return m_editor->textCursor().blockNumber() + 1;
}

void RecordPane::setDiffMarks(const QList<LineMark> &marks, const QColor &lineTint, const QColor &wordTint)
{
    m_marks = marks;
    QList<QTextEdit::ExtraSelection> selections;
    QTextDocument *document = m_editor->document();
    for (const LineMark &mark : marks) {
        const QTextBlock block = document->findBlockByNumber(mark.line - 1);
        if (!block.isValid())
            continue;
        QTextEdit::ExtraSelection whole;
        whole.cursor = QTextCursor(block);
        whole.format.setBackground(lineTint);
        whole.format.setProperty(QTextFormat::FullWidthSelection, true);
        selections.append(whole);
        for (const TextRange &range : mark.ranges) {
            QTextEdit::ExtraSelection part;
            part.cursor = QTextCursor(block);
            part.cursor.setPosition(block.position() + std::min(range.start, block.length() - 1));
            part.cursor.setPosition(
                block.position() + std::min(range.end(), block.length() - 1), QTextCursor::KeepAnchor);
            part.format.setBackground(wordTint);
            selections.append(part);
        }
    }
    m_editor->setExtraSelections(selections);
}

} // namespace Countersign
