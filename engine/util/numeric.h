// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include <limits>
#include <type_traits>

namespace pp {

/// `value` as an integer type, saturated at the type's bounds (or the bounds given), NaN as the lower bound.
/// Numbers in ads are doubles a file can set to anything; a plain cast of 1e300 or NaN is undefined behaviour.
template <class T>
T clampedCast(double value, T lowest = std::numeric_limits<T>::lowest(), T highest = std::numeric_limits<T>::max())
{
    static_assert(std::is_integral_v<T>);
    if (!(value > static_cast<double>(lowest)))
        return lowest;
    if (value >= static_cast<double>(highest))
        return highest;
    return static_cast<T>(value);
}

} // namespace pp
