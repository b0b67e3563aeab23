// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "config/config.h"
#include "model/scenario.h"
#include "policy/policy.h"
#include "scenario/whatif.h"
#include "util/diagnostic.h"

#include <QObject>
#include <QString>
#include <QUndoCommand>

#include <map>
#include <optional>
#include <utility>
#include <vector>

/// A what-if policy: HTCondor knobs set over a base configuration, the way an admin would write them in a
/// config.d file. Every change goes through the undo stack as a named command, so undo and redo restore the
/// exact knobs; the policy is read from the result with HTCondor's own rules (pp::policyFromConfig).
class PolicyDraft : public QObject
{
    Q_OBJECT
public:
    /// One knob's new value; nullopt removes it (the base's definition, if any, is dropped too).
    using KnobChange = pp::KnobEdit;

    explicit PolicyDraft(QObject* parent = nullptr);

    /// Starts over from a base configuration with no edits.
    void reset(const pp::Config& base);
    /// Changes the base and keeps the edits (a new snapshot of the same pool).
    void rebase(const pp::Config& base);
    const pp::Config& base() const { return m_base; }

    /// The knobs as edited, in the order they were first changed (what a config.d snippet would hold).
    const std::vector<KnobChange>& edits() const { return m_edits; }
    /// The base with the edits applied.
    pp::Config effectiveConfig() const;
    /// The knob's value in the effective configuration, macros expanded; nullopt when undefined.
    std::optional<std::string> value(const std::string& knob) const;
    /// The policy the effective configuration gives, or why HTCondor's rules refuse it.
    const pp::Expected<pp::Policy>& policy() const { return m_policy; }

    /// Applies the changes without recording them; the undo command calls this.
    void apply(const std::vector<KnobChange>& changes);
    /// The current state of these knobs in the edit list (for undo), nullopt where a knob is not edited.
    std::vector<std::pair<std::string, std::optional<std::optional<std::string>>>> editsOf(
        const std::vector<std::string>& knobs) const;
    void restoreEdits(const std::vector<std::pair<std::string, std::optional<std::optional<std::string>>>>& edits);
    /// Replaces every edit at once (opening a kept scenario).
    void setEdits(std::vector<KnobChange> edits);
    // The what-if rules are the engine's (scenario/whatif.h), shared with scenario files; these name them here.
    static constexpr const char* scalePrefix = pp::whatif::scalePrefix;
    static constexpr const char* groupLimitPrefix = pp::whatif::groupLimitPrefix;
    static constexpr const char* groupLimitAction = pp::whatif::groupLimitAction;
    static pp::Expected<pp::Policy> policyFor(const pp::Config& base, const std::vector<KnobChange>& edits)
    {
        return pp::whatif::policyFor(base, edits);
    }
    static std::map<std::string, double> workloadScales(const std::vector<KnobChange>& edits)
    {
        return pp::whatif::workloadScales(edits);
    }
    static std::map<std::string, double> groupLimits(const std::vector<KnobChange>& edits, bool* remove = nullptr)
    {
        return pp::whatif::groupLimits(edits, remove);
    }
    static std::vector<KnobChange> groupLimitKnobs(const pp::Config& base, const std::vector<KnobChange>& edits)
    {
        return pp::whatif::groupLimitKnobs(base, edits);
    }
    static pp::Expected<pp::Scenario> scenarioFor(
        const pp::Scenario& base, const pp::Config& config, const std::vector<KnobChange>& edits)
    {
        return pp::whatif::scenarioFor(base, config, edits);
    }
    /// The edits with some changes applied, as they would be after a command (to derive knobs from them).
    std::vector<KnobChange> editsWith(const std::vector<KnobChange>& changes) const;

Q_SIGNALS:
    void changed();

private:
    void recompute();

    pp::Config m_base;
    std::vector<KnobChange> m_edits;
    pp::Expected<pp::Policy> m_policy = pp::Policy {};
};

/// A named edit of some knobs, undoable: "atlas.analysis quota 35 %", "Preemption: down to quota".
class SetKnobsCommand : public QUndoCommand
{
public:
    /// `mergeKey`: successive commands with the same non-empty key are one undo step (a slider's drag), the last
    /// one's values over the first one's "before".
    SetKnobsCommand(
        PolicyDraft* draft, const QString& text, std::vector<PolicyDraft::KnobChange> changes, QString mergeKey = {});
    void redo() override;
    void undo() override;
    int id() const override { return m_mergeKey.isEmpty() ? -1 : 1; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    PolicyDraft* m_draft;
    QString m_mergeKey;
    std::vector<PolicyDraft::KnobChange> m_changes;
    std::vector<std::pair<std::string, std::optional<std::optional<std::string>>>> m_before;
};

/// Replaces all the edits with a kept scenario's, undoably: "Open scenario 'more analysis'".
class SetEditsCommand : public QUndoCommand
{
public:
    SetEditsCommand(PolicyDraft* draft, const QString& text, std::vector<PolicyDraft::KnobChange> edits);
    void redo() override;
    void undo() override;

private:
    PolicyDraft* m_draft;
    std::vector<PolicyDraft::KnobChange> m_after, m_before;
};
