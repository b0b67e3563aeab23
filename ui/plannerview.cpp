// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "plannerview.h"

#include "outcomechart.h"
#include "suggestdialog.h"

#include "comparisonmodel.h"
#include "grouppolicymodel.h"
#include "planningsession.h"
#include "policydraft.h"
#include "scenarioset.h"

#include "analysis/comparison.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSlider>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>
#include <QUndoView>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace {

struct PreemptionPreset
{
    const char* label;
    const char* expression; // PREEMPTION_REQUIREMENTS; HTCONDOR.md §4.5
};
const PreemptionPreset preemptionPresets[] = {
    {QT_TRANSLATE_NOOP("PlannerView", "Off (HTCondor's default)"), "False"},
    {QT_TRANSLATE_NOOP("PlannerView", "Within a group, by user priority"),
        "(SubmitterGroup =?= RemoteGroup) && (RemoteUserPrio > SubmitterUserPrio * 1.2)"},
    {QT_TRANSLATE_NOOP("PlannerView", "Down to quota, and within a group by priority"),
        "((SubmitterGroupResourcesInUse < SubmitterGroupQuota) && (RemoteGroupResourcesInUse > RemoteGroupQuota)) || "
        "((SubmitterGroup =?= RemoteGroup) && (RemoteUserPrio > SubmitterUserPrio * 1.2))"},
};

QString squeezed(const std::string& s)
{
    return QString::fromStdString(s).simplified().remove(QLatin1Char(' '));
}

// The kind column edits with a combo box: cores or a share of the parent.
class QuotaKindDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem&, const QModelIndex&) const override
    {
        auto* combo = new QComboBox(parent);
        combo->addItems({QObject::tr("cores"), QObject::tr("% of parent")});
        return combo;
    }
    void setEditorData(QWidget* editor, const QModelIndex& index) const override
    {
        static_cast<QComboBox*>(editor)->setCurrentIndex(index.data(Qt::EditRole).toInt());
    }
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override
    {
        model->setData(index, static_cast<QComboBox*>(editor)->currentIndex(), Qt::EditRole);
    }
};

} // namespace

PlannerView::PlannerView(PlanningSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_draft(session->draft())
    , m_undo(session->undoStack())
    , m_comparison(new ComparisonModel(this))
    , m_scenarios(session->scenarios())
{
    setObjectName(QStringLiteral("plannerView"));
    m_groups = new GroupPolicyModel(m_draft, m_undo, this);
    connect(m_draft, &PolicyDraft::changed, this, &PlannerView::draftChanged);
    connect(m_session, &PlanningSession::baselineReady, this, [this](const pp::Result& baseline) {
        m_groups->setPoolCores(static_cast<double>(baseline.poolCores));
        m_poolCores = static_cast<double>(baseline.poolCores);
        setEnabled(true);
    });
    connect(m_session, &PlanningSession::proposalSimulated, this, &PlannerView::showProposal);
    connect(m_session, &PlanningSession::proposalEnsembleReady, this, &PlannerView::showProposal);
    connect(
        m_session, &PlanningSession::proposalStatus, this, [this](const QString& text) { m_status->setText(text); });
    connect(m_session, &PlanningSession::draftRefused, this, [this](const QString& reason) {
        m_status->setText(tr("<b>HTCondor would refuse this configuration:</b> %1").arg(reason.toHtmlEscaped()));
    });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(buildEditors());
    splitter->addWidget(buildOutcome());
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({560, 840});
    layout->addWidget(splitter);
    setEnabled(false);
}

PlannerView::~PlannerView() = default;

QWidget* PlannerView::buildEditors()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 4, 0);

    auto* bar = new QHBoxLayout;
    // Short buttons (the command's name goes in the tooltip, so a long one does not squeeze the outcome panel).
    QAction* undo = m_undo->createUndoAction(this, tr("Undo"));
    QAction* redo = m_undo->createRedoAction(this, tr("Redo"));
    undo->setShortcut(QKeySequence::Undo);
    redo->setShortcut(QKeySequence::Redo);
    for (QAction* action : {undo, redo}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut); // the planner's own history, not a text field's
        addAction(action);
        auto* button = new QToolButton(page);
        button->setText(action == undo ? tr("Undo") : tr("Redo"));
        button->setEnabled(action->isEnabled());
        connect(button, &QToolButton::clicked, action, &QAction::trigger);
        connect(action, &QAction::changed, button, [button, action] {
            button->setEnabled(action->isEnabled());
            button->setToolTip(action->text());
        });
        bar->addWidget(button);
    }
    auto* reset = new QPushButton(tr("Back to the baseline"), page);
    connect(reset, &QPushButton::clicked, this, [this] {
        while (m_undo->canUndo())
            m_undo->undo();
    });
    bar->addWidget(reset);
    bar->addStretch(1);
    m_scenarioChoice = new QComboBox(page);
    m_scenarioChoice->setModel(m_scenarios);
    m_scenarioChoice->setToolTip(tr("Open a kept scenario to change it further"));
    connect(m_scenarioChoice, &QComboBox::activated, m_session, &PlanningSession::openKeptScenario);
    bar->addWidget(new QLabel(tr("Start from:"), page));
    bar->addWidget(m_scenarioChoice);
    auto* keep = new QPushButton(tr("Keep as…"), page);
    keep->setToolTip(tr("Keep this proposal as a named scenario, for the Compare view and the report"));
    connect(keep, &QPushButton::clicked, this, &PlannerView::chooseKeep);
    bar->addWidget(keep);
    auto* suggestButton = new QPushButton(tr("Suggest quotas…"), page);
    suggestButton->setObjectName(QStringLiteral("suggestQuotas"));
    suggestButton->setToolTip(tr("Search for quotas that meet targets per group (waits, delivered over pledge, …)"));
    connect(suggestButton, &QPushButton::clicked, this, &PlannerView::suggestQuotas);
    bar->addWidget(suggestButton);
    auto* exportButton = new QPushButton(tr("Export config.d snippet…"), page);
    connect(exportButton, &QPushButton::clicked, this, &PlannerView::exportSnippet);
    bar->addWidget(exportButton);
    layout->addLayout(bar);

    auto* groupsBox = new QGroupBox(tr("Groups"), page);
    auto* groupsLayout = new QVBoxLayout(groupsBox);
    auto* table = new QTableView(groupsBox);
    table->setObjectName(QStringLiteral("groupPolicyTable"));
    table->setModel(m_groups);
    table->setItemDelegateForColumn(GroupPolicyModel::KindColumn, new QuotaKindDelegate(table));
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setEditTriggers(
        QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    groupsLayout->addWidget(table);
    // Drag a quota and watch the outcome follow: the proposal is re-simulated while the slider moves.
    auto* sliderRow = new QHBoxLayout;
    m_quotaLabel = new QLabel(tr("Choose a group above to drag its quota"), groupsBox);
    m_quotaLabel->setMinimumWidth(
        m_quotaLabel->fontMetrics().horizontalAdvance(QStringLiteral("atlas.multicore quota: 100.0 % of parent ")));
    m_quotaSlider = new QSlider(Qt::Horizontal, groupsBox);
    m_quotaSlider->setObjectName(QStringLiteral("quotaSlider"));
    m_quotaSlider->setEnabled(false);
    sliderRow->addWidget(m_quotaLabel);
    sliderRow->addWidget(m_quotaSlider, 1);
    groupsLayout->addLayout(sliderRow);
    connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex& current) { loadQuotaSlider(current.row()); });
    connect(m_quotaSlider, &QSlider::sliderPressed, this, [this] { ++m_drag; });
    connect(m_quotaSlider, &QSlider::valueChanged, this, [this](int position) {
        if (m_loadingSlider || m_quotaRow < 0 || !m_draft->policy())
            return;
        const pp::GroupConfig& g = m_draft->policy()->groups[static_cast<std::size_t>(m_quotaRow)];
        if (!m_quotaSlider->isSliderDown())
            ++m_drag; // a key or wheel step is a step of its own
        m_groups->dragQuota(m_quotaRow, g.staticQuota ? position : position / 1000.0, m_drag);
    });
    auto* rebalance
        = new QCheckBox(tr("Keep the parent's total: a quota change is taken from its siblings"), groupsBox);
    rebalance->setChecked(m_groups->rebalance());
    connect(rebalance, &QCheckBox::toggled, m_groups, &GroupPolicyModel::setRebalance);
    groupsLayout->addWidget(rebalance);
    layout->addWidget(groupsBox, 3);

    auto* knobs = new QGroupBox(tr("Pool"), page);
    auto* form = new QFormLayout(knobs);
    m_preemption = new QComboBox(knobs);
    for (const auto& p : preemptionPresets)
        m_preemption->addItem(tr(p.label), QString::fromLatin1(p.expression));
    m_preemption->addItem(tr("Custom (as configured)"));
    connect(m_preemption, &QComboBox::activated, this, [this](int index) {
        if (m_refreshing || index >= static_cast<int>(std::size(preemptionPresets)))
            return;
        m_undo->push(new SetKnobsCommand(m_draft, tr("Preemption: %1").arg(m_preemption->itemText(index)),
            {{"PREEMPTION_REQUIREMENTS", preemptionPresets[index].expression}}));
    });
    m_refreshers.emplace_back([this](const pp::Policy& p) {
        int match = static_cast<int>(std::size(preemptionPresets));
        for (int i = 0; i < static_cast<int>(std::size(preemptionPresets)); ++i)
            if (squeezed(p.preemptionRequirements) == squeezed(preemptionPresets[i].expression))
                match = i;
        m_preemption->setCurrentIndex(match);
        m_preemption->setToolTip(
            QStringLiteral("PREEMPTION_REQUIREMENTS = %1").arg(QString::fromStdString(p.preemptionRequirements)));
    });
    form->addRow(tr("Preemption:"), m_preemption);
    form->addRow(tr("Retirement time (h):"),
        knobSpin(tr("retirement time"), "MAXJOBRETIREMENTTIME", 3600, 0, 24 * 30,
            [](const pp::Policy& p) { return p.maxJobRetirementTime; }));

    auto* limits = new QHBoxLayout;
    m_limitAction = new QComboBox(knobs);
    m_limitAction->addItems({tr("No runtime limit"), tr("Evict and requeue after"), tr("Hold after")});
    m_limitHours = new QDoubleSpinBox(knobs);
    m_limitHours->setRange(0.1, 24 * 30);
    m_limitHours->setDecimals(1);
    m_limitHours->setSuffix(tr(" h"));
    limits->addWidget(m_limitAction);
    limits->addWidget(m_limitHours);
    const auto writeLimit = [this] {
        if (m_refreshing)
            return;
        static const char* const templates[] = {nullptr, "PREEMPT_IF_RUNTIME_EXCEEDS", "HOLD_IF_RUNTIME_EXCEEDS"};
        const int action = m_limitAction->currentIndex();
        const auto seconds = static_cast<long long>(m_limitHours->value() * 3600);
        if (m_draft->policy()) { // nothing changed (focus left the hours box): no command
            const pp::Policy& p = *m_draft->policy();
            const int current = p.runtimeLimitAction == pp::Policy::RuntimeLimitAction::Evict ? 1
                : p.runtimeLimitAction == pp::Policy::RuntimeLimitAction::Hold                ? 2
                                                                                              : 0;
            if (action == current
                && (action == 0 || std::llabs(static_cast<long long>(p.runtimeLimitSeconds) - seconds) < 1))
                return;
        }
        std::optional<std::string> value;
        if (action > 0)
            value = std::string(templates[action]) + "(" + std::to_string(seconds) + ")";
        m_undo->push(new SetKnobsCommand(m_draft,
            action == 0 ? tr("No runtime limit")
                        : tr("Runtime limit: %1 %2 h").arg(m_limitAction->currentText()).arg(m_limitHours->value()),
            {{"$use.POLICY", value}}));
    };
    connect(m_limitAction, &QComboBox::activated, this, writeLimit);
    connect(m_limitHours, &QDoubleSpinBox::editingFinished, this, writeLimit);
    m_refreshers.emplace_back([this](const pp::Policy& p) {
        m_limitAction->setCurrentIndex(p.runtimeLimitAction == pp::Policy::RuntimeLimitAction::Evict ? 1
                : p.runtimeLimitAction == pp::Policy::RuntimeLimitAction::Hold                       ? 2
                                                                                                     : 0);
        m_limitHours->setValue(p.runtimeLimitSeconds / 3600.0);
    });
    form->addRow(tr("Runtime limit, every job:"), limits);
    auto* groupLimitAction = new QComboBox(knobs);
    groupLimitAction->addItems({tr("hold the job"), tr("remove the job")});
    groupLimitAction->setToolTip(
        tr("What the schedd does when a job passes its group's runtime limit (the Groups table)"));
    connect(groupLimitAction, &QComboBox::activated, this, [this](int index) {
        if (m_refreshing)
            return;
        const PolicyDraft::KnobChange action {PolicyDraft::groupLimitAction, index == 1 ? "remove" : "hold"};
        std::vector<PolicyDraft::KnobChange> changes {action};
        for (auto& k : PolicyDraft::groupLimitKnobs(m_draft->base(), m_draft->editsWith({action})))
            changes.push_back(std::move(k));
        m_undo->push(new SetKnobsCommand(
            m_draft, tr("Group runtime limits: %1").arg(index == 1 ? tr("remove") : tr("hold")), changes));
    });
    m_refreshers.emplace_back([this, groupLimitAction](const pp::Policy&) {
        bool remove = false;
        PolicyDraft::groupLimits(m_draft->edits(), &remove);
        groupLimitAction->setCurrentIndex(remove ? 1 : 0);
    });
    form->addRow(tr("Past a group's limit:"), groupLimitAction);

    form->addRow(tr("Drain machines per hour:"),
        knobSpin(tr("machines drained per hour"), "DEFRAG_DRAINING_MACHINES_PER_HOUR", 1, 0, 1000,
            [](const pp::Policy& p) { return p.defragDrainingMachinesPerHour; }));
    form->addRow(tr("At most draining at once:"),
        knobSpin(tr("concurrent draining"), "DEFRAG_MAX_CONCURRENT_DRAINING", 1, -1, 100000,
            [](const pp::Policy& p) { return static_cast<double>(p.defragMaxConcurrentDraining); }));
    form->addRow(tr("Stop at whole machines:"),
        knobSpin(tr("whole machines wanted"), "DEFRAG_MAX_WHOLE_MACHINES", 1, -1, 100000,
            [](const pp::Policy& p) { return static_cast<double>(p.defragMaxWholeMachines); }));
    m_defragSchedule = new QComboBox(knobs);
    m_defragSchedule->addItems({QStringLiteral("graceful"), QStringLiteral("quick"), QStringLiteral("fast")});
    connect(m_defragSchedule, &QComboBox::activated, this, [this](int) {
        if (!m_refreshing)
            m_undo->push(new SetKnobsCommand(m_draft, tr("Drain schedule: %1").arg(m_defragSchedule->currentText()),
                {{"DEFRAG_DRAINING_SCHEDULE", m_defragSchedule->currentText().toStdString()}}));
    });
    m_refreshers.emplace_back(
        [this](const pp::Policy& p) { m_defragSchedule->setCurrentText(QString::fromStdString(p.defragSchedule)); });
    form->addRow(tr("Drain schedule:"), m_defragSchedule);
    form->addRow(tr("Notebook start timeout (s):"),
        knobSpin(tr("notebook start timeout"), "NOTEBOOK_START_TIMEOUT", 1, 0, 86400,
            [](const pp::Policy& p) { return p.notebookStartTimeout; }));
    layout->addWidget(knobs);

    auto* history = new QGroupBox(tr("Changes (click one to go back to it)"), page);
    auto* historyLayout = new QVBoxLayout(history);
    auto* undoView = new QUndoView(m_undo, history);
    undoView->setEmptyLabel(tr("The baseline"));
    historyLayout->addWidget(undoView);
    layout->addWidget(history, 1);
    return page;
}

QDoubleSpinBox* PlannerView::knobSpin(const QString& label, const std::string& knob, double scale, double minimum,
    double maximum, const std::function<double(const pp::Policy&)>& read)
{
    auto* spin = new QDoubleSpinBox(this);
    spin->setRange(minimum, maximum);
    if (minimum < 0)
        spin->setSpecialValueText(tr("no limit"));
    spin->setDecimals(scale == 1 ? 0 : 1);
    spin->setKeyboardTracking(false);
    connect(spin, &QDoubleSpinBox::editingFinished, this, [this, spin, label, knob, scale, read] {
        if (m_refreshing || !m_draft->policy())
            return;
        // Focus leaving the box without a change must not round the configured value to what the box shows.
        if (std::abs(spin->property("shown").toDouble() - spin->value()) < 1e-9)
            return;
        const double v = spin->value() * scale;
        m_undo->push(new SetKnobsCommand(
            m_draft, tr("%1: %2").arg(label).arg(spin->value()), {{knob, QString::number(v, 'g', 10).toStdString()}}));
    });
    m_refreshers.emplace_back([spin, scale, read](const pp::Policy& p) {
        spin->setValue(read(p) / scale);
        spin->setProperty("shown", spin->value());
    });
    return spin;
}

QWidget* PlannerView::buildOutcome()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(4, 0, 0, 0);
    m_status = new QLabel(page);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_summary = new QLabel(page);
    m_summary->setObjectName(QStringLiteral("plannerSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_headline = new QLabel(page);
    m_headline->setObjectName(QStringLiteral("plannerHeadline"));
    m_headline->setWordWrap(true);
    QFont headlineFont = m_headline->font();
    headlineFont.setBold(true);
    headlineFont.setPointSizeF(headlineFont.pointSizeF() * 1.15);
    m_headline->setFont(headlineFont);
    layout->addWidget(m_headline); // who gains and who loses, then the picture, then the words and the table
    m_outcomeChart = new OutcomeChart(page);
    m_outcomeChart->setObjectName(QStringLiteral("plannerOutcomeChart"));
    layout->addWidget(m_outcomeChart);
    layout->addWidget(m_summary);
    auto* table = new QTreeView(page);
    table->setObjectName(QStringLiteral("plannerOutcome"));
    table->setRootIsDecorated(false);
    table->setAlternatingRowColors(true);
    table->setModel(m_comparison);
    table->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->header()->setStretchLastSection(false);
    layout->addWidget(table, 1);
    return page;
}

void PlannerView::loadQuotaSlider(int row)
{
    const auto& policy = m_draft->policy();
    m_quotaRow = policy && row >= 0 && row < static_cast<int>(policy->groups.size()) ? row : -1;
    m_quotaSlider->setEnabled(m_quotaRow >= 0);
    if (m_quotaRow < 0)
        return;
    const pp::GroupConfig& g = policy->groups[static_cast<std::size_t>(m_quotaRow)];
    const QString name = QString::fromStdString(g.name);
    m_loadingSlider = true;
    if (g.staticQuota) {
        const double most = std::max({m_poolCores, g.configQuota * 2.0, 10.0});
        m_quotaSlider->setRange(0, static_cast<int>(std::ceil(most)));
        m_quotaSlider->setSingleStep(std::max(1, static_cast<int>(most / 200)));
        m_quotaSlider->setValue(static_cast<int>(std::lround(g.configQuota)));
        m_quotaLabel->setText(tr("%1 quota: %2 cores").arg(name).arg(g.configQuota, 0, 'f', 0));
    } else {
        m_quotaSlider->setRange(0, 1000); // tenths of a per cent of the parent
        m_quotaSlider->setSingleStep(5);
        m_quotaSlider->setValue(static_cast<int>(std::lround(g.configQuota * 1000.0)));
        m_quotaLabel->setText(tr("%1 quota: %2 % of parent").arg(name).arg(g.configQuota * 100.0, 0, 'f', 1));
    }
    m_quotaSlider->setPageStep(m_quotaSlider->maximum() / 20);
    m_loadingSlider = false;
}

void PlannerView::draftChanged()
{
    if (!m_draft->policy())
        return; // the session says why
    m_refreshing = true;
    for (const auto& refresh : m_refreshers)
        refresh(*m_draft->policy());
    m_refreshing = false;
    loadQuotaSlider(m_quotaRow); // the label follows a drag; undo and other edits move the handle too
}

void PlannerView::showProposal()
{
    const auto baseline = m_session->baselineResult(), proposal = m_session->proposalResult();
    if (!baseline || !proposal)
        return;
    // With both sides' runs in, each figure is a median with its spread, and overlapping spreads are within noise.
    const auto baseRuns = m_session->baselineRuns(), proposalRuns = m_session->proposalRuns();
    const pp::Comparison comparison = baseline != proposal && baseRuns && proposalRuns
        ? pp::compareEnsembles(*baseRuns, *proposalRuns)
        : pp::compareResults(*baseline, *proposal);
    m_comparison->setComparison(
        comparison, ComparisonModel::quotaShares(*baseline), ComparisonModel::quotaShares(*proposal));
    m_summary->setText(QString::fromStdString(pp::comparisonSummaryText(comparison)).toHtmlEscaped());
    m_headline->setText(QString::fromStdString(pp::comparisonHeadline(comparison).text));
    m_outcomeChart->setComparison(
        comparison, ComparisonModel::quotaShares(*baseline), ComparisonModel::quotaShares(*proposal));
}

void PlannerView::exportSnippet()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export config.d snippet"),
        QStringLiteral("90-poolplanner.config"), tr("Configuration (*.config);;All files (*)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    const QByteArray bytes = m_session->configSnippet().toUtf8();
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        m_status->setText(tr("%1 cannot be written: %2").arg(path, file.errorString()));
    else
        m_status->setText(tr("Wrote %1").arg(path));
}

void PlannerView::chooseKeep()
{
    bool ok = false;
    const QString name = QInputDialog::getText(
        this, tr("Keep the proposal"), tr("Name:"), QLineEdit::Normal, m_scenarios->freeName(tr("Proposal")), &ok);
    if (!ok)
        return;
    if (m_session->keepProposal(name) < 0)
        m_status->setText(tr("“%1” cannot be used: the baseline keeps its name.").arg(name));
    else
        m_status->setText(tr("Kept as “%1”.").arg(name.trimmed()));
}

void PlannerView::suggestQuotas()
{
    if (!m_session->hasBaseline())
        return;
    auto* dialog = new SuggestDialog(std::make_shared<const pp::Scenario>(m_session->baseScenario()),
        m_session->baseConfig(), m_session->baselineResult(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SuggestDialog::applyRequested, this, [this](const pp::KnobEdits& knobs) {
        m_undo->push(new SetKnobsCommand(m_session->draft(), tr("Suggested quotas"), knobs));
    });
    dialog->open();
}
