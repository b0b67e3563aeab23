// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "validationchart.h"

#include "charthelpers.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QLineSeries>
#include <QPen>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

ValidationChart::ValidationChart(QWidget* parent)
    : QWidget(parent)
    , m_view(new QChartView(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(260);
}

void ValidationChart::show(const pp::Validation& validation, std::size_t group, const QColor& colour)
{
    auto* chart = newThemedChart(this);
    chart->legend()->setAlignment(Qt::AlignBottom);
    if (group >= validation.groups.size() || validation.times.empty()) {
        replaceChart(m_view, chart);
        return;
    }
    const pp::GroupValidation& g = validation.groups[group];
    chart->setTitle(
        tr("%1: cores in use, the real pool against the replay").arg(legendLabel(QString::fromStdString(g.name))));
    // Minutes for a short period, hours for a long one.
    const double span = static_cast<double>(validation.times.back());
    const bool hours = span > 3 * 3600;
    const double unit = hours ? 3600.0 : 60.0;
    auto* low = new QLineSeries(chart);
    auto* high = new QLineSeries(chart);
    auto* real = new QLineSeries(chart);
    double highest = 1;
    for (std::size_t k = 0; k < validation.times.size() && k < g.band.size() && k < g.real.size(); ++k) {
        const double x = static_cast<double>(validation.times[k]) / unit;
        low->append(x, std::max(0.0, g.band[k].low - validation.margin));
        high->append(x, g.band[k].high + validation.margin);
        real->append(x, g.real[k]);
        highest = std::max({highest, g.band[k].high + validation.margin, g.real[k]});
    }
    auto* band = new QAreaSeries(high, low);
    band->setName(tr("replay, %1 runs (%2, ± %3 core)")
                      .arg(validation.runs)
                      .arg(validation.percentiles ? tr("p5–p95") : tr("min–max"))
                      .arg(validation.margin, 0, 'f', 1));
    QColor fill = colour;
    fill.setAlpha(70);
    band->setBrush(fill);
    band->setPen(QPen(colour.lighter(120), 1));
    chart->addSeries(band);
    real->setName(tr("real pool"));
    real->setPen(QPen(colour.darker(160), 2.5));
    chart->addSeries(real);
    auto* x = new QValueAxis;
    x->setTitleText(hours ? tr("hours since the period's start") : tr("minutes since the period's start"));
    x->setRange(0, span / unit);
    setRoundTicks(x, span / unit);
    x->setLabelFormat(QStringLiteral("%g"));
    auto* y = new QValueAxis;
    y->setTitleText(tr("cores"));
    y->setRange(0, highest * 1.1);
    y->applyNiceNumbers();
    y->setLabelFormat(QStringLiteral("%.0f"));
    attachAxes(chart, x, y);
    replaceChart(m_view, chart);
}
