#pragma once

#include "document.h"
#include "sidebysidediff.h"

#include <QWidget>

class QColor;
class QLabel;
class QPlainTextEdit;

namespace KSyntaxHighlighting {
class SyntaxHighlighter;
}

namespace Countersign {

// How a line of one pane differs from the other side: tinted as changed, removed (left) or added
// (right), with the differing words marked (ranges in the line's text, as WordDiff gives them).
struct LineMark
{
    int line = 0; // 1-based
    DiffRow::Kind kind = DiffRow::Kind::Changed;
    QList<TextRange> ranges;
    friend bool operator==(const LineMark &, const LineMark &) = default;
};

// One side of the window: a caption naming the file and what it is, and the record's text with
// Markdown highlighting and the diff's marks over it. It shows a Document it is given; it owns no
// domain data beyond that copy.
class RecordPane : public QWidget
{
    Q_OBJECT
public:
    explicit RecordPane(const QString &side, QWidget *parent = nullptr);

    void showDocument(const Document &doc);
    void showError(const QString &message);
    QString text() const;
    QString caption() const;
    bool isHighlighted() const;
    // Puts the cursor on 1-based `line` and scrolls it into the middle of the view; ignored when the
    // line does not exist.
    void goToLine(int line);
    int currentLine() const;
    // Replaces the diff marks (an empty list clears them): the lines tinted with `lineTint`, their
    // differing words with `wordTint`.
    void setDiffMarks(const QList<LineMark> &marks, const QColor &lineTint, const QColor &wordTint);
    const QList<LineMark> &diffMarks() const { return m_marks; }

private:
    QLabel *m_caption;
    QPlainTextEdit *m_editor;
    KSyntaxHighlighting::SyntaxHighlighter *m_highlighter;
    QString m_side;
    QList<LineMark> m_marks;
};

} // namespace Countersign
