// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "report.h"

#include <QSet>
#include <QWidget>

class PlanningSession;
class QLabel;
class QLineEdit;
class QListWidget;
class QTextBrowser;
class ScenarioSet;

/// Reports for the meeting: choose the scenarios, see the report as it will print, export it as PDF, HTML,
/// CSV, PNG or SVG. The same Report class writes what `poolplanner-cli report` writes.
class ReportsView : public QWidget
{
    Q_OBJECT
public:
    explicit ReportsView(PlanningSession* session, QWidget* parent = nullptr);

    void setPoolName(const QString& name);
    /// The report of the scenarios ticked (the baseline always first).
    Report report() const;
    /// Writes the report to `path` (by its suffix); the message says where, or why not.
    bool exportTo(const QString& path, QString* message) const;

protected:
    void showEvent(QShowEvent* event) override;

private:
    void rebuildList();
    void refreshPreview();
    void chooseExport(const QString& suffix, const QString& filter);

    ScenarioSet* m_scenarios;
    PlanningSession* m_session;
    QLineEdit* m_pool = nullptr;
    QListWidget* m_list = nullptr;
    QTextBrowser* m_preview = nullptr;
    QLabel* m_status = nullptr;
    bool m_previewStale = true; // the preview is laid out (a chart painted) only when the view is shown
    QSet<QString> m_unticked; // scenarios the user took out; a scenario without a result yet is not one of them
};
