// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "comparisoncharts.h"

#include "analysis/experimentseries.h"
#include "charthelpers.h"
#include "formatduration.h"
#include "groupcolours.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

namespace {

QStringList namesOf(const pp::Result& r)
{
    QStringList names;
    for (const auto& g : r.groups)
        names << QString::fromStdString(g.name);
    return names;
}

} // namespace

ComparisonCharts::ComparisonCharts(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("comparisonCharts"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_usage = new QChartView(this);
    m_usage->setRenderHint(QPainter::Antialiasing);
    m_waits = new QChartView(this);
    m_waits->setRenderHint(QPainter::Antialiasing);
    layout->addWidget(m_usage, 3);
    layout->addWidget(m_waits, 2);
    setMinimumHeight(280);
}

void ComparisonCharts::clear()
{
    replaceChart(m_usage, newThemedChart(this));
    replaceChart(m_waits, newThemedChart(this));
}

void ComparisonCharts::setRuns(
    const pp::Result& first, const QString& firstName, const pp::Result& second, const QString& secondName)
{
    auto* chart = newThemedChart(this);
    chart->setTitle(tr("Cores in use by experiment: %1 (solid) and %2 (dashed)").arg(firstName, secondName));
    chart->legend()->setAlignment(Qt::AlignRight);
    const QStringList names = namesOf(first);
    const double span = static_cast<double>(std::max(first.simulatedSeconds, second.simulatedSeconds));
    const double unit = span > 2 * 86400 ? 86400.0 : 3600.0;
    double peak = 1;
    auto* x = new QValueAxis;
    x->setTitleText(unit == 86400.0 ? tr("days since start") : tr("hours since start"));
    auto* y = new QValueAxis;
    y->setTitleText(tr("cores"));
    const pp::ExperimentSeries series[2] = {pp::experimentSeries(first), pp::experimentSeries(second)};
    for (int experiment : series[0].groups) {
        if (experiment == 0) // <none>: no experiment's
            continue;
        const std::string& name = first.groups[static_cast<std::size_t>(experiment)].name;
        const QColor colour = groupColour(QString::fromStdString(name), names);
        for (int run = 0; run < 2; ++run) {
            const pp::Result& r = run == 0 ? first : second;
            const int column = series[run].find(r, name);
            if (column < 0)
                continue;
            auto* line = new QLineSeries(chart);
            QList<QPointF> points;
            for (std::size_t s = 0; s < series[run].usage.size() && s < r.poolSeries.size(); ++s) {
                const double cores = series[run].usage[s][static_cast<std::size_t>(column)];
                points.append({static_cast<double>(r.poolSeries[s].time) / unit, cores});
                peak = std::max(peak, cores);
            }
            line->replace(points); // all at once: each point appended singly is a signal
            line->setPen(QPen(colour, run == 0 ? 1.6 : 1.4, run == 0 ? Qt::SolidLine : Qt::DashLine));
            line->setName(run == 0 ? legendLabel(QString::fromStdString(name)) : QString());
            chart->addSeries(line);
            if (run == 1)
                chart->legend()->markers(line).constFirst()->setVisible(false);
        }
    }
    x->setRange(0, std::max(1.0, span / unit));
    setRoundTicks(x, std::max(1.0, span / unit));
    y->setRange(0, peak * 1.08);
    y->applyNiceNumbers();
    y->setLabelFormat(QStringLiteral("%.0f"));
    attachAxes(chart, x, y);
    replaceChart(m_usage, chart);

    auto* waits = newThemedChart(this);
    waits->setTitle(tr("Wait by job size (minutes)"));
    auto* bars = new QBarSeries(waits);
    QStringList categories;
    for (const auto& c : first.waitsBySize)
        if (c.jobs > 0)
            categories << QString::fromStdString(c.label);
    double highest = 1;
    const auto addSet = [&](const pp::Result& r, const QString& label, bool p95, const QColor& colour) {
        auto* set = new QBarSet(label);
        set->setColor(colour);
        for (const auto& c : first.waitsBySize) {
            if (c.jobs == 0)
                continue;
            double value = 0;
            for (const auto& d : r.waitsBySize)
                if (d.label == c.label)
                    value = (p95 ? d.waitP95 : d.waitP50) / 60.0;
            *set << value;
            highest = std::max(highest, value);
        }
        bars->append(set);
    };
    addSet(first, tr("%1 p50").arg(firstName), false, QColor(0x56, 0xB4, 0xE9));
    addSet(first, tr("%1 p95").arg(firstName), true, QColor(0x00, 0x72, 0xB2));
    addSet(second, tr("%1 p50").arg(secondName), false, QColor(0xF0, 0xC0, 0x60));
    addSet(second, tr("%1 p95").arg(secondName), true, QColor(0xD5, 0x5E, 0x00));
    waits->addSeries(bars);
    auto* cx = new QBarCategoryAxis;
    cx->append(categories);
    auto* cy = new QValueAxis;
    cy->setRange(0, highest * 1.1);
    cy->applyNiceNumbers();
    cy->setTitleText(tr("minutes"));
    attachAxes(waits, cx, cy);
    waits->legend()->setAlignment(Qt::AlignBottom);
    replaceChart(m_waits, waits);
}
