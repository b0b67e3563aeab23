// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "policydraft.h"

#include "policy/policyfromconfig.h"
#include "scenario/workloadscaling.h"
#include "util/text.h"

#include <algorithm>

namespace {

bool sameKnob(const std::string& a, const std::string& b)
{
    return pp::text::toLower(a) == pp::text::toLower(b);
}

} // namespace

PolicyDraft::PolicyDraft(QObject* parent)
    : QObject(parent)
{
}

void PolicyDraft::reset(const pp::Config& base)
{
    m_base = base;
    m_edits.clear();
    recompute();
}

void PolicyDraft::rebase(const pp::Config& base)
{
    m_base = base;
    recompute();
}

namespace {

pp::Config applied(pp::Config config, const std::vector<PolicyDraft::KnobChange>& edits)
{
    for (const auto& [knob, value] : edits) {
        if (value)
            config.set(knob, *value, "planner");
        else
            config.remove(knob);
    }
    return config;
}

} // namespace

pp::Config PolicyDraft::effectiveConfig() const
{
    return applied(m_base, m_edits);
}

pp::Expected<pp::Policy> PolicyDraft::policyFor(const pp::Config& base, const std::vector<KnobChange>& edits)
{
    return pp::policyFromConfig(applied(base, edits));
}

std::map<std::string, double> PolicyDraft::workloadScales(const std::vector<KnobChange>& edits)
{
    std::map<std::string, double> scales;
    const std::string prefix = pp::text::toLower(scalePrefix);
    for (const auto& [knob, value] : edits) {
        if (!value || pp::text::toLower(knob).rfind(prefix, 0) != 0)
            continue;
        const auto factor = pp::text::parseDouble(*value);
        if (factor && *factor >= 0) // group names compare without case, as HTCondor's do
            scales[pp::text::toLower(knob.substr(prefix.size()))] = *factor;
    }
    return scales;
}

std::map<std::string, double> PolicyDraft::groupLimits(const std::vector<KnobChange>& edits, bool* remove)
{
    std::map<std::string, double> limits;
    const std::string prefix = pp::text::toLower(groupLimitPrefix);
    if (remove)
        *remove = false;
    for (const auto& [knob, value] : edits) {
        const std::string lower = pp::text::toLower(knob);
        if (!value)
            continue;
        if (lower == pp::text::toLower(groupLimitAction)) {
            if (remove)
                *remove = pp::text::toLower(*value) == "remove";
        } else if (lower.rfind(prefix, 0) == 0) {
            const auto seconds = pp::text::parseDouble(*value);
            if (seconds && *seconds > 0)
                limits[pp::text::toLower(knob.substr(prefix.size()))] = *seconds;
        }
    }
    return limits;
}

std::vector<PolicyDraft::KnobChange> PolicyDraft::groupLimitKnobs(
    const pp::Config& base, const std::vector<KnobChange>& edits)
{
    bool remove = false;
    const auto limits = groupLimits(edits, &remove);
    std::string clauses;
    for (const auto& [group, seconds] : limits)
        // `==` compares strings without case in ClassAds, as group names are matched.
        clauses += std::string(clauses.empty() ? "" : " || ") + "(AcctGroup == \"" + group
            + "\" && time() - JobCurrentStartDate > " + std::to_string(static_cast<long long>(seconds)) + ")";
    std::vector<KnobChange> changes;
    for (const char* knob : {"SYSTEM_PERIODIC_HOLD", "SYSTEM_PERIODIC_REMOVE"}) {
        const pp::Config::Entry* own = base.entry(knob);
        const bool enforcing = !clauses.empty() && (std::string(knob) == "SYSTEM_PERIODIC_REMOVE") == remove;
        if (!enforcing) {
            changes.emplace_back(knob, own ? std::optional(own->value) : std::nullopt);
            continue;
        }
        const std::string limitsExpr = "(JobStatus == 2 && (" + clauses + "))";
        changes.emplace_back(knob, own ? "(" + own->value + ") || " + limitsExpr : limitsExpr);
    }
    return changes;
}

std::vector<PolicyDraft::KnobChange> PolicyDraft::editsWith(const std::vector<KnobChange>& changes) const
{
    std::vector<KnobChange> edits = m_edits;
    for (const auto& change : changes) {
        const auto it = std::find_if(
            edits.begin(), edits.end(), [&](const KnobChange& e) { return sameKnob(e.first, change.first); });
        if (it != edits.end())
            it->second = change.second;
        else
            edits.push_back(change);
    }
    return edits;
}

pp::Expected<pp::Scenario> PolicyDraft::scenarioFor(
    const pp::Scenario& base, const pp::Config& config, const std::vector<KnobChange>& edits)
{
    auto policy = policyFor(config, edits);
    if (!policy)
        return policy.error();
    pp::Scenario scenario = base;
    scenario.policy = std::move(policy).value();
    pp::scaleScenarioWorkload(scenario, workloadScales(edits));
    return scenario;
}

void PolicyDraft::setEdits(std::vector<KnobChange> edits)
{
    m_edits = std::move(edits);
    recompute();
}

std::optional<std::string> PolicyDraft::value(const std::string& knob) const
{
    return effectiveConfig().value(knob);
}

void PolicyDraft::apply(const std::vector<KnobChange>& changes)
{
    for (const auto& change : changes) {
        const auto it = std::find_if(
            m_edits.begin(), m_edits.end(), [&](const KnobChange& e) { return sameKnob(e.first, change.first); });
        if (it != m_edits.end())
            it->second = change.second;
        else
            m_edits.push_back(change);
    }
    recompute();
}

std::vector<std::pair<std::string, std::optional<std::optional<std::string>>>> PolicyDraft::editsOf(
    const std::vector<std::string>& knobs) const
{
    std::vector<std::pair<std::string, std::optional<std::optional<std::string>>>> state;
    for (const auto& knob : knobs) {
        const auto it = std::find_if(
            m_edits.begin(), m_edits.end(), [&](const KnobChange& e) { return sameKnob(e.first, knob); });
        using State = std::optional<std::optional<std::string>>;
        state.emplace_back(knob, it == m_edits.end() ? State() : State(std::in_place, it->second));
    }
    return state;
}

void PolicyDraft::restoreEdits(
    const std::vector<std::pair<std::string, std::optional<std::optional<std::string>>>>& edits)
{
    for (const auto& [knob, state] : edits) {
        const std::string& name = knob; // clang 14 cannot capture a structured binding
        const auto it = std::find_if(
            m_edits.begin(), m_edits.end(), [&](const KnobChange& e) { return sameKnob(e.first, name); });
        if (!state) { // it was not edited before: the edit goes, the base shows again
            if (it != m_edits.end())
                m_edits.erase(it);
        } else if (it != m_edits.end()) {
            it->second = *state;
        } else {
            m_edits.emplace_back(knob, *state);
        }
    }
    recompute();
}

void PolicyDraft::recompute()
{
    m_policy = pp::policyFromConfig(effectiveConfig());
    Q_EMIT changed();
}

SetKnobsCommand::SetKnobsCommand(PolicyDraft* draft, const QString& text, std::vector<PolicyDraft::KnobChange> changes)
    : m_draft(draft)
    , m_changes(std::move(changes))
{
    setText(text);
    std::vector<std::string> knobs;
    for (const auto& c : m_changes)
        knobs.push_back(c.first);
    m_before = m_draft->editsOf(knobs);
}

void SetKnobsCommand::redo()
{
    m_draft->apply(m_changes);
}

void SetKnobsCommand::undo()
{
    m_draft->restoreEdits(m_before);
}

SetEditsCommand::SetEditsCommand(PolicyDraft* draft, const QString& text, std::vector<PolicyDraft::KnobChange> edits)
    : m_draft(draft)
    , m_after(std::move(edits))
    , m_before(draft->edits())
{
    setText(text);
}

void SetEditsCommand::redo()
{
    m_draft->setEdits(m_after);
}

void SetEditsCommand::undo()
{
    m_draft->setEdits(m_before);
}
