// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "usagechart.h"

#include "charthelpers.h"
#include "groupcolours.h"
#include "poolseriesmodel.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPen>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <functional>
#include <iterator>

namespace {

// Qt Charts strokes every point of an area's edges again whenever the time axis moves: a week of 10-minute
// samples in eleven bands made moving the period stall the window. Up to twice this many points are drawn as they
// are (halving a run just past the bound would lose detail for little); more are averaged to about this many.
constexpr int pointsShown = 400;

// The samples of `all` (ascending x) from the last one before `from` to the first one after `to`, past
// 2 × pointsShown in runs of consecutive samples replaced by their mean. Every edge has the same sample times, so the
// means of stacked sums still stack, and a mean of cores in use is cores in use.
QList<QPointF> samplesShown(const QList<QPointF>& all, double from, double to)
{
    const auto byX = [](const QPointF& p, double x) { return p.x() < x; };
    auto first = std::lower_bound(all.cbegin(), all.cend(), from, byX);
    if (first != all.cbegin())
        --first;
    auto last = std::lower_bound(first, all.cend(), to, byX);
    if (last != all.cend())
        ++last;
    const auto n = static_cast<int>(last - first);
    if (n <= 2 * pointsShown)
        return QList<QPointF>(first, last);
    const int run = (n + pointsShown - 1) / pointsShown;
    QList<QPointF> shown;
    shown.reserve(n / run + 1);
    for (int i = 0; i < n; i += run) {
        const int k = std::min(run, n - i);
        QPointF sum;
        for (int j = 0; j < k; ++j)
            sum += *(first + i + j);
        shown.append(sum / k);
    }
    return shown;
}

} // namespace

UsageChart::UsageChart(PoolSeriesModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new QChartView(this))
{
    setObjectName(QStringLiteral("usageChart"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    m_view->setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(320);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_spread.clear(); // the spread was the previous result's
        rebuild();
    });
    rebuild();
}

void UsageChart::rebuild()
{
    m_edges.clear(); // their series go with the chart being replaced
    auto* chart = newThemedChart(this);
    chart->setTitle(tr("Cores in use by experiment"));
    chart->legend()->setAlignment(Qt::AlignRight);
    const int rows = m_model->rowCount();
    const int groups = static_cast<int>(m_model->groupNames().size());
    // Times in days when the run is longer than two days, else in hours.
    const double span = rows > 0 ? m_model->timeOf(rows - 1) : 0.0;
    const double unit = span > 2 * 86400 ? 86400.0 : 3600.0;
    m_unit = unit;
    QLineSeries* lower = nullptr;
    std::vector<double> cumulative(static_cast<std::size_t>(rows), 0.0);
    const auto band = [&](const QString& name, const QColor& colour, const std::function<double(int)>& value) {
        auto* upper = new QLineSeries(chart); // QAreaSeries does not own its boundary lines: the chart does
        QList<QPointF> points(rows);
        for (int r = 0; r < rows; ++r) {
            cumulative[static_cast<std::size_t>(r)] += value(r);
            points[r] = {m_model->timeOf(r) / unit, cumulative[static_cast<std::size_t>(r)]};
        }
        m_edges.push_back({upper, std::move(points)});
        auto* area = new QAreaSeries(upper, lower);
        area->setName(legendLabel(name));
        area->setColor(colour);
        area->setBorderColor(colour.darker(120));
        chart->addSeries(area);
        lower = upper;
    };
    for (int g = 0; g < groups; ++g)
        band(m_model->groupNames().at(g), groupColour(m_model->groupNames().at(g), m_model->groupNames()),
            [&](int r) { return m_model->valueAt(r, PoolSeriesModel::FirstGroupColumn + g); });
    band(tr("idle"), QColor(0xE8, 0xE8, 0xE8), [&](int r) { return m_model->valueAt(r, PoolSeriesModel::IdleColumn); });

    // Quotas stacked in the same order as the bands: a band whose top stays under its dashed line is within its
    // quota; above it, it is borrowing.
    std::vector<double> quotaSum(static_cast<std::size_t>(rows), 0.0);
    for (int g = 0; g < groups; ++g) {
        auto* line = new QLineSeries(chart);
        for (int r = 0; r < rows; ++r)
            quotaSum[static_cast<std::size_t>(r)] += m_model->quotaAt(r, g);
        // Quotas hold for hours: only the samples where the line bends are drawn (the same line). Every point of a
        // dashed line is stroked again whenever the time axis moves.
        QList<QPointF> points;
        for (int r = 0; r < rows; ++r) {
            const auto i = static_cast<std::size_t>(r);
            const bool bends
                = r == 0 || r == rows - 1 || quotaSum[i] != quotaSum[i - 1] || quotaSum[i] != quotaSum[i + 1];
            if (bends)
                points.append({m_model->timeOf(r) / unit, quotaSum[i]});
        }
        line->replace(points);
        QPen pen(groupColour(m_model->groupNames().at(g), m_model->groupNames()).darker(150), 1.5, Qt::DashLine);
        line->setPen(pen);
        chart->addSeries(line);
        chart->legend()->markers(line).constFirst()->setVisible(false);
    }
    // Where the claimed cores fell over the ensemble's runs: a dark translucent band over the stack's top.
    if (!m_spread.empty() && static_cast<int>(m_spread.size()) >= rows && rows > 0) {
        auto* high = new QLineSeries(chart);
        auto* low = new QLineSeries(chart);
        QList<QPointF> highs(rows);
        QList<QPointF> lows(rows);
        for (int r = 0; r < rows; ++r) {
            const auto& s = m_spread[static_cast<std::size_t>(r)];
            highs[r] = {m_model->timeOf(r) / unit, s.high};
            lows[r] = {m_model->timeOf(r) / unit, s.low};
        }
        m_edges.push_back({high, std::move(highs)});
        m_edges.push_back({low, std::move(lows)});
        auto* area = new QAreaSeries(high, low);
        area->setName(tr("cores in use, spread of %n run(s)", "", m_spreadRuns));
        area->setColor(QColor(0, 0, 0, 90));
        area->setBorderColor(QColor(0, 0, 0, 160));
        chart->addSeries(area);
    }
    if (groups > 0) { // one legend entry for all the quota lines
        auto* legendOnly = new QLineSeries(chart);
        legendOnly->setName(tr("quotas, stacked"));
        legendOnly->setPen(QPen(palette().color(QPalette::WindowText), 1.5, Qt::DashLine));
        chart->addSeries(legendOnly);
    }

    auto* x = new QValueAxis;
    x->setTitleText(unit == 86400.0 ? tr("days since start") : tr("hours since start"));
    x->setRange(0, std::max(1.0, span / unit));
    m_timeAxis = x;
    setRoundTicks(x, std::max(1.0, span / unit));
    auto* y = new QValueAxis;
    y->setTitleText(tr("cores"));
    y->setRange(0, std::max(1.0, static_cast<double>(m_model->poolCores())));
    y->setLabelFormat(QStringLiteral("%.0f"));
    attachAxes(chart, x, y);
    showWindow(0, std::max(1.0, span / unit));
    replaceChart(m_view, chart);
}

void UsageChart::showWindow(double from, double to)
{
    for (const Edge& edge : m_edges)
        edge.series->replace(samplesShown(edge.samples, from, to)); // all at once: a point appended singly is a signal
}

void UsageChart::setSpread(const std::vector<pp::FigureSpread>& claimedCores, int runs)
{
    m_spread = claimedCores;
    m_spreadRuns = runs;
    rebuild();
}

void UsageChart::setVisibleRange(double fromSeconds, double toSeconds)
{
    if (!m_timeAxis)
        return;
    const double from = fromSeconds / m_unit, to = toSeconds / m_unit;
    // Labels with decimals once the period is shorter than a few axis units.
    m_timeAxis->setRange(from, std::max(to, from + 1.0 / 24.0));
    setRoundTicks(m_timeAxis, to - from);
    showWindow(from, std::max(to, from + 1.0 / 24.0));
}
