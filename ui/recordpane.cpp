#include "recordpane.h"

#include "canonicalcontent.h"
#include "highlighting.h"

#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <QFileInfo>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QVBoxLayout>

namespace Countersign {

RecordPane::RecordPane(const QString &side, QWidget *parent)
    : QWidget(parent)
    , m_caption(new QLabel(this))
    , m_editor(new QPlainTextEdit(this))
    , m_highlighter(new KSyntaxHighlighting::SyntaxHighlighter(m_editor->document()))
    , m_side(side)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_caption);
    layout->addWidget(m_editor);

    m_caption->setTextFormat(Qt::PlainText);
    m_caption->setText(tr("%1: no record open").arg(m_side));
    m_caption->setContentsMargins(6, 4, 6, 4);
    // A long file name must not widen its pane: the caption takes the width it is given.
    m_caption->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_caption->setWordWrap(true);
    m_editor->setReadOnly(true);
    m_editor->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setAccessibleName(tr("%1 record").arg(m_side));

    const KSyntaxHighlighting::Theme theme = Highlighting::themeFor(m_editor->palette());
    m_highlighter->setTheme(theme);
    m_highlighter->setDefinition(Highlighting::markdown());
    QPalette palette = m_editor->palette();
    palette.setColor(
        QPalette::Base, QColor::fromRgba(theme.editorColor(KSyntaxHighlighting::Theme::BackgroundColor)));
    palette.setColor(QPalette::Text, QColor::fromRgba(theme.textColor(KSyntaxHighlighting::Theme::Normal)));
    m_editor->setPalette(palette);
}

void RecordPane::showDocument(const Document &doc)
{
    m_caption->setText(
        tr("%1: %2 — %3, %4 side, %5 lines, digest %6")
            .arg(m_side, QFileInfo(doc.fileName).fileName(), kindName(doc.kind), sideName(doc.side))
            .arg(doc.source.lineCount())
            .arg(CanonicalContent::digest(doc.source.text()).left(12)));
    m_editor->setPlainText(doc.source.text());
    m_marks.clear();
}

void RecordPane::showError(const QString &message)
{
    m_caption->setText(tr("%1: %2").arg(m_side, message));
    m_editor->clear();
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
