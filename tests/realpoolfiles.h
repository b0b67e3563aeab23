// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

// The two busy pools recorded on a real HTCondor 25.14 (../shared/htcondor-samples/real-pool-25.14): their polls,
// and what each file states, counted with Qt's JSON parser and plain text splitting, independently of the engine's
// readers, so that tests can hold those readers to the files.
#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <map>
#include <set>
#include <string>
#include <vector>
#include <zlib.h>

namespace realpool {

inline const char* const recordings[] = {"B2_preemption_groupaware", "C3_defrag_graceful_retirement"};

inline QString recording(const char* name)
{
    return QStringLiteral(PP_SHARED_DIR "/htcondor-samples/real-pool-25.14/") + QLatin1String(name);
}

// The snapshot files of one recording, by poll number: "000" → {"status" → path, "q" → path, …}.
inline std::map<QString, std::map<QString, QString>> polls(const char* name)
{
    std::map<QString, std::map<QString, QString>> byPoll;
    const QDir dir(recording(name) + QStringLiteral("/snapshots"));
    for (const QString& file : dir.entryList(QDir::Files, QDir::Name)) {
        // NNN_<unixtime>_<kind>.<ext>.gz
        const QStringList parts = file.split(QLatin1Char('_'));
        if (parts.size() < 3)
            continue;
        const QString kind = parts.at(2).section(QLatin1Char('.'), 0, 0);
        byPoll[parts.at(0)][kind] = dir.filePath(file);
    }
    return byPoll;
}

inline QByteArray gunzip(const QString& path)
{
    QByteArray out;
    gzFile f = gzopen(path.toLocal8Bit().constData(), "rb");
    if (!f)
        qFatal("cannot open %s", qPrintable(path));
    char buffer[1 << 16];
    int got = 0;
    while ((got = gzread(f, buffer, sizeof buffer)) > 0)
        out.append(buffer, got);
    gzclose(f);
    return out;
}

// A log as written, or gunzipped when it is a .gz file.
inline QByteArray gunzipOrRead(const QString& path)
{
    if (path.endsWith(QLatin1String(".gz")))
        return gunzip(path);
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline QJsonArray jsonAds(const QString& path)
{
    const QByteArray bytes = gunzip(path);
    if (bytes.trimmed().isEmpty())
        return {}; // condor prints nothing at all for no ads (no submitters yet, an empty queue)
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isArray())
        qFatal("%s is not a JSON array: %s", qPrintable(path), qPrintable(error.errorString()));
    return document.array();
}

inline QString groupOfSubmitter(const QString& accountingName)
{
    const QString name = accountingName.section(QLatin1Char('@'), 0, 0);
    return name.contains(QLatin1Char('.')) ? name.section(QLatin1Char('.'), 0, -2) : QString();
}

struct SlotCounts
{
    long partitionable = 0, dynamic = 0, staticSlots = 0, coresTotal = 0, coresClaimed = 0, claimedSlots = 0;
    std::set<std::string> groups;
};

inline SlotCounts countSlots(const QJsonArray& ads)
{
    SlotCounts c;
    for (const auto& value : ads) {
        const QJsonObject ad = value.toObject();
        const QString type = ad.value(QStringLiteral("SlotType")).toString();
        const long cpus = ad.value(QStringLiteral("Cpus")).toInteger();
        const bool claimed = ad.value(QStringLiteral("State")).toString() == QStringLiteral("Claimed");
        if (type == QStringLiteral("Partitionable")) {
            ++c.partitionable;
            c.coresTotal += ad.value(QStringLiteral("TotalSlotCpus")).toInteger();
        } else if (type == QStringLiteral("Dynamic")) {
            ++c.dynamic;
            c.coresClaimed += claimed ? cpus : 0;
            c.claimedSlots += claimed ? 1 : 0;
        } else {
            ++c.staticSlots;
            c.coresTotal += cpus;
            c.coresClaimed += claimed ? cpus : 0;
            c.claimedSlots += claimed ? 1 : 0;
        }
        const QString group = groupOfSubmitter(ad.value(QStringLiteral("AccountingGroup")).toString());
        if (!group.isEmpty())
            c.groups.insert(group.toStdString());
    }
    return c;
}

inline std::map<std::string, long> countJobs(const QJsonArray& ads, std::set<std::string>* groups)
{
    static const char* const names[]
        = {"unexpanded", "idle", "running", "removed", "completed", "held", "transferring_output", "suspended"};
    std::map<std::string, long> byStatus;
    for (const auto& value : ads) {
        const QJsonObject ad = value.toObject();
        ++byStatus[names[ad.value(QStringLiteral("JobStatus")).toInt()]];
        const QString group = ad.value(QStringLiteral("AcctGroup")).toString();
        if (!group.isEmpty())
            groups->insert(group.toStdString());
    }
    return byStatus;
}

// condor_userprio -long: ads are blocks of `Name = value` lines between blank lines.
inline std::vector<std::map<QString, QString>> longAds(const QString& path)
{
    std::vector<std::map<QString, QString>> ads;
    bool inAd = false;
    for (const QString& line : QString::fromUtf8(gunzip(path)).split(QLatin1Char('\n'))) {
        if (line.trimmed().isEmpty()) {
            inAd = false;
            continue;
        }
        if (!inAd)
            ads.emplace_back();
        inAd = true;
        ads.back()[line.section(QStringLiteral(" = "), 0, 0)] = line.section(QStringLiteral(" = "), 1);
    }
    return ads;
}

} // namespace realpool
