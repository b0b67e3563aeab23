// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "suggestdialog.h"

#include "pledgesheettable.h"
#include "suggestrunner.h"

#include "io/pledgefiles.h"
#include "policy/grouptree.h"
#include "sweep/suggestionformat.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace {

QComboBox* choice(const QStringList& items, const QString& current, QWidget* parent)
{
    auto* box = new QComboBox(parent);
    box->addItems(items);
    box->setCurrentText(current);
    return box;
}

QDoubleSpinBox* amount(double value, QWidget* parent)
{
    auto* spin = new QDoubleSpinBox(parent);
    spin->setRange(0, 1e12);
    spin->setDecimals(3);
    spin->setValue(value);
    return spin;
}

} // namespace

SuggestDialog::SuggestDialog(std::shared_ptr<const pp::Scenario> base, pp::Config config,
    const std::shared_ptr<const pp::Result>& baseline, QWidget* parent)
    : QDialog(parent)
    , m_base(std::move(base))
    , m_baseline(baseline)
    , m_config(std::move(config))
    , m_runner(new SuggestRunner(this))
{
    setObjectName(QStringLiteral("suggestDialog"));
    setWindowTitle(tr("Suggest quotas"));
    const pp::GroupTree tree(m_base->policy);
    for (const auto& node : tree.nodes())
        if (node.parent >= 0)
            m_groups << QString::fromStdString(node.name);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Targets the quotas should meet (figures of the whole run). The search moves "
                                    "quota between sibling groups and lets groups accept surplus, simulating each "
                                    "candidate on all cores."),
        this));
    m_targets = new QTableWidget(0, 4, this);
    m_targets->setObjectName(QStringLiteral("suggestTargets"));
    m_targets->setHorizontalHeaderLabels({tr("Group"), tr("Figure"), tr(""), tr("Value")});
    m_targets->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    layout->addWidget(m_targets, 1);
    auto* targetButtons = new QHBoxLayout;
    auto* addTarget = new QPushButton(tr("Add a target"), this);
    connect(addTarget, &QPushButton::clicked, this,
        [this] { addTargetRow(m_groups.value(0), QStringLiteral("wait_p95_s"), false, 3600); });
    auto* removeTarget = new QPushButton(tr("Remove"), this);
    connect(removeTarget, &QPushButton::clicked, this, [this] { m_targets->removeRow(m_targets->currentRow()); });
    targetButtons->addWidget(addTarget);
    targetButtons->addWidget(removeTarget);
    targetButtons->addStretch(1);
    layout->addLayout(targetButtons);

    layout->addWidget(new QLabel(tr("Pledges in cores, per experiment (for delivered_over_pledge):"), this));
    m_pledges = new QTableWidget(0, 2, this);
    m_pledges->setObjectName(QStringLiteral("suggestPledges"));
    m_pledges->setHorizontalHeaderLabels({tr("Experiment"), tr("Cores")});
    m_pledges->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    for (const auto& node : tree.nodes())
        if (node.parent == pp::GroupTree::root) {
            const int row = m_pledges->rowCount();
            m_pledges->insertRow(row);
            auto* name = new QTableWidgetItem(QString::fromStdString(node.name));
            name->setFlags(name->flags() & ~Qt::ItemIsEditable);
            m_pledges->setItem(row, 0, name);
            auto* spin = amount(0, m_pledges);
            connect(spin, &QDoubleSpinBox::valueChanged, this, &SuggestDialog::showCurrentSheet);
            m_pledges->setCellWidget(row, 1, spin);
        }
    layout->addWidget(m_pledges, 2);

    auto* sheetRow = new QHBoxLayout;
    sheetRow->addWidget(new QLabel(tr("Pledge sheet, per experiment and month (core-hours of the run):"), this), 1);
    auto* exportSheet = new QPushButton(tr("Export sheet (CSV)…"), this);
    connect(exportSheet, &QPushButton::clicked, this, &SuggestDialog::exportSheet);
    sheetRow->addWidget(exportSheet);
    layout->addLayout(sheetRow);
    m_sheet = new PledgeSheetTable(this);
    layout->addWidget(m_sheet, 3);

    auto* actions = new QHBoxLayout;
    m_search = new QPushButton(tr("Search"), this);
    m_search->setObjectName(QStringLiteral("suggestSearch"));
    connect(m_search, &QPushButton::clicked, this, &SuggestDialog::search);
    m_apply = new QPushButton(tr("Apply as a proposal"), this);
    m_apply->setObjectName(QStringLiteral("suggestApply"));
    m_apply->setEnabled(false);
    connect(m_apply, &QPushButton::clicked, this, [this] {
        Q_EMIT applyRequested(m_suggested);
        accept();
    });
    m_status = new QLabel(this);
    actions->addWidget(m_search);
    actions->addWidget(m_apply);
    actions->addWidget(m_status, 1);
    layout->addLayout(actions);
    m_answer = new QPlainTextEdit(this);
    m_answer->setObjectName(QStringLiteral("suggestAnswer"));
    m_answer->setReadOnly(true);
    m_answer->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    layout->addWidget(m_answer, 3);
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(close);

    connect(m_runner, &SuggestRunner::finished, this,
        [this](const std::shared_ptr<const pp::QuotaSuggestion>& s,
            const std::shared_ptr<const std::vector<pp::PledgeMonth>>& suggestedSheet) {
            m_search->setEnabled(true);
            if (m_baseline && suggestedSheet && !suggestedSheet->empty())
                m_sheet->setSheets(SuggestRunner::sheetOf(*m_baseline, *m_base, pledges()), *suggestedSheet);
            m_answer->setPlainText(QString::fromStdString(pp::suggestionText(*s, true)));
            m_suggested.clear();
            for (const auto& [key, value] : s->best.knobs)
                m_suggested.emplace_back(key, value);
            m_apply->setEnabled(!m_suggested.empty());
            m_status->setText(
                s->feasible ? tr("Every target met.") : tr("Not every target can be met: see why below."));
        });
    connect(m_runner, &SuggestRunner::failed, this, [this](const QString& message) {
        m_search->setEnabled(true);
        m_status->setText(tr("No search: %1").arg(message));
    });
    // A first target to edit: the group with the longest p95 wait, halved.
    QString longest = m_groups.value(0);
    double wait = 7200;
    if (baseline)
        for (std::size_t g = 1; g < baseline->groups.size(); ++g)
            if (baseline->groups[g].waitP95 / 2 > wait || (g == 1 && baseline->groups[g].waitP95 > 0)) {
                wait = baseline->groups[g].waitP95 / 2;
                longest = QString::fromStdString(baseline->groups[g].name);
            }
    addTargetRow(longest, QStringLiteral("wait_p95_s"), false, std::round(wait));
    showCurrentSheet();
    resize(1000, 900);
}

std::vector<pp::Pledge> SuggestDialog::pledges() const
{
    std::vector<pp::Pledge> out;
    for (int row = 0; row < m_pledges->rowCount(); ++row) {
        const double cores = qobject_cast<QDoubleSpinBox*>(m_pledges->cellWidget(row, 1))->value();
        if (cores > 0)
            out.push_back({m_pledges->item(row, 0)->text().toStdString(), cores, false, cores});
    }
    return out;
}

void SuggestDialog::showCurrentSheet()
{
    if (m_baseline && m_sheet)
        m_sheet->setSheets(SuggestRunner::sheetOf(*m_baseline, *m_base, pledges()));
}

void SuggestDialog::exportSheet()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export pledge sheet"), QStringLiteral("pledges.csv"), tr("CSV (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    const QByteArray bytes = QByteArray::fromStdString(pp::pledgeSheetCsv(m_sheet->shownSheet(), m_base->name));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        m_status->setText(tr("%1 could not be written: %2").arg(path, file.errorString()));
    else
        m_status->setText(tr("Wrote %1.").arg(path));
}

void SuggestDialog::addTargetRow(const QString& group, const QString& metric, bool atLeast, double value)
{
    QStringList metrics;
    for (const auto& m : pp::quotaTargetMetrics())
        metrics << QString::fromStdString(m);
    const int row = m_targets->rowCount();
    m_targets->insertRow(row);
    m_targets->setCellWidget(row, 0, choice(m_groups, group, m_targets));
    m_targets->setCellWidget(row, 1, choice(metrics, metric, m_targets));
    m_targets->setCellWidget(row, 2,
        choice({QStringLiteral(">="), QStringLiteral("<=")}, atLeast ? QStringLiteral(">=") : QStringLiteral("<="),
            m_targets));
    m_targets->setCellWidget(row, 3, amount(value, m_targets));
}

void SuggestDialog::search()
{
    pp::SuggestOptions options;
    for (int row = 0; row < m_targets->rowCount(); ++row) {
        pp::QuotaTarget t;
        t.group = qobject_cast<QComboBox*>(m_targets->cellWidget(row, 0))->currentText().toStdString();
        t.metric = qobject_cast<QComboBox*>(m_targets->cellWidget(row, 1))->currentText().toStdString();
        t.atLeast = qobject_cast<QComboBox*>(m_targets->cellWidget(row, 2))->currentText() == QStringLiteral(">=");
        t.value = qobject_cast<QDoubleSpinBox*>(m_targets->cellWidget(row, 3))->value();
        options.targets.push_back(t);
    }
    options.pledges = pledges();
    if (options.targets.empty()) {
        m_status->setText(tr("Add a target first."));
        return;
    }
    m_search->setEnabled(false);
    m_apply->setEnabled(false);
    m_status->setText(tr("Searching: each candidate is a simulation of the scenario…"));
    m_runner->start(m_base, m_config, options);
}
