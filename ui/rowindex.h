// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <utility>
#include <vector>

namespace Countersign {

// How many rows each visual line of the editor takes, and where each row is: the vertical scroll bar
// counts rows, so that a line taller than the view (a long line wrapped) can be scrolled through
// row by row. A line's rows are whatever the view last said (exact once laid out, estimated from its
// length before), kept in a Fenwick tree: the row a line starts at, and the line a row is in, take
// O(log n); changing a line's rows O(log n); inserting or removing lines rebuilds the tree, O(n).
// Lines take at least one row; lines and rows are 0-based and must be within the index.
class RowIndex
{
public:
    // `rows` per line, exact or estimated.
    void reset(std::vector<int> rows, bool exact);
    // Replaces lines first..first+removed-1 with lines of `rows`, estimated.
    void replace(int first, int removed, const std::vector<int> &rows);
    // The rows of `line`, exact or estimated; true when that changes how many rows it has.
    bool setRows(int line, int rows, bool exact = true);

    int lineCount() const { return int(m_rows.size()); }
    int rows(int line) const { return m_rows[size_t(line)]; }
    bool isExact(int line) const { return m_exact[size_t(line)] != 0; }
    int totalRows() const { return m_total; }
    // The row that `line` starts at; lineCount() gives totalRows().
    int rowOf(int line) const;
    // The line that holds `row` (clamped to the rows there are), and the row's place in it.
    std::pair<int, int> lineAt(int row) const;

private:
    void build();

    std::vector<int> m_rows;
    std::vector<unsigned char> m_exact;
    std::vector<int> m_tree; // Fenwick tree of m_rows, 1-based
    int m_total = 0;
};

} // namespace Countersign
