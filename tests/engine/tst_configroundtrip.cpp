// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// Round trips: config -> policy -> condor_config text -> policy gives the same policy, and a snippet of changed
// knobs appended to its base configuration gives the changed policy (issue: export-config).
#include "config/config.h"
#include "policy/policyfromconfig.h"
#include "policy/policywriter.h"
#include "scenario/demo.h"

#include <QFile>
#include <QtTest>

using namespace pp;

namespace {

std::string readText(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll().toStdString();
}

Policy policyOf(const std::string& text)
{
    auto config = Config::fromText(text, "roundtrip.config");
    if (!config)
        qFatal("%s", config.error().message().c_str());
    auto policy = policyFromConfig(*config);
    if (!policy)
        qFatal("%s", policy.error().message().c_str());
    return *policy;
}

const char* everyKnob = R"(NEGOTIATOR_INTERVAL = 30
PRIORITY_HALFLIFE = 3600
NEGOTIATOR_ALLOW_QUOTA_OVERSUBSCRIPTION = False
GROUP_NAMES = atlas, atlas.prod, cms
GROUP_QUOTA_atlas = 450
GROUP_QUOTA_DYNAMIC_atlas.prod = 0.6
GROUP_QUOTA_DYNAMIC_cms = 0.25
GROUP_ACCEPT_SURPLUS = True
GROUP_ACCEPT_SURPLUS_cms = False
GROUP_PRIO_FACTOR_cms = 2000
GROUP_SORT_EXPR = ifThenElse(AccountingGroup =?= "<none>", 3.4e38, GroupResourcesInUse / GroupQuota)
PREEMPTION_REQUIREMENTS = (SubmitterGroupResourcesInUse < SubmitterGroupQuota) && (RemoteGroupResourcesInUse > RemoteGroupQuota)
MAXJOBRETIREMENTTIME = 3600 * 2
RANK = AcctGroup =?= "atlas"
ALLOW_PSLOT_PREEMPTION = True
CONSUMPTION_POLICY = True
CLAIM_WORKLIFE = 0
SYSTEM_PERIODIC_REMOVE = JobStatus == 2 && time() - JobCurrentStartDate > 86400
use POLICY : HOLD_IF_RUNTIME_EXCEEDS(7200)
DEFRAG_DRAINING_MACHINES_PER_HOUR = 2.5
DEFRAG_MAX_WHOLE_MACHINES = 20
DEFRAG_DRAINING_SCHEDULE = quick
NOTEBOOK_START_TIMEOUT = 600
)";

} // namespace

class ConfigRoundTripTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void policyReadsBackFromItsText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addRow("every modelled knob") << QString::fromUtf8(everyKnob);
        QTest::addRow("the demo") << QString::fromStdString(demoConfigText());
        QTest::addRow("HTCondor's hgq negfail test") << QString::fromStdString(readText(
            QStringLiteral(PP_SHARED_DIR "/htcondor-samples/configs/job_hgq_negfail_basic_van.condor_config")));
        QTest::addRow("HTCondor's autoregroup test") << QString::fromStdString(readText(
            QStringLiteral(PP_SHARED_DIR "/htcondor-samples/configs/job_hgq_autoregroup_basic_van.condor_config")));
        QTest::addRow("HTCondor's consumption policy test") << QString::fromStdString(readText(
            QStringLiteral(PP_SHARED_DIR "/htcondor-samples/configs/job_cp_cclim_acctgrp_basic_van.condor_config")));
        QTest::addRow("nothing: the defaults") << QString();
    }
    void policyReadsBackFromItsText()
    {
        QFETCH(QString, text);
        const Policy first = policyOf(text.toStdString());
        const std::string written = policyToConfig(first);
        const Policy second = policyOf(written);
        QCOMPARE(QString::fromStdString(policyToConfig(second)), QString::fromStdString(written));
        QCOMPARE(second.groups.size(), first.groups.size());
    }

    void everyKnobIsRead()
    {
        const Policy p = policyOf(everyKnob);
        QCOMPARE(p.maxJobRetirementTime, 7200.0);
        QVERIFY(p.runtimeLimitAction == Policy::RuntimeLimitAction::Hold);
        QCOMPARE(p.runtimeLimitSeconds, 7200.0);
        QCOMPARE(p.defragSchedule, std::string("quick"));
        QCOMPARE(p.group("cms")->prioFactor, 2000.0);
        QVERIFY(!p.group("cms")->acceptSurplus);
        QCOMPARE(p.notebookStartTimeout, 600.0);
    }

    void snippetAppliedToItsBaseGivesTheChange()
    {
        const std::string base = demoConfigText();
        std::string edited = base
            + "GROUP_QUOTA_atlas = 9600\nGROUP_QUOTA_DYNAMIC_atlas.analysis = 0.3\nDEFRAG_DRAINING_MACHINES_PER_HOUR = "
              "6\n";
        const Policy before = policyOf(base);
        const Policy after = policyOf(edited);
        const std::string snippet = configSnippet(before, after, "demo.condor_config");
        QVERIFY(snippet.find("#   GROUP_QUOTA_atlas: 9200 -> 9600") != std::string::npos);
        QVERIFY(snippet.find("#   GROUP_QUOTA_DYNAMIC_atlas.analysis: 0.25 -> 0.3") != std::string::npos);
        QVERIFY(snippet.find("GROUP_QUOTA_star") == std::string::npos); // unchanged knobs stay out
        const Policy applied = policyOf(base + snippet);
        QCOMPARE(QString::fromStdString(policyToConfig(applied)), QString::fromStdString(policyToConfig(after)));
        QVERIFY(configSnippet(before, before, "x").find("nothing") != std::string::npos);
    }

    // A macro bomb: A1 = $(A0)$(A0), …, A30 = $(A29)$(A29) doubles at every level (2^30 bytes for A30). HTCondor
    // would expand it until memory runs out; PoolPlanner refuses the file, naming the first knob (in name order)
    // whose expansion passes 1 MiB: A20 (2^20 bytes), on line 21. Unbounded, this took 87 s.
    void aMacroBombIsRefusedNamingTheKnob()
    {
        std::string text = "A0 = x\n";
        for (int level = 1; level <= 30; ++level)
            text += "A" + std::to_string(level) + " = $(A" + std::to_string(level - 1) + ")$(A"
                + std::to_string(level - 1) + ")\n";
        const auto config = pp::Config::fromText(text, "bomb.config");
        QVERIFY(!config.ok());
        QCOMPARE(config.error().source, std::string("bomb.config"));
        QCOMPARE(config.error().line, 21L);
        QVERIFY2(config.error().reason.find("A20: its macros expand past 1 MiB") == 0, config.error().reason.c_str());

        // Up to A19 (512 KiB) the same chain is a valid, if odd, configuration.
        std::string fine = "A0 = x\n";
        for (int level = 1; level <= 19; ++level)
            fine += "A" + std::to_string(level) + " = $(A" + std::to_string(level - 1) + ")$(A"
                + std::to_string(level - 1) + ")\n";
        const auto ok = pp::Config::fromText(fine, "fine.config");
        QVERIFY(ok.ok());
        QCOMPARE(ok->value("A19")->size(), std::size_t {1} << 19);
    }

    // condor_config_val -dump prints long values as `NAME @=TAG`, their lines, then `@TAG`; and every dump defines
    // a knob named INCLUDE, which is an assignment, not the include directive.
    void multiLineValuesAndAKnobNamedInclude()
    {
        const auto config = pp::Config::fromText(
            "A = 1\nSPACE @=end\n   ifthenelse(\n   $(A) > 0, 2, 3)\n@end\nINCLUDE = $(RELEASE_DIR)/include\nB = 2\n",
            "dump.txt");
        QVERIFY2(config.ok(), config.ok() ? "" : config.error().message().c_str());
        QCOMPARE(*config->value("SPACE"), std::string("   ifthenelse(\n   1 > 0, 2, 3)"));
        QCOMPARE(*config->value("INCLUDE"), std::string("/include"));
        QCOMPARE(*config->value("B"), std::string("2"));
        const auto unclosed = pp::Config::fromText("A = 1\nSPACE @=end\n  1 +\n  2\n", "cut.txt");
        QVERIFY(!unclosed.ok());
        QCOMPARE(unclosed.error().line, 2L);
        QVERIFY(unclosed.error().reason.find("no line '@end' closes") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(ConfigRoundTripTest)
#include "tst_configroundtrip.moc"
