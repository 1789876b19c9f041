// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "findingsmodel.h"

#include "diffcolors.h"

#include <QApplication>
#include <QBrush>
#include <QIcon>
#include <QStyle>

namespace Countersign {

QString FindingsModel::severityText(CompareFinding::Severity severity)
{
    switch (severity) {
    case CompareFinding::Severity::NotComparable:
        return FindingsModel::tr("Not comparable");
    case CompareFinding::Severity::Blocking:
        return FindingsModel::tr("Blocking");
    case CompareFinding::Severity::Warning:
        return FindingsModel::tr("Warning");
    case CompareFinding::Severity::Info:
        break;
    }
    return FindingsModel::tr("Info");
}

QString FindingsModel::lintText(LintFinding::Severity severity)
{
    return severity == LintFinding::Severity::Error ? tr("Lint error") : tr("Lint warning");
}

namespace {

// The style's icon for a severity, looked up once: views ask for it at every paint.
QIcon severityIcon(CompareFinding::Severity severity)
{
    static const QIcon icons[] = {QApplication::style()->standardIcon(QStyle::SP_MessageBoxCritical),
        QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning),
        QApplication::style()->standardIcon(QStyle::SP_MessageBoxInformation)};
    return icons[severity <= CompareFinding::Severity::Blocking ? 0
            : severity == CompareFinding::Severity::Warning     ? 1
                                                                : 2];
}

// "value (line 12)", or "—" for a side without the element.
QString sideText(const QString &value, int line)
{
    if (line == 0 && value.isEmpty())
        return QStringLiteral("—");
    // A blob's value (a pasted image in base64) is cut: a cell shows a few words of it anyway, and
    // eliding a megabyte of text on every paint would stall the window.
    const QString shown = value.size() > FindingsModel::maxValueLength
        ? value.left(FindingsModel::maxValueLength) + QStringLiteral("\u2026")
        : value;
    return line > 0 ? FindingsModel::tr("%1 (line %2)").arg(shown).arg(line) : shown;
}

// `ranges` as far as sideText() shows the value (they start where it does).
QList<TextRange> shownRanges(const QList<TextRange> &ranges)
{
    QList<TextRange> shown;
    for (const TextRange &range : ranges) {
        const int end = std::min(range.end(), int(FindingsModel::maxValueLength));
        if (range.start < end)
            shown.append({range.start, end - range.start});
    }
    return shown;
}

} // namespace

FindingsModel::FindingsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void FindingsModel::setFindings(const QList<CompareFinding> &findings, const QList<LintFinding> &leftLint,
    const QList<LintFinding> &rightLint)
{
    beginResetModel();
    m_findings = findings;
    m_differences.clear();
    m_differences.reserve(findings.size());
    // WordDiff takes time linear in the values' length, a blob's too: once here, not at each paint.
    for (const CompareFinding &finding : findings) {
        const bool both = !finding.leftValue.isEmpty() && !finding.rightValue.isEmpty();
        m_differences.append(
            both ? WordDiff::compare(finding.leftValue, finding.rightValue) : WordDiffResult());
    }
    m_lint.clear();
    for (const LintFinding &finding : leftLint)
        m_lint.append({Pane::Left, finding});
    for (const LintFinding &finding : rightLint)
        m_lint.append({Pane::Right, finding});
    endResetModel();
}

int FindingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_findings.size() + m_lint.size());
}

int FindingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FindingsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (index.row() >= m_findings.size())
        return lintData(m_lint.at(index.row() - m_findings.size()), index.column(), role);
    const CompareFinding &finding = m_findings.at(index.row());
    switch (role) {
    case SeverityRole:
        return int(finding.severity);
    case LintRole:
        return false;
    case LeftLineRole:
        return finding.leftLine;
    case RightLineRole:
        return finding.rightLine;
    case DifferenceRole:
        if (index.column() == LeftColumn)
            return QVariant::fromValue(shownRanges(m_differences.at(index.row()).left));
        if (index.column() == RightColumn)
            return QVariant::fromValue(shownRanges(m_differences.at(index.row()).right));
        return {};
    case Qt::BackgroundRole:
        return finding.severity <= CompareFinding::Severity::Blocking
            ? QVariant(QBrush(DiffColors::blockingRow))
            : QVariant();
    case Qt::ToolTipRole:
        return finding.message.isEmpty() ? QVariant() : QVariant(finding.message);
    case Qt::DecorationRole:
        return index.column() == SeverityColumn ? QVariant(severityIcon(finding.severity)) : QVariant();
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case SeverityColumn:
            return severityText(finding.severity);
        case SectionColumn:
            return finding.section;
        case FieldColumn:
            return finding.key.isEmpty() ? finding.message : finding.key;
        case LeftColumn:
            return sideText(finding.leftValue, finding.leftLine);
        case RightColumn:
            return sideText(finding.rightValue, finding.rightLine);
        case ColumnCount:
            break;
        }
        break;
    default:
        break;
    }
    return {};
}

QHash<int, QString> FindingsModel::blockingLines(Pane side) const
{
    QHash<int, QString> lines;
    for (const CompareFinding &finding : m_findings) {
        const int line = side == Pane::Left ? finding.leftLine : finding.rightLine;
        if (finding.severity != CompareFinding::Severity::Blocking || line <= 0)
            continue;
        const QString text = finding.key.isEmpty()
            ? tr("Blocking: %1").arg(finding.message)
            : tr("Blocking: %1 (%2)", "what differs (the field)").arg(finding.message, finding.key);
        QString &shown = lines[line];
        shown += (shown.isEmpty() ? QString() : QStringLiteral("\n")) + text;
    }
    return lines;
}

QVariant FindingsModel::lintData(const LintRow &row, int column, int role) const
{
    const LintFinding &finding = row.finding;
    const bool error = finding.severity == LintFinding::Severity::Error;
    const int line = std::max(finding.line, 1);
    switch (role) {
    case SeverityRole:
        return int(error ? CompareFinding::Severity::Warning : CompareFinding::Severity::Info);
    case LintRole:
        return true;
    case LeftLineRole:
        return row.side == Pane::Left ? line : 0;
    case RightLineRole:
        return row.side == Pane::Right ? line : 0;
    case Qt::ToolTipRole:
        return finding.toString();
    case Qt::DecorationRole:
        return column == SeverityColumn ? QVariant(severityIcon(error ? CompareFinding::Severity::Blocking
                                                                      : CompareFinding::Severity::Warning))
                                        : QVariant();
    case Qt::DisplayRole:
        switch (Column(column)) {
        case SeverityColumn:
            return lintText(finding.severity);
        case SectionColumn:
            return tr("Lint: %1").arg(finding.code);
        case FieldColumn:
            return finding.message;
        case LeftColumn:
            return row.side == Pane::Left ? tr("line %1").arg(line) : QStringLiteral("—");
        case RightColumn:
            return row.side == Pane::Right ? tr("line %1").arg(line) : QStringLiteral("—");
        case ColumnCount:
            break;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    // A first click on a header sorts from the top: most severe, A to Z, first line.
    if (orientation == Qt::Horizontal && role == Qt::InitialSortOrderRole)
        return int(Qt::AscendingOrder);
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case SeverityColumn:
        return tr("Severity");
    case SectionColumn:
        return tr("Section");
    case FieldColumn:
        return tr("Field");
    case LeftColumn:
        return tr("Left");
    case RightColumn:
        return tr("Right");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Countersign
