// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// The meeting report from two small simulated runs: the PDF's text (read back with poppler-utils' pdftotext)
// holds the group names and the runs' numbers; the CSV holds every figure; bad paths are refused by name.
#include "report.h"

#include "../engine/simtestutil.h"
#include "../testfiles.h"

#include "analysis/groupfigures.h"
#include "sim/simulator.h"

#include <QImage>
#include <QLocale>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

const char* const twoExperiments = "GROUP_NAMES = atlas, cms\n"
                                   "GROUP_QUOTA_atlas = 6\n"
                                   "GROUP_QUOTA_cms = 4\n"
                                   "GROUP_ACCEPT_SURPLUS = True\n";

std::shared_ptr<const pp::Result> run(const std::string& extra)
{
    auto scenario = pptest::makeScenario(std::string(twoExperiments) + extra, std::vector<int>(10, 1),
        pptest::concat(pptest::jobs("atlas.alice", 30, 3600), pptest::jobs("cms.bob", 30, 3600)));
    scenario.name = "two experiments";
    pp::Simulator simulator(scenario);
    return std::make_shared<const pp::Result>(simulator.run());
}

QString pdfText(const QString& pdf)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

class ReportTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aPdfWithTheGroupsAndTheirNumbers()
    {
        const auto base = run("");
        const auto proposal = run("GROUP_QUOTA_atlas = 8\nGROUP_QUOTA_cms = 2\n");
        const Report report(QStringLiteral("Merged test pool"),
            {{QStringLiteral("Baseline"), QStringLiteral("As configured"), {}, base},
                {QStringLiteral("More atlas"), QStringLiteral("atlas 8 cores, cms 2"),
                    QStringLiteral("GROUP_QUOTA_atlas = 8\n"), proposal}});
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
        QString error;
        QVERIFY2(report.write(pdf, &error), qPrintable(error));
        if (qEnvironmentVariableIsSet("PP_SCREENSHOT_DIR")) // to look at it
            QFile::copy(pdf, qEnvironmentVariable("PP_SCREENSHOT_DIR") + QStringLiteral("/report.pdf"));
        QVERIFY(readAll(pdf).startsWith("%PDF"));
        const QString text = pdfText(pdf);
        QVERIFY2(!text.isEmpty(), "pdftotext (poppler-utils) must be installed and read the PDF");
        QVERIFY(text.contains(QStringLiteral("Merged test pool")));
        QVERIFY(text.contains(QStringLiteral("More atlas")));
        QVERIFY(text.contains(QStringLiteral("GROUP_QUOTA_atlas = 8")));
        for (const char* group : {"atlas", "cms"})
            QVERIFY2(text.contains(QLatin1String(group)), group);
        // The baseline's core-hours of each experiment, as the experiment page prints them.
        const auto figures = pp::groupFigures(*base);
        for (const auto& f : figures)
            if (f.name == "atlas" || f.name == "cms")
                QVERIFY2(text.contains(QLocale().toString(f.coreHours, 'f', 0)), f.name.c_str());
        QVERIFY(text.contains(report.period().section(QLatin1Char(' '), 0, 0)));
    }

    void csvHtmlAndPng()
    {
        const auto base = run("");
        const Report report(QStringLiteral("Pool"), {{QStringLiteral("Baseline"), {}, {}, base}});
        QTemporaryDir dir;
        QString error;
        const QString csv = dir.filePath(QStringLiteral("groups.csv"));
        QVERIFY2(report.write(csv, &error), qPrintable(error));
        const QStringList lines = QString::fromUtf8(readAll(csv)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + static_cast<int>(base->groups.size()));
        QVERIFY(lines.front().startsWith(QStringLiteral("scenario,group,quota_cores,core_hours")));
        const auto figures = pp::groupFigures(*base);
        for (std::size_t i = 0; i < figures.size(); ++i) {
            const QStringList cells = lines[static_cast<int>(i) + 1].split(QLatin1Char(','));
            QCOMPARE(cells[1], QString::fromStdString(figures[i].name));
            QCOMPARE(cells[3].toDouble(), std::round(figures[i].coreHours * 100) / 100);
        }
        const QString html = dir.filePath(QStringLiteral("report.html"));
        QVERIFY2(report.write(html, &error), qPrintable(error));
        QVERIFY(readAll(html).contains("data:image/png;base64,"));
        const QString png = dir.filePath(QStringLiteral("usage.png"));
        QVERIFY2(report.write(png, &error), qPrintable(error));
        QCOMPARE(QImage(png).size(), QSize(1600, 760));
        const QString svg = dir.filePath(QStringLiteral("usage.svg"));
        QVERIFY2(report.write(svg, &error), qPrintable(error));
        const QByteArray vector = readAll(svg);
        QVERIFY(vector.contains("<svg"));
        QVERIFY(vector.contains("atlas")); // the legend, as text
        QVERIFY(vector.contains("<path")); // the bands, as paths
    }

    void badPathsAreNamed()
    {
        const Report report(QStringLiteral("Pool"), {{QStringLiteral("Baseline"), {}, {}, run("")}});
        QString error;
        QVERIFY(!report.write(QStringLiteral("/nonexistent/dir/report.csv"), &error));
        QVERIFY(error.contains(QStringLiteral("/nonexistent/dir/report.csv")));
        QVERIFY(!report.write(QStringLiteral("/nonexistent/dir/report.pdf"), &error));
        QVERIFY(error.contains(QStringLiteral("report.pdf")));
        QVERIFY(!report.write(QStringLiteral("report.docx"), &error));
        QVERIFY(error.contains(QStringLiteral(".pdf, .html, .csv, .png or .svg")));
    }
};

QTEST_MAIN(ReportTest)
#include "tst_report.moc"
