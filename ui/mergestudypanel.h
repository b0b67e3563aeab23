// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "analysis/mergestudy.h"

#include <QWidget>

#include <optional>
#include <string>
#include <utility>
#include <vector>

class PlanningSession;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;
class MergeStudyRunner;

/// The merge question in the window: from the planner's current proposal, the experiments as separate pools that
/// flock to each other against one merged pool with quotas by contribution (scenario/mergevariants.h). Each variant
/// takes knobs of its own over the proposal (FLOCK_INCREMENT or a foreign retirement for the separate pools, a
/// PREEMPTION_REQUIREMENTS for the merged one); both are simulated in the background, then compared per experiment
/// and for the site, with the summary of who gains and who loses.
class MergeStudyPanel : public QWidget
{
    Q_OBJECT
public:
    explicit MergeStudyPanel(PlanningSession* session, QWidget* parent = nullptr);

    /// Derives both variants and starts them; false with a message when a knob or the scenario cannot be used.
    bool start(QString* error);
    bool isRunning() const;
    /// The knobs each variant sets over the proposal, one `KNOB = VALUE` a line.
    void setVariantKnobs(const QString& separate, const QString& merged);
    const std::optional<pp::MergeStudy>& study() const { return m_study; }

Q_SIGNALS:
    void finished();

private:
    using Knobs = std::vector<std::pair<std::string, std::optional<std::string>>>;
    void runOrStop();
    void show(const pp::MergeStudy& study);
    void finish(const QString& message);

    PlanningSession* m_session;
    MergeStudyRunner* m_runner = nullptr;
    QPlainTextEdit* m_separateKnobs = nullptr;
    QPlainTextEdit* m_mergedKnobs = nullptr;
    QPushButton* m_run = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_summary = nullptr;
    QTreeWidget* m_experiments = nullptr;
    QTreeWidget* m_waits = nullptr;
    std::optional<pp::MergeStudy> m_study;
};
