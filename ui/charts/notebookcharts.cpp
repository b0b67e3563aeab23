// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "notebookcharts.h"

#include "charthelpers.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

namespace {

const QColor notebookColour(0xCC, 0x79, 0xA7); // the notebooks group's colour in the usage chart

QChart* emptyChart(const QWidget* widget, const QString& title)
{
    auto* chart = newThemedChart(widget);
    chart->setTitle(title);
    chart->legend()->hide();
    return chart;
}

} // namespace

NotebookCharts::NotebookCharts(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("notebookCharts"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_running = new QChartView(this);
    m_running->setRenderHint(QPainter::Antialiasing);
    m_histogram = new QChartView(this);
    m_histogram->setRenderHint(QPainter::Antialiasing);
    layout->addWidget(m_running, 1);
    layout->addWidget(m_histogram, 1);
    setMinimumHeight(300);
    replaceChart(m_running, emptyChart(this, tr("Notebook sessions running")));
    replaceChart(m_histogram, emptyChart(this, tr("Time to a usable notebook")));
}

void NotebookCharts::setActivity(const pp::NotebookActivity& activity, const std::vector<std::int64_t>& sampleTimes)
{
    m_activity = activity;
    m_times = sampleTimes;
    auto* chart = emptyChart(this, tr("Notebook sessions running"));
    const double span = m_times.empty() ? 0.0 : static_cast<double>(m_times.back());
    m_unit = span > 2 * 86400 ? 86400.0 : 3600.0;
    auto* line = new QLineSeries(chart);
    line->setColor(notebookColour.darker(130));
    int peak = 0;
    const auto& running = m_activity.runningPerSample();
    QList<QPointF> points;
    points.reserve(static_cast<qsizetype>(std::min(running.size(), m_times.size())));
    for (std::size_t s = 0; s < running.size() && s < m_times.size(); ++s) {
        points.append({static_cast<double>(m_times[s]) / m_unit, static_cast<double>(running[s])});
        peak = std::max(peak, running[s]);
    }
    line->replace(points); // all at once: each point appended singly is a signal
    chart->addSeries(line);
    m_timeAxis = new QValueAxis;
    m_timeAxis->setTitleText(m_unit == 86400.0 ? tr("days since start") : tr("hours since start"));
    m_timeAxis->setRange(0, std::max(1.0, span / m_unit));
    setRoundTicks(m_timeAxis, std::max(1.0, span / m_unit));
    auto* y = new QValueAxis;
    y->setTitleText(tr("sessions"));
    y->setRange(0, std::max(4, peak + peak / 10 + 1));
    y->applyNiceNumbers();
    y->setLabelFormat(QStringLiteral("%.0f"));
    attachAxes(chart, m_timeAxis, y);
    replaceChart(m_running, chart);
    setPeriod(0, static_cast<int>(m_times.size()) - 1);
}

void NotebookCharts::setPeriod(int firstSample, int lastSample)
{
    if (m_times.empty() || !m_timeAxis)
        return;
    const auto at = [&](int s) {
        return static_cast<double>(
            m_times[static_cast<std::size_t>(std::clamp<int>(s, 0, static_cast<int>(m_times.size()) - 1))]);
    };
    const double from = at(firstSample) / m_unit, to = std::max(at(lastSample), at(firstSample) + 3600.0) / m_unit;
    m_timeAxis->setRange(from, to);
    setRoundTicks(m_timeAxis, to - from);
    rebuildHistogram(m_activity.period(firstSample, lastSample));
}

void NotebookCharts::rebuildHistogram(const pp::NotebookActivity::Period& period)
{
    auto* chart = emptyChart(this, tr("Time to a usable notebook (sessions asked for in the period)"));
    auto* set = new QBarSet(tr("sessions"));
    set->setColor(notebookColour);
    QStringList categories;
    long highest = 0;
    for (std::size_t b = 0; b < period.histogram.size(); ++b) {
        *set << static_cast<double>(period.histogram[b]);
        categories << QString::fromUtf8(pp::NotebookActivity::bucketLabel(b));
        highest = std::max(highest, period.histogram[b]);
    }
    auto* series = new QBarSeries(chart);
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    chart->addSeries(series);
    auto* x = new QBarCategoryAxis;
    x->append(categories);
    auto* y = new QValueAxis;
    y->setTitleText(tr("sessions"));
    y->setRange(0, std::max<double>(4, static_cast<double>(highest) * 1.15));
    y->applyNiceNumbers();
    y->setLabelFormat(QStringLiteral("%.0f"));
    attachAxes(chart, x, y);
    replaceChart(m_histogram, chart);
}
