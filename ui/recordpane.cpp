// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "recordpane.h"

#include "appearance.h"
#include "export/markdownhtml.h"
#include "record/markdownparser.h"

#include <KSyntaxHighlighting/Theme>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDropEvent>
#include <QFileInfo>
#include <QLabel>
#include <QMimeData>
#include <QSaveFile>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace Countersign {

namespace {
constexpr qsizetype describeAtOnceLimit = 256 * 1024;
}

RecordPane::RecordPane(const QString &side, QWidget *parent)
    : QWidget(parent)
    , m_caption(new QLabel(this))
    , m_outline(new QComboBox(this))
    , m_stack(new QStackedWidget(this))
    , m_editor(new TextView(m_stack))
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
    showNoRecord();
    m_caption->setContentsMargins(6, 4, 6, 4);
    // A long file name must not widen its pane: the caption takes the width it is given, wraps, and
    // is always two lines tall, so that both panes' text starts at the same height whatever their
    // captions say (the tooltip has the whole caption).
    m_caption->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    m_caption->setWordWrap(true);
    m_caption->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    fitCaption();
    m_editor->setAccessibleName(tr("%1 record").arg(m_side));

    connect(m_editor, &TextView::scrolled, this, &RecordPane::scrolled);
    // The outline names the section the cursor is in (moved by keys, a click, a finding or Go), or
    // the one at the top of the view when the view was scrolled away from the cursor.
    connect(m_editor, &TextView::viewChanged, this, &RecordPane::showCurrentSection);
    connect(m_editor, &TextView::cursorMoved, this, &RecordPane::showCurrentSection);
    // Files dropped on the text open in this pane instead of being pasted as their names.
    m_editor->viewport()->installEventFilter(this);
    connect(m_editor, &TextView::textEdited, this, &RecordPane::edited);
    connect(m_editor, &TextView::modificationChanged, this, [this](bool modified) {
        updateCaption();
        Q_EMIT modificationChanged(modified);
    });
}

void RecordPane::showSource(const QString &path, const SourceText &source)
{
    m_path = path;
    m_isDraft = false;
    m_draftPath.clear();
    m_description = tr("%1 lines").arg(source.lineCount());
    m_editor->setSource(source);
    m_changedOnDisk = false;
    m_savedDigest.clear();
    m_marks.clear();
    m_outline->clear();
    m_outlineEntries.clear();
    m_document = {};
    // A record of usual size is described at once (parsing it takes well under a millisecond); a
    // large one when the comparison, on its worker thread, has parsed it.
    if (source.text().size() <= describeAtOnceLimit)
        setComparedRecord(Comparison::describe(MarkdownParser::parse(source, path)));
    if (isPreview())
        setPreview(true);
    updateCaption();
}

bool RecordPane::describeNow()
{
    if (!hasDocument())
        return false;
    const SourceText source = buffer().toSource();
    if (source.text().size() > describeAtOnceLimit)
        return false;
    setComparedRecord(Comparison::describe(MarkdownParser::parse(source, documentPath())));
    return true;
}

void RecordPane::showDraft(const QString &suggestedPath, const QString &text)
{
    const bool wasModified = isModified();
    showSource(QString(), SourceText::fromText(text));
    m_isDraft = true;
    m_draftPath = suggestedPath;
    setComparedRecord(Comparison::describe(MarkdownParser::parse(SourceText::fromText(text), suggestedPath)));
    if (!wasModified)
        Q_EMIT modificationChanged(true);
}

void RecordPane::replaceText(const QString &text)
{
    m_editor->replaceChanged(text);
}

QString RecordPane::displayName() const
{
    return QFileInfo(documentPath()).fileName();
}

void RecordPane::setComparedRecord(const ComparedRecord &record)
{
    // Counted as SourceText counts them: a final line break does not start another line.
    const int lines =
        m_editor->lineCount() - (m_editor->buffer().line(m_editor->lineCount() - 1).isEmpty() ? 1 : 0);
    if (record.parsed) {
        m_description = tr("%1, %2 side, %3 lines, digest %4")
                            .arg(kindName(record.kind), sideName(record.side))
                            .arg(lines)
                            .arg(record.digest.left(12));
    } else {
        m_description =
            tr("%1 lines, not compared section by section (%2)").arg(lines).arg(record.unparsedReason);
    }
    m_document = record.document;
    m_lint = record.lint;
    showLintMarks();
    setOutline(record.outline);
    updateCaption();
}

void RecordPane::showLintMarks()
{
    QList<LintMark> marks;
    marks.reserve(m_lint.size());
    for (const LintFinding &finding : m_lint)
        marks.append({finding.line, finding.severity == LintFinding::Severity::Error, finding.message});
    m_editor->setLintMarks(marks);
}

void RecordPane::showNoRecord()
{
    m_caption->setText(tr("%1: no record open").arg(m_side));
    m_caption->setToolTip(QString());
}

void RecordPane::swapRecords(RecordPane &other)
{
    m_editor->swapText(*other.m_editor);
    std::swap(m_path, other.m_path);
    std::swap(m_draftPath, other.m_draftPath);
    std::swap(m_isDraft, other.m_isDraft);
    std::swap(m_description, other.m_description);
    std::swap(m_document, other.m_document);
    std::swap(m_lint, other.m_lint);
    std::swap(m_outlineEntries, other.m_outlineEntries);
    std::swap(m_changedOnDisk, other.m_changedOnDisk);
    std::swap(m_savedDigest, other.m_savedDigest);
    for (RecordPane *pane : {this, &other}) {
        pane->m_marks.clear();
        pane->showLintMarks();
        pane->setOutline(QList<OutlineEntry>(pane->m_outlineEntries));
        if (pane->isPreview())
            pane->setPreview(true);
        if (pane->hasDocument())
            pane->updateCaption();
        else
            pane->showNoRecord();
    }
}

void RecordPane::fitCaption()
{
    const QMargins margins = m_caption->contentsMargins();
    m_caption->setFixedHeight(2 * m_caption->fontMetrics().lineSpacing() + margins.top() + margins.bottom());
}

void RecordPane::updateCaption()
{
    if (!hasDocument())
        return;
    // What needs acting on comes first, beside the name: the description after it may be cut.
    QString name = displayName();
    if (m_isDraft)
        name = tr("%1 (not saved yet)").arg(name);
    else if (isModified())
        name = tr("%1 (unsaved edits)").arg(name);
    if (m_changedOnDisk)
        name = tr("%1 — changed on disk: File > Reload loads it, Save keeps yours").arg(name);
    const QString caption = tr("%1: %2 — %3").arg(m_side, name, m_description);
    m_caption->setText(caption);
    m_caption->setToolTip(caption);
}

void RecordPane::showError(const QString &message)
{
    m_path.clear();
    m_isDraft = false;
    m_draftPath.clear();
    m_caption->setText(tr("%1: %2").arg(m_side, message));
    m_caption->setToolTip(m_caption->text());
    m_editor->setSource(SourceText());
    m_marks.clear();
    m_outline->clear();
    m_outlineEntries.clear();
}

bool RecordPane::isModified() const
{
    return m_isDraft || m_editor->isModified();
}

QByteArray RecordPane::currentBytes() const
{
    return m_editor->buffer().toUtf8();
}

SourceText RecordPane::currentSource() const
{
    return m_editor->buffer().toSource();
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
    m_savedDigest = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
    const bool wasDraft = m_isDraft;
    m_path = target;
    m_isDraft = false;
    m_draftPath.clear();
    m_changedOnDisk = false;
    m_editor->setClean();
    updateCaption();
    if (wasDraft)
        Q_EMIT modificationChanged(isModified());
    return {};
}

void RecordPane::restoreText(const QByteArray &bytes)
{
    Result<SourceText> source = SourceText::fromUtf8(bytes, m_path);
    if (!source)
        return;
    m_editor->replaceAll(source->text());
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
    return m_editor->firstVisibleLine() + 1;
}

void RecordPane::scrollToLine(int line, int column)
{
    m_editor->scrollToPosition({line - 1, column});
}

int RecordPane::firstVisibleColumn() const
{
    return m_editor->firstVisiblePosition().column;
}

void RecordPane::setTheme(const KSyntaxHighlighting::Theme &theme)
{
    m_editor->setTheme(theme);
    if (isPreview())
        renderPreview();
}

QString RecordPane::themeName() const
{
    return m_editor->themeName();
}

void RecordPane::setOutline(const QList<OutlineEntry> &outline)
{
    m_outlineEntries = outline;
    const int current = m_outline->currentIndex();
    m_outline->clear();
    for (const OutlineEntry &entry : outline)
        m_outline->addItem(QString(2 * std::max(0, entry.level - 1), u' ') + entry.heading, entry.line);
    if (current >= 0 && current < m_outline->count())
        m_outline->setCurrentIndex(current);
    showCurrentSection();
}

void RecordPane::showCurrentSection()
{
    const int cursor = m_editor->cursorPosition().line;
    const auto [cursorTop, cursorBottom] = m_editor->lineSpan(cursor);
    const bool cursorInView = cursorBottom > 0 && cursorTop < m_editor->viewport()->height();
    const int line = cursorInView ? cursor + 1 : firstVisibleLine();
    int current = -1;
    for (int i = 0; i < m_outline->count() && m_outline->itemData(i).toInt() <= line; ++i)
        current = i;
    if (current >= 0)
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
        renderPreview();
        m_stack->setCurrentWidget(m_preview);
    } else {
        m_stack->setCurrentWidget(m_editor);
    }
}

// GitHub's reading of the text (cmark-gfm) in the editor's colours: the theme's text on its
// background, links readable on it, and the blocks of the lines the diff marks tinted as the editor
// tints those lines. It stays where it was scrolled to.
void RecordPane::renderPreview()
{
    const QPalette editor = m_editor->palette();
    const QColor base = editor.color(QPalette::Base);
    QPalette palette = m_preview->palette();
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::Text, editor.color(QPalette::Text));
    const QPalette links = Appearance::palette(
        Appearance::isDark(editor) ? Appearance::Scheme::Dark : Appearance::Scheme::Light);
    palette.setColor(QPalette::Link, links.color(QPalette::Link));
    palette.setColor(QPalette::LinkVisited, links.color(QPalette::LinkVisited));
    m_preview->setPalette(palette);
    QSet<int> marked;
    for (const LineMark &mark : std::as_const(m_marks))
        marked.insert(mark.line);
    m_preview->document()->setDefaultStyleSheet(
        QStringLiteral(".differs { background-color: %1; }").arg(Appearance::over(m_lineTint, base).name()));
    const int scrolled = m_preview->verticalScrollBar()->value();
    m_preview->setHtml(MarkdownHtml::render(m_editor->toPlainText(), marked, QStringLiteral("differs")));
    m_preview->verticalScrollBar()->setValue(scrolled);
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
    m_editor->setWordWrap(wrap);
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
    return m_editor->isHighlighted();
}

void RecordPane::goToLine(int line)
{
    if (line < 1 || line > m_editor->lineCount())
        return;
    m_editor->setCursorPosition({line - 1, 0});
    m_editor->centerOnLine(line - 1);
}

int RecordPane::currentLine() const
{
    return m_editor->cursorPosition().line + 1;
}

void RecordPane::setDiffMarks(const QList<LineMark> &marks, const QColor &lineTint, const QColor &wordTint)
{
    m_marks = marks;
    m_lineTint = lineTint;
    m_editor->setLineMarks(marks, lineTint, wordTint);
    if (isPreview())
        renderPreview();
}

} // namespace Countersign
