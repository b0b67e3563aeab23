// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "compareview.h"

#include "comparisoncharts.h"
#include "comparisonmodel.h"
#include "planningsession.h"
#include "policydraft.h"
#include "scenarioset.h"
#include "simulationrunner.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <map>

CompareView::CompareView(PlanningSession* session, QWidget* parent)
    : QWidget(parent)
    , m_scenarios(session->scenarios())
    , m_session(session)
    , m_model(new ComparisonModel(this))
    , m_runner(new SimulationRunner(this))
{
    setObjectName(QStringLiteral("compareView"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* bar = new QHBoxLayout;
    m_first = new QComboBox(this);
    m_second = new QComboBox(this);
    for (auto* combo : {m_first, m_second}) {
        combo->setModel(m_scenarios);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        connect(combo, &QComboBox::activated, this, &CompareView::refresh);
    }
    bar->addWidget(new QLabel(tr("Compare"), this));
    bar->addWidget(m_first);
    bar->addWidget(new QLabel(tr("with"), this));
    bar->addWidget(m_second);
    m_simulate = new QPushButton(tr("Simulate it"), this);
    m_simulate->setVisible(false);
    connect(m_simulate, &QPushButton::clicked, this, &CompareView::simulateMissing);
    bar->addWidget(m_simulate);
    bar->addStretch(1);
    layout->addLayout(bar);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("compareSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    auto* table = new QTreeView(splitter);
    table->setObjectName(QStringLiteral("compareTable"));
    table->setRootIsDecorated(false);
    table->setAlternatingRowColors(true);
    table->setModel(m_model);
    table->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->header()->setStretchLastSection(false);
    m_charts = new ComparisonCharts(splitter);
    m_flows = new QTreeWidget(splitter);
    m_flows->setRootIsDecorated(false);
    m_flows->setHeaderLabels({tr("Surplus flow"), tr("First, core-h"), tr("Second, core-h"), tr("Change")});
    m_flows->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 1);
    layout->addWidget(splitter, 1);

    connect(m_scenarios, &QAbstractItemModel::modelReset, this, [this] {
        m_runner->stop(); // a run for a scenario of the old list has nothing to attach to
        m_simulatingRow = -1;
        compare(0, 0);
    });
    connect(m_scenarios, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex&, int, int last) {
        compare(m_first->currentIndex() < 0 ? 0 : m_first->currentIndex(), last); // the newest kept proposal
    });
    connect(m_scenarios, &QAbstractItemModel::dataChanged, this, &CompareView::refresh);
    connect(m_runner, &SimulationRunner::resultAvailable, this, [this](std::shared_ptr<const pp::Result> result) {
        const int row = m_scenarios->find(m_simulatingName);
        m_simulatingRow = -1;
        if (row > 0 && m_scenarios->at(row).knobs == m_simulatingKnobs) {
            ScenarioSet::Entry entry = m_scenarios->at(row);
            entry.result = std::move(result);
            m_scenarios->keep(entry); // dataChanged refreshes
        } else {
            refresh();
        }
    });
    connect(m_runner, &SimulationRunner::failed, this, [this](const QString& reason) {
        m_simulatingRow = -1;
        m_summary->setText(reason);
    });
    compare(0, 0);
}

int CompareView::firstRow() const
{
    return m_first->currentIndex();
}

int CompareView::secondRow() const
{
    return m_second->currentIndex();
}

const pp::Comparison& CompareView::comparison() const
{
    return m_model->comparison();
}

QString CompareView::summaryText() const
{
    return m_summary->text();
}

void CompareView::compare(int first, int second)
{
    m_first->setCurrentIndex(first);
    m_second->setCurrentIndex(second);
    refresh();
}

void CompareView::refresh()
{
    const int a = m_first->currentIndex(), b = m_second->currentIndex();
    if (a < 0 || b < 0 || a >= m_scenarios->count() || b >= m_scenarios->count())
        return;
    const auto& first = m_scenarios->at(a);
    const auto& second = m_scenarios->at(b);
    const bool missing = !first.result || !second.result;
    m_simulate->setVisible(missing && m_simulatingRow < 0);
    if (missing) {
        m_model->clear();
        m_charts->clear();
        m_flows->clear();
        m_summary->setText(m_simulatingRow >= 0
                ? tr("Simulating “%1”…").arg(m_simulatingName)
                : tr("“%1” has not been simulated in this session.").arg(!first.result ? first.name : second.name));
        return;
    }
    const pp::Comparison comparison = pp::compareResults(*first.result, *second.result);
    m_model->setComparison(
        comparison, ComparisonModel::quotaShares(*first.result), ComparisonModel::quotaShares(*second.result));
    m_summary->setText(a == b
            ? tr("Choose a second scenario to compare “%1” with: keep proposals in the Planner.").arg(first.name)
            : QString::fromStdString(pp::comparisonSummaryText(comparison)));
    m_charts->setRuns(*first.result, first.name, *second.result, second.name);

    // Flows of both runs by (lender, borrower) name, largest first.
    std::map<std::pair<std::string, std::string>, std::pair<double, double>> flows;
    const auto add = [&](const pp::Result& r, bool isSecond) {
        for (const auto& f : r.flows) {
            auto& cell = flows[{
                r.groups[static_cast<std::size_t>(f.from)].name, r.groups[static_cast<std::size_t>(f.to)].name}];
            (isSecond ? cell.second : cell.first) += f.coreHours;
        }
    };
    add(*first.result, false);
    add(*second.result, true);
    std::vector<std::pair<std::pair<std::string, std::string>, std::pair<double, double>>> ordered(
        flows.begin(), flows.end());
    std::sort(ordered.begin(), ordered.end(), [](const auto& x, const auto& y) {
        return std::max(x.second.first, x.second.second) > std::max(y.second.first, y.second.second);
    });
    m_flows->clear();
    if (ordered.empty())
        new QTreeWidgetItem(m_flows, {tr("No group used another's quota in either run.")});
    const QLocale locale;
    for (std::size_t i = 0; i < ordered.size() && i < 15; ++i) {
        const auto& [names, amounts] = ordered[i];
        auto* item = new QTreeWidgetItem(m_flows);
        item->setText(0,
            QStringLiteral("%1 → %2").arg(QString::fromStdString(names.first), QString::fromStdString(names.second)));
        item->setText(1, locale.toString(amounts.first, 'f', 0));
        item->setText(2, locale.toString(amounts.second, 'f', 0));
        item->setText(3,
            QStringLiteral("%1%2").arg(amounts.second >= amounts.first ? QStringLiteral("+") : QString(),
                locale.toString(amounts.second - amounts.first, 'f', 0)));
        for (int c = 1; c < 4; ++c)
            item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
    }
    Q_EMIT compared();
}

void CompareView::simulateMissing()
{
    const int a = m_first->currentIndex(), b = m_second->currentIndex();
    const int row = a >= 0 && !m_scenarios->at(a).result ? a : b;
    if (row <= 0 || m_scenarios->at(row).result)
        return;
    auto scenario = m_session->scenarioFor(m_scenarios->at(row).knobs);
    if (!scenario) {
        m_summary->setText(tr("HTCondor would refuse “%1”: %2")
                               .arg(m_scenarios->at(row).name, QString::fromStdString(scenario.error().message())));
        return;
    }
    m_simulatingRow = row;
    m_simulatingName = m_scenarios->at(row).name;
    m_simulatingKnobs = m_scenarios->at(row).knobs;
    m_simulate->setVisible(false);
    m_summary->setText(tr("Simulating “%1”…").arg(m_scenarios->at(row).name));
    m_runner->start(*scenario);
}
