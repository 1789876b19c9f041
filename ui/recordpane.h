#pragma once

#include "document.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace KSyntaxHighlighting {
class SyntaxHighlighter;
}

namespace Countersign {

// One side of the window: a caption naming the file and what it is, and the record's text with
// Markdown highlighting. It shows a Document it is given; it owns no domain data beyond that copy.
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

private:
    QLabel *m_caption;
    QPlainTextEdit *m_editor;
    KSyntaxHighlighting::SyntaxHighlighter *m_highlighter;
    QString m_side;
};

} // namespace Countersign
