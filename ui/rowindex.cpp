// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "rowindex.h"

#include <algorithm>
#include <bit>

namespace Countersign {

void RowIndex::reset(std::vector<int> rows, bool exact)
{
    m_rows = std::move(rows);
    for (int &count : m_rows)
        count = std::max(1, count);
    m_exact.assign(m_rows.size(), exact ? 1 : 0);
    build();
}

void RowIndex::replace(int first, int removed, const std::vector<int> &rows)
{
    if (removed == int(rows.size())) {
        for (size_t i = 0; i < rows.size(); ++i)
            setRows(first + int(i), rows[i], false);
        return;
    }
    const auto at = m_rows.begin() + first;
    m_rows.erase(at, at + removed);
    m_rows.insert(m_rows.begin() + first, rows.cbegin(), rows.cend());
    for (auto it = m_rows.begin() + first; it != m_rows.begin() + first + int(rows.size()); ++it)
        *it = std::max(1, *it);
    const auto exact = m_exact.begin() + first;
    m_exact.erase(exact, exact + removed);
    m_exact.insert(m_exact.begin() + first, rows.size(), 0);
    build();
}

void RowIndex::build()
{
    const size_t size = m_rows.size();
    m_tree.assign(size + 1, 0);
    m_total = 0;
    for (size_t i = 1; i <= size; ++i) {
        m_tree[i] += m_rows[i - 1];
        m_total += m_rows[i - 1];
        if (const size_t parent = i + (i & (~i + 1)); parent <= size)
            m_tree[parent] += m_tree[i];
    }
}

bool RowIndex::setRows(int line, int rows, bool exact)
{
    m_exact[size_t(line)] = exact ? 1 : 0;
    rows = std::max(1, rows);
    const int delta = rows - m_rows[size_t(line)];
    if (delta == 0)
        return false;
    m_rows[size_t(line)] = rows;
    m_total += delta;
    for (size_t i = size_t(line) + 1; i < m_tree.size(); i += i & (~i + 1))
        m_tree[i] += delta;
    return true;
}

int RowIndex::rowOf(int line) const
{
    int sum = 0;
    for (size_t i = size_t(std::clamp(line, 0, lineCount())); i > 0; i -= i & (~i + 1))
        sum += m_tree[i];
    return sum;
}

std::pair<int, int> RowIndex::lineAt(int row) const
{
    if (m_rows.empty())
        return {0, 0};
    row = std::clamp(row, 0, m_total - 1);
    // Descend the tree to the last line that starts at or before `row`.
    size_t position = 0;
    int remaining = row;
    for (size_t step = std::bit_floor(m_rows.size()); step > 0; step >>= 1) {
        if (position + step <= m_rows.size() && m_tree[position + step] <= remaining) {
            position += step;
            remaining -= m_tree[position];
        }
    }
    return {int(position), remaining};
}

} // namespace Countersign
