// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "base/error.h"

#include <utility>
#include <variant>

namespace Countersign {

// A value or the Error that prevented it, shaped like std::expected. The core API reports failure
// through this instead of exceptions. Reading value() of a failed result is a programming error
// (asserted in debug builds).
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    { }
    Result(Error error)
        : m_data(std::in_place_index<1>, std::move(error))
    { }

    bool hasValue() const { return m_data.index() == 0; }
    explicit operator bool() const { return hasValue(); }

    const T &value() const &
    {
        Q_ASSERT(hasValue());
        return std::get<0>(m_data);
    }
    T &value() &
    {
        Q_ASSERT(hasValue());
        return std::get<0>(m_data);
    }
    T &&value() &&
    {
        Q_ASSERT(hasValue());
        return std::get<0>(std::move(m_data));
    }
    const T *operator->() const { return &value(); }
    const T &operator*() const & { return value(); }

    const Error &error() const
    {
        Q_ASSERT(!hasValue());
        return std::get<1>(m_data);
    }

private:
    std::variant<T, Error> m_data;
};

} // namespace Countersign
