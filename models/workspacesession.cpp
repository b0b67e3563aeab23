// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "workspacesession.h"

#include "io/formatdetect.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

// The scenario opened in the window: the baseline the planner's proposals change.
const QString currentScenario = QStringLiteral("Opened data");

QJsonArray knobsToJson(const std::vector<std::pair<std::string, std::optional<std::string>>>& knobs)
{
    QJsonArray array;
    for (const auto& [name, value] : knobs)
        array.append(QJsonArray {
            QString::fromStdString(name), value ? QJsonValue(QString::fromStdString(*value)) : QJsonValue()});
    return array;
}

std::vector<std::pair<std::string, std::optional<std::string>>> knobsFromJson(const QJsonArray& array)
{
    std::vector<std::pair<std::string, std::optional<std::string>>> knobs;
    for (const auto& item : array) {
        const QJsonArray pair = item.toArray();
        if (pair.size() != 2 || !pair[0].isString())
            continue;
        knobs.emplace_back(pair[0].toString().toStdString(),
            pair[1].isString() ? std::optional(pair[1].toString().toStdString()) : std::nullopt);
    }
    return knobs;
}

void fail(QString* error, const QString& message)
{
    if (error)
        *error = message;
}

QString formatOf(const QString& path)
{
    const auto format = pp::detectFormat(path.toStdString());
    return format ? QString::fromUtf8(pp::fileFormatName(*format)) : QStringLiteral("unknown");
}

// Directories (a snapshot) are imported file by file, under "dir/name", and come back as a directory.
bool collectFiles(const QString& path, QList<QPair<QString, QString>>* files, QString* error)
{
    const QFileInfo info(path);
    if (info.isDir()) {
        const auto entries = QDir(path).entryInfoList(QDir::Files | QDir::Readable, QDir::Name);
        for (const auto& e : entries)
            files->append({info.fileName() + QLatin1Char('/') + e.fileName(), e.filePath()});
        return true;
    }
    if (!info.isFile()) {
        fail(error, QObject::tr("%1: not a file that can be kept in the workspace").arg(path));
        return false;
    }
    files->append({info.fileName(), path});
    return true;
}

} // namespace

WorkspaceSession::WorkspaceSession(QObject* parent)
    : QObject(parent)
{
}

WorkspaceSession::~WorkspaceSession() = default;

QString WorkspaceSession::path() const
{
    return m_workspace ? m_workspace->path() : QString();
}

QString WorkspaceSession::displayName() const
{
    return m_workspace ? QFileInfo(m_workspace->path()).fileName() : tr("untitled");
}

bool WorkspaceSession::looksLikeWorkspace(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.read(16) == QByteArray("SQLite format 3\0", 16);
}

void WorkspaceSession::setUnsaved(bool unsaved)
{
    m_unsaved = unsaved;
    Q_EMIT changed();
}

bool WorkspaceSession::create(const QString& path, QString* error)
{
    if (QFileInfo::exists(path)) {
        fail(error, tr("%1 exists already; choose another name or remove it first").arg(path));
        return false;
    }
    QString why;
    auto workspace = Workspace::open(path, &why);
    if (!workspace) {
        fail(error, why);
        return false;
    }
    std::unique_ptr<Workspace> previous = std::move(m_workspace);
    const qint64 previousScenario = m_scenarioId;
    m_workspace = std::move(workspace);
    m_scenarioId = 0;
    if (!writeCurrent(error)) {
        // Nothing half-written is left behind under the user's chosen name.
        m_workspace = std::move(previous);
        m_scenarioId = previousScenario;
        QFile::remove(path);
        QFile::remove(path + QStringLiteral("-wal"));
        QFile::remove(path + QStringLiteral("-shm"));
        return false;
    }
    setUnsaved(false);
    return true;
}

bool WorkspaceSession::open(const QString& path, std::optional<Source>* source, QString* error)
{
    QString why;
    if (!QFileInfo::exists(path)) {
        fail(error, tr("%1: no such workspace").arg(path));
        return false;
    }
    auto workspace = Workspace::open(path, &why);
    if (!workspace) {
        fail(error, why);
        return false;
    }
    std::optional<Source> restored;
    qint64 scenarioId = 0;
    qint64 openedSnapshotId = 0;
    QString restoreProblem;
    for (const auto& s : workspace->scenarios())
        if (s.name == currentScenario)
            scenarioId = s.id;
    if (scenarioId > 0) {
        const auto scenario = workspace->scenario(scenarioId);
        if (!scenario) {
            fail(error, tr("%1: its opened data cannot be read back (%2)").arg(path, workspace->lastError()));
            return false;
        }
        const QJsonObject json = QJsonDocument::fromJson(scenario->source.toUtf8()).object();
        Source s;
        s.builtin = json.value(QStringLiteral("builtin")).toString();
        auto materialised = std::make_unique<QTemporaryDir>();
        const auto writeOut = [&](const QString& name, const QByteArray& bytes) {
            const QString target = materialised->filePath(name);
            QDir().mkpath(QFileInfo(target).path());
            QFile out(target);
            return out.open(QIODevice::WriteOnly) && out.write(bytes) == bytes.size();
        };
        const QJsonArray files = json.value(QStringLiteral("files")).toArray();
        QStringList opened;
        for (const auto& f : files) {
            const QJsonObject file = f.toObject();
            const QString name = file.value(QStringLiteral("name")).toString();
            const auto bytes = workspace->fileContent(file.value(QStringLiteral("id")).toInteger());
            if (!bytes || name.isEmpty() || name.contains(QStringLiteral("..")) || !writeOut(name, *bytes)) {
                fail(error,
                    tr("%1: the file %2 it holds cannot be read back (%3)")
                        .arg(path, name, workspace->lastError().isEmpty() ? tr("missing") : workspace->lastError()));
                return false;
            }
            // Files of one directory open as that directory, as they were opened.
            const QString top = name.section(QLatin1Char('/'), 0, 0);
            const QString entry = materialised->filePath(name.contains(QLatin1Char('/')) ? top : name);
            if (!opened.contains(entry))
                opened << entry;
        }
        if (const auto snapshotId = json.value(QStringLiteral("snapshot")).toInteger(); snapshotId > 0) {
            openedSnapshotId = snapshotId;
            // A snapshot that cannot be read back does not lock the user out of the workspace: it opens without
            // it, says why, and the window offers the snapshot before it.
            const auto snapshot = workspace->snapshot(snapshotId);
            QString why2;
            const QString directory = materialised->filePath(QStringLiteral("snapshot"));
            if (!snapshot)
                restoreProblem = tr("%1: its pool snapshot cannot be read back (%2)").arg(path, workspace->lastError());
            else if (!writeSnapshotFiles(
                         {snapshot->takenAt, snapshot->host, snapshot->status, snapshot->queue, snapshot->accounting},
                         directory, &why2))
                restoreProblem = why2;
            else
                opened << directory;
        }
        s.paths = opened;
        if (!s.builtin.isEmpty() || !s.paths.isEmpty())
            restored = s;
        m_materialised = std::move(materialised);
    }
    QList<Proposal> proposals;
    for (const auto& s : workspace->scenarios()) {
        const QJsonObject json = QJsonDocument::fromJson(s.source.toUtf8()).object();
        if (s.name == currentScenario || !json.contains(QStringLiteral("knobs")))
            continue;
        Proposal p {s.name, s.description, knobsFromJson(json.value(QStringLiteral("knobs")).toArray()), {}};
        if (const auto result = workspace->latestResult(s.id))
            p.summaryJson = result->summaryJson;
        proposals << p;
    }
    m_workspace = std::move(workspace);
    m_scenarioId = scenarioId;
    m_openedSnapshotId = openedSnapshotId;
    m_restoreProblem = restoreProblem;
    m_proposals = proposals;
    m_current = restored.value_or(Source {});
    m_currentSnapshot.reset();
    m_viewState.clear();
    *source = restored;
    setUnsaved(false);
    return true;
}

bool WorkspaceSession::saveAs(const QString& path, QString* error)
{
    if (!m_workspace)
        return create(path, error);
    if (QFileInfo::exists(path)) {
        fail(error, tr("%1 exists already; choose another name or remove it first").arg(path));
        return false;
    }
    // The workspace holds everything already: a copy, and go on in it.
    QString why;
    if (!m_workspace->saveAs(path, &why)) {
        fail(error, why);
        return false;
    }
    setUnsaved(false);
    return true;
}

bool WorkspaceSession::writeCurrent(QString* error, bool dropProposals)
{
    // One transaction: the pool, its result, the view and the proposals land together, or nothing changes.
    Workspace::Batch batch(*m_workspace);
    if (!batch.isOpen()) {
        fail(error, m_workspace->lastError());
        return false;
    }
    if (dropProposals)
        for (const auto& s : m_workspace->scenarios())
            if (s.name != currentScenario
                && QJsonDocument::fromJson(s.source.toUtf8()).object().contains(QStringLiteral("knobs")))
                m_workspace->removeScenario(s.id);
    const qint64 scenarioBefore = m_scenarioId;
    if (!writeCurrentRows(error)) {
        m_scenarioId = scenarioBefore; // rolled back with the rest
        return false;
    }
    if (!batch.commit()) {
        fail(error, m_workspace->lastError());
        m_scenarioId = scenarioBefore;
        return false;
    }
    return true;
}

bool WorkspaceSession::writeCurrentRows(QString* error)
{
    QJsonObject source;
    if (m_current.builtin.isEmpty() && m_current.paths.isEmpty() && !m_currentSnapshot)
        return true; // nothing shown yet: an empty workspace
    if (!m_current.builtin.isEmpty())
        source.insert(QStringLiteral("builtin"), m_current.builtin);
    if (m_currentSnapshot) {
        Workspace::Snapshot s;
        s.takenAt = m_currentSnapshot->takenAt;
        s.host = m_currentSnapshot->host;
        s.status = m_currentSnapshot->status;
        s.queue = m_currentSnapshot->queue;
        s.accounting = m_currentSnapshot->accounting;
        s.compressed = m_currentSnapshot->compressed;
        const auto id = m_workspace->appendSnapshot(s);
        if (!id) {
            fail(error, m_workspace->lastError());
            return false;
        }
        source.insert(QStringLiteral("snapshot"), *id);
        // A watch keeps the last hour poll by poll and one snapshot an hour before that: bounded growth.
        // Failing to thin costs space, never data.
        m_workspace->thinSnapshots(3600, 3600);
    } else if (!m_current.paths.isEmpty()) {
        auto files = m_prepared ? m_prepared : readForWorkspace(m_current.paths, error);
        if (!files)
            return false;
        QJsonArray stored;
        for (const auto& file : *files) {
            const auto id = m_workspace->importFile(file);
            if (!id) {
                fail(error, m_workspace->lastError());
                return false;
            }
            stored.append(QJsonObject {{QStringLiteral("id"), *id}, {QStringLiteral("name"), file.name}});
        }
        source.insert(QStringLiteral("files"), stored);
    }
    Workspace::Scenario scenario;
    scenario.name = currentScenario;
    scenario.description = m_current.builtin.isEmpty() ? tr("Pool data opened in the window")
                                                       : tr("The built-in %1 pool").arg(m_current.builtin);
    scenario.source = QString::fromUtf8(QJsonDocument(source).toJson(QJsonDocument::Compact));
    scenario.isBaseline = true;
    const auto id = m_workspace->saveScenario(scenario);
    if (!id) {
        fail(error, m_workspace->lastError());
        return false;
    }
    m_scenarioId = *id;
    if (!m_currentResult.isEmpty() && !m_workspace->saveResult(m_scenarioId, m_currentResult)) {
        fail(error, m_workspace->lastError());
        return false;
    }
    for (auto it = m_viewState.cbegin(); it != m_viewState.cend(); ++it)
        if (!m_workspace->setViewState(it.key(), it.value())) {
            fail(error, m_workspace->lastError());
            return false;
        }
    for (const auto& p : m_proposals)
        if (!writeProposal(p, error))
            return false;
    return true;
}

bool WorkspaceSession::writeProposal(const Proposal& proposal, QString* error)
{
    Workspace::Scenario scenario;
    scenario.name = proposal.name;
    scenario.description = proposal.description;
    scenario.source = QString::fromUtf8(QJsonDocument(
        QJsonObject {{QStringLiteral("knobs"),
            knobsToJson(proposal.knobs)}}).toJson(QJsonDocument::Compact));
    const auto id = m_workspace->saveScenario(scenario);
    if (!id || (!proposal.summaryJson.isEmpty() && !m_workspace->saveResult(*id, proposal.summaryJson))) {
        fail(error, m_workspace->lastError());
        return false;
    }
    return true;
}

bool WorkspaceSession::recordProposal(const Proposal& proposal, QString* error)
{
    if (proposal.name == currentScenario) {
        fail(error, tr("“%1” names the opened data in the workspace; choose another name").arg(proposal.name));
        return false;
    }
    bool replaced = false;
    for (auto& p : m_proposals)
        if (p.name == proposal.name) {
            p = proposal;
            replaced = true;
        }
    if (!replaced)
        m_proposals << proposal;
    if (!m_workspace) {
        setUnsaved(true);
        return true;
    }
    return writeProposal(proposal, error);
}

bool WorkspaceSession::recordCurrent(Source source, std::optional<PoolSnapshot> snapshot, QString* error)
{
    // New data makes the old proposals meaningless, in the file too; a new snapshot of the same pool keeps them.
    const bool dropProposals = !snapshot;
    if (dropProposals)
        m_proposals.clear();
    m_current = std::move(source);
    m_currentSnapshot = std::move(snapshot);
    m_currentResult.clear();
    if (!m_workspace) {
        setUnsaved(true);
        return true;
    }
    const bool written = writeCurrent(error, dropProposals);
    m_prepared.reset(); // its bytes are in the file now (or the write failed): a later save reads the files again
    return written;
}

bool WorkspaceSession::recordBuiltin(const QString& name, QString* error)
{
    return recordCurrent(Source {name, {}}, std::nullopt, error);
}

bool WorkspaceSession::recordFiles(
    const QStringList& paths, QString* error, std::optional<QList<Workspace::ImportedFile>> prepared)
{
    m_prepared = std::move(prepared);
    return recordCurrent(Source {{}, paths}, std::nullopt, error);
}

std::optional<QList<Workspace::ImportedFile>> WorkspaceSession::readForWorkspace(
    const QStringList& paths, QString* error)
{
    QList<QPair<QString, QString>> files;
    for (const auto& p : paths)
        if (!collectFiles(p, &files, error))
            return std::nullopt;
    QList<Workspace::ImportedFile> prepared;
    for (const auto& [name, filePath] : files) {
        QFile in(filePath);
        if (!in.open(QIODevice::ReadOnly)) {
            fail(error, tr("%1: cannot be read to keep it in the workspace (%2)").arg(filePath, in.errorString()));
            return std::nullopt;
        }
        prepared.append(Workspace::prepareImport(name, formatOf(filePath), in.readAll()));
    }
    return prepared;
}

std::optional<std::pair<qint64, PoolSnapshot>> WorkspaceSession::snapshotBefore(qint64 id) const
{
    if (!m_workspace)
        return std::nullopt;
    const auto all = m_workspace->snapshots(); // oldest first
    for (qsizetype i = all.size(); i-- > 0;) { // the newest first
        const qint64 candidate = all[i].id;
        if (id > 0 && candidate >= id)
            continue;
        if (const auto s = m_workspace->snapshot(candidate))
            return std::pair {candidate, PoolSnapshot {s->takenAt, s->host, s->status, s->queue, s->accounting}};
    }
    return std::nullopt;
}

bool WorkspaceSession::recordSnapshot(const PoolSnapshot& snapshot, QString* error)
{
    return recordCurrent(Source {}, snapshot, error);
}

bool WorkspaceSession::recordResult(const QString& summaryJson, QString* error)
{
    m_currentResult = summaryJson;
    if (!m_workspace || m_scenarioId == 0)
        return true;
    if (!m_workspace->saveResult(m_scenarioId, summaryJson)) {
        fail(error, m_workspace->lastError());
        return false;
    }
    return true;
}

void WorkspaceSession::setViewState(const QString& key, const QString& value)
{
    m_viewState.insert(key, value);
    if (m_workspace)
        m_workspace->setViewState(key, value); // a failure here costs a view setting, never data
}

QString WorkspaceSession::viewState(const QString& key, const QString& defaultValue) const
{
    if (m_workspace)
        return m_workspace->viewState(key, m_viewState.value(key, defaultValue));
    return m_viewState.value(key, defaultValue);
}
