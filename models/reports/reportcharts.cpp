// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "reportcharts.h"

#include "analysis/experimentseries.h"
#include "groupcolours.h"

#include <QFont>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace reportcharts {

namespace {

struct Frame
{
    QRectF plot;
    double xMax = 1, yMax = 1, unit = 3600;
};

QStringList namesOf(const pp::Result& r)
{
    QStringList names;
    for (const auto& g : r.groups)
        names << QString::fromStdString(g.name);
    return names;
}

double niceStep(double span)
{
    const double raw = std::max(span, 1e-9) / 6.0;
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    return raw <= power ? power : raw <= 2 * power ? 2 * power : raw <= 5 * power ? 5 * power : 10 * power;
}

// Axes, grid, labels and title; returns where the data goes.
Frame drawFrame(QPainter& p, QSize size, const QString& title, double xMax, double yMax, double unit, int legendWidth)
{
    Frame f;
    f.unit = unit;
    f.xMax = std::max(xMax, 1e-9);
    f.yMax = std::max(yMax, 1.0);
    const QFontMetricsF fm(p.font());
    const double left = fm.horizontalAdvance(QStringLiteral("000,000")) + 14;
    f.plot = QRectF(left, fm.height() * 2, size.width() - left - legendWidth - 16, size.height() - fm.height() * 4.5);
    p.fillRect(QRect(QPoint(0, 0), size), Qt::white);
    p.setPen(Qt::black);
    p.drawText(QRectF(0, 0, size.width(), fm.height() * 1.6), Qt::AlignCenter, title);
    const QLocale locale;
    const double yStep = niceStep(f.yMax);
    p.setPen(QPen(QColor(0xDD, 0xDD, 0xDD), 1));
    for (int step = 0; step * yStep <= f.yMax + 1e-9; ++step) {
        const double y = step * yStep;
        const double py = f.plot.bottom() - y / f.yMax * f.plot.height();
        p.setPen(QPen(QColor(0xDD, 0xDD, 0xDD), 1));
        p.drawLine(QPointF(f.plot.left(), py), QPointF(f.plot.right(), py));
        p.setPen(Qt::black);
        p.drawText(QRectF(0, py - fm.height() / 2, left - 6, fm.height()), Qt::AlignRight | Qt::AlignVCenter,
            locale.toString(y, 'f', 0));
    }
    const double xStep = niceStep(f.xMax);
    for (int step = 0; step * xStep <= f.xMax + 1e-9; ++step) {
        const double x = step * xStep;
        const double px = f.plot.left() + x / f.xMax * f.plot.width();
        p.setPen(QPen(QColor(0xDD, 0xDD, 0xDD), 1));
        p.drawLine(QPointF(px, f.plot.top()), QPointF(px, f.plot.bottom()));
        p.setPen(Qt::black);
        p.drawText(QRectF(px - 40, f.plot.bottom() + 4, 80, fm.height()), Qt::AlignCenter,
            locale.toString(x, 'f', xStep < 1 ? 1 : 0));
    }
    p.drawText(QRectF(f.plot.left(), f.plot.bottom() + fm.height() + 6, f.plot.width(), fm.height()), Qt::AlignCenter,
        unit == 86400.0 ? QObject::tr("days since the start") : QObject::tr("hours since the start"));
    p.setPen(QPen(Qt::black, 1));
    p.drawRect(f.plot);
    return f;
}

QPointF at(const Frame& f, double seconds, double cores)
{
    return {
        f.plot.left() + seconds / f.unit / f.xMax * f.plot.width(), f.plot.bottom() - cores / f.yMax * f.plot.height()};
}

int legendWidth(const QPainter& p)
{
    const QFontMetricsF fm(p.font());
    return static_cast<int>(fm.horizontalAdvance(QStringLiteral("atlas.multicore")) + fm.height() + 16);
}

void drawLegend(QPainter& p, QSize size, const std::vector<std::pair<QString, QColor>>& entries, double top)
{
    const QFontMetricsF fm(p.font());
    double y = top;
    const double width = fm.horizontalAdvance(QStringLiteral("atlas.multicore"));
    const double x = size.width() - width - fm.height() - 8;
    for (const auto& [name, colour] : entries) {
        p.fillRect(QRectF(x, y + 3, fm.height() - 6, fm.height() - 6), colour);
        p.setPen(Qt::black);
        p.drawText(QRectF(x + fm.height(), y, width, fm.height()), Qt::AlignLeft | Qt::AlignVCenter, name);
        y += fm.height() + 2;
    }
}

QImage canvas(QSize size)
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    return image;
}

// Text that stays readable when the chart is printed a page wide: about 60 characters across.
void setChartFont(QPainter& p, QSize size)
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(std::max(10, size.width() / 60));
    p.setFont(font);
}

} // namespace

void paintUsage(QPainter& p, const pp::Result& r, const QString& title, QSize size)
{
    p.setRenderHint(QPainter::Antialiasing);
    setChartFont(p, size);
    const double span = r.poolSeries.empty() ? 3600.0 : static_cast<double>(r.poolSeries.back().time);
    const double unit = span > 2 * 86400 ? 86400.0 : 3600.0;
    const Frame f = drawFrame(
        p, size, title, span / unit, static_cast<double>(std::max<long>(1, r.poolCores)), unit, legendWidth(p));
    const QStringList names = namesOf(r);
    const pp::ExperimentSeries series = pp::experimentSeries(r);
    std::vector<double> lower(series.usage.size(), 0.0);
    std::vector<std::pair<QString, QColor>> legend;
    for (std::size_t column = 0; column < series.groups.size(); ++column) {
        const int e = series.groups[column];
        std::vector<double> upper = lower;
        for (std::size_t s = 0; s < series.usage.size(); ++s)
            upper[s] += series.usage[s][column];
        QPainterPath band;
        for (std::size_t s = 0; s < upper.size() && s < r.poolSeries.size(); ++s) {
            const QPointF point = at(f, static_cast<double>(r.poolSeries[s].time), upper[s]);
            s == 0 ? band.moveTo(point) : band.lineTo(point);
        }
        for (std::size_t s = std::min(lower.size(), r.poolSeries.size()); s-- > 0;)
            band.lineTo(at(f, static_cast<double>(r.poolSeries[s].time), lower[s]));
        band.closeSubpath();
        const QColor colour = groupColour(names[e], names);
        p.fillPath(band, colour);
        legend.emplace_back(names[e], colour);
        lower = std::move(upper);
    }
    drawLegend(p, size, legend, f.plot.top());
}

void paintUsageComparison(
    QPainter& p, const std::vector<const pp::Result*>& runs, const QStringList& runNames, QSize size)
{
    if (runs.empty())
        return;
    p.setRenderHint(QPainter::Antialiasing);
    setChartFont(p, size);
    double span = 3600, peak = 1;
    std::vector<pp::ExperimentSeries> usage;
    for (const pp::Result* r : runs) {
        if (!r->poolSeries.empty())
            span = std::max(span, static_cast<double>(r->poolSeries.back().time));
        usage.push_back(pp::experimentSeries(*r));
        for (const auto& sample : usage.back().usage)
            for (std::size_t column = 0; column < sample.size(); ++column)
                if (usage.back().groups[column] > 0) // <none>: no experiment's
                    peak = std::max(peak, static_cast<double>(sample[column]));
    }
    const double unit = span > 2 * 86400 ? 86400.0 : 3600.0;
    const QString title = runNames.size() > 1 ? QObject::tr("Cores in use by experiment: %1 (solid), %2 (dashed)")
                                                    .arg(runNames[0], runNames.mid(1).join(QStringLiteral(", ")))
                                              : QObject::tr("Cores in use by experiment");
    const Frame f = drawFrame(p, size, title, span / unit, peak * 1.05, unit, legendWidth(p));
    const QStringList names = namesOf(*runs[0]);
    std::vector<std::pair<QString, QColor>> legend;
    for (int group : usage[0].groups) {
        if (group == 0)
            continue;
        const QColor colour = groupColour(names[group], names);
        legend.emplace_back(names[group], colour);
        const std::string& name = runs[0]->groups[static_cast<std::size_t>(group)].name;
        for (std::size_t k = 0; k < runs.size(); ++k) {
            const int column = usage[k].find(*runs[k], name);
            if (column < 0)
                continue;
            QPainterPath line;
            for (std::size_t s = 0; s < usage[k].usage.size() && s < runs[k]->poolSeries.size(); ++s) {
                const QPointF point = at(f, static_cast<double>(runs[k]->poolSeries[s].time),
                    usage[k].usage[s][static_cast<std::size_t>(column)]);
                s == 0 ? line.moveTo(point) : line.lineTo(point);
            }
            p.strokePath(line, QPen(colour, k == 0 ? 1.6 : 1.4, k == 0 ? Qt::SolidLine : Qt::DashLine));
        }
    }
    drawLegend(p, size, legend, f.plot.top());
}

QImage usage(const pp::Result& result, const QString& title, QSize size)
{
    QImage image = canvas(size);
    QPainter p(&image);
    paintUsage(p, result, title, size);
    return image;
}

QImage usageComparison(const std::vector<const pp::Result*>& runs, const QStringList& names, QSize size)
{
    QImage image = canvas(size);
    QPainter p(&image);
    paintUsageComparison(p, runs, names, size);
    return image;
}

} // namespace reportcharts
