// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "grouptreemodel.h"

#include "analysis/periodfigures.h"
#include "format/waitexplanation.h"

#include "formatduration.h"

#include <QLocale>

#include <algorithm>
#include <functional>

namespace {

QString lastComponent(const std::string& name)
{
    const QString full = QString::fromStdString(name);
    const qsizetype dot = full.lastIndexOf(QLatin1Char('.'));
    return dot >= 0 ? full.mid(dot + 1) : full;
}

// Node ids are indices into m_nodes shifted by one, so that 0 stays "no node".
quintptr idOf(int node)
{
    return static_cast<quintptr>(node) + 1;
}

} // namespace

GroupTreeModel::GroupTreeModel(QObject* parent)
    : QAbstractItemModel(parent)
{
}

void GroupTreeModel::setSpread(std::shared_ptr<const pp::EnsembleResult> ensemble)
{
    if (ensemble && ensemble->groups.size() != m_groups.size())
        ensemble.reset(); // another scenario's runs
    m_ensemble = std::move(ensemble);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    // Children too: a row of the tree is a group at any depth.
    std::function<void(const QModelIndex&)> each = [&](const QModelIndex& parent) {
        for (int r = 0; r < rowCount(parent); ++r) {
            const QModelIndex child = index(r, 0, parent);
            if (rowCount(child) > 0) {
                Q_EMIT dataChanged(index(0, 0, child), index(rowCount(child) - 1, columnCount() - 1, child));
                each(child);
            }
        }
    };
    each({});
}

void GroupTreeModel::setResult(const pp::Result& result, const pp::Policy& policy)
{
    beginResetModel();
    m_ensemble.reset();
    m_groups = result.groups;
    m_waits.groups = result.groups;
    m_waits.whyIdleSeries = result.whyIdleSeries;
    m_waits.sampleInterval = result.sampleInterval;
    m_submitters = result.submitters;
    m_series = result.groupSeries;
    m_sampleInterval = static_cast<double>(result.sampleInterval);
    m_autoregroup.assign(m_groups.size(), false);
    for (std::size_t g = 0; g < m_groups.size(); ++g)
        for (const auto& config : policy.groups)
            if (config.name == m_groups[g].name)
                m_autoregroup[g] = policy.autoregroupDefault && config.autoregroup;

    // Groups: <none> (HTCondor's root) and the top-level groups side by side, each sub-group under its parent.
    m_nodes.clear();
    m_topLevel.clear();
    std::vector<int> nodeOfGroup(m_groups.size(), -1);
    for (std::size_t g = 0; g < m_groups.size(); ++g) {
        Node node;
        node.item = static_cast<int>(g);
        const int parentGroup = m_groups[g].parent;
        node.parent = parentGroup > 0 ? nodeOfGroup[static_cast<std::size_t>(parentGroup)] : -1;
        nodeOfGroup[g] = static_cast<int>(m_nodes.size());
        m_nodes.push_back(node);
    }
    // The engine lists groups breadth-first, so a parent's node exists before its children's.
    for (std::size_t s = 0; s < m_submitters.size(); ++s) {
        const auto group = static_cast<std::size_t>(
            std::clamp<int>(m_submitters[s].group, 0, static_cast<int>(m_groups.size()) - 1));
        if (m_groups.empty())
            break;
        Node node;
        node.isUser = true;
        node.item = static_cast<int>(s);
        node.parent = nodeOfGroup[group];
        m_nodes.push_back(node);
    }
    for (std::size_t n = 0; n < m_nodes.size(); ++n) {
        auto& siblings
            = m_nodes[n].parent < 0 ? m_topLevel : m_nodes[static_cast<std::size_t>(m_nodes[n].parent)].children;
        m_nodes[n].row = static_cast<int>(siblings.size());
        siblings.push_back(static_cast<int>(n));
    }

    // A parent's delivered core-hours and jobs done are its subtree's, as its quota is (pp::groupFigures); its
    // waits are its own jobs', since percentiles do not add up.
    m_figures = pp::groupFigures(result);
    m_totalCoreHours = 0;
    for (const auto& g : m_groups)
        m_totalCoreHours += g.coreHours;
    m_first = 0;
    m_last = static_cast<int>(m_series.size()) - 1;
    computePeriod();
    endResetModel();
}

void GroupTreeModel::setRange(int firstSample, int lastSample)
{
    const int last = static_cast<int>(m_series.size()) - 1;
    m_first = std::clamp(firstSample, 0, std::max(0, last));
    m_last = last < m_first ? last : std::clamp(lastSample, m_first, last); // no samples: an empty period
    computePeriod();
    if (!m_nodes.empty())
        Q_EMIT dataChanged(index(0, QuotaColumn), index(rowCount() - 1, ChargedColumn));
    // Rows below the top level change too: a reset of their values is announced per parent.
    for (std::size_t n = 0; n < m_nodes.size(); ++n)
        if (!m_nodes[n].children.empty()) {
            const QModelIndex parentIndex = createIndex(m_nodes[n].row, 0, idOf(static_cast<int>(n)));
            Q_EMIT dataChanged(index(0, QuotaColumn, parentIndex),
                index(static_cast<int>(m_nodes[n].children.size()) - 1, ChargedColumn, parentIndex));
        }
}

void GroupTreeModel::computePeriod()
{
    m_period = pp::groupPeriodFigures(m_groups, m_series, m_first, m_last, m_sampleInterval);
}

const GroupTreeModel::Node& GroupTreeModel::nodeOf(const QModelIndex& index) const
{
    return m_nodes[static_cast<std::size_t>(index.internalId() - 1)];
}

QModelIndex GroupTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    const std::vector<int>& siblings = parent.isValid() ? nodeOf(parent).children : m_topLevel;
    if (row >= static_cast<int>(siblings.size()))
        return {};
    return createIndex(row, column, idOf(siblings[static_cast<std::size_t>(row)]));
}

QModelIndex GroupTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return {};
    const int parentNode = nodeOf(child).parent;
    if (parentNode < 0)
        return {};
    return createIndex(m_nodes[static_cast<std::size_t>(parentNode)].row, 0, idOf(parentNode));
}

int GroupTreeModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_topLevel.size());
    if (parent.column() != 0)
        return 0;
    return static_cast<int>(nodeOf(parent).children.size());
}

int GroupTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant GroupTreeModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const Node& node = nodeOf(index);
    if (role == Qt::TextAlignmentRole && index.column() != NameColumn && index.column() != FlagsColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return node.isUser ? userData(node.item, index.column(), role) : groupData(node.item, index.column(), role);
}

QVariant GroupTreeModel::groupData(int group, int column, int role) const
{
    const auto& g = m_groups[static_cast<std::size_t>(group)];
    const auto& p = m_period[static_cast<std::size_t>(group)];
    const pp::GroupFigures& figures = m_figures[static_cast<std::size_t>(group)];
    const double delivered = figures.coreHours;
    const double share = m_totalCoreHours > 0 ? delivered / m_totalCoreHours : 0.0;
    const double surplus = p.usage - p.quota;
    const bool autoregroup = m_autoregroup[static_cast<std::size_t>(group)];
    if (role == FillRole)
        return column == UsageColumn && p.quota > 0 ? QVariant(p.usage / p.quota) : QVariant();
    if (role == SortRole) {
        switch (column) {
        case NameColumn:
            return QString::fromStdString(g.name);
        case ConfigQuotaColumn:
            return g.configQuota;
        case QuotaColumn:
            return p.quota;
        case AllocatedColumn:
            return p.allocated;
        case UsageColumn:
            return p.usage;
        case DemandColumn:
            return p.demand;
        case SurplusColumn:
            return surplus;
        case ChargedColumn:
            return p.chargedCoreHours;
        case CoreHoursColumn:
            return delivered;
        case ShareColumn:
            return share;
        case JobsColumn:
            return static_cast<qlonglong>(figures.jobsCompleted);
        case WaitP50Column:
            return g.waitP50;
        case WaitP95Column:
            return g.waitP95;
        case FlagsColumn:
            return (g.acceptSurplus ? 2 : 0) + (autoregroup ? 1 : 0);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && column == SurplusColumn)
        return surplus >= 0
            ? tr("Uses %1 cores above its quota: borrowed surplus").arg(surplus, 0, 'f', 1)
            : tr("Leaves %1 cores of its quota unused: lent to others or idle").arg(-surplus, 0, 'f', 1);
    if (role == GroupRole)
        return group;
    if (role == Qt::ToolTipRole && column == NameColumn) {
        // Why it waited over the period shown (the whole run when it is all shown), in the negotiator's terms.
        std::optional<pp::RunPeriod> period;
        if (m_first > 0 || m_last + 1 < static_cast<int>(m_series.size()))
            period = pp::RunPeriod {static_cast<std::int64_t>(m_first * m_sampleInterval),
                static_cast<std::int64_t>((m_last + 1) * m_sampleInterval)};
        const std::string why = pp::waitSentence(m_waits, group, period);
        return why.empty()
            ? QString::fromStdString(g.name)
            : QStringLiteral("<p><b>%1</b></p><p>%2</p>")
                  .arg(QString::fromStdString(g.name).toHtmlEscaped(), QString::fromStdString(why).toHtmlEscaped());
    }
    const bool waitColumn = column == WaitP50Column || column == WaitP95Column;
    const pp::FigureSpread* spread = waitColumn && m_ensemble ? m_ensemble->groupSpread(static_cast<std::size_t>(group),
                                         column == WaitP50Column ? "wait_p50_s" : "wait_p95_s")
                                                              : nullptr;
    if (role == Qt::ToolTipRole && spread && g.jobsTotal > 0)
        return tr("Over %1 runs with HTCondor's arbitrary choices drawn anew: %2 to %3 (%4); this run's figure is "
                  "shown.")
            .arg(m_ensemble->runs)
            .arg(formatDuration(spread->low), formatDuration(spread->high),
                m_ensemble->percentiles ? tr("p5–p95") : tr("min–max"));
    if (role != Qt::DisplayRole)
        return {};
    if (spread && g.jobsTotal > 0) {
        const double value = column == WaitP50Column ? g.waitP50 : g.waitP95;
        const QString half = formatDuration((spread->high - spread->low) / 2);
        return (spread->high - spread->low) / 2 >= 1.0 ? tr("%1 ± %2").arg(formatDuration(value), half)
                                                       : formatDuration(value);
    }
    const QLocale locale;
    switch (column) {
    case NameColumn:
        return lastComponent(g.name);
    case ConfigQuotaColumn:
        if (g.parent < 0)
            return tr("rest of pool");
        return g.staticQuota ? tr("%1 cores").arg(locale.toString(g.configQuota, 'f', 0))
                             : tr("%1 % of parent").arg(locale.toString(g.configQuota * 100.0, 'f', 0));
    case QuotaColumn:
        return locale.toString(p.quota, 'f', 1);
    case AllocatedColumn:
        return locale.toString(p.allocated, 'f', 1);
    case UsageColumn:
        return locale.toString(p.usage, 'f', 1);
    case DemandColumn:
        return locale.toString(p.demand, 'f', 1);
    case SurplusColumn:
        return QString((surplus > 0.05 ? QStringLiteral("+") : QString()) + locale.toString(surplus, 'f', 1));
    case ChargedColumn:
        return locale.toString(p.chargedCoreHours, 'f', 0);
    case CoreHoursColumn:
        return locale.toString(delivered, 'f', 0);
    case ShareColumn:
        return tr("%1 %").arg(locale.toString(share * 100.0, 'f', 1));
    case JobsColumn:
        return locale.toString(static_cast<qlonglong>(figures.jobsCompleted));
    case WaitP50Column:
        return g.jobsTotal > 0 ? formatDuration(g.waitP50) : QString();
    case WaitP95Column:
        return g.jobsTotal > 0 ? formatDuration(g.waitP95) : QString();
    case FlagsColumn: {
        QStringList flags;
        if (g.acceptSurplus)
            flags << tr("surplus");
        if (autoregroup)
            flags << tr("autoregroup");
        return flags.join(QStringLiteral(", "));
    }
    default:
        return {};
    }
}

QVariant GroupTreeModel::userData(int submitter, int column, int role) const
{
    const auto& s = m_submitters[static_cast<std::size_t>(submitter)];
    // HTCondor's effective priority: the real priority times the priority factor (condor_userprio).
    const double effective = s.finalRealPriority * s.priorityFactor;
    const double share = m_totalCoreHours > 0 ? s.coreHours / m_totalCoreHours : 0.0;
    if (role == SortRole) {
        switch (column) {
        case NameColumn:
            return QString::fromStdString(s.name);
        case CoreHoursColumn:
            return s.coreHours;
        case ShareColumn:
            return share;
        case JobsColumn:
            return static_cast<qlonglong>(s.jobsCompleted);
        case PriorityColumn:
            return effective;
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole && column == NameColumn)
        return QVariant(); // the view's delegate marks users with an icon; colours stay the theme's
    if (role == Qt::ToolTipRole && column == PriorityColumn)
        return tr("Effective priority at the end of the run: real priority %1 × factor %2. Lower is better.")
            .arg(s.finalRealPriority, 0, 'f', 2)
            .arg(s.priorityFactor, 0, 'f', 0);
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (column) {
    case NameColumn: {
        const QString name = QString::fromStdString(s.name);
        const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
        return tr("user %1").arg(dot >= 0 ? name.mid(dot + 1) : name);
    }
    case CoreHoursColumn:
        return locale.toString(s.coreHours, 'f', 0);
    case ShareColumn:
        return tr("%1 %").arg(locale.toString(share * 100.0, 'f', 1));
    case JobsColumn:
        return locale.toString(static_cast<qlonglong>(s.jobsCompleted));
    case PriorityColumn:
        return tr("%1 (factor %2)").arg(locale.toString(effective, 'f', 1), locale.toString(s.priorityFactor, 'f', 0));
    default:
        return {};
    }
}

QVariant GroupTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    static const char* const titles[ColumnCount][2] = {
        {QT_TR_NOOP("Group / user"), QT_TR_NOOP("Groups as configured in GROUP_NAMES, users under their group")},
        {QT_TR_NOOP("Configured quota"), QT_TR_NOOP("GROUP_QUOTA (cores) or GROUP_QUOTA_DYNAMIC (fraction of parent)")},
        {QT_TR_NOOP("Quota"), QT_TR_NOOP("Effective quota of the group's subtree, cores, mean over the period")},
        {QT_TR_NOOP("Allocated"), QT_TR_NOOP("The negotiator's allocation with surplus, cores, mean over the period")},
        {QT_TR_NOOP("Usage"),
            QT_TR_NOOP("Cores claimed by the subtree, mean over the period; the bar is usage over quota")},
        {QT_TR_NOOP("Demand"), QT_TR_NOOP("Running plus idle cores requested, mean over the period")},
        {QT_TR_NOOP("Surplus ±"), QT_TR_NOOP("Usage minus quota: + borrowed from others, − left for others")},
        {QT_TR_NOOP("Charged core-h"), QT_TR_NOOP("Core-hours the accountant charged in the period (claimed cores)")},
        {QT_TR_NOOP("Delivered core-h"),
            QT_TR_NOOP(
                "Core-hours of the jobs themselves over the whole run, the subtree's (a parent adds its sub-groups')")},
        {QT_TR_NOOP("Share"), QT_TR_NOOP("Share of all delivered core-hours, whole run, the subtree's")},
        {QT_TR_NOOP("Jobs done"),
            QT_TR_NOOP("Jobs completed over the whole run, the subtree's (a parent adds its sub-groups')")},
        {QT_TR_NOOP("Wait p50"),
            QT_TR_NOOP("Median time from submit to first start of the group's own jobs, whole run (blank: none)")},
        {QT_TR_NOOP("Wait p95"), QT_TR_NOOP("95th percentile of the wait of the group's own jobs, whole run")},
        {QT_TR_NOOP("User priority"),
            QT_TR_NOOP("Effective user priority at the end of the run (lower is better), and the priority factor")},
        {QT_TR_NOOP("Flags"), QT_TR_NOOP("surplus: GROUP_ACCEPT_SURPLUS is true; autoregroup: GROUP_AUTOREGROUP is")},
    };
    if (section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole)
        return tr(titles[section][0]);
    if (role == Qt::ToolTipRole)
        return tr(titles[section][1]);
    return {};
}
