// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "record/document.h"
#include "review/riskreview.h"

#include <QDialog>
#include <QElapsedTimer>
#include <QHash>

class QAbstractButton;
class QButtonGroup;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QStackedWidget;
class QTableWidget;
class QTimer;

namespace Countersign {

class LedgerConnection;
class RiskSummaryChart;

// The meeting that reviews a record's residual risks (and the open items of its checkpoints), one at
// a time in large type for a shared screen. For each item the room decides accepted, mitigated or
// needs action (with an owner and a due date), and a note is typed. Each decision is appended to
// the ledger the moment it is made, so a crash mid-meeting loses nothing decided.
//
// It starts by asking who records the decisions (the name remembered from the last meeting, Enter
// confirms); then the focus rests on the item. Keys while no text field has the focus: 1, 2, 3
// choose the decision (1 and 2 record it at once; 3 puts the focus in Owner, then Enter records),
// Left/Right move between items, S shows the summary, Esc closes. From inside a field: Alt+1/2/3
// choose, Enter (Ctrl+Enter in the note) records, Esc leaves the field for the item. Anywhere: Page
// Up/Down move between items, F11 fills the screen. After a decision is recorded the focus is on the
// item again. A clock counts the meeting's time and the time spent on each item. Every text scales
// with the window's height (at least 1/40 of it), for a projector.
class MeetingView : public QDialog
{
    Q_OBJECT
public:
    // Reads the record's decisions again (another connection recorded one), in the ledger's thread;
    // where the meeting is stays as it is.
    void reload();
    // `ledger` is not owned; without one (or read-only) the items are shown and nothing is recorded.
    // Opening and recording wait for the ledger (the window painting meanwhile).
    MeetingView(const Document &record, const QString &recordPath, LedgerConnection *ledger,
        QWidget *parent = nullptr);

    // Who records the decisions: setting a name starts the meeting as if it had been confirmed.
    void setRecordedBy(const QString &name);
    QString recordedBy() const;
    bool hasStarted() const { return m_started; }

    int itemCount() const { return int(m_reviewed.size()); }
    int currentIndex() const { return m_current; }
    const QList<ReviewedItem> &reviewed() const { return m_reviewed; }
    RiskSummary summary() const;
    // Files the items could not be read from (a checkpoint that is missing, say).
    const QStringList &warnings() const { return m_warnings; }

    void showItem(int index);
    void showSummary(bool show);
    bool isShowingSummary() const;
    // Records `decision` for the current item with the form's owner, due date and note. False, with
    // the reason shown, when a rule refuses it or the ledger cannot store it.
    bool record(RiskDecision decision);
    QString message() const;

Q_SIGNALS:
    void recorded(const RiskDecisionEntry &entry);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    enum Page { StartPage, WalkPage, SummaryPage };
    QWidget *createStartPage();
    QWidget *createWalkPage();
    QWidget *createSummaryPage();
    void chooseDecision(RiskDecision decision);
    void updateClocks();
    void updateSummary();
    // Reads the decisions and waits for them.
    void readNow();
    // The decisions read (or why not) evaluated and shown.
    void showDecisions(const Result<QList<RiskDecisionEntry>> &stored);
    void fillForm(const ReviewedItem &reviewed);
    bool handleKey(QKeyEvent *event, bool inTextField);
    void showMessage(const QString &text, bool error);
    void start();
    void focusItem();
    // Sets `widget`'s font to `factor` times the base size (bold or not), now and on every resize.
    void scale(QWidget *widget, qreal factor, bool bold = false);
    void applyScale();
    void fitColumns();

    Document m_record;
    QString m_recordPath;
    QString m_digest;
    LedgerConnection *m_ledger;
    QList<ReviewItem> m_items;
    QList<ReviewedItem> m_reviewed;
    QStringList m_warnings;
    int m_current = -1;
    bool m_started = false;
    QString m_recorder;
    QString m_standing; // the ledger's trouble, or checkpoints not read
    struct Scaled
    {
        QWidget *widget;
        qreal factor;
        bool bold;
    };
    QList<Scaled> m_scaled;
    int m_base = 0; // pixel size of the base font

    QElapsedTimer m_meetingClock;
    QElapsedTimer m_itemClock;
    QHash<int, qint64> m_itemTime; // milliseconds spent on each item before the current visit
    QTimer *m_tick;

    QStackedWidget *m_pages;
    QLabel *m_title;
    QLabel *m_meetingTime;
    QLabel *m_position;
    QLabel *m_badges;
    QLabel *m_text;
    QButtonGroup *m_decision;
    QLineEdit *m_owner;
    QLineEdit *m_due;
    QPlainTextEdit *m_note;
    QLabel *m_state;
    QLabel *m_message;
    QLabel *m_itemTimeLabel;
    QLineEdit *m_recordedBy; // on the start page
    QLabel *m_recorderLabel;
    QLabel *m_startPrompt;
    RiskSummaryChart *m_chart;
    RiskSummaryChart *m_bigChart;
    QTableWidget *m_table;
};

} // namespace Countersign
