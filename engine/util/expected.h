// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "util/diagnostic.h"

#include <cassert>
#include <utility>
#include <variant>

namespace pp {

/// A value or the Diagnostic that explains why there is none. Readers return this instead of throwing,
/// so that no bad input can take the process down (C++23's std::expected, reduced to what we need).
template <typename T> class Expected
{
public:
    Expected(T value) // NOLINT(google-explicit-constructor): returning a value must stay terse
        : m_state(std::move(value))
    {
    }
    Expected(Diagnostic error) // NOLINT(google-explicit-constructor)
        : m_state(std::move(error))
    {
    }

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T& value() const&
    {
        assert(ok());
        return std::get<T>(m_state);
    }
    T& value() &
    {
        assert(ok());
        return std::get<T>(m_state);
    }
    T&& value() &&
    {
        assert(ok());
        return std::get<T>(std::move(m_state));
    }
    const T* operator->() const { return &value(); }
    T* operator->() { return &value(); }
    const T& operator*() const& { return value(); }
    T& operator*() & { return value(); }

    const Diagnostic& error() const
    {
        assert(!ok());
        return std::get<Diagnostic>(m_state);
    }

private:
    std::variant<T, Diagnostic> m_state;
};

} // namespace pp
