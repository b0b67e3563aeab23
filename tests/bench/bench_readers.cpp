// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// Reader benchmark (not run by ctest): a `condor_history -json` file generated from the shape of a real job ad
// (../shared/htcondor-samples/job-ads/htcondor_python_bindings_test.old.ad, ~90 attributes, expressions kept as
// "\/Expr(…)\/"), read four ways in one process: raw lines (the baseline), the workload reader (what a replay
// needs), `inspect`'s summary, and every ad in full. Prints MB/s and the ratio to the baseline.
#include "io/classadfiles.h"
#include "io/inspect.h"
#include "io/jobworkload.h"
#include "util/linereader.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace pp;

namespace {

// The sample ad as JSON members: literals as JSON, everything else wrapped as condor's JSON writer does.
std::vector<std::string> jsonMembers()
{
    std::ifstream in(std::string(PP_SHARED_DIR) + "/htcondor-samples/job-ads/htcondor_python_bindings_test.old.ad");
    std::vector<std::string> members;
    std::string line;
    while (std::getline(in, line)) {
        const auto eq = line.find(" = ");
        if (eq == std::string::npos)
            continue;
        const std::string name = line.substr(0, eq);
        std::string value = line.substr(eq + 3);
        if (name == "QDate" || name == "JobCurrentStartDate" || name == "CompletionDate" || name == "ClusterId"
            || name == "ProcId" || name == "JobStatus")
            continue; // written per job below
        const bool literal = value == "true" || value == "false" || (value.front() == '"' && value.back() == '"')
            || value.find_first_not_of("0123456789.-") == std::string::npos;
        if (!literal) {
            std::string escaped;
            for (char c : value)
                escaped += (c == '"' || c == '\\') ? std::string("\\") + c : std::string(1, c);
            value = "\"\\/Expr(" + escaped + ")\\/\"";
        }
        members.push_back("  \"" + name + "\": " + value);
    }
    return members;
}

double seconds(std::chrono::steady_clock::time_point since)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

} // namespace

int main(int argc, char** argv)
{
    const double targetMb = argc > 1 ? std::atof(argv[1]) : 300.0;
    const std::string path = (std::filesystem::temp_directory_path() / "poolplanner-bench-history.json").string();
    const auto members = jsonMembers();
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out << "[\n";
        std::size_t written = 0;
        for (long job = 0; written < static_cast<std::size_t>(targetMb * 1e6); ++job) {
            std::string ad = job ? ",\n{\n" : "{\n";
            for (const auto& m : members)
                ad += m + ",\n";
            const long qdate = 1357311627 + job * 7;
            ad += "  \"ClusterId\": " + std::to_string(1000 + job / 10) + ",\n  \"ProcId\": " + std::to_string(job % 10)
                + ",\n  \"JobStatus\": 4,\n  \"QDate\": " + std::to_string(qdate) + ",\n  \"JobCurrentStartDate\": "
                + std::to_string(qdate + 60) + ",\n  \"CompletionDate\": " + std::to_string(qdate + 3660) + "\n}";
            out << ad;
            written += ad.size();
        }
        out << "\n]\n";
    }
    const double mb = static_cast<double>(std::filesystem::file_size(path)) / 1e6;
    std::printf("PoolPlanner reader benchmark: %.0f MB of condor_history -json (%zu attributes per ad), one core\n", mb,
        members.size() + 6);

    auto t0 = std::chrono::steady_clock::now();
    {
        auto opened = LineReader::open(path);
        auto& reader = std::get<LineReader>(opened);
        std::size_t bytes = 0;
        while (auto line = reader.next())
            bytes += line->size();
        if (bytes == 0)
            return 1;
    }
    const double baseline = seconds(t0);
    std::printf("  raw lines (baseline)   %7.3f s  %7.0f MB/s\n", baseline, mb / baseline);

    t0 = std::chrono::steady_clock::now();
    Warnings warnings;
    const auto workload = readWorkload(path, {}, warnings);
    const double replay = seconds(t0);
    std::printf("  workload (%zu jobs)  %7.3f s  %7.0f MB/s  %.2fx the baseline\n",
        workload ? workload->jobs.size() : 0, replay, mb / replay, replay / baseline);

    t0 = std::chrono::steady_clock::now();
    const auto summary = inspectFile(path);
    const double inspect = seconds(t0);
    std::printf("  inspect (%ld ads)    %7.3f s  %7.0f MB/s  %.2fx the baseline\n", summary ? summary->records : 0,
        inspect, mb / inspect, inspect / baseline);

    t0 = std::chrono::steady_clock::now();
    long ads = 0;
    auto read = readClassAds(
        path, AdFormat::Json,
        [&](classad::ClassAd&&, long) {
            ++ads;
            return true;
        },
        warnings);
    const double full = seconds(t0);
    std::printf(
        "  full ads (%ld)       %7.3f s  %7.0f MB/s  %.2fx the baseline\n", ads, full, mb / full, full / baseline);
    std::filesystem::remove(path);
    return read && workload && summary ? 0 : 1;
}
