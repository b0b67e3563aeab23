// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "waitreasonchart.h"

#include "charthelpers.h"

#include "analysis/waitreasons.h"
#include "format/waitexplanation.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QLineSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <array>

namespace {

// One colour per reason, from the Okabe–Ito palette (told apart with colour-blindness too): the group's own limits
// in warm colours, the pool's state in cool ones.
QColor reasonColour(pp::WaitReason reason)
{
    static const std::array<QColor, pp::waitReasonCount> colours {
        QColor(0xD5, 0x5E, 0x00), // quota_limit: vermilion
        QColor(0xE6, 0x9F, 0x00), // ancestor_cap: orange
        QColor(0xCC, 0x79, 0xA7), // limit_floored: reddish purple
        QColor(0xF0, 0xE4, 0x42), // submitter_share: yellow
        QColor(0x56, 0xB4, 0xE9), // group_order: sky blue
        QColor(0x00, 0x72, 0xB2), // no_fitting_slot: blue
        QColor(0x00, 0x9E, 0x73), // claimed_by_others: bluish green
        QColor(0x88, 0x88, 0x88), // draining: grey
        QColor(0x33, 0x33, 0x33), // requirements: near black
        QColor(0x99, 0x44, 0x55), // runtime_limit (not drawn: work lost, not a wait)
        QColor(0x66, 0x33, 0x99), // preempted (not drawn)
    };
    return colours[static_cast<std::size_t>(reason)];
}

} // namespace

WaitReasonChart::WaitReasonChart(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("waitReasonChart"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_view = new QChartView(this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(220);
    layout->addWidget(m_view, 1);
    m_sentence = new QLabel(this);
    m_sentence->setObjectName(QStringLiteral("waitSentence"));
    m_sentence->setWordWrap(true);
    m_sentence->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_sentence);
    rebuild();
}

void WaitReasonChart::setResult(const pp::Result& result)
{
    m_waits = pp::Result {};
    m_waits.groups = result.groups;
    m_waits.whyIdleSeries = result.whyIdleSeries;
    m_waits.sampleInterval = result.sampleInterval;
    m_first = 0;
    m_last = static_cast<int>(m_waits.whyIdleSeries.size()) - 1;
    if (m_group >= static_cast<int>(m_waits.groups.size()))
        m_group = -1;
    rebuild();
}

void WaitReasonChart::setGroup(int group)
{
    if (group == m_group)
        return;
    m_group = group;
    rebuild();
}

void WaitReasonChart::setPeriod(int firstSample, int lastSample)
{
    m_first = std::max(0, firstSample);
    m_last = lastSample;
    if (m_timeAxis) {
        const double interval = static_cast<double>(m_waits.sampleInterval);
        m_timeAxis->setRange(m_first * interval / m_unit, std::max(m_first + 1, m_last) * interval / m_unit);
    }
    updateSentence();
}

void WaitReasonChart::rebuild()
{
    auto* chart = newThemedChart(this);
    m_timeAxis = nullptr;
    const bool valid = m_group >= 0 && m_group < static_cast<int>(m_waits.groups.size());
    if (!valid) {
        chart->setTitle(tr("Why waiting: choose a group above"));
        chart->legend()->hide();
        replaceChart(m_view, chart);
        m_sentence->clear();
        return;
    }
    // The group's own waits, or its subtree's when it has none.
    const pp::GroupWaits whole = pp::groupOrSubtreeWaits(m_waits, m_group);
    const auto series = pp::groupWaitSeries(m_waits, m_group, whole.subtree);
    const QString name = QString::fromStdString(m_waits.groups[static_cast<std::size_t>(m_group)].name);
    chart->setTitle(whole.subtree ? tr("Why %1 and its sub-groups waited").arg(name.toHtmlEscaped())
                                  : tr("Why %1 waited").arg(name.toHtmlEscaped()));
    const double interval = static_cast<double>(std::max<std::int64_t>(1, m_waits.sampleInterval));
    const double span = interval * static_cast<double>(series.size());
    m_unit = span > 2 * 86400 ? 86400.0 : 3600.0;
    // Stacked areas, largest reason at the bottom: average idle cores per sample interval.
    std::vector<std::size_t> order;
    for (std::size_t r = 0; r < pp::waitingReasonCount; ++r)
        if (whole.hours[r] > 0)
            order.push_back(r);
    std::stable_sort(
        order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return whole.hours[a] > whole.hours[b]; });
    std::vector<double> base(series.size(), 0.0);
    double peak = 0;
    for (std::size_t r : order) {
        auto* lower = new QLineSeries(chart);
        auto* upper = new QLineSeries(chart);
        for (std::size_t k = 0; k < series.size(); ++k) {
            const double cores = series[k][r] * 3600.0 / interval;
            // Sample k holds the interval before it: a step from (k-1) to k.
            const double from = (static_cast<double>(k) - 1) * interval / m_unit;
            const double to = static_cast<double>(k) * interval / m_unit;
            lower->append(std::max(0.0, from), base[k]);
            lower->append(to, base[k]);
            base[k] += cores;
            upper->append(std::max(0.0, from), base[k]);
            upper->append(to, base[k]);
            peak = std::max(peak, base[k]);
        }
        auto* area = new QAreaSeries(upper, lower);
        const auto reason = static_cast<pp::WaitReason>(r);
        area->setName(legendLabel(QString::fromUtf8(pp::waitReasonLabel(reason))));
        const QColor colour = reasonColour(reason);
        area->setColor(colour);
        area->setBorderColor(colour.darker(120));
        chart->addSeries(area);
    }
    m_timeAxis = new QValueAxis;
    m_timeAxis->setTitleText(m_unit == 86400.0 ? tr("days since start") : tr("hours since start"));
    m_timeAxis->setRange(0, std::max(1.0, span / m_unit));
    setRoundTicks(m_timeAxis, std::max(1.0, span / m_unit));
    auto* y = new QValueAxis;
    y->setTitleText(tr("idle cores waiting"));
    y->setRange(0, std::max(1.0, peak * 1.1));
    y->applyNiceNumbers();
    y->setLabelFormat(QStringLiteral("%.0f"));
    attachAxes(chart, m_timeAxis, y);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setVisible(!order.empty());
    if (order.empty())
        chart->setTitle(tr("%1 left no idle cores waiting after a negotiation cycle").arg(name.toHtmlEscaped()));
    replaceChart(m_view, chart);
    setPeriod(m_first, m_last);
}

void WaitReasonChart::updateSentence()
{
    if (m_group < 0 || m_group >= static_cast<int>(m_waits.groups.size())) {
        m_sentence->clear();
        return;
    }
    std::optional<pp::RunPeriod> period;
    const auto samples = static_cast<int>(m_waits.whyIdleSeries.size());
    if (m_first > 0 || m_last + 1 < samples)
        period = pp::RunPeriod {static_cast<std::int64_t>(m_first * m_waits.sampleInterval),
            static_cast<std::int64_t>((m_last + 1) * m_waits.sampleInterval)};
    const std::string sentence = pp::waitSentence(m_waits, m_group, period);
    m_sentence->setText(sentence.empty()
            ? tr("No idle cores were left waiting after a negotiation cycle in this period.")
            : QString::fromStdString(sentence));
}
