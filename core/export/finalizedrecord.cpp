// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "export/finalizedrecord.h"

#include "record/canonicalcontent.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFileInfo>
#include <QRegularExpression>

namespace Countersign {

namespace {

constexpr int digestPrefix = 12;
const QString signOffHeading = QStringLiteral("## Sign-off");
const QString footerLead = QStringLiteral("Content digest (SHA-256 of the canonical content): `");
const QString reviewHeading = QStringLiteral("## Residual Risk Review");
const QString reviewFooterLead =
    QStringLiteral("Review digest (SHA-256 of the review's rows and summary): `");
const QString noValue = QStringLiteral("—");
const QString carriedOverMarker = QStringLiteral(" *(carried over)*");
const QString openItemMarkerLead = QStringLiteral(" *(open item: ");
const QString openDecision = QStringLiteral("open");

// Splits a table row at the "|" that are not escaped; the cells stay as written (escaped, as
// escapeCell() writes them).
QStringList cellsOf(QStringView line)
{
    QStringList cells;
    QString cell;
    line = line.trimmed();
    if (line.startsWith(u'|'))
        line = line.mid(1);
    for (qsizetype i = 0; i < line.size(); ++i) {
        if (line[i] == u'\\' && i + 1 < line.size()) {
            cell += line.mid(i, 2);
            ++i;
        } else if (line[i] == u'|') {
            cells.append(cell.trimmed());
            cell.clear();
        } else {
            cell += line[i];
        }
    }
    if (!cell.trimmed().isEmpty())
        cells.append(cell.trimmed());
    return cells;
}

QString orNoValue(const QString &cell)
{
    return cell.isEmpty() ? noValue : cell;
}

QString valueOf(const QString &cell)
{
    return cell == noValue ? QString() : cell;
}

// The review's digest: every row's cells as written, a unit separator between cells, a line a row,
// then the section's other lines of text (its summary), trimmed, a line each. Realigning the table's
// columns leaves it as it is; changing a cell or a word of the summary changes it.
QString reviewDigestOf(const QList<FinalizedRecord::ReviewRow> &rows, const QStringList &otherLines)
{
    QString text;
    for (const FinalizedRecord::ReviewRow &row : rows)
        text += QStringList{row.risk, row.decision, row.owner, row.due, row.note}.join(QChar(0x1f)) + u'\n';
    for (const QString &line : otherLines)
        text += line + u'\n';
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

FinalizedRecord::ReviewRow reviewRowOf(const ReviewedItem &reviewed)
{
    const ReviewItem &item = reviewed.item;
    FinalizedRecord::ReviewRow row;
    row.risk = FinalizedRecord::escapeCell(item.text);
    if (item.source == ReviewItem::Source::OpenItem)
        row.risk += openItemMarkerLead + FinalizedRecord::escapeCell(QFileInfo(item.origin).fileName()) +
            QStringLiteral(")*");
    if (item.carriedOver)
        row.risk += carriedOverMarker;
    if (!reviewed.latest) {
        row.decision = openDecision;
        row.owner = row.due = row.note = noValue;
        return row;
    }
    const RiskDecisionEntry &entry = *reviewed.latest;
    row.decision = riskDecisionName(entry.decision);
    if (reviewed.decidedOnEarlierVersion)
        row.decision += FinalizedRecord::earlierVersionMarker;
    row.owner = orNoValue(FinalizedRecord::escapeCell(entry.owner));
    row.due = orNoValue(entry.dueText());
    row.note = orNoValue(FinalizedRecord::escapeCell(entry.note));
    return row;
}

// The cells of a body row of a table whose header row starts with `header`: nothing for a line that
// is no such row (text, the header, the separator); a row with another number of cells than
// `count` is a problem, named with its line.
std::optional<QStringList> bodyRow(const QString &line, QStringView header, qsizetype count,
    const QString &what, qsizetype index, QStringList &problems)
{
    if (!line.startsWith(u'|') || line.startsWith(u"|---") || line.startsWith(header))
        return std::nullopt;
    QStringList cells = cellsOf(line);
    if (cells.size() != count) {
        problems.append(QStringLiteral("line %1: a %2 row with %3 cells instead of %4")
                .arg(index + 1)
                .arg(what)
                .arg(cells.size())
                .arg(count));
        return std::nullopt;
    }
    return cells;
}

QString rowText(const QStringList &cells)
{
    return QStringLiteral("| %1 |\n").arg(cells.join(QStringLiteral(" | ")));
}

} // namespace

QString FinalizedRecord::reviewRiskText(const QString &riskCell)
{
    QString text = riskCell;
    if (text.endsWith(carriedOverMarker))
        text.chop(carriedOverMarker.size());
    if (const qsizetype lead = text.lastIndexOf(openItemMarkerLead); lead >= 0 && text.endsWith(u")*"))
        text.truncate(lead);
    return text;
}

QString FinalizedRecord::escapeCell(const QString &text)
{
    QString out = text;
    out.replace(u'\\', QStringLiteral("\\\\"));
    out.replace(u'|', QStringLiteral("\\|"));
    out.replace(QRegularExpression(QStringLiteral("[\\r\\n\\t]+")), QStringLiteral(" "));
    return out.trimmed();
}

Result<QByteArray> FinalizedRecord::build(const Document &record, const SignOffStatus &status,
    const QDateTime &exported, bool allowOpen, const QList<ReviewedItem> &review)
{
    const QStringList open = status.openRoles() + status.problems;
    const bool final = status.isFinal();
    if (!final && !allowOpen) {
        return Error{Error::Code::Refused,
            QStringLiteral("is not final, so it was not exported: %1")
                .arg(open.isEmpty() ? QStringLiteral("it names no roles") : open.join(QStringLiteral("; "))),
            record.fileName};
    }
    const QString begin = CanonicalContent::signOffBeginMarker.toString();
    const QString end = CanonicalContent::signOffEndMarker.toString();
    QString out;
    if (!final) {
        out += begin + u'\n';
        out += QStringLiteral("> **%1** — %2\n")
                   .arg(notFinalBanner,
                       escapeCell(open.isEmpty() ? QStringLiteral("the record names no roles")
                                                 : open.join(QStringLiteral("; "))));
        out += end + u'\n';
    }
    out += CanonicalContent::canonicalText(record.source.text());
    out += u'\n' + begin + u'\n';
    QList<ReviewRow> reviewRows;
    QStringList reviewText;
    if (!review.isEmpty()) {
        out += reviewHeading + QStringLiteral("\n\n");
        out += QStringLiteral("| Risk | Decision | Owner | Due | Note |\n|---|---|---|---|---|\n");
        for (const ReviewedItem &item : review) {
            const ReviewRow row = reviewRowOf(item);
            out += rowText({row.risk, row.decision, row.owner, row.due, row.note});
            reviewRows.append(row);
        }
        reviewText.append(RiskReview::summaryText(review));
        out += u'\n' + reviewText.constFirst() + QStringLiteral("\n\n");
    }
    out += signOffHeading + QStringLiteral("\n\n");
    out += QStringLiteral("| Role | Holder | Signer | Decision | Time (UTC) | Digest |\n");
    out += QStringLiteral("|---|---|---|---|---|---|\n");
    for (const RoleSignOff &role : status.roles) {
        const bool signed_ = role.latest.has_value();
        out += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 |\n")
                   .arg(escapeCell(role.role), escapeCell(role.holder),
                       signed_ ? escapeCell(role.latest->signer) : QStringLiteral("—"),
                       signed_ && role.state != RoleState::Approved
                           ? QStringLiteral("%1 (%2)").arg(
                                 decisionName(role.latest->decision), roleStateName(role.state))
                           : signed_ ? decisionName(role.latest->decision)
                                     : roleStateName(role.state),
                       signed_ ? role.latest->timeText() : QStringLiteral("—"),
                       signed_ ? role.latest->digest.left(digestPrefix) : QStringLiteral("—"));
    }
    // Each footer line a paragraph of its own, so that renderers (GitHub, the PDF handout) keep them
    // apart.
    out += u'\n' + footerLead + status.digest + QStringLiteral("`\n\n");
    if (!review.isEmpty())
        out += reviewFooterLead + reviewDigestOf(reviewRows, reviewText) + QStringLiteral("`\n\n");
    out += QStringLiteral("Exported: %1 by Countersign %2\n")
               .arg(exported.toUTC().toString(Qt::ISODateWithMs), QStringLiteral(COUNTERSIGN_VERSION));
    out += end + u'\n';
    return out.toUtf8();
}

Result<FinalizedRecord::Verification> FinalizedRecord::verify(const QString &text, const QString &fileName)
{
    Verification result;
    result.contentDigest = CanonicalContent::digest(text);
    const QStringList lines = text.split(u'\n');
    qsizetype heading = -1;
    for (qsizetype i = lines.size() - 1; i >= 0; --i) {
        if (lines.at(i).trimmed() == signOffHeading) {
            heading = i;
            break;
        }
    }
    if (heading < 0) {
        return Error{Error::Code::InvalidArgument,
            QStringLiteral("has no Sign-off section: it is not a record exported by Countersign"), fileName};
    }
    // The review, if any, is in the same block, before the Sign-off heading (a section of the record
    // itself with the same heading is content, not the export's review).
    for (qsizetype i = heading - 1; i >= 0; --i) {
        const QString line = lines.at(i).trimmed();
        if (line == CanonicalContent::signOffBeginMarker || line == CanonicalContent::signOffEndMarker)
            break;
        if (line != reviewHeading)
            continue;
        result.hasReview = true;
        QStringList otherLines;
        for (qsizetype r = i + 1; r < heading; ++r) {
            const QString row = lines.at(r).trimmed();
            if (!row.isEmpty() && !row.startsWith(u'|'))
                otherLines.append(row);
            else if (const std::optional<QStringList> cells =
                         bodyRow(row, u"| Risk |", 5, QStringLiteral("review"), r, result.problems))
                result.review.append({cells->at(0), cells->at(1), cells->at(2), cells->at(3), cells->at(4)});
        }
        result.reviewDigest = reviewDigestOf(result.review, otherLines);
        break;
    }
    const auto footerValue = [](const QString &line, const QString &lead) {
        return line.mid(lead.size()).chopped(line.endsWith(u'`') ? 1 : 0);
    };
    for (qsizetype i = heading + 1; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.trimmed() == CanonicalContent::signOffEndMarker)
            break;
        if (line.startsWith(footerLead)) {
            result.footerDigest = footerValue(line, footerLead);
        } else if (line.startsWith(reviewFooterLead)) {
            result.footerReviewDigest = footerValue(line, reviewFooterLead);
        } else if (const std::optional<QStringList> cells =
                       bodyRow(line, u"| Role |", 6, QStringLiteral("sign-off"), i, result.problems)) {
            result.rows.append(
                {cells->at(0), cells->at(1), cells->at(2), cells->at(3), cells->at(4), cells->at(5)});
        }
    }
    result.final = !text.contains(QString(u"**" + notFinalBanner + u"**"));
    if (result.footerDigest.isEmpty()) {
        result.problems.append(QStringLiteral("the footer's content digest is missing"));
    } else if (result.footerDigest != result.contentDigest) {
        result.problems.append(
            QStringLiteral("the content was changed after export: its digest is %1, the footer "
                           "says %2")
                .arg(result.contentDigest.left(digestPrefix), result.footerDigest.left(digestPrefix)));
    }
    if (result.hasReview && result.footerReviewDigest.isEmpty()) {
        result.problems.append(QStringLiteral("the footer's review digest is missing"));
    } else if (!result.hasReview && !result.footerReviewDigest.isEmpty()) {
        result.problems.append(QStringLiteral(
            "the footer has a review digest, but the Residual Risk Review section is missing"));
    } else if (result.hasReview && result.footerReviewDigest != result.reviewDigest) {
        result.problems.append(
            QStringLiteral("the Residual Risk Review was changed after export: its digest is %1, the footer "
                           "says %2")
                .arg(result.reviewDigest.left(digestPrefix), result.footerReviewDigest.left(digestPrefix)));
    }
    for (const Row &row : result.rows) {
        if (row.digest == u"—")
            continue;
        if (row.digest.size() < digestPrefix || !result.contentDigest.startsWith(row.digest)) {
            result.problems.append(
                QStringLiteral("the sign-off of \"%1\" by %2 is for other content (%3, not %4)")
                    .arg(row.role, row.signer, row.digest, result.contentDigest.left(digestPrefix)));
        }
    }
    return result;
}

void FinalizedRecord::checkAgainstLedger(Verification &verification, const QList<SignOffEntry> &entries)
{
    for (const Row &row : verification.rows) {
        if (row.signer == u"—")
            continue;
        const bool found = std::any_of(entries.cbegin(), entries.cend(), [&row](const SignOffEntry &entry) {
            return escapeCell(entry.role) == row.role && escapeCell(entry.signer) == row.signer &&
                row.decision.startsWith(decisionName(entry.decision)) && entry.timeText() == row.time &&
                !row.digest.isEmpty() && entry.digest.startsWith(row.digest);
        });
        if (!found) {
            verification.problems.append(
                QStringLiteral("the sign-off of \"%1\" by %2 at %3 is not in the ledger")
                    .arg(row.role, row.signer, row.time));
        }
    }
}

void FinalizedRecord::checkReviewAgainstLedger(
    Verification &verification, const QList<RiskDecisionEntry> &decisions)
{
    for (const ReviewRow &row : verification.review) {
        if (row.decision == openDecision)
            continue;
        const QString risk = reviewRiskText(row.risk);
        const bool found =
            std::any_of(decisions.cbegin(), decisions.cend(), [&row, &risk](const RiskDecisionEntry &entry) {
                const QString name = riskDecisionName(entry.decision);
                return escapeCell(entry.itemText) == risk &&
                    (row.decision == name || row.decision == name + earlierVersionMarker) &&
                    escapeCell(entry.owner) == valueOf(row.owner) && entry.dueText() == valueOf(row.due) &&
                    escapeCell(entry.note) == valueOf(row.note);
            });
        if (!found) {
            verification.problems.append(
                QStringLiteral("the review's decision \"%1\" on \"%2\" is not in the ledger")
                    .arg(row.decision, risk));
        }
    }
}

} // namespace Countersign
