#include "findingsmodel.h"

#include <QApplication>
#include <QIcon>
#include <QStyle>

namespace Countersign {

namespace { } // namespace

QString FindingsModel::severityText(CompareFinding::Severity severity)
{
    switch (severity) {
    case CompareFinding::Severity::Blocking:
        return FindingsModel::tr("Blocking");
    case CompareFinding::Severity::Warning:
        return FindingsModel::tr("Warning");
    case CompareFinding::Severity::Info:
        break;
    }
    return FindingsModel::tr("Info");
}

namespace {

// The style's icon for a severity, looked up once: views ask for it at every paint.
QIcon severityIcon(CompareFinding::Severity severity)
{
    static const QIcon icons[] = {QApplication::style()->standardIcon(QStyle::SP_MessageBoxCritical),
        QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning),
        QApplication::style()->standardIcon(QStyle::SP_MessageBoxInformation)};
    return icons[severity == CompareFinding::Severity::Blocking ? 0
            : severity == CompareFinding::Severity::Warning     ? 1
                                                                : 2];
}

// "value (line 12)", or "—" for a side without the element.
QString sideText(const QString &value, int line)
{
    if (line == 0 && value.isEmpty())
        return QStringLiteral("—");
    return line > 0 ? FindingsModel::tr("%1 (line %2)").arg(value).arg(line) : value;
}

} // namespace

FindingsModel::FindingsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void FindingsModel::setFindings(const QList<CompareFinding> &findings)
{
    beginResetModel();
    m_findings = findings;
    endResetModel();
}

int FindingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_findings.size());
}

int FindingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FindingsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CompareFinding &finding = m_findings.at(index.row());
    switch (role) {
    case SeverityRole:
        return int(finding.severity);
    case LeftLineRole:
        return finding.leftLine;
    case RightLineRole:
        return finding.rightLine;
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

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
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
