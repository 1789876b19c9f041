// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "compare/comparison.h"
#include "record/document.h"
#include "textview.h"

#include <QColor>
#include <QWidget>

class QComboBox;
class QLabel;
class QStackedWidget;
class QTextBrowser;

namespace KSyntaxHighlighting {
class Theme;
} // namespace KSyntaxHighlighting

namespace Countersign {

// One side of the window: a caption naming the file and what it is, and the record's text in a
// TextView, editable (with undo), with Markdown highlighting and the diff's marks over it. Saving
// writes through QSaveFile: an unedited text is written back byte for byte; an edited one keeps the
// byte-order mark and every untouched line's ending. It owns no domain data beyond the text it
// shows.
class RecordPane : public QWidget
{
    Q_OBJECT
public:
    explicit RecordPane(const QString &side, QWidget *parent = nullptr);

    // Shows a file's text; what the record is (kind, digest) follows from the comparison.
    void showSource(const QString &path, const SourceText &source);
    // Shows a drafted text that has no file yet (from a template, or a mirror): modified until it is
    // saved, and saved only to a path given (Save As), which starts at `suggestedPath`.
    void showDraft(const QString &suggestedPath, const QString &text);
    // Trades records with `other` (Swap Panes): the text with its undo history and unsaved edits, the
    // file or draft, what the record was last described as, the cursor and the view; the diff marks
    // are cleared until the next comparison. Nothing is loaded or saved.
    void swapRecords(RecordPane &other);
    // Replaces the text with `text` as one undoable edit that touches only the lines that differ.
    void replaceText(const QString &text);
    void setComparedRecord(const ComparedRecord &record);
    // The record as last parsed (when opened, or by the comparison): empty while it has not been.
    const Document &document() const { return m_document; }
    // Parses and lints the text as it is now when it is of usual size (a record alone in the window
    // is not compared, so nothing else would); false for a large one.
    bool describeNow();
    // What the linter said of the record at its last comparison (underlined in the editor).
    const QList<LintFinding> &lintFindings() const { return m_lint; }
    void showError(const QString &message);
    QString text() const;
    QString filePath() const { return m_path; } // empty for a draft
    // A file, or a draft, is shown.
    bool hasDocument() const { return !m_path.isEmpty() || m_isDraft; }
    bool isDraft() const { return m_isDraft; }
    // The file's path, or where a draft would be saved; what the comparison names the record.
    QString documentPath() const { return m_isDraft ? m_draftPath : m_path; }
    QString displayName() const;

    // Editing and saving. A draft is modified until it is saved.
    bool isModified() const;
    // The text as it would be saved, and as the comparison sees it.
    QByteArray currentBytes() const;
    SourceText currentSource() const;
    // A snapshot of the text, cheap to take, to be assembled on another thread.
    const TextBuffer &buffer() const { return m_editor->buffer(); }
    // Writes currentBytes() to `path` (the open file when empty; a draft needs one) atomically.
    // Returns the error text, empty on success; on success the pane shows `path`, unmodified.
    QString save(const QString &path = {});
    // The SHA-256 of the bytes the last save() wrote (empty before the first): the file holds them
    // until someone else changes it.
    QByteArray savedDigest() const { return m_savedDigest; }
    // Marks the file as changed on disk behind unsaved edits (shown in the caption until saved or
    // reloaded).
    void setChangedOnDisk(bool changed);
    // Puts recovered text (as it would have been saved) in the pane as an unsaved edit.
    void restoreText(const QByteArray &bytes);
    bool isChangedOnDisk() const { return m_changedOnDisk; }
    TextView *editor() const { return m_editor; }

    // The first line in view, and scrolling so that `line` is the first in view (1-based); with a
    // column (0-based), the row of the line that shows it (a long line takes many rows).
    int firstVisibleLine() const;
    void scrollToLine(int line, int column = 0);
    // The column where the first row in view starts (0 but in a long line's later rows).
    int firstVisibleColumn() const;
    void setWordWrap(bool wrap);
    // The sections of the text, listed above it; choosing one goes to its heading.
    void setOutline(const QList<OutlineEntry> &outline);
    QComboBox *outlineBox() const { return m_outline; }
    // Shows the text rendered as GitHub renders it (cmark-gfm), in the highlighting theme's colours
    // and with the blocks of the lines that differ tinted, instead of the editor; or the editor again.
    void setPreview(bool preview);
    bool isPreview() const;
    QString previewText() const;
    // The highlighting theme; the editor's colours follow it.
    void setTheme(const KSyntaxHighlighting::Theme &theme);
    QString themeName() const;
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

Q_SIGNALS:
    // The user changed the text (not a load).
    void edited();
    // The view scrolled (by the user or by scrollToLine()).
    void scrolled();
    // A file was dropped on the pane (the window decides whether to open it).
    void fileDropped(const QString &path);
    void modificationChanged(bool modified);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QLabel *m_caption;
    QComboBox *m_outline;
    QStackedWidget *m_stack;
    TextView *m_editor;
    QTextBrowser *m_preview = nullptr;
    void updateCaption();
    void showNoRecord();
    void showLintMarks();
    void renderPreview();
    void fitCaption();
    void showCurrentSection();

    QString m_side;
    QList<LineMark> m_marks;
    QList<OutlineEntry> m_outlineEntries;
    QColor m_lineTint;
    QString m_path;
    QString m_draftPath;
    bool m_isDraft = false;
    QString m_description; // kind, side, lines, digest, as last compared
    Document m_document;
    QList<LintFinding> m_lint;
    bool m_changedOnDisk = false;
    QByteArray m_savedDigest;
};

} // namespace Countersign
