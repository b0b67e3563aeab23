// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "sweep/variants.h"

#include "util/text.h"

#include <algorithm>

namespace pp {

namespace {
/// More variants than this is a typo in a --vary list, or a job for a pool: thousands are fine, millions are not.
constexpr std::size_t maxVariants = 100000;
} // namespace

Expected<SweepAxis> parseSweepAxis(const std::string& text)
{
    const auto eq = text.find('=');
    if (eq == std::string::npos || eq == 0)
        return Diagnostic {"--vary", 0, "'" + text + "' is not KNOB=V1,V2,..."};
    SweepAxis axis;
    axis.key = std::string(text::trim(std::string_view(text).substr(0, eq)));
    for (auto value : text::split(std::string_view(text).substr(eq + 1), ","))
        axis.values.emplace_back(value);
    if (axis.key.empty() || axis.values.empty())
        return Diagnostic {"--vary", 0, "'" + text + "' has no values: KNOB=V1,V2,..."};
    return axis;
}

Expected<std::vector<SweepVariant>> sweepVariants(const ScenarioSpec& base, const std::vector<SweepAxis>& axes)
{
    std::size_t total = 1;
    for (std::size_t a = 0; a < axes.size(); ++a) {
        for (std::size_t b = 0; b < a; ++b)
            if (text::iequals(axes[a].key, axes[b].key))
                return Diagnostic {"--vary", 0, axes[a].key + " is varied twice: give all its values in one --vary"};
        if (axes[a].values.empty())
            return Diagnostic {"--vary", 0, axes[a].key + " has no values"};
        total *= axes[a].values.size();
        if (total > maxVariants)
            return Diagnostic {"--vary", 0,
                "more than " + std::to_string(maxVariants) + " variants: vary fewer knobs or fewer values at once"};
    }
    const std::size_t digits = std::max<std::size_t>(3, std::to_string(total - 1).size());
    std::vector<SweepVariant> variants;
    variants.reserve(total);
    for (std::size_t n = 0; n < total; ++n) {
        SweepVariant v;
        v.name = std::to_string(n);
        v.name.insert(0, digits - v.name.size(), '0');
        v.spec = base;
        // Mixed radix: the last axis varies fastest.
        std::size_t rest = n;
        std::vector<std::size_t> pick(axes.size());
        for (std::size_t a = axes.size(); a-- > 0;) {
            pick[a] = rest % axes[a].values.size();
            rest /= axes[a].values.size();
        }
        std::string label;
        for (std::size_t a = 0; a < axes.size(); ++a) {
            const std::string& key = axes[a].key;
            const std::string& value = axes[a].values[pick[a]];
            if (auto error = setScenarioValue(v.spec, key, value, {"--vary " + key + "=" + value, 0}))
                return *error;
            v.settings.emplace_back(key, value);
            label += (label.empty() ? "" : ", ") + key + "=" + value;
        }
        if (auto error = checkScenarioInputs(v.spec))
            return *error;
        v.spec.description = base.name + (label.empty() ? std::string() : " with " + label);
        v.spec.name = label.empty() ? base.name : label;
        variants.push_back(std::move(v));
    }
    return variants;
}

} // namespace pp
