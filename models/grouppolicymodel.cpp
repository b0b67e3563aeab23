// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "grouppolicymodel.h"

#include "policydraft.h"

#include "util/text.h"

#include <QLocale>
#include <QUndoStack>

#include <algorithm>
#include <cmath>

namespace {

std::string knob(const char* prefix, const std::string& group)
{
    return std::string(prefix) + group;
}

std::string number(double v)
{
    // As an admin would write it: no trailing zeros, enough digits for a fraction of a fraction.
    return QString::number(v, 'g', 6).toStdString();
}

QString bool_(bool b)
{
    return b ? QStringLiteral("True") : QStringLiteral("False");
}

std::string parentOf(const std::string& name)
{
    const auto dot = name.rfind('.');
    return dot == std::string::npos ? std::string() : name.substr(0, dot);
}

} // namespace

GroupPolicyModel::GroupPolicyModel(PolicyDraft* draft, QUndoStack* undo, QObject* parent)
    : QAbstractTableModel(parent)
    , m_draft(draft)
    , m_undo(undo)
{
    connect(m_draft, &PolicyDraft::changed, this, &GroupPolicyModel::refresh);
    refresh();
}

void GroupPolicyModel::refresh()
{
    // A draft the rules refuse keeps the rows it had: the editor shows the error beside them.
    const int rows = m_draft->policy() ? static_cast<int>(m_draft->policy()->groups.size()) : m_rows;
    if (rows != m_rows) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
    } else if (m_rows > 0) {
        Q_EMIT dataChanged(index(0, 0), index(m_rows - 1, ColumnCount - 1));
    }
}

int GroupPolicyModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int GroupPolicyModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Qt::ItemFlags GroupPolicyModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (!m_draft->policy())
        return f;
    switch (index.column()) {
    case KindColumn:
    case QuotaColumn:
    case PrioFactorColumn:
    case WorkloadColumn:
    case RuntimeLimitColumn:
        return f | Qt::ItemIsEditable;
    case AcceptSurplusColumn:
    case AutoregroupColumn:
        return f | Qt::ItemIsUserCheckable;
    default:
        return f;
    }
}

QVariant GroupPolicyModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !m_draft->policy() || index.row() >= static_cast<int>(m_draft->policy()->groups.size()))
        return {};
    const pp::Policy& policy = *m_draft->policy();
    const pp::GroupConfig& g = policy.groups[static_cast<std::size_t>(index.row())];
    const QLocale locale;
    switch (index.column()) {
    case NameColumn:
        if (role == Qt::DisplayRole) {
            const int depth = static_cast<int>(std::count(g.name.begin(), g.name.end(), '.'));
            return QString(QString(qsizetype {depth} * 3, QLatin1Char(' '))
                + QString::fromStdString(g.name.substr(g.name.rfind('.') + 1)));
        }
        if (role == Qt::ToolTipRole)
            return QString::fromStdString(g.name);
        return {};
    case KindColumn:
        if (role == Qt::DisplayRole)
            return g.staticQuota ? tr("cores") : tr("% of parent");
        if (role == Qt::EditRole)
            return g.staticQuota ? 0 : 1;
        return {};
    case QuotaColumn:
        if (role == Qt::DisplayRole)
            return g.staticQuota ? locale.toString(g.configQuota, 'f', 0)
                                 : locale.toString(g.configQuota * 100.0, 'f', 1);
        if (role == Qt::EditRole)
            return g.staticQuota ? g.configQuota : g.configQuota * 100.0;
        if (role == Qt::TextAlignmentRole)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case AcceptSurplusColumn:
        return role == Qt::CheckStateRole ? QVariant(g.acceptSurplus ? Qt::Checked : Qt::Unchecked) : QVariant();
    case AutoregroupColumn:
        if (role == Qt::CheckStateRole)
            return g.autoregroup ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::ToolTipRole && !policy.autoregroupDefault)
            return tr("HTCondor regroups only when GROUP_AUTOREGROUP itself is True");
        return {};
    case WorkloadColumn: {
        const auto scales = PolicyDraft::workloadScales(m_draft->edits());
        const auto it = scales.find(pp::text::toLower(g.name));
        const double factor = it == scales.end() ? 1.0 : it->second;
        if (role == Qt::DisplayRole)
            return QStringLiteral("× %1").arg(locale.toString(factor, 'f', 2));
        if (role == Qt::EditRole)
            return factor;
        if (role == Qt::TextAlignmentRole)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        if (role == Qt::ToolTipRole)
            return tr("More or less of the group's work: ×2 submits every job twice, ×0.5 about half of them");
        return {};
    }
    case RuntimeLimitColumn: {
        bool remove = false;
        const auto limits = PolicyDraft::groupLimits(m_draft->edits(), &remove);
        const auto it = limits.find(pp::text::toLower(g.name));
        if (role == Qt::DisplayRole)
            return it == limits.end()
                ? tr("none")
                : tr("%1 h, then %2")
                      .arg(locale.toString(it->second / 3600.0, 'f', 1), remove ? tr("remove") : tr("hold"));
        if (role == Qt::EditRole)
            return it == limits.end() ? 0.0 : it->second / 3600.0;
        if (role == Qt::ToolTipRole)
            return tr("Hours a running job of this group may run before the schedd holds or removes it "
                      "(SYSTEM_PERIODIC_HOLD / _REMOVE); 0 for no limit");
        return {};
    }
    case PrioFactorColumn: {
        const double factor = g.prioFactor > 0 ? g.prioFactor : policy.defaultPrioFactor;
        if (role == Qt::DisplayRole)
            return QString(locale.toString(factor, 'f', 0) + (g.prioFactor > 0 ? QString() : tr(" (default)")));
        if (role == Qt::EditRole)
            return factor;
        if (role == Qt::TextAlignmentRole)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    default:
        return {};
    }
}

bool GroupPolicyModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || !m_draft->policy())
        return false;
    const pp::GroupConfig& g = m_draft->policy()->groups[static_cast<std::size_t>(index.row())];
    const QString name = QString::fromStdString(g.name);
    switch (index.column()) {
    case KindColumn:
        return role == Qt::EditRole && setKind(index.row(), value.toInt() == 0);
    case QuotaColumn: {
        bool ok = false;
        const double v = value.toDouble(&ok);
        return role == Qt::EditRole && ok && v >= 0 && setQuota(index.row(), g.staticQuota ? v : v / 100.0);
    }
    case AcceptSurplusColumn:
    case AutoregroupColumn: {
        if (role != Qt::CheckStateRole)
            return false;
        const bool on = value.toInt() == Qt::Checked;
        const bool surplus = index.column() == AcceptSurplusColumn;
        m_undo->push(new SetKnobsCommand(m_draft,
            tr("%1: %2 %3").arg(name, surplus ? tr("accept surplus") : tr("autoregroup"), on ? tr("on") : tr("off")),
            {{knob(surplus ? "GROUP_ACCEPT_SURPLUS_" : "GROUP_AUTOREGROUP_", g.name), bool_(on).toStdString()}}));
        return true;
    }
    case WorkloadColumn: {
        bool ok = false;
        const double v = value.toDouble(&ok);
        if (role != Qt::EditRole || !ok || v < 0 || v > 100)
            return false;
        m_undo->push(new SetKnobsCommand(m_draft, tr("%1: workload × %2").arg(name).arg(v),
            {{PolicyDraft::scalePrefix + g.name, v == 1.0 ? std::nullopt : std::optional(number(v))}}));
        return true;
    }
    case RuntimeLimitColumn: {
        bool ok = false;
        const double hours = value.toDouble(&ok);
        if (role != Qt::EditRole || !ok || hours < 0 || hours > 24 * 365)
            return false;
        const PolicyDraft::KnobChange limit {PolicyDraft::groupLimitPrefix + g.name,
            hours == 0 ? std::nullopt : std::optional(std::to_string(static_cast<long long>(hours * 3600)))};
        std::vector<PolicyDraft::KnobChange> changes {limit};
        for (auto& k : PolicyDraft::groupLimitKnobs(m_draft->base(), m_draft->editsWith({limit})))
            changes.push_back(std::move(k));
        m_undo->push(new SetKnobsCommand(m_draft,
            hours == 0 ? tr("%1: no runtime limit").arg(name) : tr("%1: runtime limit %2 h").arg(name).arg(hours),
            changes));
        return true;
    }
    case PrioFactorColumn: {
        bool ok = false;
        const double v = value.toDouble(&ok);
        if (role != Qt::EditRole || !ok || v < 1)
            return false;
        m_undo->push(new SetKnobsCommand(
            m_draft, tr("%1: priority factor %2").arg(name).arg(v), {{knob("GROUP_PRIO_FACTOR_", g.name), number(v)}}));
        return true;
    }
    default:
        return false;
    }
}

bool GroupPolicyModel::setKind(int row, bool staticQuota)
{
    const pp::Policy& policy = *m_draft->policy();
    const pp::GroupConfig& g = policy.groups[static_cast<std::size_t>(row)];
    if (g.staticQuota == staticQuota)
        return false;
    // The same cores either way: a share of the parent's quota as it stands in the draft's configuration.
    const double parentCores = coresOf(parentOf(g.name));
    if (parentCores <= 0)
        return false; // what the share means is unknown: better no edit than a quota of 0
    std::vector<PolicyDraft::KnobChange> changes;
    if (staticQuota) {
        const double cores = std::round(g.configQuota * parentCores);
        changes = {{knob("GROUP_QUOTA_DYNAMIC_", g.name), std::nullopt}, {knob("GROUP_QUOTA_", g.name), number(cores)}};
    } else {
        const double fraction = std::min(1.0, g.configQuota / parentCores);
        changes
            = {{knob("GROUP_QUOTA_", g.name), std::nullopt}, {knob("GROUP_QUOTA_DYNAMIC_", g.name), number(fraction)}};
    }
    m_undo->push(new SetKnobsCommand(m_draft,
        tr("%1: quota as %2")
            .arg(QString::fromStdString(g.name), staticQuota ? tr("cores") : tr("a share of the parent")),
        changes));
    return true;
}

double GroupPolicyModel::coresOf(const std::string& group) const
{
    if (group.empty())
        return m_poolCores; // the root: the whole pool
    const pp::GroupConfig* g = m_draft->policy() ? m_draft->policy()->group(group) : nullptr;
    if (!g)
        return 0;
    return g->staticQuota ? g->configQuota : g->configQuota * coresOf(parentOf(group));
}

bool GroupPolicyModel::dragQuota(int row, double value, int drag)
{
    if (!m_draft->policy() || row < 0 || row >= static_cast<int>(m_draft->policy()->groups.size()) || value < 0)
        return false;
    return setQuota(row, value, QStringLiteral("drag %1 of row %2").arg(drag).arg(row));
}

bool GroupPolicyModel::setQuota(int row, double value, const QString& mergeKey)
{
    const pp::Policy& policy = *m_draft->policy();
    const pp::GroupConfig& g = policy.groups[static_cast<std::size_t>(row)];
    if (!g.staticQuota && value > 1.0)
        return false; // a share of the parent cannot exceed all of it
    const char* prefix = g.staticQuota ? "GROUP_QUOTA_" : "GROUP_QUOTA_DYNAMIC_";
    std::vector<PolicyDraft::KnobChange> changes {{knob(prefix, g.name), number(value)}};
    // Rebalance: siblings of the same kind absorb the change in proportion to their quotas.
    if (m_rebalance) {
        const std::string parent = parentOf(g.name);
        double siblingsTotal = 0;
        for (const auto& s : policy.groups)
            if (s.name != g.name && parentOf(s.name) == parent && s.staticQuota == g.staticQuota)
                siblingsTotal += s.configQuota;
        const double delta = value - g.configQuota;
        if (siblingsTotal > 0 && delta < siblingsTotal) {
            const double factor = (siblingsTotal - delta) / siblingsTotal;
            for (const auto& s : policy.groups)
                if (s.name != g.name && parentOf(s.name) == parent && s.staticQuota == g.staticQuota)
                    changes.emplace_back(knob(prefix, s.name),
                        number(g.staticQuota ? std::round(s.configQuota * factor) : s.configQuota * factor));
        }
    }
    const QString shown
        = g.staticQuota ? tr("%1 cores").arg(value) : tr("%1 % of parent").arg(value * 100.0, 0, 'f', 1);
    m_undo->push(new SetKnobsCommand(m_draft,
        m_rebalance && changes.size() > 1
            ? tr("%1 quota %2, siblings rebalanced").arg(QString::fromStdString(g.name), shown)
            : tr("%1 quota %2").arg(QString::fromStdString(g.name), shown),
        changes, mergeKey));
    return true;
}

QVariant GroupPolicyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Group");
    case KindColumn:
        return tr("Quota in");
    case QuotaColumn:
        return tr("Quota");
    case AcceptSurplusColumn:
        return tr("Accept surplus");
    case AutoregroupColumn:
        return tr("Autoregroup");
    case PrioFactorColumn:
        return tr("Priority factor");
    case WorkloadColumn:
        return tr("Workload");
    case RuntimeLimitColumn:
        return tr("Runtime limit");
    default:
        return {};
    }
}
