// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "report.h"

#include "formatduration.h"
#include "reportcharts.h"

#include "analysis/comparison.h"
#include "analysis/groupfigures.h"
#include "analysis/mergestudy.h"
#include "analysis/pledgesheet.h"
#include "analysis/waitreasons.h"
#include "format/waitexplanation.h"

#include <QBuffer>
#include <QDateTime>

#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLocale>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <QTextDocument>
#include <QUrl>
#include <cmath>

namespace {

const QSize chartSize(1600, 760);
const QString usageUrl = QStringLiteral("chart://usage");

QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}

QString esc(const std::string& s)
{
    return QString::fromStdString(s).toHtmlEscaped();
}

QString number(double v, int decimals = 0)
{
    return QLocale().toString(v, 'f', decimals);
}

QString percent(double fraction)
{
    return QStringLiteral("%1 %").arg(QLocale().toString(fraction * 100.0, 'f', 1));
}

QString when(const pp::Result& r, double seconds)
{
    if (r.epoch <= 0)
        return QObject::tr("day %1").arg(QLocale().toString(seconds / 86400.0 + 1, 'f', 1));
    return QDateTime::fromSecsSinceEpoch(r.epoch + r.startTime + static_cast<qint64>(seconds), Qt::UTC)
        .toString(QStringLiteral("ddd d MMM yyyy hh:mm"));
}

const char* const tableStyle = "border-collapse: collapse";
// A4 less 18 mm margins, in points: the document is laid out at this size and printed to scale.
const QSizeF pageInPoints(493, 729);
const char* const cellStyle = "padding: 2px 5px; border-bottom: 1px solid #ccc; font-size: 8pt";
// Column titles break between words only: a title split inside a word ("Preemp-tions") is hard to read.
const char* const headerStyle
    = "padding: 2px 5px; border-bottom: 1px solid #ccc; font-size: 7.5pt; white-space: pre-wrap";

// A table's title row, each column given its share of the width: left to itself, the layout squeezes the columns
// evenly and splits titles inside words.
QString headerRow(const std::vector<std::pair<QString, int>>& columns)
{
    QString h;
    for (const auto& [title, percent] : columns)
        h += QStringLiteral("<th align=left width='%1%' style='%2'>%3</th>")
                 .arg(QString::number(percent), QLatin1String(headerStyle), title);
    return h;
}

QString verdictColour(pp::MetricDelta::Verdict v)
{
    return v == pp::MetricDelta::Verdict::Better ? QStringLiteral("#d8f0dc")
        : v == pp::MetricDelta::Verdict::Worse   ? QStringLiteral("#f8d7d5")
                                                 : QStringLiteral("transparent");
}

QString cellOf(const pp::MetricDelta* d, bool duration)
{
    if (!d)
        return QStringLiteral("<td></td>");
    const auto show = [&](double v) { return duration ? formatDuration(v) : number(v, d->key == "share" ? 3 : 0); };
    QString text = d->key == "share" ? percent(d->proposal) : show(d->proposal);
    // An ensemble's median, with the runs' range where it matters: wider than 5 % of the median.
    if (const auto& spread = d->proposalSpread; spread && spread->high - spread->low > 0.05 * std::abs(d->proposal)) {
        const auto shown = [&](double v) { return d->key == "share" ? percent(v) : show(v); };
        if (shown(spread->low) != shown(spread->high))
            text += QStringLiteral(" <small>[%1–%2]</small>").arg(shown(spread->low), shown(spread->high));
    }
    if (d->withinNoise)
        text += QObject::tr(" <small>(within noise)</small>");
    else if (d->verdict != pp::MetricDelta::Verdict::Same && d->relative && *d->relative > 1.0)
        text += QStringLiteral(" <small>(×%1)</small>").arg(number(1.0 + *d->relative)); // as the summary says it
    else if (d->verdict != pp::MetricDelta::Verdict::Same)
        text += QStringLiteral(" <small>(%1%2)</small>")
                    .arg(d->delta > 0 ? QStringLiteral("+") : QString(),
                        d->relative ? QStringLiteral("%1 %").arg(number(*d->relative * 100.0)) : QStringLiteral("new"));
    if (duration && d->base == 0 && d->proposal == 0)
        text.clear();
    return QStringLiteral("<td align=right style='%1; background:%2'>%3</td>")
        .arg(QLatin1String(cellStyle), verdictColour(d->verdict), text);
}

} // namespace

Report::Report(QString pool, std::vector<Scenario> scenarios)
    : m_pool(std::move(pool))
    , m_scenarios(std::move(scenarios))
{
}

Report::~Report() = default;

QString Report::period() const
{
    if (m_scenarios.empty() || !m_scenarios.front().result)
        return {};
    const pp::Result& r = *m_scenarios.front().result;
    return QObject::tr("%1 – %2%3")
        .arg(when(r, 0), when(r, static_cast<double>(r.simulatedSeconds)),
            r.epoch > 0 ? QStringLiteral(" UTC") : QString());
}

void Report::paintUsage(QPainter& painter, QSize size) const
{
    std::vector<const pp::Result*> runs;
    QStringList names;
    for (const auto& s : m_scenarios)
        if (s.result) {
            runs.push_back(s.result.get());
            names << s.name;
        }
    if (runs.size() == 1)
        reportcharts::paintUsage(
            painter, *runs.front(), QObject::tr("Cores in use by experiment, %1").arg(names.front()), size);
    else
        reportcharts::paintUsageComparison(painter, runs, names, size);
}

QImage Report::usageImage() const
{
    QImage image(chartSize, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    paintUsage(painter, chartSize);
    return image;
}

QString Report::html(bool forPdf) const
{
    const QString pageBreak = forPdf ? QStringLiteral(" style='page-break-before: always'") : QString();
    QString h;
    h += QStringLiteral("<html><head><meta charset='utf-8'><title>%1</title></head><body>").arg(esc(m_pool));
    // Title page.
    h += QStringLiteral("<h1>%1</h1>").arg(esc(m_pool));
    h += QObject::tr("<p><b>Period:</b> %1</p>").arg(esc(period()));
    if (!m_scenarios.empty() && m_scenarios.front().result) {
        const pp::Result& base = *m_scenarios.front().result;
        h += QObject::tr("<p><b>Pool:</b> %1 cores; %2 jobs, %3 core-hours delivered, utilization %4.</p>")
                 .arg(number(static_cast<double>(base.poolCores)), number(static_cast<double>(base.jobsTotal)),
                     number(base.coreHoursDelivered), percent(base.utilization));
    }
    h += QObject::tr("<p><b>Scenarios:</b> %1</p>").arg(m_scenarios.size());
    if (!m_scenarios.empty() && m_scenarios.front().ensemble) {
        const int runs = static_cast<int>(m_scenarios.front().ensemble->results.size());
        h += QObject::tr(
            "<p><b>Runs:</b> each scenario %1 times, with HTCondor's arbitrary choices (submitters tied on "
            "priority, equally ranked slots, the cycle's phase) drawn anew each time. Figures are the "
            "medians; [ranges], where wider than 5 % of the median, are the runs' %2; a change whose two ranges "
            "overlap is within noise, "
            "neither better nor worse.</p>")
                 .arg(runs)
                 .arg(runs >= 20 ? QObject::tr("p5–p95") : QObject::tr("min–max"));
    }
    h += QObject::tr("<p>Simulated by PoolPlanner with HTCondor's negotiator rules (group quotas, surplus sharing, "
                     "fair share, preemption and defragmentation as HTCondor 25 does them). Made %1.</p>")
             .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("d MMM yyyy hh:mm 'UTC'")));

    // Scenarios.
    h += QObject::tr("<h2%1>Scenarios</h2>").arg(pageBreak);
    for (const auto& s : m_scenarios) {
        h += QStringLiteral("<h3>%1</h3><p>%2</p>").arg(esc(s.name), esc(s.description));
        if (!s.configSnippet.isEmpty())
            h += QStringLiteral("<pre style='font-size: 8pt'>%1</pre>").arg(esc(s.configSnippet));
        if (!s.result)
            h += QObject::tr("<p><i>Not simulated.</i></p>");
    }

    // Comparison with the baseline.
    std::vector<std::pair<std::size_t, pp::Comparison>> comparisons; // scenario index, its comparison
    for (std::size_t i = 1; i < m_scenarios.size(); ++i)
        if (m_scenarios.front().ensemble && m_scenarios[i].ensemble)
            comparisons.emplace_back(i, pp::compareEnsembles(*m_scenarios.front().ensemble, *m_scenarios[i].ensemble));
        else if (m_scenarios.front().result && m_scenarios[i].result)
            comparisons.emplace_back(i, pp::compareResults(*m_scenarios.front().result, *m_scenarios[i].result));
    h += QObject::tr("<h2%1>Outcome</h2>").arg(pageBreak);
    for (const auto& [index, c] : comparisons) {
        h += QObject::tr("<h3>%1 against %2</h3><p>%3</p>")
                 .arg(esc(m_scenarios[index].name), esc(m_scenarios.front().name), esc(pp::comparisonSummaryText(c)));
        h += QStringLiteral("<table width='100%' style='%1'><tr>").arg(QLatin1String(tableStyle));
        h += headerRow({{QObject::tr("Group"), 16}, {QObject::tr("Core-hours"), 11}, {QObject::tr("Share of work"), 10},
            {QObject::tr("Wait p50"), 9}, {QObject::tr("Wait p95"), 12}, {QObject::tr("Preemptions"), 14},
            {QObject::tr("Badput core-hours"), 14}, {QObject::tr("Notebook start p95"), 14}});
        h += QStringLiteral("</tr>");
        for (const auto& g : c.groups) {
            h += QStringLiteral("<tr><td style='%1'>%2</td>").arg(QLatin1String(cellStyle), esc(g.name));
            h += cellOf(g.metric("core_hours"), false) + cellOf(g.metric("share"), false)
                + cellOf(g.metric("wait_p50_s"), true) + cellOf(g.metric("wait_p95_s"), true)
                + cellOf(g.metric("preemptions"), false) + cellOf(g.metric("badput_core_hours"), false)
                + cellOf(g.metric("notebook_start_p95_s"), true);
            h += QStringLiteral("</tr>");
        }
        h += QObject::tr("</table><p><small>Green: better for the group; red: worse. Changes under 1 % are not "
                         "marked%1.</small></p>")
                 .arg(c.runs > 1 ? QObject::tr(", nor changes within the noise of %1 runs").arg(c.runs) : QString());
    }
    if (comparisons.empty())
        h += QObject::tr("<p>Only the baseline: keep proposals in the Planner to compare them here.</p>");
    h += QStringLiteral("<p><img src='%1' width='%2'></p>")
             .arg(usageUrl)
             .arg(forPdf ? static_cast<int>(pageInPoints.width()) : 960);

    h += whyWaitedHtml(pageBreak);
    h += pledgesHtml(pageBreak);
    h += mergeStudyHtml(pageBreak);

    // A page per experiment.
    if (!m_scenarios.empty() && m_scenarios.front().result) {
        const pp::Result& base = *m_scenarios.front().result;
        std::vector<std::vector<pp::GroupFigures>> figures;
        for (const auto& s : m_scenarios)
            figures.push_back(s.result ? pp::groupFigures(*s.result) : std::vector<pp::GroupFigures> {});
        for (std::size_t g = 0; g < base.groups.size(); ++g) {
            if (base.groups[g].parent != 0)
                continue; // experiments only: the top-level groups
            const std::string& name = base.groups[g].name;
            h += QObject::tr("<h2%1>%2</h2>").arg(pageBreak, esc(name));
            h += QObject::tr("<p>Configured quota: %1.</p>")
                     .arg(base.groups[g].staticQuota
                             ? QObject::tr("%1 cores").arg(number(base.groups[g].configQuota))
                             : QObject::tr("%1 of the pool").arg(percent(base.groups[g].configQuota)));
            h += QStringLiteral("<table width='100%' style='%1'><tr>").arg(QLatin1String(tableStyle));
            h += headerRow(
                {{QObject::tr("Scenario"), 16}, {QObject::tr("Group"), 18}, {QObject::tr("Quota (cores)"), 10},
                    {QObject::tr("Core-hours"), 11}, {QObject::tr("Share"), 8}, {QObject::tr("Jobs done"), 9},
                    {QObject::tr("Wait p50"), 9}, {QObject::tr("Wait p95"), 9}, {QObject::tr("Preemptions"), 10}});
            h += QStringLiteral("</tr>");
            for (std::size_t k = 0; k < m_scenarios.size(); ++k) {
                if (!m_scenarios[k].result)
                    continue;
                const pp::Result& r = *m_scenarios[k].result;
                for (std::size_t i = 0; i < figures[k].size() && i < r.groups.size(); ++i) {
                    const auto& f = figures[k][i];
                    const bool inExperiment = f.name == name || f.name.rfind(name + ".", 0) == 0;
                    if (!inExperiment)
                        continue;
                    h += QStringLiteral("<tr><td style='%1'>%2</td><td style='%1'>%3</td>"
                                        "<td align=right style='%1'>%4</td><td align=right style='%1'>%5</td>"
                                        "<td align=right style='%1'>%6</td><td align=right style='%1'>%7</td>"
                                        "<td align=right style='%1'>%8</td><td align=right style='%1'>%9</td>"
                                        "<td align=right style='%1'>%10</td></tr>")
                             .arg(QLatin1String(cellStyle), esc(m_scenarios[k].name), esc(f.name),
                                 number(r.groups[i].meanQuota), number(f.coreHours), percent(f.share),
                                 number(static_cast<double>(f.jobsCompleted)),
                                 f.ownJobs ? formatDuration(f.waitP50) : QString(),
                                 f.ownJobs ? formatDuration(f.waitP95) : QString())
                             .arg(number(static_cast<double>(f.preemptions)));
                }
            }
            h += QStringLiteral("</table>");
            // Surplus it lent and borrowed in the baseline.
            double lent = 0, borrowed = 0;
            for (const auto& flow : base.flows) {
                const auto& from = base.groups[static_cast<std::size_t>(flow.from)].name;
                const auto& to = base.groups[static_cast<std::size_t>(flow.to)].name;
                const bool fromHere = from == name || from.rfind(name + ".", 0) == 0;
                const bool toHere = to == name || to.rfind(name + ".", 0) == 0;
                if (fromHere && !toHere)
                    lent += flow.coreHours;
                if (toHere && !fromHere)
                    borrowed += flow.coreHours;
            }
            h += QObject::tr("<p>In %1, %2 lent %3 core-hours of unused quota to other experiments and used %4 "
                             "core-hours of theirs.</p>")
                     .arg(esc(m_scenarios.front().name), esc(name), number(lent), number(borrowed));
        }
    }
    h += QStringLiteral("</body></html>");
    return h;
}

void Report::setPledges(std::vector<std::pair<std::string, double>> pledgedCores,
    std::vector<std::pair<std::string, double>> contributedCores)
{
    m_pledged = std::move(pledgedCores);
    m_contributed = std::move(contributedCores);
}

QString Report::pledgesHtml(const QString& pageBreak) const
{
    if (m_pledged.empty())
        return {};
    QString h = QObject::tr("<h2%1>Pledges</h2>").arg(pageBreak);
    h += QObject::tr("<p>Per experiment and month, in core-hours: what it was pledged, what its machines contributed, "
                     "what its jobs were delivered, what it borrowed of others' unused quota and lent of its own, "
                     "and the ratio of delivered to pledged (red below 1).</p>");
    for (const auto& s : m_scenarios) {
        if (!s.result || s.result->groupSeries.empty())
            continue;
        const auto sheet = pp::pledgeSheet(*s.result, m_pledged, m_contributed);
        h += QStringLiteral("<h3>%1</h3>").arg(esc(s.name));
        h += QStringLiteral("<table width='100%' style='%1'><tr>").arg(QLatin1String(tableStyle));
        h += headerRow({{QObject::tr("Experiment"), 15}, {QObject::tr("Month"), 10}, {QObject::tr("Pledged"), 13},
                 {QObject::tr("Contributed"), 14}, {QObject::tr("Delivered"), 13}, {QObject::tr("Borrowed"), 13},
                 {QObject::tr("Lent"), 12}, {QObject::tr("Ratio"), 10}})
            + QStringLiteral("</tr>");
        for (const auto& row : sheet) {
            const bool shortOfPledge = row.pledgedCoreHours > 0 && row.ratio() < 1.0;
            // Seven-digit core-hours and the month stay on one line each.
            h += QStringLiteral("<tr><td style='%1'>%2</td><td style='%1; white-space: nowrap'>%3</td>")
                     .arg(QLatin1String(cellStyle), esc(row.experiment), esc(row.month));
            for (double v : {row.pledgedCoreHours, row.contributedCoreHours, row.deliveredCoreHours,
                     row.borrowedCoreHours, row.lentCoreHours})
                h += QStringLiteral("<td align=right style='%1; white-space: nowrap'>%2</td>")
                         .arg(QLatin1String(cellStyle), number(v));
            h += QStringLiteral("<td align=right style='%1%2'>%3</td>")
                     .arg(QLatin1String(cellStyle), shortOfPledge ? QStringLiteral("; color: #b2182b") : QString(),
                         row.pledgedCoreHours > 0 ? QString::number(row.ratio(), 'f', 2) : QString());
            h += QStringLiteral("</tr>");
        }
        h += QStringLiteral("</table>");
    }
    return h;
}

QString Report::whyWaitedHtml(const QString& pageBreak) const
{
    QString h = QObject::tr("<h2%1>Why groups waited</h2>").arg(pageBreak);
    h += QObject::tr("<p>The idle cores each negotiation cycle left waiting, until the next cycle, by the reason "
                     "HTCondor's negotiator had (core-hours and share of each group's wait), and the work its jobs "
                     "lost to preemption and runtime limits.</p>");
    bool any = false;
    for (const auto& s : m_scenarios) {
        if (!s.result)
            continue;
        const pp::Result& r = *s.result;
        // Groups that waited, most first; the reasons that any of them had, as columns.
        std::vector<pp::GroupWaits> waits;
        pp::WaitReasonHours total {};
        for (std::size_t g = 0; g < r.groups.size(); ++g) {
            pp::GroupWaits w = pp::groupWaits(r, static_cast<int>(g), false);
            if (w.waited() <= 0 && w.lost() <= 0)
                continue;
            for (std::size_t k = 0; k < pp::waitReasonCount; ++k)
                total[k] += w.hours[k];
            waits.push_back(w);
        }
        if (waits.empty())
            continue;
        any = true;
        std::stable_sort(waits.begin(), waits.end(),
            [](const pp::GroupWaits& a, const pp::GroupWaits& b) { return a.waited() > b.waited(); });
        std::vector<std::size_t> reasons;
        for (std::size_t k = 0; k < pp::waitReasonCount; ++k)
            if (total[k] > 0)
                reasons.push_back(k);
        h += QStringLiteral("<h3>%1</h3>").arg(esc(s.name));
        h += QStringLiteral("<table width='100%' style='%1'><tr>").arg(QLatin1String(tableStyle));
        // The reasons share what the group and its total leave of the width.
        std::vector<std::pair<QString, int>> header {
            {QObject::tr("Group"), 20}, {QObject::tr("Waited core-hours"), 14}};
        const int reasonWidth = 66 / static_cast<int>(std::max<std::size_t>(1, reasons.size()));
        for (std::size_t k : reasons)
            header.emplace_back(QString::fromUtf8(pp::waitReasonLabel(static_cast<pp::WaitReason>(k))), reasonWidth);
        h += headerRow(header) + QStringLiteral("</tr>");
        for (const auto& w : waits) {
            h += QStringLiteral("<tr><td style='%1'>%2</td><td align=right style='%1'>%3</td>")
                     .arg(QLatin1String(cellStyle), esc(r.groups[static_cast<std::size_t>(w.group)].name),
                         number(w.waited()));
            for (std::size_t k : reasons) {
                const bool wait = pp::isWait(static_cast<pp::WaitReason>(k));
                const double share = wait && w.waited() > 0 ? w.hours[k] / w.waited() : 0.0;
                const QString text = w.hours[k] <= 0 ? QString()
                    : wait                           ? QStringLiteral("%1 (%2)").arg(number(w.hours[k]), percent(share))
                                                     : number(w.hours[k]);
                h += QStringLiteral("<td align=right style='%1'>%2</td>").arg(QLatin1String(cellStyle), text);
            }
            h += QStringLiteral("</tr>");
        }
        h += QStringLiteral("</table>");
        // In words, for the groups that waited most.
        h += QStringLiteral("<ul>");
        for (std::size_t i = 0; i < waits.size() && i < 6; ++i) {
            const std::string sentence = pp::waitExplanationText(r, waits[i]);
            h += QStringLiteral("<li>%1</li>").arg(esc(QString::fromStdString(sentence).trimmed()));
        }
        h += QStringLiteral("</ul>");
    }
    if (!any)
        h += QObject::tr("<p>No group left idle cores waiting after a negotiation cycle.</p>");
    return h;
}

QString Report::mergeStudyHtml(const QString& pageBreak) const
{
    if (m_scenarios.empty() || !m_scenarios.front().result)
        return {};
    const auto& base = m_scenarios.front();
    const pp::Workload none;
    QString h;
    for (std::size_t i = 1; i < m_scenarios.size(); ++i) {
        const auto& other = m_scenarios[i];
        if (!other.result || !pp::isMergeStudy(*base.result, *other.result))
            continue;
        const bool jobs = base.workload && other.workload;
        const pp::MergeStudy study
            = pp::mergeStudy(*base.result, jobs ? *base.workload : none, *other.result, jobs ? *other.workload : none);
        h += QObject::tr("<h2%1>Merge study</h2>").arg(pageBreak);
        h += QObject::tr("<p><b>%1</b>: the experiments' own pools, sharing by flocking; <b>%2</b>: one pool, "
                         "the experiments as top-level groups with quotas by the cores they contributed.</p>")
                 .arg(esc(study.separateName), esc(study.mergedName));
        for (const auto& line : study.summary)
            h += QStringLiteral("<p>%1</p>").arg(esc(line));
        h += QStringLiteral("<table width='100%' style='%1'><tr>").arg(QLatin1String(tableStyle));
        h += QObject::tr("<p><small>Core-hours the experiment's machines could give (contributed) and its jobs got in "
                         "each variant; preemptions, badput core-hours and the notebooks' time to start, separate → "
                         "merged.</small></p>");
        h += headerRow({{QObject::tr("Experiment"), 14}, {QObject::tr("Contributed"), 13},
            {QObject::tr("Separate"), 12}, {QObject::tr("Merged"), 12}, {QObject::tr("Preemptions"), 16},
            {QObject::tr("Badput"), 16}, {QObject::tr("Notebooks"), 17}});
        h += QStringLiteral("</tr>");
        const auto both = [](const QString& a, const QString& b) { return a == b ? a : a + QStringLiteral(" → ") + b; };
        for (const auto& r : study.rows) {
            const auto cell = [&](const QString& text) {
                return QStringLiteral("<td align=right style='%1'>%2</td>").arg(QLatin1String(cellStyle), text);
            };
            h += QStringLiteral("<tr><td style='%1'>%2</td>").arg(QLatin1String(cellStyle), esc(r.experiment));
            h += cell(number(r.separate.contributedCoreHours)) + cell(number(r.separate.deliveredCoreHours))
                + cell(number(r.merged.deliveredCoreHours))
                + cell(both(number(static_cast<double>(r.separate.preemptions)),
                    number(static_cast<double>(r.merged.preemptions))))
                + cell(both(number(r.separate.badputCoreHours), number(r.merged.badputCoreHours)))
                + cell(jobs && r.merged.notebookSessions > 0
                        ? both(formatDuration(r.separate.notebookStartP95), formatDuration(r.merged.notebookStartP95))
                        : QString());
            h += QStringLiteral("</tr>");
        }
        h += QStringLiteral("</table>");
        h += QObject::tr("<h3>Sharing</h3><p><small>Core-hours beyond each experiment's own (separate: run in other "
                         "pools by flocking; merged: other experiments' unused quota), and of its own that others "
                         "used, separate → merged.</small></p>");
        h += QStringLiteral("<table width='100%' style='%1'><tr>").arg(QLatin1String(tableStyle));
        h += headerRow({{QObject::tr("Experiment"), 30}, {QObject::tr("Borrowed"), 35}, {QObject::tr("Lent"), 35}});
        h += QStringLiteral("</tr>");
        for (const auto& r : study.rows)
            h += QStringLiteral("<tr><td style='%1'>%2</td><td align=right style='%1'>%3</td>"
                                "<td align=right style='%1'>%4</td></tr>")
                     .arg(QLatin1String(cellStyle), esc(r.experiment),
                         both(number(r.separate.borrowedCoreHours), number(r.merged.borrowedCoreHours)),
                         both(number(r.separate.lentCoreHours), number(r.merged.lentCoreHours)));
        h += QStringLiteral("</table>");
        if (!jobs) {
            h += QObject::tr("<p><i>Waits by job size need the runs' jobs, which results read from files do not "
                             "carry.</i></p>");
            continue;
        }
        h += QObject::tr("<h3>Waits by job size</h3>");
        h += QStringLiteral("<table width='100%' style='%1'><tr>").arg(QLatin1String(tableStyle));
        h += headerRow({{QObject::tr("Experiment"), 16}, {QObject::tr("Job size"), 14}, {QObject::tr("Jobs"), 12},
            {QObject::tr("Wait p50, separate → merged"), 29}, {QObject::tr("Wait p95, separate → merged"), 29}});
        h += QStringLiteral("</tr>");
        for (const auto& r : study.rows)
            for (std::size_t c = 0; c < pp::ExperimentOutcome::sizeClasses; ++c) {
                if (r.merged.startedBySize[c] + r.separate.startedBySize[c] == 0)
                    continue;
                h += QStringLiteral("<tr><td style='%1'>%2</td><td style='%1'>%3</td><td align=right style='%1'>%4</td>"
                                    "<td align=right style='%1'>%5</td><td align=right style='%1'>%6</td></tr>")
                         .arg(QLatin1String(cellStyle), esc(r.experiment),
                             QString::fromUtf8(pp::jobSizeClasses[c].label),
                             number(static_cast<double>(r.merged.startedBySize[c])),
                             both(formatDuration(r.separate.waitP50[c]), formatDuration(r.merged.waitP50[c])),
                             both(formatDuration(r.separate.waitP95[c]), formatDuration(r.merged.waitP95[c])));
            }
        h += QStringLiteral("</table>");
    }
    return h;
}

void Report::fill(QTextDocument* doc, bool forPdf) const
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(10);
    doc->setDefaultFont(font);
    doc->addResource(QTextDocument::ImageResource, QUrl(usageUrl), usageImage());
    doc->setHtml(html(forPdf));
    if (forPdf)
        doc->setPageSize(pageInPoints);
}

bool Report::writePdf(const QString& path, QString* error) const
{
    if (QFileInfo::exists(path) && !QFile::remove(path)) { // the caller asked to replace it
        if (error)
            *error = QObject::tr("%1 cannot be replaced").arg(path);
        return false;
    }
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout::Millimeter);
    writer.setResolution(300);
    writer.setTitle(m_pool);
    writer.setCreator(QStringLiteral("PoolPlanner"));
    QTextDocument doc;
    fill(&doc, true);
    doc.print(&writer);
    if (!QFileInfo(path).isFile() || QFileInfo(path).size() == 0) {
        if (error)
            *error = QObject::tr("%1: the PDF could not be written").arg(path);
        return false;
    }
    return true;
}

QString Report::standaloneHtml() const
{
    // One text: the chart goes in as a data URL.
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    usageImage().save(&buffer, "PNG");
    QString text = html(false);
    text.replace(usageUrl, QStringLiteral("data:image/png;base64,") + QString::fromLatin1(png.toBase64()));
    return text;
}

bool Report::writeHtml(const QString& path, QString* error) const
{
    const QString text = standaloneHtml();
    QFile file(path);
    const QByteArray bytes = text.toUtf8();
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size()) {
        if (error)
            *error = QObject::tr("%1 cannot be written: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QString Report::csv() const
{
    const auto field = [](QString s) {
        if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) || s.contains(QLatin1Char('\n')))
            s = QLatin1Char('"') + s.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
        return s;
    };
    QString out = QStringLiteral("scenario,group,quota_cores,core_hours,share,jobs_completed,wait_p50_s,wait_p95_s,"
                                 "preemptions,badput_core_hours,notebook_start_p95_s,notebook_failures");
    for (std::size_t k = 0; k < pp::waitReasonCount; ++k) // why its own idle cores waited (issue 15), core-hours
        out += QStringLiteral(",why_idle_%1_core_hours")
                   .arg(QLatin1String(pp::waitReasonCode(static_cast<pp::WaitReason>(k))));
    out += QLatin1Char('\n');
    for (const auto& s : m_scenarios) {
        if (!s.result)
            continue;
        const auto figures = pp::groupFigures(*s.result);
        for (std::size_t i = 0; i < figures.size() && i < s.result->groups.size(); ++i) {
            const auto& f = figures[i];
            out += QStringList {field(s.name), field(QString::fromStdString(f.name)),
                QString::number(s.result->groups[i].meanQuota, 'f', 2), QString::number(f.coreHours, 'f', 2),
                QString::number(f.share, 'f', 6), QString::number(f.jobsCompleted), QString::number(f.waitP50, 'f', 1),
                QString::number(f.waitP95, 'f', 1), QString::number(f.preemptions),
                QString::number(f.badputCoreHours, 'f', 2), QString::number(f.notebookStartP95, 'f', 1),
                QString::number(f.notebookFailures)}
                       .join(QLatin1Char(','));
            for (double hours : s.result->groups[i].whyIdleCoreHours)
                out += QLatin1Char(',') + QString::number(hours, 'f', 2);
            out += QLatin1Char('\n');
        }
    }
    return out;
}

bool Report::writeCsv(const QString& path, QString* error) const
{
    QFile file(path);
    const QByteArray bytes = csv().toUtf8();
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size()) {
        if (error)
            *error = QObject::tr("%1 cannot be written: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool Report::writePng(const QString& path, QString* error) const
{
    if (!usageImage().save(path, "PNG")) {
        if (error)
            *error = QObject::tr("%1 cannot be written").arg(path);
        return false;
    }
    return true;
}

bool Report::writeSvg(const QString& path, QString* error) const
{
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(chartSize);
    svg.setViewBox(QRect(QPoint(0, 0), chartSize));
    svg.setTitle(m_pool);
    QPainter painter;
    if (!painter.begin(&svg)) {
        if (error)
            *error = QObject::tr("%1 cannot be written").arg(path);
        return false;
    }
    paintUsage(painter, chartSize);
    painter.end();
    return true;
}

bool Report::write(const QString& path, QString* error) const
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("pdf"))
        return writePdf(path, error);
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm"))
        return writeHtml(path, error);
    if (suffix == QLatin1String("csv"))
        return writeCsv(path, error);
    if (suffix == QLatin1String("png"))
        return writePng(path, error);
    if (suffix == QLatin1String("svg"))
        return writeSvg(path, error);
    if (error)
        *error = QObject::tr("%1: a report is .pdf, .html, .csv, .png or .svg").arg(path);
    return false;
}
