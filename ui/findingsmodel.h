// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "compare/comparefinding.h"
#include "diff/worddiff.h"
#include "pane.h"
#include "record/linter.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace Countersign {

// The structural findings of the open pair as a table: severity, section, field, left value, right
// value, and the two lines. An adapter over a snapshot (setFindings() replaces it whole); it owns no
// logic beyond presenting it. Custom roles give views and proxies the raw data. A value longer than
// maxValueLength characters is shown cut, ending in "…". The rows of blocking findings have a
// translucent red background (DiffColors::blockingRow), and where both sides have a value, the
// characters of each that differ from the other's are given as the panes mark them (WordDiff).
class FindingsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { SeverityColumn, SectionColumn, FieldColumn, LeftColumn, RightColumn, ColumnCount };
    enum Role {
        SeverityRole = Qt::UserRole + 1, // int(CompareFinding::Severity)
        LeftLineRole, // 1-based, 0 when the left side has no such element
        RightLineRole,
        LintRole, // true for a linter's finding
        // QList<TextRange>: in the Left or Right column's text, what differs from the other side's
        // value (WordDiff's ranges); empty in the other columns and where a side has no value.
        DifferenceRole,
    };
    static constexpr int maxValueLength = 200;

    explicit FindingsModel(QObject *parent = nullptr);

    // The differences, then the linter's findings of each side: a lint error is filed with the
    // warnings, a lint warning with the notes, under the side it is on.
    void setFindings(const QList<CompareFinding> &findings, const QList<LintFinding> &leftLint = {},
        const QList<LintFinding> &rightLint = {});
    const QList<CompareFinding> &findings() const { return m_findings; }
    // The lines (1-based) of `side` that a blocking finding is on, each with what blocks there
    // ("Blocking: outcome differs (Runtime cutover execution)"; two findings of a line one under
    // the other).
    QHash<int, QString> blockingLines(Pane side) const;
    int lintCount() const { return int(m_lint.size()); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // "Blocking", "Warning" or "Info", as the severity column shows it.
    static QString severityText(CompareFinding::Severity severity);
    // "Lint error" or "Lint warning".
    static QString lintText(LintFinding::Severity severity);

private:
    struct LintRow
    {
        Pane side = Pane::Left;
        LintFinding finding;
    };
    QVariant lintData(const LintRow &row, int column, int role) const;

    QList<CompareFinding> m_findings;
    QList<WordDiffResult> m_differences; // of each finding's values, as DifferenceRole gives them
    QList<LintRow> m_lint;
};

} // namespace Countersign
