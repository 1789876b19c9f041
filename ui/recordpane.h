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

private:
    QLabel *m_caption;
    QPlainTextEdit *m_editor;
    KSyntaxHighlighting::SyntaxHighlighter *m_highlighter;
    QString m_side;
};

} // namespace Countersign
