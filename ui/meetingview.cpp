// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "meetingview.h"

#include "appearance.h"
#include "base/settingskeys.h"
#include "ledger/ledgerconnection.h"
#include "ledger/signoff.h"
#include "record/canonicalcontent.h"
#include "record/recordfacts.h"
#include "risksummarychart.h"
#include "signing/recordidentity.h"

#include <QApplication>
#include <QButtonGroup>
#include <QCompleter>
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
#include <QRegularExpressionValidator>
#include <QScrollBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStyle>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

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

bool isTextField(const QObject *object)
{
    return qobject_cast<const QLineEdit *>(object) || qobject_cast<const QPlainTextEdit *>(object);
}

// The summary's From column: "this record" for its residual risks, else the checkpoint's file name,
// which may wrap after its underscores (a zero-width space after each) so that the column need not be
// as wide as the longest name.
QString fromText(const ReviewItem &item)
{
    if (item.source == ReviewItem::Source::ResidualRisk)
        return MeetingView::tr("this record");
    return QFileInfo(item.origin).fileName().replace(u'_', QStringLiteral("_\u200b"));
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
    const Document &record, const QString &recordPath, LedgerConnection *ledger, QWidget *parent)
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
    scale(m_title, 1.3, true);
    m_meetingTime = new QLabel(this);
    scale(m_meetingTime, 1.3);
    m_meetingTime->setAccessibleName(tr("Meeting time"));
    m_recorderLabel = new QLabel(this);
    m_recorderLabel->setAccessibleName(tr("Recorded by"));
    top->addWidget(m_title, 1);
    top->addWidget(m_recorderLabel);
    top->addSpacing(fontMetrics().height());
    top->addWidget(m_meetingTime);
    layout->addLayout(top);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(createStartPage());
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
    readNow();
    if (!m_items.isEmpty())
        showItem(0);
    // What stands for the whole meeting is shown again on every item.
    if (m_ledger == nullptr || m_ledger->isReadOnly())
        m_standing = m_ledger == nullptr
            ? tr("No sign-off ledger is open: decisions cannot be recorded.")
            : tr("The ledger %1 is read-only: decisions cannot be recorded.").arg(m_ledger->location());
    else if (!m_warnings.isEmpty())
        m_standing = m_warnings.join(u'\n');
    showMessage(m_standing, !m_standing.isEmpty());
    // First the name of who records, asked once.
    m_pages->setCurrentIndex(StartPage);
    m_recordedBy->setFocus();
    m_recordedBy->selectAll();
    resize(fontMetrics().height() * 60, fontMetrics().height() * 36);
}

QWidget *MeetingView::createStartPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch();
    m_startPrompt = new QLabel(tr("Who records the decisions of this meeting?"), page);
    scale(m_startPrompt, 1.6, true);
    layout->addWidget(m_startPrompt);
    m_recordedBy = new QLineEdit(page);
    m_recordedBy->setAccessibleName(tr("Recorded by"));
    m_recordedBy->setPlaceholderText(tr("your name"));
    scale(m_recordedBy, 1.4);
    QSettings settings;
    m_recordedBy->setText(
        settings.value(SettingsKeys::recordedBy, settings.value(SettingsKeys::signer)).toString());
    auto *row = new QHBoxLayout;
    row->addWidget(m_recordedBy, 2);
    auto *startButton = new QPushButton(tr("Start the meeting (Enter)"), page);
    startButton->setAutoDefault(false);
    connect(startButton, &QPushButton::clicked, this, &MeetingView::start);
    row->addWidget(startButton);
    row->addStretch(1);
    layout->addLayout(row);
    auto *hint = new QLabel(tr("Then: 1 accepted, 2 mitigated, 3 needs action; Left/Right move between "
                               "items; S shows the summary."),
        page);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    layout->addStretch(2);
    return page;
}

QWidget *MeetingView::createWalkPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    auto *head = new QHBoxLayout;
    m_position = new QLabel(page);
    scale(m_position, 1.2);
    m_itemTimeLabel = new QLabel(page);
    scale(m_itemTimeLabel, 1.2);
    m_itemTimeLabel->setAccessibleName(tr("Time on this item"));
    head->addWidget(m_position, 1);
    head->addWidget(m_itemTimeLabel);
    layout->addLayout(head);
    m_badges = new QLabel(page);
    scale(m_badges, 1.1, true);
    layout->addWidget(m_badges);

    m_text = new QLabel(page);
    m_text->setWordWrap(true);
    scale(m_text, 2.0);
    m_text->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The focus rests here between decisions: keys are then the meeting's, not a field's.
    m_text->setFocusPolicy(Qt::StrongFocus);
    m_text->setAccessibleName(tr("Item"));
    layout->addWidget(m_text, 1);

    auto *choices = new QHBoxLayout;
    m_decision = new QButtonGroup(page);
    int key = 1;
    for (RiskDecision decision : decisions) {
        auto *button = new QPushButton(tr("%1  %2").arg(key++).arg(riskDecisionLabel(decision)), page);
        button->setCheckable(true);
        button->setFocusPolicy(Qt::TabFocus);
        scale(button, 1.4, true);
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
    scale(m_owner, 1.1);
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
    // A plain field for the date: typed in full, it is taken as typed (a date editor's sections
    // jumped on the dashes).
    m_due = new QLineEdit(page);
    m_due->setAccessibleName(tr("Due"));
    m_due->setPlaceholderText(tr("YYYY-MM-DD"));
    m_due->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("\\d{0,4}(-\\d{0,2}(-\\d{0,2})?)?")), m_due));
    scale(m_due, 1.1);
    m_note = new QPlainTextEdit(page);
    scale(m_note, 1.1);
    m_note->setTabChangesFocus(true);
    m_note->setPlaceholderText(tr("what the meeting said (Ctrl+Enter records)"));
    form->addRow(tr("&Owner:"), m_owner);
    form->addRow(tr("&Due:"), m_due);
    form->addRow(tr("&Note:"), m_note);
    layout->addLayout(form);

    auto *bottom = new QHBoxLayout;
    m_state = new QLabel(page);
    m_state->setWordWrap(true);
    scale(m_state, 1.1);
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
    // The chart above the table, so that the table has the whole width.
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    m_bigChart = new RiskSummaryChart(page);
    scale(m_bigChart, 1.2);
    layout->addWidget(m_bigChart);
    m_table = new QTableWidget(0, 6, page);
    m_table->setHorizontalHeaderLabels(
        {tr("Item"), tr("Decision"), tr("Owner"), tr("Due"), tr("Note"), tr("From")});
    m_table->setAccessibleName(tr("Review items"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(true);
    m_table->setTextElideMode(Qt::ElideNone);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setStretchLastSection(false);
    connect(m_table, &QTableWidget::cellActivated, this, [this](int row, int) { showItem(row); });
    layout->addWidget(m_table, 1);
    return page;
}

void MeetingView::setRecordedBy(const QString &name)
{
    m_recordedBy->setText(name);
    if (!name.trimmed().isEmpty())
        start();
}

QString MeetingView::recordedBy() const
{
    return m_recorder;
}

// The name is confirmed: the walk begins (the summary, when there is nothing to walk).
void MeetingView::start()
{
    const QString name = m_recordedBy->text().simplified();
    if (name.isEmpty()) {
        showMessage(tr("Type the name of who records the decisions (\"Recorded by\") first."), true);
        m_recordedBy->setFocus();
        return;
    }
    m_recorder = name;
    m_recorderLabel->setText(tr("Recorded by %1").arg(name));
    m_started = true;
    if (m_items.isEmpty()) {
        showSummary(true);
        return;
    }
    showItem(std::max(0, m_current));
}

void MeetingView::focusItem()
{
    if (m_started && !isShowingSummary())
        m_text->setFocus(Qt::OtherFocusReason);
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
    QPalette palette;
    if (error)
        palette.setColor(
            QPalette::WindowText, Appearance::statusText(Appearance::Status::Bad, m_message->palette()));
    m_message->setPalette(palette);
}

void MeetingView::reload()
{
    if (!m_ledger) {
        showDecisions(QList<RiskDecisionEntry>());
        return;
    }
    m_ledger->post(
        this,
        [path = RecordIdentity::legacyOf(m_recordPath)](
            LedgerStore &store) { return store.riskDecisions(path); },
        [this](const Result<QList<RiskDecisionEntry>> &stored) { showDecisions(stored); });
}

void MeetingView::readNow()
{
    if (!m_ledger) {
        showDecisions(QList<RiskDecisionEntry>());
        return;
    }
    const std::optional<Result<QList<RiskDecisionEntry>>> stored =
        m_ledger->wait([path = RecordIdentity::legacyOf(m_recordPath)](
                           LedgerStore &store) { return store.riskDecisions(path); });
    if (stored)
        showDecisions(*stored);
    else
        showMessage(LedgerConnection::notAnswering(m_ledger->location()), true);
}

void MeetingView::showDecisions(const Result<QList<RiskDecisionEntry>> &stored)
{
    QList<RiskDecisionEntry> entries;
    if (stored)
        entries = stored.value();
    else
        showMessage(stored.error().toString(), true);
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
            latest ? latest->note : QString(), fromText(reviewed.item)};
        for (int column = 0; column < cells.size(); ++column) {
            auto *cell = new QTableWidgetItem(cells.at(column));
            if (column == 1)
                cell->setForeground(
                    latest ? RiskSummaryChart::color(latest->decision) : RiskSummaryChart::openColor());
            m_table->setItem(row, column, cell);
        }
    }
    fitColumns();
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
    if (m_started)
        showSummary(false);
    showMessage(m_standing, !m_standing.isEmpty());
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
    focusItem();
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
        m_due->setText(
            (latest->due.isValid() ? latest->due : QDate::currentDate().addDays(7)).toString(Qt::ISODate));
        m_note->setPlainText(latest->note);
        m_state->setText(tr("%1 — recorded by %2 at %3 UTC")
                .arg(riskDecisionLabel(latest->decision), latest->recordedBy,
                    latest->time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    } else {
        m_owner->clear();
        m_due->setText(QDate::currentDate().addDays(7).toString(Qt::ISODate));
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
        m_started = false;
        m_pages->setCurrentIndex(StartPage);
        m_recordedBy->setFocus();
        return false;
    }
    const bool needsAction = decision == RiskDecision::NeedsAction;
    const QDate due = QDate::fromString(m_due->text().trimmed(), Qt::ISODate);
    if (needsAction && !due.isValid()) {
        showMessage(tr("Not recorded: the due date must be a date such as 2026-12-21."), true);
        m_due->setFocus();
        return false;
    }
    const RiskDecisionEntry entry = RiskDecisionEntry::now(m_record, m_items.at(m_current).key,
        m_items.at(m_current).text, decision, m_owner->text().trimmed(), needsAction ? due : QDate(),
        m_note->toPlainText().trimmed(), recordedBy());
    if (const std::optional<Error> refused = RiskReview::check(entry)) {
        showMessage(tr("Not recorded: %1").arg(refused->message), true);
        return false;
    }
    const std::optional<Result<RiskDecisionEntry>> stored =
        m_ledger->wait([entry](LedgerStore &store) { return store.appendRiskDecision(entry); },
            LedgerConnection::Kind::Write);
    if (!stored) {
        showMessage(
            tr("Not recorded yet: %1").arg(LedgerConnection::notAnswering(m_ledger->location())), true);
        return false;
    }
    if (!*stored) {
        showMessage(tr("Not recorded: %1").arg(stored->error().toString()), true);
        return false;
    }
    QSettings().setValue(SettingsKeys::recordedBy, recordedBy());
    const int current = m_current;
    readNow();
    fillForm(m_reviewed.at(current));
    showMessage(
        tr("Recorded: item %1 %2.").arg(current + 1).arg(riskDecisionLabel(decision).toLower()), false);
    // Decided: the keys are the meeting's again.
    focusItem();
    Q_EMIT recorded(stored->value());
    return true;
}

void MeetingView::showSummary(bool show)
{
    m_pages->setCurrentIndex(show ? SummaryPage : WalkPage);
    if (show) {
        fitColumns();
        m_table->setFocus();
    } else {
        focusItem();
    }
}

bool MeetingView::isShowingSummary() const
{
    return m_pages->currentIndex() == SummaryPage;
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
    const bool enter = key == Qt::Key_Return || key == Qt::Key_Enter;
    if (!m_started) {
        // Asking who records: Enter confirms the name; Esc closes.
        if (enter) {
            start();
            return true;
        }
        return false;
    }
    if (key == Qt::Key_PageDown || key == Qt::Key_PageUp) {
        showItem(m_current + (key == Qt::Key_PageDown ? 1 : -1));
        return true;
    }
    // Esc in a field leaves it for the item (what was typed stays); outside one it closes.
    if (key == Qt::Key_Escape && inTextField && modifiers == Qt::NoModifier) {
        focusItem();
        return true;
    }
    // In the note, Enter starts a new line; Ctrl+Enter records.
    const bool inNote = qobject_cast<QPlainTextEdit *>(focusWidget()) != nullptr;
    if (enter && (!inNote || modifiers & Qt::ControlModifier) && !isShowingSummary()) {
        if (m_decision->checkedId() >= 0)
            record(RiskDecision(m_decision->checkedId()));
        else
            showMessage(tr("Choose a decision first: 1 accepted, 2 mitigated, 3 needs action."), true);
        return true;
    }
    // Alt+1..3 choose anywhere, the plain digits outside a text field.
    const bool chooseKey = modifiers == Qt::AltModifier || (!inTextField && modifiers == Qt::NoModifier);
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
    if (event->type() == QEvent::Resize && watched == m_table)
        fitColumns();
    return QDialog::eventFilter(watched, event);
}

void MeetingView::keyPressEvent(QKeyEvent *event)
{
    if (handleKey(event, false))
        return;
    QDialog::keyPressEvent(event);
}

void MeetingView::resizeEvent(QResizeEvent *event)
{
    QDialog::resizeEvent(event);
    applyScale();
}

void MeetingView::scale(QWidget *widget, qreal factor, bool bold)
{
    m_scaled.append({widget, factor, bold});
    if (m_base > 0) {
        QFont font = this->font();
        font.setPixelSize(std::max(m_base, int(std::lround(m_base * factor))));
        font.setBold(bold);
        widget->setFont(font);
    }
}

// For a projector: the base text is 1/40 of the window's height (never smaller than the desktop's
// own), every other text a multiple of it; the widgets sized in lines follow.
void MeetingView::applyScale()
{
    const int base = std::max(QFontInfo(QApplication::font()).pixelSize(), int(std::ceil(height() / 40.0)));
    if (base == m_base)
        return;
    m_base = base;
    QFont font = QApplication::font();
    font.setPixelSize(base);
    setFont(font);
    for (const Scaled &scaled : std::as_const(m_scaled)) {
        QFont own = font;
        own.setPixelSize(std::max(base, int(std::lround(base * scaled.factor))));
        own.setBold(scaled.bold);
        scaled.widget->setFont(own);
    }
    const int line = QFontMetrics(font).height();
    for (QAbstractButton *button : m_decision->buttons())
        button->setMinimumHeight(int(line * 2.2));
    m_text->setMinimumHeight(line * 4);
    m_note->setMaximumHeight(QFontMetrics(m_note->font()).height() * 3 + line / 2);
    m_chart->setFixedHeight(line * 7);
    m_bigChart->setFixedHeight(line * 8);
    m_recordedBy->setMaximumWidth(
        QFontMetrics(m_recordedBy->font()).horizontalAdvance(QLatin1Char('x')) * 30);
    fitColumns();
}

// The summary's columns share the table's width so that none is cut: Decision and Due as wide as
// their longest text, the others (which wrap) at least as wide as their longest word; what is left
// widens Item, Owner, From and Note up to their longest text (each to a share of the width at
// most), and the rest goes to Item. Rows are as high as their text.
void MeetingView::fitColumns()
{
    const QFontMetrics metrics(m_table->font());
    const QFontMetrics headerMetrics(m_table->horizontalHeader()->font());
    const int padding =
        2 * (m_table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_table) + 1) +
        metrics.averageCharWidth();
    enum Column { Item, Decision, Owner, Due, Note, From };
    static const QRegularExpression breaks(QStringLiteral("[\\s\\x{200b}]+"));
    QList<int> widths(m_table->columnCount(), 0);
    QList<int> natural(m_table->columnCount(), 0);
    for (int column = 0; column < m_table->columnCount(); ++column) {
        const bool wraps = column != Decision && column != Due;
        int width =
            headerMetrics.horizontalAdvance(m_table->horizontalHeaderItem(column)->text()) + padding * 2;
        int full = width;
        for (int row = 0; row < m_table->rowCount(); ++row) {
            const QString text = m_table->item(row, column)->text();
            full = std::max(full, metrics.horizontalAdvance(text) + padding);
            if (!wraps) {
                width = full;
                continue;
            }
            for (const QString &word : text.split(breaks, Qt::SkipEmptyParts))
                width = std::max(width, metrics.horizontalAdvance(word) + padding);
        }
        widths[column] = width;
        natural[column] = full;
    }
    const int available = m_table->width() - 2 * m_table->frameWidth() -
        m_table->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, m_table) - 2;
    int spare = available;
    for (int width : std::as_const(widths))
        spare -= width;
    // Item first (it is what the room reads), then the short columns, then Item again.
    for (const auto &[column, share] :
        {std::pair{Item, 0.35}, std::pair{Owner, 0.18}, std::pair{From, 0.25}, std::pair{Note, 0.22}}) {
        const int wanted = std::min(natural.at(column), int(available * share)) - widths.at(column);
        const int extra = std::clamp(wanted, 0, std::max(0, spare));
        widths[column] += extra;
        spare -= extra;
    }
    widths[Item] += std::max(0, spare);
    for (int column = 0; column < m_table->columnCount(); ++column)
        m_table->setColumnWidth(column, widths.at(column));
    m_table->resizeRowsToContents();
}
} // namespace Countersign
