// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/ensemble.h"
#include "model/result.h"
#include "model/workload.h"

#include <QSize>
#include <QString>
#include <QStringList>

#include <vector>

class QImage;
class QPainter;
class QTextDocument;

/// The report for a meeting: a title page with the pool and the period, what each scenario changes, the
/// comparison with the baseline (table, summary, charts), and a page per experiment. One document gives the
/// PDF, the HTML, the CSV of the tables and the PNG of the charts, so every export says the same thing.
class Report
{
public:
    struct Scenario
    {
        QString name;
        QString description;
        QString configSnippet; ///< the knobs it changes, as a config.d snippet; empty for the baseline
        std::shared_ptr<const pp::Result> result;
        /// Its jobs, when known: the merge study's waits by job size need them.
        std::shared_ptr<const pp::Workload> workload = {};
        /// An ensemble's runs (each with its own tie seed), when the scenario was run as one: `result` is then
        /// their medians, and the comparison says which changes are within the runs' noise.
        std::shared_ptr<const pp::EnsembleRuns> ensemble = {};
    };

    /// `scenarios`: the baseline first. `pool`: the pool's name as the title says it.
    Report(QString pool, std::vector<Scenario> scenarios);
    ~Report();

    /// Pledges and contributions in cores per experiment: the report then has a pledge sheet per scenario (per
    /// experiment and month: pledged, contributed, delivered, borrowed, lent; delivered over pledged).
    void setPledges(std::vector<std::pair<std::string, double>> pledgedCores,
        std::vector<std::pair<std::string, double>> contributedCores);

    /// The period the runs cover, as dates when the runs know them ("Mon 4 Jan 2027 – Mon 11 Jan 2027 UTC").
    QString period() const;

    bool writePdf(const QString& path, QString* error) const;
    bool writeHtml(const QString& path, QString* error) const;
    /// One row per group and scenario: every figure of the comparison, units in the header.
    bool writeCsv(const QString& path, QString* error) const;
    /// The usage chart (several runs: their comparison chart), as an image or as vector graphics.
    bool writePng(const QString& path, QString* error) const;
    bool writeSvg(const QString& path, QString* error) const;
    /// By the file's suffix: .pdf, .html, .csv, .png or .svg.
    bool write(const QString& path, QString* error) const;

    QString csv() const;
    /// The report as one HTML text with the chart inline (what the HTML export writes).
    QString standaloneHtml() const;
    /// Fills a document (a preview on screen, or the one printed to PDF) with the report and its chart.
    void fill(QTextDocument* document, bool forPdf) const;

private:
    QString html(bool forPdf) const;
    /// The merge study's section when the baseline and a scenario are its two variants; empty otherwise.
    QString mergeStudyHtml(const QString& pageBreak) const;
    /// Why groups waited: per scenario, each group's wait by reason and the sentences for those that waited most.
    QString whyWaitedHtml(const QString& pageBreak) const;
    /// The pledge sheet of each scenario with a time series, when pledges were given.
    QString pledgesHtml(const QString& pageBreak) const;
    QImage usageImage() const;
    /// Paints the usage chart (one run, or the comparison of several) at `size`.
    void paintUsage(QPainter& painter, QSize size) const;

    QString m_pool;
    std::vector<Scenario> m_scenarios;
    std::vector<std::pair<std::string, double>> m_pledged;
    std::vector<std::pair<std::string, double>> m_contributed;
};
