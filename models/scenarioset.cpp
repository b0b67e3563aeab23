// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "scenarioset.h"

ScenarioSet::ScenarioSet(QObject* parent)
    : QAbstractListModel(parent)
{
    m_entries.push_back({tr("Baseline"), tr("The pool as opened"), {}, nullptr});
}

void ScenarioSet::resetBaseline(std::shared_ptr<const pp::Result> result, bool keepProposals)
{
    beginResetModel();
    std::vector<Entry> proposals;
    if (keepProposals)
        for (std::size_t i = 1; i < m_entries.size(); ++i) {
            proposals.push_back(m_entries[i]);
            proposals.back().result = nullptr;
        }
    m_entries.clear();
    m_entries.push_back({tr("Baseline"), tr("The pool as opened"), {}, std::move(result)});
    m_entries.insert(m_entries.end(), proposals.begin(), proposals.end());
    endResetModel();
}

int ScenarioSet::find(const QString& name) const
{
    for (int row = 0; row < count(); ++row)
        if (m_entries[static_cast<std::size_t>(row)].name.compare(name, Qt::CaseInsensitive) == 0)
            return row;
    return -1;
}

QString ScenarioSet::freeName(const QString& stem) const
{
    if (find(stem) < 0)
        return stem;
    for (int n = 2;; ++n) {
        QString name = QStringLiteral("%1 %2").arg(stem).arg(n);
        if (find(name) < 0)
            return name;
    }
}

int ScenarioSet::keep(const Entry& entry)
{
    const QString name = entry.name.trimmed();
    if (name.isEmpty())
        return -1;
    const int existing = find(name);
    if (existing == 0)
        return -1; // the baseline stays what was opened
    if (existing > 0) {
        m_entries[static_cast<std::size_t>(existing)] = entry;
        m_entries[static_cast<std::size_t>(existing)].name = name;
        Q_EMIT dataChanged(index(existing), index(existing));
        return existing;
    }
    beginInsertRows({}, count(), count());
    m_entries.push_back(entry);
    m_entries.back().name = name;
    endInsertRows();
    return count() - 1;
}

int ScenarioSet::duplicate(int row, const QString& newName)
{
    if (row < 0 || row >= count() || find(newName) >= 0)
        return -1;
    Entry copy = m_entries[static_cast<std::size_t>(row)];
    copy.name = newName;
    copy.result = row == 0 ? copy.result : nullptr;
    if (row == 0)
        copy.description = tr("A copy of the baseline");
    return keep(copy);
}

bool ScenarioSet::remove(int row)
{
    if (row <= 0 || row >= count())
        return false;
    beginRemoveRows({}, row, row);
    m_entries.erase(m_entries.begin() + row);
    endRemoveRows();
    return true;
}

int ScenarioSet::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant ScenarioSet::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= count())
        return {};
    const Entry& e = m_entries[static_cast<std::size_t>(index.row())];
    if (role == Qt::DisplayRole)
        return e.result ? e.name : tr("%1 (not simulated)").arg(e.name);
    if (role == Qt::ToolTipRole)
        return e.description;
    return {};
}
