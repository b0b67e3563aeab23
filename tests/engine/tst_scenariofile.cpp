// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// Scenario files: condor_config syntax with POOLPLANNER_ keys, read over a base configuration.
#include "../testfiles.h"

#include "policy/policyfromconfig.h"
#include "scenario/scenariofile.h"
#include "scenario/whatif.h"

#include <QtTest>

#include <QDir>
#include <QTemporaryDir>

#include <algorithm>
#include <filesystem>

namespace {

/// Every field of a spec that the file holds, one per line, so that a failed comparison shows the difference.
QString describe(const pp::ScenarioSpec& s)
{
    QStringList lines;
    const auto add = [&](const char* key, const std::string& value) {
        lines << QString::fromUtf8(key) + QStringLiteral(" = ") + QString::fromStdString(value);
    };
    const auto& in = s.inputs;
    add("name", s.name);
    add("description", s.description);
    add("builtin", in.builtin);
    for (const auto& config : in.configPaths)
        add("config", config);
    add("trace", in.tracePath);
    add("model", in.modelPath);
    add("pool", in.poolPath);
    add("map", in.mapPath);
    add("cores", std::to_string(in.cores));
    add("machine cores", std::to_string(in.machineCores));
    add("horizon", in.horizonSeconds ? std::to_string(*in.horizonSeconds) : "none");
    add("seed", std::to_string(in.seed));
    add("utc offset", std::to_string(in.eventLog.utcOffsetSeconds));
    add("legacy year", std::to_string(in.eventLog.legacyYear));
    add("merge variant", in.mergeVariant);
    for (const auto& [group, factor] : in.scale)
        add(("scale " + group).c_str(), std::to_string(factor));
    for (const auto& [knob, value] : s.knobs)
        add(("knob " + knob).c_str(), value);
    return lines.join(QLatin1Char('\n'));
}

std::string str(const QString& s)
{
    return s.toStdString();
}

} // namespace

class ScenarioFileTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void writeThenReadGivesTheSameSpec_data();
    void writeThenReadGivesTheSameSpec();
    void relativePathsAreTheScenarioFiles();
    void knobsAreReadOverTheBaseAsConfigDIs();
    void builtinNameOrFile();
    void badScenarioFilesAreRefusedWithFileAndLine_data();
    void badScenarioFilesAreRefusedWithFileAndLine();
    void aKnobThePolicyRefusesNamesTheScenarioLine();
    void builtScenarioHasTheKnobsPolicy();
    void aMergeVariantIsDerivedAfterTheKnobs();
    void scalingABuiltInCopiesItsJobs();
    void groupRuntimeLimitsAreTheWindowsWhatIf();

private:
    QString path(const char* name) const { return m_dir.filePath(QString::fromUtf8(name)); }
    QTemporaryDir m_dir;
};

void ScenarioFileTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(writeFile(path("base.config"),
        "GROUP_NAMES = g1, g2\nGROUP_QUOTA_DYNAMIC_g1 = 0.5\nGROUP_QUOTA_DYNAMIC_g2 = 0.5\nGROUP_ACCEPT_SURPLUS = "
        "True\n"));
    QVERIFY(writeFile(path("trace.swf"), readAll(dataPath("lpc-egee-slice.swf"))));
    QVERIFY(writeFile(path("groups.map"), "g1 = atlas\n"));
}

void ScenarioFileTest::writeThenReadGivesTheSameSpec_data()
{
    QTest::addColumn<int>("which");
    QTest::addRow("built-in base, knobs, a metaknob, horizon and seed") << 0;
    QTest::addRow("configuration, trace, uniform pool, map, event-log options") << 1;
    QTest::addRow("configuration, model, pool file, per-group scaling, odd horizon, merge variant") << 2;
}

void ScenarioFileTest::writeThenReadGivesTheSameSpec()
{
    QFETCH(int, which);
    pp::ScenarioSpec spec;
    spec.name = "more analysis";
    spec.description = "atlas.analysis gets 35 % of atlas";
    if (which == 0) {
        spec.inputs.builtin = "demo";
        spec.inputs.horizonSeconds = 1.5 * 86400;
        spec.inputs.seed = 7;
        spec.knobs = {{"GROUP_QUOTA_DYNAMIC_atlas.analysis", "0.35"}, {"use POLICY", "HOLD_IF_RUNTIME_EXCEEDS(7200)"},
            {"GROUP_QUOTA_DYNAMIC_atlas.prod", "0.5"}};
    } else if (which == 1) {
        spec.inputs.configPaths = {str(path("base.config"))};
        spec.inputs.tracePath = str(path("trace.swf"));
        spec.inputs.cores = 64;
        spec.inputs.machineCores = 16;
        spec.inputs.mapPath = str(path("groups.map"));
        spec.inputs.eventLog.utcOffsetSeconds = -5 * 3600 - 1800;
        spec.inputs.eventLog.legacyYear = 2019;
        spec.knobs = {{"GROUP_QUOTA_DYNAMIC_g1", "0.8"}, {"NEGOTIATOR_INTERVAL", "$(MY_INTERVAL:120)"}};
    } else {
        spec.inputs.configPaths = {str(path("base.config"))};
        spec.inputs.modelPath = str(path("model.txt"));
        spec.inputs.poolPath = str(path("machines.pool"));
        spec.inputs.scale = {{"g1", 1.5}, {"g2", 0.1}};
        spec.inputs.horizonSeconds = 1234.5;
        spec.inputs.mergeVariant = "separate";
    }
    const QString file = path("roundtrip.scenario");
    QVERIFY(writeFile(file, QByteArray::fromStdString(pp::writeScenarioFile(spec))));
    const auto read = pp::readScenarioFile(str(file));
    QVERIFY2(read.ok(), read.ok() ? "" : read.error().message().c_str());
    QCOMPARE(describe(*read), describe(spec));
    // And once more: what was read writes the same text.
    QCOMPARE(pp::writeScenarioFile(*read), pp::writeScenarioFile(spec));
}

void ScenarioFileTest::relativePathsAreTheScenarioFiles()
{
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("plans/traces")));
    QVERIFY(writeFile(path("plans/traces/t.swf"), readAll(dataPath("lpc-egee-slice.swf"))));
    QVERIFY(writeFile(path("plans/relative.scenario"),
        "POOLPLANNER_BASE = ../base.config\nPOOLPLANNER_TRACE = traces/t.swf\nPOOLPLANNER_CORES = 16\n"));
    const auto spec = pp::readScenarioFile(str(path("plans/relative.scenario")));
    QVERIFY2(spec.ok(), spec.ok() ? "" : spec.error().message().c_str());
    QCOMPARE(spec->inputs.configPaths, std::vector<std::string> {str(path("base.config"))});
    QCOMPARE(spec->inputs.tracePath, str(path("plans/traces/t.swf")));
    QCOMPARE(spec->name, std::string("relative")); // no POOLPLANNER_NAME: the file's name
    pp::Warnings warnings;
    const auto scenario = pp::buildScenario(*spec, warnings);
    QVERIFY2(scenario.ok(), scenario.ok() ? "" : scenario.error().message().c_str());
    QVERIFY(!scenario->workload.jobs.empty());
    QCOMPARE(scenario->pool.totalCores(), 16L);
}

void ScenarioFileTest::knobsAreReadOverTheBaseAsConfigDIs()
{
    // A self-reference appends to the base's value, as a config.d file does; knobs stay in file order.
    QVERIFY(writeFile(path("more.scenario"),
        "POOLPLANNER_BASE = base.config\nPOOLPLANNER_TRACE = trace.swf\nPOOLPLANNER_CORES = 16\n"
        "GROUP_NAMES = $(GROUP_NAMES), g3\nGROUP_QUOTA_DYNAMIC_g3 = 0.1\nGROUP_ACCEPT_SURPLUS = False\n"));
    const auto spec = pp::readScenarioFile(str(path("more.scenario")));
    QVERIFY2(spec.ok(), spec.ok() ? "" : spec.error().message().c_str());
    QCOMPARE(spec->knobs.size(), std::size_t(3));
    QCOMPARE(spec->knobs[0].first, std::string("GROUP_NAMES"));
    QCOMPARE(spec->knobs[0].second, std::string("g1, g2, g3"));
    QCOMPARE(spec->knobs[2].first, std::string("GROUP_ACCEPT_SURPLUS"));
    const auto config = pp::scenarioConfig(*spec);
    QVERIFY(config.ok());
    QCOMPARE(config->value("GROUP_NAMES").value_or(""), std::string("g1, g2, g3"));
    QCOMPARE(config->value("GROUP_QUOTA_DYNAMIC_g1").value_or(""), std::string("0.5")); // from the base
    const auto policy = pp::policyFromConfig(*config);
    QVERIFY(policy.ok());
    QCOMPARE(policy->groups.size(), std::size_t(3));
    QVERIFY(!policy->groups[0].acceptSurplus);

    // The same knob given to a spec in memory (as the GUI's editor does) appends the same way.
    pp::ScenarioSpec edited = *spec;
    edited.knobs = {{"GROUP_NAMES", "$(GROUP_NAMES), g4"}};
    QCOMPARE(pp::scenarioConfig(edited)->value("GROUP_NAMES").value_or(""), std::string("g1, g2, g4"));
}

void ScenarioFileTest::builtinNameOrFile()
{
    const auto demo = pp::scenarioSpecFor("demo");
    QVERIFY(demo.ok());
    QCOMPARE(demo->inputs.builtin, std::string("demo"));
    QVERIFY(demo->knobs.empty());
    const auto missing = pp::scenarioSpecFor("demo-nonexistent");
    QVERIFY(!missing.ok());
    QVERIFY2(
        missing.error().message().find("not a built-in scenario (this version has: demo, demo-separate, demo-merged)")
            != std::string::npos,
        missing.error().message().c_str());
}

void ScenarioFileTest::badScenarioFilesAreRefusedWithFileAndLine_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected"); // after "<file>", e.g. ":2: unknown scenario key"

    QTest::addRow("unknown POOLPLANNER_ key") << QByteArray("POOLPLANNER_BASE = demo\nPOOLPLANNER_TRACEE = x.swf\n")
                                              << QStringLiteral(":2: unknown scenario key POOLPLANNER_TRACEE");
    QTest::addRow("horizon that is not a duration")
        << QByteArray("# plan\nPOOLPLANNER_BASE = demo\nPOOLPLANNER_HORIZON = soon\n")
        << QStringLiteral(":3: POOLPLANNER_HORIZON: 'soon' is not a duration");
    QTest::addRow("an end-of-line comment")
        << QByteArray("POOLPLANNER_BASE = demo # the demo pool\n")
        << QStringLiteral(
               ":1: POOLPLANNER_BASE: 'demo # the demo pool' is not a file (condor_config has no end-of-line comments");
    QTest::addRow("empty file") << QByteArray() << QStringLiteral(": empty file: not a PoolPlanner scenario");
    QTest::addRow("comments only") << QByteArray("# nothing yet\n\n") << QStringLiteral(": no POOLPLANNER_BASE");
    QTest::addRow("a plain condor_config")
        << QByteArray("GROUP_NAMES = a\nGROUP_QUOTA_a = 5\n") << QStringLiteral(": no POOLPLANNER_BASE");
    QTest::addRow("cut in the middle of a name")
        << QByteArray("POOLPLANNER_BASE = demo\nGROUP_QUOTA_st") << QStringLiteral(":2: expected 'NAME = value'");
    QTest::addRow("cut inside an if") << QByteArray("POOLPLANNER_BASE = demo\nif true\nGROUP_QUOTA_star = 10\n")
                                      << QStringLiteral(":3: if without a matching endif");
    QTest::addRow("binary") << QByteArray("POOLPLANNER_BASE = demo\n\x7f\x01") + QByteArray(2, '\0') + "garbage"
                            << QStringLiteral(":2: binary data");
    QTest::addRow("base file missing") << QByteArray("POOLPLANNER_BASE = nothere.config\n")
                                       << QStringLiteral(":1: POOLPLANNER_BASE: ");
    QTest::addRow("a trace for the built-in demo")
        << QByteArray("POOLPLANNER_BASE = demo\nPOOLPLANNER_TRACE = trace.swf\n")
        << QStringLiteral(":2: POOLPLANNER_TRACE: a trace is not for the built-in 'demo'");
    QTest::addRow("a configuration without a workload")
        << QByteArray("POOLPLANNER_BASE = base.config\nPOOLPLANNER_CORES = 8\n")
        << QStringLiteral(":1: POOLPLANNER_BASE: no workload");
    QTest::addRow("a trace without a pool")
        << QByteArray("POOLPLANNER_BASE = base.config\nPOOLPLANNER_TRACE = trace.swf\n")
        << QStringLiteral(":1: POOLPLANNER_BASE: no pool");
    QTest::addRow("negative scale") << QByteArray("POOLPLANNER_BASE = demo\nPOOLPLANNER_SCALE_g1 = -2\n")
                                    << QStringLiteral(":2: POOLPLANNER_SCALE_g1: '-2'");
    QTest::addRow("a group limit that is no duration")
        << QByteArray("POOLPLANNER_BASE = demo\n\nPOOLPLANNER_GROUP_LIMIT_star = long\n")
        << QStringLiteral(":3: POOLPLANNER_GROUP_LIMIT_star: 'long' is not a runtime limit");
    QTest::addRow("a group limit of nothing")
        << QByteArray("POOLPLANNER_BASE = demo\nPOOLPLANNER_GROUP_LIMIT_star = 0\n")
        << QStringLiteral(":2: POOLPLANNER_GROUP_LIMIT_star: '0'");
    QTest::addRow("a limit that neither holds nor removes")
        << QByteArray("POOLPLANNER_BASE = demo\nPOOLPLANNER_GROUP_LIMIT_ACTION = vacate\n")
        << QStringLiteral(":2: POOLPLANNER_GROUP_LIMIT_ACTION: 'vacate' is not what a limit does to a job");
}

void ScenarioFileTest::badScenarioFilesAreRefusedWithFileAndLine()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    const QString file = path("bad.scenario");
    QVERIFY(writeFile(file, content));
    const auto spec = pp::readScenarioFile(str(file));
    QVERIFY(!spec.ok());
    const QString message = QString::fromStdString(spec.error().message());
    QVERIFY2(message.startsWith(file + expected), qPrintable(message));
}

void ScenarioFileTest::aKnobThePolicyRefusesNamesTheScenarioLine()
{
    // Reading succeeds (the file is well formed); building names the knob's line in the scenario, not the base.
    const QString file = path("negative.scenario");
    QVERIFY(writeFile(file, "POOLPLANNER_BASE = demo\n\n# star gives back its machines\nGROUP_QUOTA_star = -300\n"));
    const auto spec = pp::readScenarioFile(str(file));
    QVERIFY2(spec.ok(), spec.ok() ? "" : spec.error().message().c_str());
    pp::Warnings warnings;
    const auto scenario = pp::buildScenario(*spec, warnings);
    QVERIFY(!scenario.ok());
    const QString message = QString::fromStdString(scenario.error().message());
    QVERIFY2(message.startsWith(file + QStringLiteral(":4: GROUP_QUOTA_star")), qPrintable(message));

    // Missing files for the bad cases around reading.
    QVERIFY(!pp::readScenarioFile(str(path("no-such.scenario"))).ok());
    const auto directory = pp::readScenarioFile(str(m_dir.path()));
    QVERIFY(!directory.ok());
    QVERIFY(directory.error().message().find("is a directory") != std::string::npos);
}

void ScenarioFileTest::builtScenarioHasTheKnobsPolicy()
{
    const QString file = path("analysis.scenario");
    QVERIFY(writeFile(file,
        "POOLPLANNER_NAME = more analysis\nPOOLPLANNER_BASE = demo\nPOOLPLANNER_HORIZON = 6h\nPOOLPLANNER_SEED = 3\n"
        "GROUP_QUOTA_DYNAMIC_atlas.analysis = 0.35\nuse POLICY : HOLD_IF_RUNTIME_EXCEEDS(7200)\n"));
    const auto spec = pp::readScenarioFile(str(file));
    QVERIFY2(spec.ok(), spec.ok() ? "" : spec.error().message().c_str());
    pp::Warnings warnings;
    const auto scenario = pp::buildScenario(*spec, warnings);
    QVERIFY2(scenario.ok(), scenario.ok() ? "" : scenario.error().message().c_str());
    QCOMPARE(scenario->name, std::string("more analysis"));
    QCOMPARE(scenario->horizonSeconds, 6 * 3600.0);
    QCOMPARE(scenario->seed, std::uint64_t(3));
    const auto analysis = std::find_if(scenario->policy.groups.begin(), scenario->policy.groups.end(),
        [](const pp::GroupConfig& g) { return g.name == "atlas.analysis"; });
    QVERIFY(analysis != scenario->policy.groups.end());
    QCOMPARE(analysis->configQuota, 0.35);
    QCOMPARE(scenario->policy.runtimeLimitAction, pp::Policy::RuntimeLimitAction::Hold);
    QCOMPARE(scenario->policy.runtimeLimitSeconds, 7200.0);
}

void ScenarioFileTest::aMergeVariantIsDerivedAfterTheKnobs()
{
    // The knobs are read over the demo first, then the demo is split: every pool flocks two levels at a time.
    const QString file = path("separate.scenario");
    QVERIFY(writeFile(file,
        "POOLPLANNER_BASE = demo\nPOOLPLANNER_MERGE_VARIANT = separate\nPOOLPLANNER_HORIZON = 1h\n"
        "FLOCK_INCREMENT = 2\nMAXJOBRETIREMENTTIME = 600\n"));
    const auto spec = pp::readScenarioFile(str(file));
    QVERIFY2(spec.ok(), spec.ok() ? "" : spec.error().message().c_str());
    pp::Warnings warnings;
    const auto scenario = pp::buildScenario(*spec, warnings);
    QVERIFY2(scenario.ok(), scenario.ok() ? "" : scenario.error().message().c_str());
    QCOMPARE(scenario->federation.size(), std::size_t(7));
    long cores = 0;
    for (const auto& pool : scenario->federation) {
        QCOMPARE(pool.policy.flockIncrement, 2);
        QCOMPARE(pool.policy.flockTo.size(), std::size_t(6));
        QVERIFY(pool.policy.maxJobRetirementExpr.find("600") != std::string::npos);
        for (std::uint32_t m : pool.machines)
            cores += scenario->pool.machines[m].cores;
    }
    QCOMPARE(cores, scenario->pool.totalCores());
    QCOMPARE(scenario->federation.front().name, std::string("atlas")); // GROUP_NAMES order
}

void ScenarioFileTest::scalingABuiltInCopiesItsJobs()
{
    // The demo's star submits twice as much: as the window's planner scales a workload, job by job.
    const QString file = path("twice-star.scenario");
    QVERIFY(writeFile(file, "POOLPLANNER_BASE = demo\nPOOLPLANNER_SCALE_star = 2\n"));
    const auto spec = pp::readScenarioFile(str(file));
    QVERIFY2(spec.ok(), spec.ok() ? "" : spec.error().message().c_str());
    const auto demo = pp::scenarioSpecFor("demo");
    pp::Warnings warnings;
    const auto scaled = pp::buildScenario(*spec, warnings);
    const auto plain = pp::buildScenario(*demo, warnings);
    QVERIFY(scaled.ok() && plain.ok());
    const auto jobsOf = [](const pp::Scenario& s, const std::string& group) {
        return std::count_if(s.workload.jobs.begin(), s.workload.jobs.end(),
            [&](const pp::Job& j) { return s.workload.submitters[j.submitter].rfind(group + ".", 0) == 0; });
    };
    QCOMPARE(jobsOf(*scaled, "star"), 2 * jobsOf(*plain, "star"));
    QCOMPARE(jobsOf(*scaled, "phenix"), jobsOf(*plain, "phenix"));
}

void ScenarioFileTest::groupRuntimeLimitsAreTheWindowsWhatIf()
{
    // The window's planner writes a group's runtime limit as POOLPLANNER_GROUP_LIMIT_<group> (seconds) and
    // _ACTION; a scenario file says the same and gets the same policy, through the same code (scenario/whatif.h).
    const QString file = path("star-limit.scenario");
    QVERIFY(writeFile(file,
        "POOLPLANNER_BASE = demo\nPOOLPLANNER_GROUP_LIMIT_star = 2h\nPOOLPLANNER_GROUP_LIMIT_ACTION = remove\n"
        "GROUP_QUOTA_star = 3200\n"));
    const auto spec = pp::readScenarioFile(str(file));
    QVERIFY2(spec.ok(), spec.ok() ? "" : spec.error().message().c_str());
    pp::Warnings warnings;
    const auto fromFile = pp::buildScenario(*spec, warnings);
    QVERIFY2(fromFile.ok(), fromFile.ok() ? "" : fromFile.error().message().c_str());
    QCOMPARE(fromFile->policy.systemPeriodicRemove,
        std::string("(JobStatus == 2 && ((AcctGroup == \"star\" && time() - JobCurrentStartDate > 7200)))"));
    QVERIFY(fromFile->policy.systemPeriodicHold.empty());

    // The window's edits for the same plan, over the demo's configuration.
    const auto demo = pp::scenarioSpecFor("demo");
    QVERIFY(demo.ok());
    const auto base = pp::buildScenario(*demo, warnings);
    const auto config = pp::scenarioConfig(*demo);
    QVERIFY(base.ok() && config.ok());
    pp::KnobEdits edits {{"GROUP_QUOTA_star", "3200"}, {"POOLPLANNER_GROUP_LIMIT_star", "7200"},
        {"POOLPLANNER_GROUP_LIMIT_ACTION", "remove"}};
    for (auto& derived : pp::whatif::groupLimitKnobs(*config, edits))
        edits.push_back(derived);
    const auto fromWindow = pp::whatif::scenarioFor(*base, *config, edits);
    QVERIFY(fromWindow.ok());
    QCOMPARE(fromWindow->policy.systemPeriodicRemove, fromFile->policy.systemPeriodicRemove);
    QCOMPARE(fromWindow->policy.systemPeriodicHold, fromFile->policy.systemPeriodicHold);
    QCOMPARE(fromWindow->policy.group("star")->configQuota, fromFile->policy.group("star")->configQuota);

    // Written and read back, the limit stays (in seconds, as the window writes it).
    const QString copy = path("star-limit-copy.scenario");
    QVERIFY(writeFile(copy, QByteArray::fromStdString(pp::writeScenarioFile(*spec))));
    const auto again = pp::readScenarioFile(str(copy));
    QVERIFY2(again.ok(), again.ok() ? "" : again.error().message().c_str());
    QVERIFY(QByteArray::fromStdString(pp::writeScenarioFile(*again)).contains("POOLPLANNER_GROUP_LIMIT_star = 7200"));
    const auto rebuilt = pp::buildScenario(*again, warnings);
    QVERIFY(rebuilt.ok());
    QCOMPARE(rebuilt->policy.systemPeriodicRemove, fromFile->policy.systemPeriodicRemove);
}

QTEST_GUILESS_MAIN(ScenarioFileTest)
#include "tst_scenariofile.moc"
