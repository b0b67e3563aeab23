// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "resulttext.h"

#include "analysis/periodfigures.h"
#include "formatduration.h"

#include <QLocale>

QString ResultText::skippedJobs(const pp::Workload& workload)
{
    if (workload.skipped.empty())
        return {};
    const QLocale locale;
    long jobs = 0;
    double coreHours = 0;
    for (const auto& s : workload.skipped) {
        jobs += s.jobs;
        coreHours += s.coreHours;
    }
    return tr("%1 of %2 jobs of the trace were not replayed (%3 % of its core-hours)")
        .arg(locale.toString(static_cast<qlonglong>(jobs)),
            locale.toString(static_cast<qlonglong>(workload.sourceJobs)),
            workload.sourceCoreHours > 0 ? locale.toString(100.0 * coreHours / workload.sourceCoreHours, 'f', 1)
                                         : QStringLiteral("?"));
}

QString ResultText::runSummary(const pp::Scenario& scenario, const pp::Result& result)
{
    const QLocale locale;
    const double days = static_cast<double>(result.simulatedSeconds) / 86400.0;
    return tr("<b>%1</b> — %2 cores, %3 days simulated in %4 s. "
              "%5 of %6 jobs completed, %7 core-hours delivered, utilization %8 %. "
              "Quotas follow HTCondor's group quota rules (NEGOTIATOR_ALLOW_QUOTA_OVERSUBSCRIPTION = %9).")
               .arg(QString::fromStdString(scenario.name).toHtmlEscaped())
               .arg(locale.toString(static_cast<qlonglong>(result.poolCores)))
               .arg(locale.toString(days, 'f', 1))
               .arg(locale.toString(result.wallSeconds, 'f', 2))
               .arg(locale.toString(static_cast<qlonglong>(result.jobsCompleted)))
               .arg(locale.toString(static_cast<qlonglong>(result.jobsTotal)))
               .arg(locale.toString(result.coreHoursDelivered, 'f', 0))
               .arg(locale.toString(result.utilization * 100.0, 'f', 1))
               .arg(scenario.policy.allowQuotaOversubscription ? QStringLiteral("True") : QStringLiteral("False"))
        + (scenario.workload.skipped.empty() ? QString()
                                             : QStringLiteral(" <b>%1.</b>").arg(skippedJobs(scenario.workload)));
}

QString ResultText::poolFacts(const pp::Result& result)
{
    const QLocale locale;
    const pp::PoolPeriodFigures mean
        = pp::poolPeriodFigures(result.poolSeries, 0, static_cast<int>(result.poolSeries.size()) - 1);
    QString sizes;
    for (const auto& c : result.waitsBySize)
        if (c.jobs > 0)
            sizes += tr("<li>%1: %2 jobs started, wait p50 %3, p95 %4</li>")
                         .arg(QString::fromStdString(c.label), locale.toString(static_cast<qlonglong>(c.jobs)),
                             formatDuration(c.waitP50), formatDuration(c.waitP95));
    return tr("On average %1 whole machines and %2 idle cores that no 8-core job fits; %3 drains started.<ul>%4</ul>")
        .arg(locale.toString(mean.wholeMachines, 'f', 1), locale.toString(mean.fragmentedCores, 'f', 0),
            locale.toString(static_cast<qlonglong>(result.drainsStarted)), sizes);
}

QString ResultText::ensembleSpread(const pp::EnsembleResult& e)
{
    const QLocale locale;
    const pp::FigureSpread* utilization = e.poolSpread("utilization");
    if (!utilization)
        return {};
    QString widest;
    double widestSpan = -1;
    for (std::size_t g = 0; g < e.median.groups.size(); ++g) {
        const pp::FigureSpread* wait = e.groupSpread(g, "wait_p95_s");
        if (wait && e.median.groups[g].jobsTotal > 0 && wait->high - wait->low > widestSpan) {
            widestSpan = wait->high - wait->low;
            widest = tr("%1's wait p95 %2–%3")
                         .arg(QString::fromStdString(e.median.groups[g].name).toHtmlEscaped(),
                             formatDuration(wait->low), formatDuration(wait->high));
        }
    }
    return tr("<p>Run %1 times with HTCondor's arbitrary choices drawn anew (tied submitters, equal slots, the "
              "cycle's and the schedd's phase): utilization %2–%3 %; the widest spread, %4. The dark band on the chart "
              "is where the "
              "cores in use fell.</p>")
        .arg(e.runs)
        .arg(locale.toString(utilization->low * 100.0, 'f', 1), locale.toString(utilization->high * 100.0, 'f', 1),
            widest.isEmpty() ? tr("none") : widest);
}

QString ResultText::notebooksByGroup(const pp::Result& result)
{
    const QLocale locale;
    QString rows;
    for (const auto& g : result.groups)
        if (g.notebookSessions > 0)
            rows += tr("<tr><td>%1</td><td align=right>%2</td><td align=right>%3</td><td align=right>%4</td><td "
                       "align=right>%5</td></tr>")
                        .arg(QString::fromStdString(g.name).toHtmlEscaped(),
                            locale.toString(static_cast<qlonglong>(g.notebookSessions)),
                            locale.toString(static_cast<qlonglong>(g.notebookFailures)),
                            formatDuration(g.notebookStartP50), formatDuration(g.notebookStartP95));
    if (rows.isEmpty())
        return tr("<p>No notebook sessions in this workload.</p>");
    return tr("<h3>By group, whole run</h3>"
              "<table cellpadding=6><tr><th align=left>Group</th><th>Sessions</th><th>Spawn failures</th>"
              "<th>Start p50</th><th>Start p95</th></tr>%1</table>")
        .arg(rows);
}

QString ResultText::notebookPeriod(
    const pp::NotebookActivity::Period& period, const QString& periodName, double startTimeoutSeconds)
{
    const QLocale locale;
    if (period.sessions == 0)
        return tr("<h2>Notebooks</h2><p>No notebook sessions were asked for in %1.</p>")
            .arg(periodName.toHtmlEscaped());
    return tr("<h2>Notebooks</h2><p>%1: <b>%2</b> sessions asked for, %3 started; time to a usable notebook p50 "
              "<b>%4</b>, p95 <b>%5</b>; <b>%6</b> spawn failures (%7 %) — JupyterHub gives up after %8.</p>")
        .arg(periodName.toHtmlEscaped(), locale.toString(static_cast<qlonglong>(period.sessions)),
            locale.toString(static_cast<qlonglong>(period.started)), formatDuration(period.startP50),
            formatDuration(period.startP95), locale.toString(static_cast<qlonglong>(period.failures)),
            locale.toString(
                100.0 * static_cast<double>(period.failures) / static_cast<double>(period.sessions), 'f', 1),
            formatDuration(startTimeoutSeconds));
}
