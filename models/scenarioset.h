// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/result.h"
#include "policydraft.h"

#include <QAbstractListModel>

#include <memory>
#include <vector>

/// The named scenarios of the open pool: the baseline (always first, never removed) and the proposals kept
/// from the planner, each as its knob edits over the baseline's configuration and its last result.
class ScenarioSet : public QAbstractListModel
{
    Q_OBJECT
public:
    struct Entry
    {
        QString name;
        QString description;
        std::vector<PolicyDraft::KnobChange> knobs; ///< empty for the baseline
        std::shared_ptr<const pp::Result> result;
    };

    explicit ScenarioSet(QObject* parent = nullptr);

    /// Starts over with a new baseline. A newly opened pool drops the proposals of the old one; a new snapshot of
    /// the same pool (`keepProposals`) keeps them, without results: they were against the old baseline.
    void resetBaseline(std::shared_ptr<const pp::Result> result, bool keepProposals = false);
    /// Adds a proposal, or replaces the one of that name (never the baseline). Returns its row, -1 if refused.
    int keep(const Entry& entry);
    /// A copy under a new name, without its result (it is there to be changed).
    int duplicate(int row, const QString& newName);
    bool remove(int row);
    const Entry& at(int row) const { return m_entries[static_cast<std::size_t>(row)]; }
    int count() const { return static_cast<int>(m_entries.size()); }
    int find(const QString& name) const;
    /// A name not yet taken, from a stem: "Proposal 2".
    QString freeName(const QString& stem) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    std::vector<Entry> m_entries;
};
