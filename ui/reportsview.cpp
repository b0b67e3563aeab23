// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "reportsview.h"

#include "planningsession.h"
#include "policydraft.h"
#include "scenarioset.h"

#include "policy/policywriter.h"

#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QTextCursor>
#include <QVBoxLayout>

ReportsView::ReportsView(PlanningSession* session, QWidget* parent)
    : QWidget(parent)
    , m_scenarios(session->scenarios())
    , m_session(session)
{
    setObjectName(QStringLiteral("reportsView"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* side = new QWidget(this);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    auto* form = new QFormLayout;
    m_pool = new QLineEdit(side);
    connect(m_pool, &QLineEdit::editingFinished, this, &ReportsView::refreshPreview);
    form->addRow(tr("Title:"), m_pool);
    sideLayout->addLayout(form);
    sideLayout->addWidget(new QLabel(tr("Scenarios in the report:"), side));
    m_list = new QListWidget(side);
    connect(m_list, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        const QString name = item->data(Qt::UserRole).toString();
        if (item->checkState() == Qt::Checked)
            m_unticked.remove(name);
        else
            m_unticked.insert(name);
        refreshPreview();
    });
    sideLayout->addWidget(m_list, 1);
    const struct
    {
        const char* label;
        const char* suffix;
        const char* filter;
    } exports[] = {{QT_TR_NOOP("Export PDF…"), "pdf", QT_TR_NOOP("PDF (*.pdf)")},
        {QT_TR_NOOP("Export HTML…"), "html", QT_TR_NOOP("HTML (*.html)")},
        {QT_TR_NOOP("Export tables as CSV…"), "csv", QT_TR_NOOP("CSV (*.csv)")},
        {QT_TR_NOOP("Export chart as PNG…"), "png", QT_TR_NOOP("PNG image (*.png)")},
        {QT_TR_NOOP("Export chart as SVG…"), "svg", QT_TR_NOOP("SVG drawing (*.svg)")}};
    for (const auto& e : exports) {
        auto* button = new QPushButton(tr(e.label), side);
        const QString suffix = QString::fromLatin1(e.suffix), filter = tr(e.filter);
        connect(button, &QPushButton::clicked, this, [this, suffix, filter] { chooseExport(suffix, filter); });
        sideLayout->addWidget(button);
    }
    m_status = new QLabel(side);
    m_status->setWordWrap(true);
    sideLayout->addWidget(m_status);
    m_preview = new QTextBrowser(this);
    m_preview->setObjectName(QStringLiteral("reportPreview"));
    auto* splitter = new QSplitter(this);
    splitter->addWidget(side);
    splitter->addWidget(m_preview);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({320, 1100});
    layout->addWidget(splitter);
    connect(m_scenarios, &QAbstractItemModel::modelReset, this, &ReportsView::rebuildList);
    connect(m_scenarios, &QAbstractItemModel::rowsInserted, this, &ReportsView::rebuildList);
    connect(m_scenarios, &QAbstractItemModel::rowsRemoved, this, &ReportsView::rebuildList);
    connect(m_scenarios, &QAbstractItemModel::dataChanged, this, &ReportsView::rebuildList);
    rebuildList();
}

void ReportsView::setPoolName(const QString& name)
{
    m_pool->setText(name);
    refreshPreview();
}

void ReportsView::rebuildList()
{
    QSignalBlocker block(m_list);
    m_list->clear();
    for (int row = 0; row < m_scenarios->count(); ++row) {
        const auto& entry = m_scenarios->at(row);
        auto* item
            = new QListWidgetItem(m_scenarios->data(m_scenarios->index(row), Qt::DisplayRole).toString(), m_list);
        item->setData(Qt::UserRole, entry.name);
        item->setToolTip(entry.description);
        // The baseline is what everything is compared with: always in.
        item->setFlags(row == 0 ? Qt::ItemIsEnabled : Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(
            row == 0 || (entry.result && !m_unticked.contains(entry.name)) ? Qt::Checked : Qt::Unchecked);
    }
    refreshPreview();
}

Report ReportsView::report() const
{
    std::vector<Report::Scenario> scenarios;
    for (int row = 0; row < m_scenarios->count() && row < m_list->count(); ++row) {
        const auto& entry = m_scenarios->at(row);
        if (m_list->item(row)->checkState() != Qt::Checked || !entry.result)
            continue;
        QString snippet;
        if (row > 0) {
            const auto before = PolicyDraft::policyFor(m_session->baseConfig(), {});
            const auto after = PolicyDraft::policyFor(m_session->baseConfig(), entry.knobs);
            if (before && after)
                snippet = QString::fromStdString(pp::configSnippet(*before, *after, m_session->baseScenario().name));
        }
        scenarios.push_back({entry.name, entry.description, snippet, entry.result});
    }
    return Report(m_pool->text().isEmpty() ? tr("PoolPlanner report") : m_pool->text(), std::move(scenarios));
}

void ReportsView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_previewStale)
        refreshPreview();
}

void ReportsView::refreshPreview()
{
    // Every new result or kept proposal changes the report; lay it out when someone is looking.
    m_previewStale = !isVisible();
    if (m_previewStale)
        return;
    if (m_scenarios->count() == 0 || !m_scenarios->at(0).result) {
        m_preview->setHtml(tr("<p>The report appears here once a pool is open and simulated.</p>"));
        return;
    }
    // The same text, tables and chart as the PDF, laid out for the screen.
    report().fill(m_preview->document(), false);
    m_preview->moveCursor(QTextCursor::Start);
}

bool ReportsView::exportTo(const QString& path, QString* message) const
{
    QString error;
    const bool ok = report().write(path, &error);
    *message = ok ? tr("Wrote %1").arg(path) : error;
    return ok;
}

void ReportsView::chooseExport(const QString& suffix, const QString& filter)
{
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export the report"), QStringLiteral("poolplanner-report.") + suffix, filter);
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1Char('.') + suffix, Qt::CaseInsensitive))
        path += QLatin1Char('.') + suffix;
    QString message;
    exportTo(path, &message);
    m_status->setText(message);
}
