// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "review/riskreview.h"

#include "compare/cutovercheck.h"
#include "ledger/ledgerstore.h"
#include "ledger/signoff.h"
#include "record/canonicalcontent.h"
#include "record/markdownparser.h"
#include "record/recordfacts.h"
#include "signing/recordidentity.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace Countersign {

namespace {

// Texts that say a section is empty rather than name a risk.
bool saysNothing(const QString &normalized)
{
    static const QStringList nothing{QStringLiteral("none"), QStringLiteral("n/a"), QStringLiteral("na"),
        QStringLiteral("nothing"), QStringLiteral("-"), QStringLiteral("—")};
    return normalized.isEmpty() || nothing.contains(normalized);
}

// An item's text as its key reads it: whitespace collapsed, list numbering or a bullet a paragraph
// still carries dropped, trailing punctuation dropped, case folded.
QString normalizedText(QStringView text)
{
    static const QRegularExpression numbering(QStringLiteral("^(?:\\d+[.)]|[-*+])\\s+"));
    QString out = text.toString().simplified();
    out.remove(numbering);
    while (!out.isEmpty() && QStringView(u".,;:!?…").contains(out.back()))
        out.chop(1);
    return out.trimmed().toCaseFolded();
}

QString prefixOf(ReviewItem::Source source)
{
    return source == ReviewItem::Source::ResidualRisk ? QStringLiteral("risk:") : QStringLiteral("open:");
}

bool isMarkdownName(const QString &path)
{
    return path.endsWith(QStringLiteral(".md"), Qt::CaseInsensitive) ||
        path.endsWith(QStringLiteral(".markdown"), Qt::CaseInsensitive);
}

// Where a decision input written as `written` is, seen from the record's folder: next to the record,
// then relative to each folder above it (team repositories write paths from their checkout's root,
// "docs/implementation/X.md", or from the folder holding both checkouts, "Producer/docs/..."), then,
// for an absolute path from another machine, each of its tails from those same folders, then by file
// name in the record's folder. Nothing when no such file exists.
std::optional<QString> resolveInput(const QString &written, const QDir &recordDir)
{
    QString path = written.trimmed();
    path.replace(u'\\', u'/');
    if (path.isEmpty())
        return std::nullopt;
    const auto existing = [](const QString &candidate) -> std::optional<QString> {
        const QFileInfo info(candidate);
        if (info.isFile())
            return RecordIdentity::legacyOf(candidate);
        return std::nullopt;
    };
    QStringList relatives;
    if (QDir::isAbsolutePath(path)) {
        if (std::optional<QString> found = existing(path))
            return found;
        // "/Users/d/Projects/Producer/docs/implementation/X.md": "Producer/docs/implementation/X.md",
        // "docs/implementation/X.md", ...: every tail with at least a folder and the file name.
        const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
        for (qsizetype first = 0; first + 2 <= parts.size(); ++first)
            relatives.append(parts.mid(first).join(u'/'));
    } else {
        relatives.append(path);
    }
    QDir folder = recordDir;
    while (true) {
        for (const QString &relative : std::as_const(relatives)) {
            if (std::optional<QString> found = existing(folder.filePath(relative)))
                return found;
        }
        if (folder.isRoot() || !folder.cdUp())
            break;
    }
    return existing(recordDir.filePath(QFileInfo(path).fileName()));
}

// The markdown files a record's Decision Inputs name, as found (canonical paths, once each, the
// record itself left out), and the ones not found as written.
struct ResolvedInputs
{
    QStringList found;
    QStringList missing;
};

ResolvedInputs resolveInputs(const Document &record, const QString &recordPath)
{
    ResolvedInputs out;
    const QFileInfo recordInfo(recordPath.isEmpty() ? record.fileName : recordPath);
    const QDir recordDir = recordInfo.absoluteDir();
    const QString self = RecordIdentity::legacyOf(recordInfo.filePath());
    for (const DecisionInput &input : RecordFacts::extract(record).decisionInputs) {
        for (const QString &path : input.paths) {
            if (!isMarkdownName(path.trimmed()))
                continue; // "pending", a URL's text, a folder: not a document to read
            const std::optional<QString> found = resolveInput(path, recordDir);
            if (!found)
                out.missing.append(path.trimmed());
            else if (*found != self && !out.found.contains(*found))
                out.found.append(*found);
        }
    }
    return out;
}

// The file name's date, if it has one ("_2026-03-14").
QString dateInName(const QString &path)
{
    static const QRegularExpression inName(QStringLiteral("[_-](\\d{4}-\\d{2}-\\d{2})(?!\\d)"));
    const QRegularExpressionMatch match = inName.match(QFileInfo(path).fileName());
    return match.hasMatch() ? match.captured(1) : QString();
}

std::optional<Document> previousRecord(const Document &record, const QString &recordPath)
{
    const QString date = CutoverCheck::cutoverDate(record);
    if (date == u"undated")
        return std::nullopt;
    // Only a candidate by name, kind and date is read whole, the latest first.
    for (const QString &path : RiskReview::previousRecordCandidates(record, recordPath)) {
        Result<Document> candidate = MarkdownParser::parseFile(path);
        if (!candidate || candidate->kind != record.kind || candidate->side != record.side)
            continue;
        const QString candidateDate = CutoverCheck::cutoverDate(candidate.value());
        if (candidateDate != u"undated" && candidateDate < date)
            return std::move(candidate).value();
    }
    return std::nullopt;
}

} // namespace

QString reviewSourceName(ReviewItem::Source source)
{
    return source == ReviewItem::Source::ResidualRisk ? QStringLiteral("residual-risk")
                                                      : QStringLiteral("open-item");
}

QString RiskReview::keyOf(ReviewItem::Source source, QStringView text)
{
    return prefixOf(source) + normalizedText(text);
}

QStringList RiskReview::checkpointPaths(const Document &record, const QString &recordPath)
{
    QStringList out;
    for (const QString &path : resolveInputs(record, recordPath).found) {
        const Result<Document> input = MarkdownParser::parseFile(path);
        if (input && input->kind == DocumentKind::CheckpointPacket)
            out.append(path);
    }
    return out;
}

QList<ReviewItem> RiskReview::items(
    const Document &record, const QString &recordPath, const QList<Document> &checkpoints)
{
    QList<ReviewItem> out;
    QHash<QString, int> seen;
    const auto add = [&](ReviewItem::Source source, const QList<FactText> &texts, const QString &origin) {
        for (const FactText &text : texts) {
            const QString normalized = normalizedText(text.text);
            if (saysNothing(normalized))
                continue;
            ReviewItem item;
            item.source = source;
            item.key = prefixOf(source) + normalized;
            // The same text twice (two checkpoints with one open item, say): each is an item of its own.
            if (const int count = ++seen[item.key]; count > 1)
                item.key += QStringLiteral(" #%1").arg(count);
            item.text = text.text.simplified();
            item.origin = origin;
            item.line = text.line;
            out.append(item);
        }
    };
    add(ReviewItem::Source::ResidualRisk, RecordFacts::extract(record).residualRisks,
        RecordIdentity::legacyOf(recordPath.isEmpty() ? record.fileName : recordPath));
    for (const Document &checkpoint : checkpoints) {
        add(ReviewItem::Source::OpenItem, RecordFacts::extract(checkpoint).openItems,
            RecordIdentity::legacyOf(checkpoint.fileName));
    }
    return out;
}

QStringList RiskReview::previousRecordCandidates(const Document &record, const QString &recordPath)
{
    const QString date = CutoverCheck::cutoverDate(record);
    if (date == u"undated")
        return {};
    const QFileInfo recordInfo(recordPath.isEmpty() ? record.fileName : recordPath);
    const QString self = RecordIdentity::legacyOf(recordInfo.filePath());
    const QDir folder = recordInfo.absoluteDir();
    QList<std::pair<QString, QString>> found; // date, path
    for (const QString &name : folder.entryList(
             {QStringLiteral("*.md"), QStringLiteral("*.MD")}, QDir::Files | QDir::Readable, QDir::Name)) {
        const QString path = folder.filePath(name);
        if (RecordIdentity::legacyOf(path) == self)
            continue;
        // A name dated this cutover or later rules a file out unread; the kind (its title first,
        // as DocumentClassifier decides) and the date of any other are in its head.
        if (const QString named = dateInName(path); !named.isEmpty() && named >= date)
            continue;
        const Result<Document> head = MarkdownParser::parseFileHead(path, headBytes);
        if (!head || head->kind != record.kind)
            continue;
        const QString candidateDate = CutoverCheck::cutoverDate(head.value());
        if (candidateDate == u"undated" || candidateDate >= date)
            continue;
        found.append({candidateDate, path});
    }
    // Latest first; of one date, the last by name (as a listing shows them).
    std::sort(found.begin(), found.end(), [](const auto &a, const auto &b) { return a > b; });
    QStringList out;
    for (const auto &[when, path] : std::as_const(found))
        out.append(path);
    return out;
}

std::optional<QString> RiskReview::previousRecordPath(const Document &record, const QString &recordPath)
{
    if (const std::optional<Document> previous = previousRecord(record, recordPath))
        return RecordIdentity::legacyOf(previous->fileName);
    return std::nullopt;
}

void RiskReview::markCarriedOver(QList<ReviewItem> &items, const Document &previous)
{
    // A risk that became an open item, or the other way round, was still there last time.
    const RecordFacts facts = RecordFacts::extract(previous);
    QSet<QString> listed;
    for (const QList<FactText> *texts : {&facts.residualRisks, &facts.openItems}) {
        for (const FactText &text : *texts)
            listed.insert(normalizedText(text.text));
    }
    for (ReviewItem &item : items)
        item.carriedOver = listed.contains(normalizedText(item.text));
}

QList<ReviewItem> RiskReview::load(const Document &record, const QString &recordPath, QStringList *warnings)
{
    const auto warn = [warnings](const QString &text) {
        if (warnings)
            warnings->append(text);
    };
    const QString path = recordPath.isEmpty() ? record.fileName : recordPath;
    const ResolvedInputs inputs = resolveInputs(record, path);
    for (const QString &missing : inputs.missing) {
        warn(QStringLiteral("%1: the decision input %2 was found neither next to the record nor in a "
                            "folder above it; its open items are not in the review")
                .arg(path, missing));
    }
    QList<Document> checkpoints;
    for (const QString &input : inputs.found) {
        Result<Document> loaded = MarkdownParser::parseFile(input);
        if (!loaded)
            warn(QStringLiteral("%1; its open items are not in the review").arg(loaded.error().toString()));
        else if (loaded->kind == DocumentKind::CheckpointPacket)
            checkpoints.append(std::move(loaded).value());
    }
    QList<ReviewItem> out = items(record, path, checkpoints);
    if (const std::optional<Document> previous = previousRecord(record, path))
        markCarriedOver(out, *previous);
    return out;
}

QList<ReviewedItem> RiskReview::evaluate(
    const QList<ReviewItem> &items, const QList<RiskDecisionEntry> &entries, const QString &digest)
{
    QHash<QString, const RiskDecisionEntry *> latest;
    for (const RiskDecisionEntry &entry : entries)
        latest.insert(entry.itemKey, &entry); // entries are in ledger order: the last one stands
    QList<ReviewedItem> out;
    out.reserve(items.size());
    for (const ReviewItem &item : items) {
        ReviewedItem reviewed{item, std::nullopt, false};
        if (const RiskDecisionEntry *entry = latest.value(item.key)) {
            reviewed.latest = *entry;
            reviewed.decidedOnEarlierVersion = entry->recordDigest != digest;
        }
        out.append(reviewed);
    }
    return out;
}

Result<QList<ReviewedItem>> RiskReview::reviewed(
    const Document &record, const LedgerStore &ledger, QStringList *warnings)
{
    const QList<ReviewItem> items = load(record, record.fileName, warnings);
    const Result<QList<RiskDecisionEntry>> decisions =
        ledger.riskDecisions(RecordIdentity::legacyOf(record.fileName));
    if (!decisions)
        return decisions.error();
    return evaluate(items, decisions.value(), CanonicalContent::digest(record.source.text()));
}

RiskSummary RiskReview::summarize(const QList<ReviewedItem> &reviewed)
{
    RiskSummary summary;
    for (const ReviewedItem &item : reviewed) {
        summary.carriedOver += item.item.carriedOver ? 1 : 0;
        if (!item.latest) {
            ++summary.open;
            continue;
        }
        switch (item.latest->decision) {
        case RiskDecision::Accepted:
            ++summary.accepted;
            break;
        case RiskDecision::Mitigated:
            ++summary.mitigated;
            break;
        case RiskDecision::NeedsAction:
            ++summary.needsAction;
            break;
        }
    }
    return summary;
}

namespace {

QString countOf(int count, const QString &what)
{
    return QStringLiteral("%1 %2").arg(count).arg(what);
}

} // namespace

QString RiskReview::summaryText(const QList<ReviewedItem> &reviewed)
{
    const RiskSummary summary = summarize(reviewed);
    QString out = QStringLiteral("%1: %2, %3, %4, %5")
                      .arg(summary.total() == 1 ? QStringLiteral("1 item")
                                                : countOf(summary.total(), QStringLiteral("items")),
                          countOf(summary.accepted, QStringLiteral("accepted")),
                          countOf(summary.mitigated, QStringLiteral("mitigated")),
                          countOf(summary.needsAction, QStringLiteral("needs action")),
                          countOf(summary.open, QStringLiteral("open")));
    if (summary.carriedOver > 0)
        out += QStringLiteral("; %1 carried over from the previous record").arg(summary.carriedOver);
    const auto earlier = std::count_if(reviewed.cbegin(), reviewed.cend(),
        [](const ReviewedItem &item) { return item.decidedOnEarlierVersion; });
    if (earlier > 0)
        out += QStringLiteral("; %1 decided on an earlier version of the record").arg(earlier);
    return out + u'.';
}

std::optional<Error> RiskReview::check(const RiskDecisionEntry &entry)
{
    const auto refuse = [&entry](const QString &why) {
        return Error{Error::Code::Refused, why, entry.recordPath};
    };
    if (entry.itemKey.trimmed().isEmpty())
        return refuse(QStringLiteral("a decision needs the item it is about"));
    if (entry.recordedBy.simplified().isEmpty())
        return refuse(QStringLiteral("a decision needs the name of the person recording it"));
    if (entry.decision == RiskDecision::NeedsAction) {
        QStringList missing;
        if (entry.owner.simplified().isEmpty())
            missing.append(QStringLiteral("an owner"));
        if (!entry.due.isValid())
            missing.append(QStringLiteral("a due date"));
        if (!missing.isEmpty()) {
            return refuse(QStringLiteral("needs-action needs %1: who will act on \"%2\", and by when")
                    .arg(missing.join(QStringLiteral(" and ")), entry.itemText));
        }
    }
    return std::nullopt;
}

} // namespace Countersign
