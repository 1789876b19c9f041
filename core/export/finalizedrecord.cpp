// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "export/finalizedrecord.h"

#include "record/canonicalcontent.h"
#include "record/markdownparser.h"
#include "record/recordfacts.h"
#include "record/textkeys.h"
#include "signing/personname.h"
#include "signing/signoffstatement.h"
#include "signing/sshsignature.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

namespace Countersign {

namespace {

constexpr int digestPrefix = 12;
const QString signOffHeading = QStringLiteral("## Sign-off");
const QString footerLead = QStringLiteral("Content digest (SHA-256 of the canonical content): `");
const QString reviewHeading = QStringLiteral("## Residual Risk Review");
const QString reviewFooterLead =
    QStringLiteral("Review digest (SHA-256 of the review's rows and summary): `");
const QString noValue = QStringLiteral("—");
const QString recordLead = QStringLiteral("Record: `");
const QString headLead = QStringLiteral("Ledger head: `");
const QString statementFence = QStringLiteral("```statement-");
const QString signatureFence = QStringLiteral("```signature-");
const QString unsignedCell = QStringLiteral("unsigned");
const QString serverUserColumn = QStringLiteral("Server user");
// The Sign-off table's columns; serverUserColumn follows "Signer" in an export from a shared ledger.
const QStringList signOffColumns{QStringLiteral("Role"), QStringLiteral("Holder"), QStringLiteral("Signer"),
    QStringLiteral("Decision"), QStringLiteral("Time (UTC)"), QStringLiteral("Digest"),
    QStringLiteral("Signature")};
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
// `count` (the header's) is a problem, named with its line.
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

// A Sign-off row from its cells, each found under its column's name in the table's header `columns`
// (an export before signatures has no Signature column, one from a file ledger no Server user).
FinalizedRecord::Row signOffRowOf(const QStringList &cells, const QStringList &columns, int line)
{
    const auto cell = [&](const QString &column) { return cells.value(columns.indexOf(column)); };
    FinalizedRecord::Row row{cell(signOffColumns.at(0)), cell(signOffColumns.at(1)),
        cell(signOffColumns.at(2)), std::nullopt, cell(signOffColumns.at(3)), cell(signOffColumns.at(4)),
        cell(signOffColumns.at(5)), cell(signOffColumns.at(6)), line};
    if (columns.contains(serverUserColumn))
        row.serverUser = cell(serverUserColumn);
    return row;
}

// A counting approval of the content, as the one-person-one-role rule compares them.
struct Approval
{
    QString role;
    QString signer;
    QString principal; // empty for an unsigned row
    QString fingerprint;
};

bool samePerson(const Approval &a, const Approval &b)
{
    if (!a.principal.isEmpty() && !b.principal.isEmpty())
        return a.principal == b.principal || a.fingerprint == b.fingerprint;
    return PersonName::samePerson(a.signer, b.signer);
}

bool sameRole(const QString &a, const QString &b)
{
    return TextKeys::normalizedKey(a) == TextKeys::normalizedKey(b);
}

// One row's signature checked against its statement, the content (`roles`, as the record names them)
// and the trust: problems (what was changed) go to `result.problems`, reasons the row does not count
// to `result.notFinal`. Whether it counts, with the approval it makes.
bool checkRow(FinalizedRecord::Verification &result, const FinalizedRecord::Row &row,
    const QList<FactField> &roles, const RecordTrust *trust, Approval &approval, QSet<int> &used)
{
    const QString where = QStringLiteral("line %1, the sign-off of \"%2\"").arg(row.line).arg(row.role);
    const auto named = std::find_if(roles.cbegin(), roles.cend(), [&row](const FactField &field) {
        return sameRole(row.role, FinalizedRecord::escapeCell(field.key));
    });
    if (named == roles.cend()) {
        result.notFinal.append(QStringLiteral("%1 does not count: the record names no such role").arg(where));
        return false;
    }
    if (row.signature == unsignedCell || row.signature.isEmpty()) {
        if (trust && !trust->unsignedCounts()) {
            result.notFinal.append(
                QStringLiteral("%1 by %2 is unsigned, and the trust folder requires signatures")
                    .arg(where, row.signer));
            return false;
        }
        return true;
    }
    static const QRegularExpression cell(QStringLiteral("^statement (\\d+) \\((.*)\\)$"));
    const QRegularExpressionMatch match = cell.match(row.signature);
    const auto statement = match.hasMatch()
        ? std::find_if(result.statements.cbegin(), result.statements.cend(),
              [number = match.captured(1).toInt()](
                  const FinalizedRecord::Statement &known) { return known.number == number; })
        : result.statements.cend();
    if (statement == result.statements.cend()) {
        result.problems.append(
            QStringLiteral("%1: its signature cell \"%2\" names no statement the export carries")
                .arg(where, row.signature));
        return false;
    }
    used.insert(statement->number);
    const Result<SignOffStatement::Fields> fields = SignOffStatement::parse(statement->text);
    if (!fields) {
        result.problems.append(QStringLiteral("%1: statement %2 %3")
                .arg(where)
                .arg(statement->number)
                .arg(fields.error().message));
        return false;
    }
    const SignatureCheck check = SshSignatureVerifier::verify(
        statement->text.toUtf8(), statement->signature, SignOffStatement::nameSpace.toString());
    if (!check.valid) {
        result.problems.append(QStringLiteral("%1: the signature of statement %2 does not hold: %3")
                .arg(where)
                .arg(statement->number)
                .arg(check.reason));
        return false;
    }
    const QList<std::pair<QString, std::pair<QString, QString>>> pairs{
        {QStringLiteral("role"), {row.role, FinalizedRecord::escapeCell(fields->role)}},
        {QStringLiteral("holder"), {row.holder, FinalizedRecord::escapeCell(fields->holder)}},
        {QStringLiteral("signer"), {row.signer, FinalizedRecord::escapeCell(fields->signer)}},
        {QStringLiteral("decision"), {row.decision.section(u' ', 0, 0), fields->decision}},
        {QStringLiteral("time"), {row.time, fields->time}},
        {QStringLiteral("digest"), {row.digest, fields->digest.left(row.digest.size())}},
        {QStringLiteral("principal"), {match.captured(2), FinalizedRecord::escapeCell(fields->principal)}},
    };
    for (const auto &[name, values] : pairs) {
        if (values.first != values.second) {
            result.problems.append(
                QStringLiteral("%1: the row's %2 is \"%3\", its signed statement says \"%4\"")
                    .arg(where, name, values.first, values.second));
            return false;
        }
    }
    if (result.provenance && fields->record != result.provenance->identity) {
        result.problems.append(
            QStringLiteral("%1: its statement signs the record \"%2\", the export is of \"%3\"")
                .arg(where, fields->record, result.provenance->identity));
        return false;
    }
    // The holder the signer claims is the one the content names: the roles file may map a holder's
    // name to principals, so a signer must not choose it.
    if (row.decision == u"approve" &&
        FinalizedRecord::escapeCell(fields->holder) != FinalizedRecord::escapeCell(named->value)) {
        result.problems.append(
            QStringLiteral("%1: its signed statement names the holder \"%2\", the record names \"%3\"")
                .arg(where, FinalizedRecord::escapeCell(fields->holder),
                    FinalizedRecord::escapeCell(named->value)));
        return false;
    }
    if (row.decision == u"approve" && fields->digest != result.contentDigest) {
        result.problems.append(
            QStringLiteral("%1: its signed statement approves other content (%2, the content is %3)")
                .arg(where, fields->digest.left(digestPrefix), result.contentDigest.left(digestPrefix)));
        return false;
    }
    approval.principal = fields->principal;
    approval.fingerprint = check.key.fingerprint();
    if (trust && trust->folder) {
        const QDateTime time = QDateTime::fromString(fields->time, Qt::ISODateWithMs);
        std::optional<QString> refused = trust->folder->refusal(
            fields->principal, check.key, time, SignOffStatement::nameSpace.toString());
        if (!refused && !trust->folder->mayHoldRole(fields->principal, named->key, named->value))
            refused = QStringLiteral("principal %1 is not allowed to sign this role").arg(fields->principal);
        if (refused) {
            result.notFinal.append(QStringLiteral("%1 does not count: %2").arg(where, *refused));
            return false;
        }
    }
    return true;
}

// Signatures, finality and the one-person-one-role rule, from the exported file alone.
void checkSignatures(FinalizedRecord::Verification &result, const QString &text, const RecordTrust *trust)
{
    if (!trust || !trust->folder) {
        result.notes.append(QStringLiteral("no trust folder: signatures were checked, but not whether their "
                                           "keys may sign (give --signers DIR)"));
    }
    const Document record =
        MarkdownParser::parse(SourceText::fromText(CanonicalContent::canonicalText(text)));
    const RecordFacts facts = RecordFacts::extract(record);
    const QList<FactField> roles = SignOffRules::roles(facts);
    QList<Approval> approvals;
    QSet<int> used;
    for (const FinalizedRecord::Row &row : std::as_const(result.rows)) {
        if (row.signer == noValue)
            continue;
        Approval approval{row.role, row.signer, {}, {}};
        if (checkRow(result, row, roles, trust, approval, used) && row.decision == u"approve" &&
            result.contentDigest.startsWith(row.digest))
            approvals.append(approval);
    }
    for (const FinalizedRecord::Statement &statement : std::as_const(result.statements)) {
        if (!used.contains(statement.number))
            result.problems.append(
                QStringLiteral("statement %1 belongs to no sign-off row").arg(statement.number));
    }
    if (roles.isEmpty())
        result.notFinal.append(QStringLiteral("the record names no roles"));
    for (const FactField &role : roles) {
        const bool approved =
            std::any_of(approvals.cbegin(), approvals.cend(), [&role](const Approval &approval) {
                return sameRole(approval.role, FinalizedRecord::escapeCell(role.key));
            });
        if (approved)
            continue;
        const auto row = std::find_if(
            result.rows.cbegin(), result.rows.cend(), [&role](const FinalizedRecord::Row &candidate) {
                return sameRole(candidate.role, FinalizedRecord::escapeCell(role.key));
            });
        result.notFinal.append(QStringLiteral("%1 has no counting approval of this content (%2)")
                .arg(
                    role.key, row == result.rows.cend() ? QStringLiteral("no sign-off row") : row->decision));
    }
    if (!SignOffRules::allowsSeveralRoles(facts)) {
        for (qsizetype i = 0; i < approvals.size(); ++i) {
            for (qsizetype j = i + 1; j < approvals.size(); ++j) {
                if (samePerson(approvals.at(i), approvals.at(j))) {
                    result.notFinal.append(
                        QStringLiteral("one person approved two roles (\"%1\" as %2, \"%3\" as "
                                       "%4); the record does not allow it")
                            .arg(approvals.at(i).role, approvals.at(i).signer, approvals.at(j).role,
                                approvals.at(j).signer));
                }
            }
        }
    }
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
    const QDateTime &exported, bool allowOpen, const QList<ReviewedItem> &review,
    const Provenance &provenance)
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
    // The block follows the content's last line directly, so that deleting the blocks' lines (sed)
    // leaves exactly the canonical text, whose SHA-256 is the content digest.
    out += CanonicalContent::canonicalText(record.source.text());
    out += begin + u'\n';
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
    // Who the server authenticated for each entry, where a shared ledger says it.
    const bool serverUsers = std::any_of(status.roles.cbegin(), status.roles.cend(),
        [](const RoleSignOff &role) { return role.latest && !role.latest->serverUser.isEmpty(); });
    QStringList columns = signOffColumns;
    if (serverUsers)
        columns.insert(3, serverUserColumn);
    out += rowText(columns);
    out += u'|' + QStringLiteral("---|").repeated(columns.size()) + u'\n';
    QList<Statement> statements;
    for (const RoleSignOff &role : status.roles) {
        const bool signed_ = role.latest.has_value();
        QString signature = noValue;
        if (signed_ && role.latest->isSigned()) {
            statements.append({int(statements.size()) + 1, role.latest->statement, role.latest->signature});
            signature = QStringLiteral("statement %1 (%2)")
                            .arg(statements.size())
                            .arg(escapeCell(role.latest->principal));
        } else if (signed_) {
            signature = unsignedCell;
        }
        QStringList cells{escapeCell(role.role), escapeCell(role.holder),
            signed_ ? escapeCell(role.latest->signer) : noValue,
            signed_ && role.state != RoleState::Approved
                ? QStringLiteral("%1 (%2)").arg(
                      decisionName(role.latest->decision), roleStateName(role.state))
                : signed_ ? decisionName(role.latest->decision)
                          : roleStateName(role.state),
            signed_ ? role.latest->timeText() : noValue,
            signed_ ? role.latest->digest.left(digestPrefix) : noValue, signature};
        if (serverUsers)
            cells.insert(3, orNoValue(signed_ ? escapeCell(role.latest->serverUser) : QString()));
        out += rowText(cells);
    }
    // Each footer line a paragraph of its own, so that renderers (GitHub, the PDF handout) keep them
    // apart.
    out += u'\n' + footerLead + status.digest + QStringLiteral("`\n\n");
    if (!review.isEmpty())
        out += reviewFooterLead + reviewDigestOf(reviewRows, reviewText) + QStringLiteral("`\n\n");
    if (!provenance.identity.isEmpty()) {
        out += recordLead + provenance.identity + QStringLiteral("`\n\n");
        out += headLead + (provenance.head.hash.isEmpty() ? noValue : provenance.head.hash) +
            QStringLiteral("` (%1 ledger entries)\n\n").arg(provenance.head.count);
    }
    out += QStringLiteral("Exported: %1 by Countersign %2\n")
               .arg(exported.toUTC().toString(Qt::ISODateWithMs), QStringLiteral(COUNTERSIGN_VERSION));
    if (!statements.isEmpty()) {
        // Collapsed on GitHub; each statement exactly as signed (it ends with a line break), so that
        // awk can cut it out and `ssh-keygen -Y verify` check it.
        out += QStringLiteral("\n<details>\n<summary>Signed statements (%1): check them with ssh-keygen -Y "
                              "verify</summary>\n\n")
                   .arg(statements.size());
        for (const Statement &statement : std::as_const(statements)) {
            out += statementFence + QString::number(statement.number) + u'\n' + statement.text +
                QStringLiteral("```\n\n");
            out += signatureFence + QString::number(statement.number) + u'\n' +
                statement.signature.trimmed() + QStringLiteral("\n```\n\n");
        }
        out += QStringLiteral("</details>\n");
    }
    out += end + u'\n';
    return out.toUtf8();
}

Result<FinalizedRecord::Verification> FinalizedRecord::verify(
    const QString &text, const QString &fileName, const RecordTrust *trust)
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
    QStringList columns = signOffColumns; // as the table's header names them
    const auto footerValue = [](const QString &line, const QString &lead) {
        return line.mid(lead.size()).chopped(line.endsWith(u'`') ? 1 : 0);
    };
    for (qsizetype i = heading + 1; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line == CanonicalContent::signOffEndMarker)
            break;
        if (line.startsWith(footerLead)) {
            result.footerDigest = footerValue(line, footerLead);
        } else if (line.startsWith(reviewFooterLead)) {
            result.footerReviewDigest = footerValue(line, reviewFooterLead);
        } else if (line.startsWith(recordLead)) {
            result.provenance = result.provenance.value_or(Provenance{});
            result.provenance->identity = footerValue(line, recordLead);
        } else if (line.startsWith(headLead)) {
            // "Ledger head: `HASH` (N ledger entries)"
            static const QRegularExpression head(
                QStringLiteral("^Ledger head: `([^`]*)` \\((\\d+) ledger entries\\)$"));
            const QRegularExpressionMatch match = head.match(line);
            result.provenance = result.provenance.value_or(Provenance{});
            if (!match.hasMatch()) {
                result.problems.append(
                    QStringLiteral("line %1: the ledger head line is malformed").arg(i + 1));
                continue;
            }
            result.provenance->head = {
                match.captured(2).toLongLong(), match.captured(1) == noValue ? QString() : match.captured(1)};
        } else if (line.startsWith(statementFence) || line.startsWith(signatureFence)) {
            // A fenced block, kept line for line up to its closing fence.
            const bool isStatement = line.startsWith(statementFence);
            const int number = line.mid((isStatement ? statementFence : signatureFence).size()).toInt();
            QString body;
            qsizetype close = i + 1;
            for (; close < lines.size() && QStringView(lines.at(close)).trimmed() != u"```"; ++close) {
                // A checkout that made the file's line ends CRLF still holds the statement as signed.
                const QString &bodyLine = lines.at(close);
                body += QStringView(bodyLine).chopped(bodyLine.endsWith(u'\r') ? 1 : 0) + u'\n';
            }
            if (close == lines.size() || number < 1) {
                result.problems.append(QStringLiteral("line %1: a broken signed statement block").arg(i + 1));
                break;
            }
            auto statement = std::find_if(result.statements.begin(), result.statements.end(),
                [number](const Statement &known) { return known.number == number; });
            if (statement == result.statements.end())
                statement = result.statements.insert(result.statements.end(), Statement{number, {}, {}});
            (isStatement ? statement->text : statement->signature) = body;
            i = close;
        } else if (line.startsWith(u"| Role |")) {
            columns = cellsOf(line);
        } else if (const std::optional<QStringList> cells = bodyRow(
                       line, u"| Role |", columns.size(), QStringLiteral("sign-off"), i, result.problems)) {
            result.rows.append(signOffRowOf(*cells, columns, int(i) + 1));
        }
    }
    if (columns.contains(serverUserColumn)) {
        result.notes.append(QStringLiteral("the Server user column is in no signed statement: only a check "
                                           "against the ledger (--db) confirms it"));
    }
    result.exportedFinal = !text.contains(QString(u"**" + notFinalBanner + u"**"));
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
        if (row.digest == noValue)
            continue;
        if (row.digest.size() < digestPrefix || !result.contentDigest.startsWith(row.digest)) {
            result.problems.append(
                QStringLiteral("the sign-off of \"%1\" by %2 is for other content (%3, not %4)")
                    .arg(row.role, row.signer, row.digest, result.contentDigest.left(digestPrefix)));
        }
    }
    checkSignatures(result, text, trust);
    return result;
}

void FinalizedRecord::checkAgainstLedger(Verification &verification, const QList<SignOffEntry> &entries)
{
    for (const Row &row : verification.rows) {
        if (row.signer == noValue)
            continue;
        const auto found = std::find_if(entries.cbegin(), entries.cend(), [&row](const SignOffEntry &entry) {
            return escapeCell(entry.role) == row.role && escapeCell(entry.signer) == row.signer &&
                row.decision.startsWith(decisionName(entry.decision)) && entry.timeText() == row.time &&
                !row.digest.isEmpty() && entry.digest.startsWith(row.digest);
        });
        if (found == entries.cend()) {
            verification.problems.append(
                QStringLiteral("the sign-off of \"%1\" by %2 at %3 is not in the ledger")
                    .arg(row.role, row.signer, row.time));
        } else if (row.serverUser && valueOf(*row.serverUser) != escapeCell(found->serverUser)) {
            verification.problems.append(
                QStringLiteral("the sign-off of \"%1\" by %2 names the server user \"%3\", the ledger's "
                               "entry \"%4\"")
                    .arg(row.role, row.signer, *row.serverUser, orNoValue(escapeCell(found->serverUser))));
        }
    }
    if (!verification.provenance)
        return;
    // The head the export was made from must still be in the ledger, as the entry it was then: a
    // ledger cut short (its last entries deleted) or put back to an older copy no longer holds it.
    const Provenance &made = *verification.provenance;
    if (made.head.count > 0) {
        const bool holds = made.head.count <= entries.size() &&
            entries.at(made.head.count - 1).id == made.head.count &&
            entries.at(made.head.count - 1).hash == made.head.hash;
        if (!holds) {
            verification.problems.append(QStringLiteral(
                "the ledger no longer holds the head this export was made from (entry %1, %2); "
                "it holds %3 entries: it was cut short or put back to an older copy")
                    .arg(made.head.count)
                    .arg(made.head.hash.left(digestPrefix))
                    .arg(entries.size()));
            return;
        }
    }
    // What happened to the record since: a role rejected or withdrawn after the export.
    for (qsizetype i = made.head.count; i < entries.size(); ++i) {
        const SignOffEntry &entry = entries.at(i);
        if (entry.recordPath != made.identity || entry.decision == SignOffDecision::Approve)
            continue;
        verification.notFinal.append(QStringLiteral("no longer final since %1: \"%2\" %3 by %4 (%5)")
                .arg(entry.timeText(), entry.role,
                    entry.decision == SignOffDecision::Reject ? QStringLiteral("rejected")
                                                              : QStringLiteral("withdrawn"),
                    entry.signer, entry.comment));
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
