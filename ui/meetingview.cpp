// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "meetingview.h"

#include "base/settingskeys.h"
#include "ledger/ledgerstore.h"
#include "ledger/signoff.h"
#include "record/canonicalcontent.h"
#include "record/recordfacts.h"
#include "risksummarychart.h"

#include <QButtonGroup>
#include <QCompleter>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace Countersign {

namespace {

constexpr RiskDecision decisions[] = {
    RiskDecision::Accepted, RiskDecision::Mitigated, RiskDecision::NeedsAction};

QString clockText(qint64 milliseconds)
{
    const qint64 seconds = milliseconds / 1000;
    if (seconds >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(seconds / 3600)
            .arg(seconds / 60 % 60, 2, 10, QLatin1Char('0'))
            .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2")
        .arg(seconds / 60, 2, 10, QLatin1Char('0'))
        .arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

QFont scaled(const QFont &base, qreal factor, bool bold = false)
{
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() * factor);
    font.setBold(bold);
    return font;
}

bool isTextField(const QObject *object)
{
    return qobject_cast<const QLineEdit *>(object) || qobject_cast<const QPlainTextEdit *>(object) ||
        qobject_cast<const QDateEdit *>(object);
}

QString sourceText(const ReviewItem &item)
{
    const QString file = QFileInfo(item.origin).fileName();
    return item.source == ReviewItem::Source::ResidualRisk
        ? MeetingView::tr("Residual risk, line %1 of %2").arg(item.line).arg(file)
        : MeetingView::tr("Open item of checkpoint %2, line %1").arg(item.line).arg(file);
}

} // namespace

MeetingView::MeetingView(
    const Document &record, const QString &recordPath, LedgerStore *ledger, QWidget *parent)
    : QDialog(parent)
    , m_record(record)
    , m_recordPath(recordPath)
    , m_digest(CanonicalContent::digest(record.source.text()))
    , m_ledger(ledger)
    , m_tick(new QTimer(this))
{
    setWindowTitle(tr("Residual Risk Review — %1").arg(QFileInfo(recordPath).fileName()));
    m_items = RiskReview::load(record, recordPath, &m_warnings);

    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_title = new QLabel(record.title.isEmpty() ? QFileInfo(recordPath).fileName() : record.title, this);
    m_title->setFont(scaled(font(), 1.4, true));
    m_meetingTime = new QLabel(this);
    m_meetingTime->setFont(scaled(font(), 1.4));
    m_meetingTime->setAccessibleName(tr("Meeting time"));
    top->addWidget(m_title, 1);
    top->addWidget(new QLabel(tr("Recorded by"), this));
    m_recordedBy = new QLineEdit(this);
    m_recordedBy->setAccessibleName(tr("Recorded by"));
    m_recordedBy->setPlaceholderText(tr("your name"));
    m_recordedBy->setMaximumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 28);
    QSettings settings;
    m_recordedBy->setText(
        settings.value(SettingsKeys::recordedBy, settings.value(SettingsKeys::signer)).toString());
    top->addWidget(m_recordedBy);
    top->addSpacing(fontMetrics().height());
    top->addWidget(m_meetingTime);
    layout->addLayout(top);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(createWalkPage());
    m_pages->addWidget(createSummaryPage());
    layout->addWidget(m_pages, 1);

    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setAccessibleName(tr("Message"));
    layout->addWidget(m_message);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *previous = buttons->addButton(tr("◀ Previous"), QDialogButtonBox::ActionRole);
    QPushButton *next = buttons->addButton(tr("Next ▶"), QDialogButtonBox::ActionRole);
    QPushButton *summaryButton = buttons->addButton(tr("Summary (S)"), QDialogButtonBox::ActionRole);
    QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
    for (QPushButton *button : {previous, next, summaryButton, close})
        button->setAutoDefault(false);
    connect(previous, &QPushButton::clicked, this, [this] { showItem(m_current - 1); });
    connect(next, &QPushButton::clicked, this, [this] { showItem(m_current + 1); });
    connect(summaryButton, &QPushButton::clicked, this, [this] { showSummary(!isShowingSummary()); });
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    layout->addWidget(buttons);

    // Every key reaches handleKey() first, whichever child has the focus.
    for (QWidget *child : findChildren<QWidget *>())
        child->installEventFilter(this);

    connect(m_tick, &QTimer::timeout, this, &MeetingView::updateClocks);
    m_tick->start(1000);
    m_meetingClock.start();
    reload();
    if (m_items.isEmpty())
        showSummary(true);
    else
        showItem(0);
    if (m_ledger == nullptr || m_ledger->isReadOnly()) {
        showMessage(m_ledger == nullptr
                ? tr("No sign-off ledger is open: decisions cannot be recorded.")
                : tr("The ledger %1 is read-only: decisions cannot be recorded.").arg(m_ledger->location()),
            true);
    } else if (!m_warnings.isEmpty()) {
        showMessage(m_warnings.join(u'\n'), true);
    }
    resize(fontMetrics().height() * 60, fontMetrics().height() * 36);
}

QWidget *MeetingView::createWalkPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    auto *head = new QHBoxLayout;
    m_position = new QLabel(page);
    m_position->setFont(scaled(font(), 1.2));
    m_itemTimeLabel = new QLabel(page);
    m_itemTimeLabel->setFont(scaled(font(), 1.2));
    m_itemTimeLabel->setAccessibleName(tr("Time on this item"));
    head->addWidget(m_position, 1);
    head->addWidget(m_itemTimeLabel);
    layout->addLayout(head);
    m_badges = new QLabel(page);
    m_badges->setFont(scaled(font(), 1.1, true));
    layout->addWidget(m_badges);

    m_text = new QLabel(page);
    m_text->setWordWrap(true);
    m_text->setFont(scaled(font(), 2.2));
    m_text->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_text->setMinimumHeight(fontMetrics().height() * 8);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setAccessibleName(tr("Item"));
    layout->addWidget(m_text, 1);

    auto *choices = new QHBoxLayout;
    m_decision = new QButtonGroup(page);
    int key = 1;
    for (RiskDecision decision : decisions) {
        auto *button = new QPushButton(tr("%1  %2").arg(key++).arg(riskDecisionLabel(decision)), page);
        button->setCheckable(true);
        button->setFocusPolicy(Qt::TabFocus);
        button->setFont(scaled(font(), 1.5, true));
        button->setMinimumHeight(fontMetrics().height() * 3);
        const QColor color = RiskSummaryChart::color(decision);
        button->setStyleSheet(QStringLiteral("QPushButton:checked { background-color: %1; color: white; "
                                             "border: 1px solid %2; border-radius: 4px; }")
                .arg(color.name(), color.darker(130).name()));
        m_decision->addButton(button, int(decision));
        choices->addWidget(button);
    }
    connect(m_decision, &QButtonGroup::idClicked, this, [this](int id) { chooseDecision(RiskDecision(id)); });
    layout->addLayout(choices);

    auto *form = new QFormLayout;
    m_owner = new QLineEdit(page);
    m_owner->setFont(scaled(font(), 1.2));
    m_owner->setPlaceholderText(tr("who acts on it (required for needs action)"));
    const RecordFacts facts = RecordFacts::extract(m_record);
    QStringList holders;
    for (const FactField &role : facts.roles)
        holders.append(role.value);
    holders.removeDuplicates();
    auto *completer = new QCompleter(holders, m_owner);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_owner->setCompleter(completer);
    m_due = new QDateEdit(QDate::currentDate().addDays(7), page);
    m_due->setCalendarPopup(true);
    m_due->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_due->setFont(scaled(font(), 1.2));
    m_note = new QPlainTextEdit(page);
    m_note->setFont(scaled(font(), 1.2));
    m_note->setTabChangesFocus(true);
    m_note->setPlaceholderText(tr("what the meeting said (Ctrl+Enter records)"));
    m_note->setMaximumHeight(QFontMetrics(m_note->font()).height() * 4);
    form->addRow(tr("&Owner:"), m_owner);
    form->addRow(tr("&Due:"), m_due);
    form->addRow(tr("&Note:"), m_note);
    layout->addLayout(form);

    auto *bottom = new QHBoxLayout;
    m_state = new QLabel(page);
    m_state->setWordWrap(true);
    m_state->setFont(scaled(font(), 1.1));
    m_state->setAccessibleName(tr("Decision recorded"));
    auto *recordButton = new QPushButton(tr("&Record (Enter)"), page);
    recordButton->setAutoDefault(false);
    connect(recordButton, &QPushButton::clicked, this, [this] {
        if (m_decision->checkedId() >= 0)
            record(RiskDecision(m_decision->checkedId()));
        else
            showMessage(tr("Choose a decision first: 1 accepted, 2 mitigated, 3 needs action."), true);
    });
    m_chart = new RiskSummaryChart(page);
    m_chart->setMaximumHeight(fontMetrics().height() * 7);
    auto *status = new QVBoxLayout;
    status->addWidget(m_state);
    status->addWidget(recordButton, 0, Qt::AlignLeft);
    status->addStretch();
    bottom->addLayout(status, 1);
    bottom->addWidget(m_chart);
    layout->addLayout(bottom);
    return page;
}

QWidget *MeetingView::createSummaryPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QHBoxLayout(page);
    m_bigChart = new RiskSummaryChart(page);
    m_bigChart->setFont(scaled(font(), 1.4));
    m_bigChart->setMinimumWidth(fontMetrics().height() * 26);
    layout->addWidget(m_bigChart);
    m_table = new QTableWidget(0, 6, page);
    m_table->setHorizontalHeaderLabels(
        {tr("Item"), tr("Decision"), tr("Owner"), tr("Due"), tr("Note"), tr("From")});
    m_table->setAccessibleName(tr("Review items"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(4, QHeaderView::Stretch);
    connect(m_table, &QTableWidget::cellActivated, this, [this](int row, int) { showItem(row); });
    layout->addWidget(m_table, 1);
    return page;
}

void MeetingView::setRecordedBy(const QString &name)
{
    m_recordedBy->setText(name);
}

QString MeetingView::recordedBy() const
{
    return m_recordedBy->text().trimmed();
}

RiskSummary MeetingView::summary() const
{
    return RiskReview::summarize(m_reviewed);
}

QString MeetingView::message() const
{
    return m_message->text();
}

void MeetingView::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QString());
}

void MeetingView::reload()
{
    QList<RiskDecisionEntry> entries;
    if (m_ledger) {
        const Result<QList<RiskDecisionEntry>> stored =
            m_ledger->riskDecisions(SignOffEntry::identityOf(m_recordPath));
        if (stored)
            entries = stored.value();
        else
            showMessage(stored.error().toString(), true);
    }
    m_reviewed = RiskReview::evaluate(m_items, entries, m_digest);
    updateSummary();
}

void MeetingView::updateSummary()
{
    const RiskSummary counts = summary();
    m_chart->setSummary(counts);
    m_bigChart->setSummary(counts);
    m_table->setRowCount(int(m_reviewed.size()));
    for (int row = 0; row < m_reviewed.size(); ++row) {
        const ReviewedItem &reviewed = m_reviewed.at(row);
        const std::optional<RiskDecisionEntry> &latest = reviewed.latest;
        QString text = reviewed.item.text;
        if (reviewed.item.carriedOver)
            text += tr(" (carried over)");
        const QStringList cells = {text, latest ? riskDecisionLabel(latest->decision) : tr("open"),
            latest ? latest->owner : QString(),
            latest && latest->due.isValid() ? latest->due.toString(Qt::ISODate) : QString(),
            latest ? latest->note : QString(), QFileInfo(reviewed.item.origin).fileName()};
        for (int column = 0; column < cells.size(); ++column) {
            auto *cell = new QTableWidgetItem(cells.at(column));
            if (column == 1)
                cell->setForeground(
                    latest ? RiskSummaryChart::color(latest->decision) : RiskSummaryChart::openColor());
            m_table->setItem(row, column, cell);
        }
    }
    m_table->resizeRowsToContents();
}

void MeetingView::showItem(int index)
{
    if (m_items.isEmpty())
        return;
    index = std::clamp(index, 0, int(m_items.size()) - 1);
    if (m_current >= 0)
        m_itemTime[m_current] += m_itemClock.elapsed();
    m_itemClock.start();
    m_current = index;
    showSummary(false);
    showMessage({}, false);
    const ReviewedItem &reviewed = m_reviewed.at(index);
    m_position->setText(
        tr("Item %1 of %2 · %3").arg(index + 1).arg(m_items.size()).arg(sourceText(reviewed.item)));
    QStringList badges;
    if (reviewed.item.carriedOver)
        badges.append(tr("↻ Carried over from the previous record"));
    if (reviewed.decidedOnEarlierVersion)
        badges.append(tr("Decided on an earlier version of the record"));
    m_badges->setText(badges.join(QStringLiteral("   ·   ")));
    m_badges->setVisible(!badges.isEmpty());
    m_text->setText(reviewed.item.text);
    fillForm(reviewed);
    updateClocks();
}

void MeetingView::fillForm(const ReviewedItem &reviewed)
{
    // Nothing checked until a decision is recorded: an exclusive group cannot uncheck its button.
    m_decision->setExclusive(false);
    for (QAbstractButton *button : m_decision->buttons())
        button->setChecked(reviewed.latest && m_decision->id(button) == int(reviewed.latest->decision));
    m_decision->setExclusive(true);
    if (const std::optional<RiskDecisionEntry> &latest = reviewed.latest) {
        m_owner->setText(latest->owner);
        m_due->setDate(latest->due.isValid() ? latest->due : QDate::currentDate().addDays(7));
        m_note->setPlainText(latest->note);
        m_state->setText(tr("%1 — recorded by %2 at %3 UTC")
                .arg(riskDecisionLabel(latest->decision), latest->recordedBy,
                    latest->time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    } else {
        m_owner->clear();
        m_due->setDate(QDate::currentDate().addDays(7));
        m_note->clear();
        m_state->setText(tr("Not decided yet."));
    }
    m_due->setEnabled(m_decision->checkedId() == int(RiskDecision::NeedsAction));
}

void MeetingView::chooseDecision(RiskDecision decision)
{
    if (QAbstractButton *button = m_decision->button(int(decision)))
        button->setChecked(true);
    m_due->setEnabled(decision == RiskDecision::NeedsAction);
    if (decision == RiskDecision::NeedsAction) {
        // The room names who and by when, then Enter records it.
        showMessage(tr("Needs action: name the owner and the due date, then press Enter."), false);
        m_owner->setFocus();
        m_owner->selectAll();
        return;
    }
    record(decision);
}

bool MeetingView::record(RiskDecision decision)
{
    if (m_current < 0 || m_current >= m_items.size())
        return false;
    if (m_ledger == nullptr || m_ledger->isReadOnly()) {
        showMessage(tr("Not recorded: no writable sign-off ledger is open."), true);
        return false;
    }
    if (recordedBy().isEmpty()) {
        showMessage(tr("Not recorded: type your name in \"Recorded by\" first."), true);
        m_recordedBy->setFocus();
        return false;
    }
    const bool needsAction = decision == RiskDecision::NeedsAction;
    const RiskDecisionEntry entry = RiskDecisionEntry::now(m_record, m_items.at(m_current).key,
        m_items.at(m_current).text, decision, m_owner->text().trimmed(),
        needsAction ? m_due->date() : QDate(), m_note->toPlainText().trimmed(), recordedBy());
    if (const std::optional<Error> refused = RiskReview::check(entry)) {
        showMessage(tr("Not recorded: %1").arg(refused->message), true);
        return false;
    }
    const Result<RiskDecisionEntry> stored = m_ledger->appendRiskDecision(entry);
    if (!stored) {
        showMessage(tr("Not recorded: %1").arg(stored.error().toString()), true);
        return false;
    }
    QSettings().setValue(SettingsKeys::recordedBy, recordedBy());
    const int current = m_current;
    reload();
    fillForm(m_reviewed.at(current));
    showMessage(
        tr("Recorded: item %1 %2.").arg(current + 1).arg(riskDecisionLabel(decision).toLower()), false);
    Q_EMIT recorded(stored.value());
    return true;
}

void MeetingView::showSummary(bool show)
{
    m_pages->setCurrentIndex(show ? 1 : 0);
    if (show)
        m_table->setFocus();
}

bool MeetingView::isShowingSummary() const
{
    return m_pages->currentIndex() == 1;
}

void MeetingView::updateClocks()
{
    m_meetingTime->setText(tr("Meeting %1").arg(clockText(m_meetingClock.elapsed())));
    if (m_current >= 0)
        m_itemTimeLabel->setText(
            tr("This item %1").arg(clockText(m_itemTime.value(m_current) + m_itemClock.elapsed())));
}

bool MeetingView::handleKey(QKeyEvent *event, bool inTextField)
{
    const int key = event->key();
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    if (key == Qt::Key_F11) {
        setWindowState(windowState() ^ Qt::WindowFullScreen);
        return true;
    }
    if (key == Qt::Key_PageDown || key == Qt::Key_PageUp) {
        showItem(m_current + (key == Qt::Key_PageDown ? 1 : -1));
        return true;
    }
    const bool enter = key == Qt::Key_Return || key == Qt::Key_Enter;
    // In the note, Enter starts a new line; Ctrl+Enter records.
    const bool inNote = qobject_cast<QPlainTextEdit *>(focusWidget()) != nullptr;
    if (enter && (!inNote || modifiers & Qt::ControlModifier) && !isShowingSummary()) {
        if (m_decision->checkedId() >= 0)
            record(RiskDecision(m_decision->checkedId()));
        else
            showMessage(tr("Choose a decision first: 1 accepted, 2 mitigated, 3 needs action."), true);
        return true;
    }
    // Alt+1..3 choose in a text field; the plain digits elsewhere.
    const bool chooseKey = inTextField ? modifiers == Qt::AltModifier : modifiers == Qt::NoModifier;
    if (chooseKey && key >= Qt::Key_1 && key <= Qt::Key_3 && !isShowingSummary()) {
        chooseDecision(decisions[key - Qt::Key_1]);
        return true;
    }
    if (inTextField || modifiers != Qt::NoModifier)
        return false;
    switch (key) {
    case Qt::Key_Left:
    case Qt::Key_Right:
        showItem(m_current + (key == Qt::Key_Right ? 1 : -1));
        return true;
    case Qt::Key_S:
        showSummary(!isShowingSummary());
        return true;
    default:
        return false;
    }
}

bool MeetingView::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress && handleKey(static_cast<QKeyEvent *>(event), isTextField(watched)))
        return true;
    return QDialog::eventFilter(watched, event);
}

void MeetingView::keyPressEvent(QKeyEvent *event)
{
    if (handleKey(event, false))
        return;
    QDialog::keyPressEvent(event);
}

} // namespace Countersign
