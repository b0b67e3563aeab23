// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "sweepchart.h"

#include "charthelpers.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QLineSeries>
#include <QPen>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

SweepChart::SweepChart(QWidget* parent)
    : QWidget(parent)
    , m_view(new QChartView(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    m_view->setRenderHint(QPainter::Antialiasing);
}

void SweepChart::show(const QString& title, const QString& knob, const QStringList& sweptValues, const QString& metric,
    const std::vector<Line>& lines)
{
    auto* chart = newThemedChart(this);
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignRight);
    if (lines.empty()) {
        replaceChart(m_view, chart);
        return;
    }
    auto* x = new QCategoryAxis;
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    for (int i = 0; i < sweptValues.size(); ++i)
        x->append(sweptValues[i], i);
    x->setRange(-0.3, static_cast<double>(sweptValues.size()) - 0.7);
    x->setTitleText(knob);
    auto* y = new QValueAxis;
    y->setTitleText(metric);
    double highest = 1;
    for (const auto& l : lines) {
        auto* series = new QLineSeries(chart);
        series->setName(legendLabel(l.name));
        series->setPen(QPen(l.colour, 2));
        series->setPointsVisible(true);
        for (std::size_t k = 0; k < l.values.size(); ++k) {
            series->append(static_cast<double>(k), l.values[k]);
            highest = std::max(highest, l.values[k]);
        }
        chart->addSeries(series);
    }
    y->setRange(0, highest * 1.1);
    y->applyNiceNumbers();
    y->setLabelFormat(QStringLiteral("%.0f"));
    attachAxes(chart, x, y);
    replaceChart(m_view, chart);
}
