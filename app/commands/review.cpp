// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// countersign review RECORD [--json]: the residual risk review of a record (RiskReview) with the
// decisions of the ledger; with --item N --decision D ..., records a meeting's decision on one item.
#include "base/jsonwriter.h"
#include "commandio.h"
#include "commands.h"
#include "record/canonicalcontent.h"
#include "review/riskreview.h"
#include "signedrecord.h"

#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace Countersign::Commands {

namespace {

// "needs-action, owner Dana Levi, due 2026-03-21: "note" (Ana Ruiz at 2026-03-14T09:30:00.000Z)"
QString describeDecision(const RiskDecisionEntry &entry)
{
    QString out = riskDecisionName(entry.decision);
    if (!entry.owner.isEmpty())
        out += QStringLiteral(", owner %1").arg(entry.owner);
    if (entry.due.isValid())
        out += QStringLiteral(", due %1").arg(entry.dueText());
    if (!entry.note.isEmpty())
        out += QStringLiteral(": \"%1\"").arg(entry.note);
    return out + QStringLiteral(" (%1 at %2)").arg(entry.recordedBy, entry.timeText());
}

QString describeReview(const Document &record, const QList<ReviewedItem> &review)
{
    const QString digest = CanonicalContent::digest(record.source.text());
    if (review.isEmpty()) {
        return QStringLiteral("%1: nothing to review: the record lists no residual risks, and the checkpoint "
                              "packets its decision inputs name no open items.\n")
            .arg(record.fileName);
    }
    QString out = QStringLiteral("%1: residual risk review (content digest %2)\n")
                      .arg(record.fileName, digest.left(12));
    for (qsizetype i = 0; i < review.size(); ++i) {
        const ReviewedItem &reviewed = review.at(i);
        const ReviewItem &item = reviewed.item;
        out += QStringLiteral("%1. %2\n").arg(i + 1, 3).arg(item.text);
        out += QStringLiteral("     %1, line %2%3\n")
                   .arg(item.source == ReviewItem::Source::ResidualRisk
                           ? QStringLiteral("residual risk")
                           : QStringLiteral("open item of %1").arg(QFileInfo(item.origin).fileName()))
                   .arg(item.line)
                   .arg(item.carriedOver ? QStringLiteral("; carried over from the previous record")
                                         : QString());
        if (!reviewed.latest) {
            out += QStringLiteral("     open\n");
            continue;
        }
        out += QStringLiteral("     %1\n").arg(describeDecision(*reviewed.latest));
        if (reviewed.decidedOnEarlierVersion) {
            out += QStringLiteral("     decided on an earlier version of the record (content digest %1)\n")
                       .arg(reviewed.latest->recordDigest.left(12));
        }
    }
    return out + RiskReview::summaryText(review) + u'\n';
}

QByteArray reviewJson(const Document &record, const QList<ReviewedItem> &review)
{
    QByteArray out;
    JsonWriter json(&out, JsonWriter::Style::Compact);
    json.beginObject();
    json.field(u"schema", 1);
    json.field(u"file", record.fileName);
    json.field(u"digest", CanonicalContent::digest(record.source.text()));
    json.key(u"items");
    json.beginArray();
    for (qsizetype i = 0; i < review.size(); ++i) {
        const ReviewedItem &reviewed = review.at(i);
        json.beginObject();
        json.field(u"number", qint64(i + 1));
        json.field(u"key", reviewed.item.key);
        json.field(u"source", reviewSourceName(reviewed.item.source));
        json.field(u"text", reviewed.item.text);
        json.field(u"origin", reviewed.item.origin);
        json.field(u"line", reviewed.item.line);
        json.field(u"carriedOver", reviewed.item.carriedOver);
        json.key(u"decision");
        if (!reviewed.latest) {
            json.null();
        } else {
            const RiskDecisionEntry &entry = *reviewed.latest;
            json.beginObject();
            json.field(u"decision", riskDecisionName(entry.decision));
            json.field(u"owner", entry.owner);
            json.field(u"due", entry.dueText());
            json.field(u"note", entry.note);
            json.field(u"recordedBy", entry.recordedBy);
            json.field(u"time", entry.timeText());
            json.field(u"digest", entry.recordDigest);
            json.field(u"earlierVersion", reviewed.decidedOnEarlierVersion);
            json.field(u"entry", entry.id);
            json.endObject();
        }
        json.endObject();
    }
    json.endArray();
    const RiskSummary summary = RiskReview::summarize(review);
    json.key(u"summary");
    json.beginObject();
    json.field(u"total", summary.total());
    json.field(u"accepted", summary.accepted);
    json.field(u"mitigated", summary.mitigated);
    json.field(u"needsAction", summary.needsAction);
    json.field(u"open", summary.open);
    json.field(u"carriedOver", summary.carriedOver);
    json.endObject();
    json.endObject();
    out += '\n';
    return out;
}

// What `review RECORD --item N --decision D ...` asks to record, checked before anything is read.
struct DecisionRequest
{
    int item = 0; // 1-based, as `review RECORD` numbers the items
    RiskDecision decision = RiskDecision::Accepted;
    QDate due;
};

// Reports bad usage itself and returns nothing then.
std::optional<DecisionRequest> decisionRequest(const CommandOptions &options)
{
    const auto bad = [](const QString &message) -> std::optional<DecisionRequest> {
        usageError(QStringLiteral("review: ") + message);
        return std::nullopt;
    };
    if (options.isSet(QStringLiteral("json")))
        return bad(QStringLiteral("--json lists the review; it does not go with --item"));
    for (const QString &required :
        {QStringLiteral("item"), QStringLiteral("decision"), QStringLiteral("by")}) {
        if (options.value(required).trimmed().isEmpty())
            return bad(QStringLiteral("recording a decision needs --%1").arg(required));
    }
    DecisionRequest request;
    bool isNumber = false;
    request.item = options.value(QStringLiteral("item")).trimmed().toInt(&isNumber);
    if (!isNumber || request.item < 1) {
        return bad(QStringLiteral(
            "--item takes an item's number as 'countersign review RECORD' lists them, not '%1'")
                .arg(options.value(QStringLiteral("item"))));
    }
    const std::optional<RiskDecision> decision =
        riskDecisionFromName(options.value(QStringLiteral("decision")).trimmed());
    if (!decision) {
        return bad(QStringLiteral("--decision takes accepted, mitigated or needs-action, not '%1'")
                .arg(options.value(QStringLiteral("decision"))));
    }
    request.decision = *decision;
    if (options.isSet(QStringLiteral("due"))) {
        static const QRegularExpression isoDate(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
        const QString text = options.value(QStringLiteral("due")).trimmed();
        request.due = QDate::fromString(text, Qt::ISODate);
        if (!isoDate.match(text).hasMatch() || !request.due.isValid())
            return bad(QStringLiteral("--due takes a date as YYYY-MM-DD, not '%1'").arg(text));
    }
    return request;
}

// The review of a loaded record: its items (RiskReview::load, whose warnings go to stderr) with the
// decisions of the ledger that stand for them.
Result<QList<ReviewedItem>> reviewOf(const SignedRecord &loaded)
{
    QStringList warnings;
    Result<QList<ReviewedItem>> review = RiskReview::reviewed(loaded.record, *loaded.ledger, &warnings);
    writeWarnings(warnings);
    return review;
}

} // namespace

int review(const QStringList &arguments)
{
    // The options that record a decision rather than list the review.
    const QStringList deciding{QStringLiteral("item"), QStringLiteral("decision"), QStringLiteral("owner"),
        QStringLiteral("due"), QStringLiteral("note"), QStringLiteral("by")};
    QList<CommandOptions::Option> spellings{SignedRecord::ledgerOption(), CommandOptions::flag(u"json")};
    for (const QString &name : deciding)
        spellings.append(CommandOptions::valued(name, name.toUpper()));
    CommandOptions options(QStringLiteral("review"), spellings, CommandOptions::Reading::OneRecord);
    if (const std::optional<QString> problem = options.parse(arguments))
        return usageError(*problem);
    if (options.operands().size() != 1)
        return usageError(QStringLiteral("review takes exactly one RECORD"));
    const bool recording = std::any_of(deciding.cbegin(), deciding.cend(),
        [&options](const QString &option) { return options.isSet(option); });
    std::optional<DecisionRequest> request;
    if (recording && !(request = decisionRequest(options)))
        return Trouble;

    const Result<SignedRecord> loaded = SignedRecord::load(
        options.operands().first(), options, recording ? SignedRecord::Use::Write : SignedRecord::Use::Read);
    if (!loaded)
        return loadError(loaded.error());
    const Document &record = loaded->record;
    const Result<QList<ReviewedItem>> items = reviewOf(*loaded);
    if (!items)
        return loadError(items.error());
    if (!recording) {
        writeOut(options.isSet(QStringLiteral("json")) ? reviewJson(record, items.value())
                                                       : describeReview(record, items.value()).toUtf8());
        return Clean;
    }

    const auto refuse = [&record](const QString &why) {
        writeErr(QStringLiteral("countersign: %1: refused: %2\n").arg(record.fileName, why));
        return Findings;
    };
    const int number = request->item;
    if (number > items->size()) {
        return refuse(items->isEmpty()
                ? QStringLiteral("the record has nothing to review, so there is no item %1").arg(number)
                : QStringLiteral(
                      "the record has %1 items to review, so there is no item %2 ('countersign review "
                      "RECORD' lists them)")
                      .arg(items->size())
                      .arg(number));
    }
    const ReviewItem &item = items->at(number - 1).item;
    const RiskDecisionEntry entry = RiskDecisionEntry::now(record, item.key, item.text, request->decision,
        options.value(QStringLiteral("owner")), request->due, options.value(QStringLiteral("note")),
        options.value(QStringLiteral("by")));
    if (const std::optional<Error> refused = RiskReview::check(entry)) {
        return refuse(refused->message +
            (entry.decision == RiskDecision::NeedsAction && (entry.owner.isEmpty() || !entry.due.isValid())
                    ? QStringLiteral(" (give --owner NAME and --due YYYY-MM-DD)")
                    : QString()));
    }
    const Result<RiskDecisionEntry> stored = loaded->ledger->appendRiskDecision(entry);
    if (!stored)
        return loadError(stored.error());
    writeOut(QStringLiteral("%1: item %2 \"%3\": %4; ledger risk decision %5, content digest %6\n")
            .arg(record.fileName)
            .arg(number)
            .arg(item.text, describeDecision(stored.value()))
            .arg(stored->id)
            .arg(stored->recordDigest.left(12)));
    return Clean;
}

} // namespace Countersign::Commands
