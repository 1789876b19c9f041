#include "finalizedrecord.h"

#include "canonicalcontent.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace Countersign {

namespace {

constexpr int digestPrefix = 12;
const QString signOffHeading = QStringLiteral("## Sign-off");
const QString footerLead = QStringLiteral("Content digest (SHA-256 of the canonical content): `");

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

} // namespace

QString FinalizedRecord::escapeCell(const QString &text)
{
    QString out = text;
    out.replace(u'\\', QStringLiteral("\\\\"));
    out.replace(u'|', QStringLiteral("\\|"));
    out.replace(QRegularExpression(QStringLiteral("[\\r\\n\\t]+")), QStringLiteral(" "));
    return out.trimmed();
}

Result<QByteArray> FinalizedRecord::build(
    const Document &record, const SignOffStatus &status, const QDateTime &exported, bool allowOpen)
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
    out += u'\n' + begin + u'\n' + signOffHeading + QStringLiteral("\n\n");
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
    out += u'\n' + footerLead + status.digest + QStringLiteral("`\n");
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
    for (qsizetype i = heading + 1; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.trimmed() == CanonicalContent::signOffEndMarker)
            break;
        if (line.startsWith(footerLead)) {
            result.footerDigest = line.mid(footerLead.size()).chopped(line.endsWith(u'`') ? 1 : 0);
        } else if (line.startsWith(u'|') && !line.startsWith(QStringLiteral("|---")) &&
            !line.startsWith(QStringLiteral("| Role |"))) {
            const QStringList cells = cellsOf(line);
            if (cells.size() != 6) {
                result.problems.append(QStringLiteral("line %1: a sign-off row with %2 cells instead of 6")
                                           .arg(i + 1)
                                           .arg(cells.size()));
                continue;
            }
            result.rows.append(
                {cells.at(0), cells.at(1), cells.at(2), cells.at(3), cells.at(4), cells.at(5)});
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

} // namespace Countersign
