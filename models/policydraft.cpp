// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "policydraft.h"

#include "policy/policyfromconfig.h"
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

pp::Config PolicyDraft::effectiveConfig() const
{
    return pp::whatif::applied(m_base, m_edits);
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

SetKnobsCommand::SetKnobsCommand(
    PolicyDraft* draft, const QString& text, std::vector<PolicyDraft::KnobChange> changes, QString mergeKey)
    : m_draft(draft)
    , m_mergeKey(std::move(mergeKey))
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

bool SetKnobsCommand::mergeWith(const QUndoCommand* other)
{
    const auto* next = dynamic_cast<const SetKnobsCommand*>(other);
    if (!next || next->m_mergeKey != m_mergeKey || m_mergeKey.isEmpty())
        return false;
    // The same knobs (a drag of one group's quota): undo must restore what was before the first step.
    std::vector<std::string> mine;
    std::vector<std::string> theirs;
    for (const auto& c : m_changes)
        mine.push_back(c.first);
    for (const auto& c : next->m_changes)
        theirs.push_back(c.first);
    if (mine != theirs)
        return false;
    m_changes = next->m_changes;
    setText(next->text());
    return true;
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
