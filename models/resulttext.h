// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "analysis/notebookactivity.h"
#include "model/ensemble.h"
#include "model/scenario.h"

#include <QCoreApplication>
#include <QString>

/// The sentences the window writes about a result (rich text for its labels): the figures come from the engine's
/// analysis, only the wording is here, so that the views stay layouts.
class ResultText
{
    Q_DECLARE_TR_FUNCTIONS(ResultText)
public:
    /// "12 of 60 jobs of the trace were not replayed (4.1 % of its core-hours)"; empty when none was skipped.
    static QString skippedJobs(const pp::Workload& workload);
    /// The line over every view: pool, days simulated, jobs, core-hours, utilization, the quota rule.
    static QString runSummary(const pp::Scenario& scenario, const pp::Result& result);
    /// Under the usage chart: whole machines, fragmentation, drains, and waits by job size.
    static QString poolFacts(const pp::Result& result);
    /// How far HTCondor's arbitrary choices move the run: utilization and the widest spread of a group's wait p95
    /// over the ensemble's runs.
    static QString ensembleSpread(const pp::EnsembleResult& ensemble);
    /// Notebook sessions by group over the whole run, as a table.
    static QString notebooksByGroup(const pp::Result& result);
    /// The notebook figures of a period (`periodName`: the range bar's description of it).
    static QString notebookPeriod(
        const pp::NotebookActivity::Period& period, const QString& periodName, double startTimeoutSeconds);
};
