// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "model/workloadmodel.h"

#include "util/linereader.h"
#include "util/randomstream.h"
#include "util/text.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <unordered_map>

namespace pp {

namespace {

constexpr std::int64_t secondsPerWeek = std::int64_t {7} * 86400;

// Hour of the week for a Unix time, Monday 00:00 UTC = 0 (1970-01-01 was a Thursday: 3 days after a Monday).
int hourOfWeek(std::int64_t unixTime)
{
    const std::int64_t sinceMonday = unixTime + std::int64_t {3} * 86400;
    const std::int64_t inWeek = ((sinceMonday % secondsPerWeek) + secondsPerWeek) % secondsPerWeek;
    return static_cast<int>(inWeek / 3600);
}

std::pair<std::string, std::string> splitSubmitter(const std::string& name)
{
    const std::size_t dot = name.rfind('.');
    if (dot == std::string::npos)
        return {std::string(), name};
    return {name.substr(0, dot), name.substr(dot + 1)};
}

// Knuth's method for small means, a rounded normal for large ones: deterministic for a RandomStream.
long poisson(RandomStream& random, double mean)
{
    if (mean <= 0)
        return 0;
    if (mean > 50)
        return std::max(0L, std::lround(mean + std::sqrt(mean) * random.normal()));
    const double limit = std::exp(-mean);
    long k = 0;
    double p = random.uniform();
    while (p > limit) {
        ++k;
        p *= random.uniform();
    }
    return k;
}

} // namespace

double GroupWorkloadModel::jobsPerWeek() const
{
    double total = 0;
    for (double r : arrivalsPerHour)
        total += r;
    return total;
}

double GroupWorkloadModel::meanCoreSeconds() const
{
    if (shapes.empty())
        return 0;
    double total = 0;
    for (const auto& s : shapes)
        total += static_cast<double>(s.cores) * s.runtime;
    return total / static_cast<double>(shapes.size());
}

WorkloadModel WorkloadModel::fit(const Workload& workload, std::uint64_t seed, std::size_t maxShapes)
{
    WorkloadModel model;
    model.source = workload.source;
    if (workload.jobs.empty())
        return model;
    RandomStream random(seed);
    std::unordered_map<std::string, std::size_t> groupIndex;
    std::vector<std::unordered_map<std::string, std::size_t>> userIndex;
    std::vector<std::size_t> seen; // jobs per group, for reservoir sampling
    std::vector<double> hourCounts; // flattened [group][hour]
    for (const Job& job : workload.jobs) {
        const auto [group, user] = splitSubmitter(workload.submitters[job.submitter]);
        auto [it, inserted] = groupIndex.try_emplace(group, model.groups.size());
        if (inserted) {
            model.groups.emplace_back();
            model.groups.back().group = group;
            userIndex.emplace_back();
            seen.push_back(0);
            hourCounts.resize(hourCounts.size() + GroupWorkloadModel::hoursPerWeek, 0.0);
        }
        const std::size_t g = it->second;
        GroupWorkloadModel& m = model.groups[g];
        auto [u, newUser] = userIndex[g].try_emplace(user, m.users.size());
        if (newUser) {
            m.users.push_back(user);
            m.userWeights.push_back(0);
        }
        m.userWeights[u->second] += 1;
        hourCounts[g * GroupWorkloadModel::hoursPerWeek
            + static_cast<std::size_t>(hourOfWeek(workload.epoch + job.submit))]
            += 1;
        const GroupWorkloadModel::Shape shape {job.runtime, job.memoryMb, job.cores, job.kind};
        ++seen[g];
        if (m.shapes.size() < maxShapes)
            m.shapes.push_back(shape);
        else if (const auto slot = random.next() % seen[g]; slot < maxShapes)
            m.shapes[slot] = shape;
    }
    // The trace covers `weeks` weeks (fractions included): each hour of the week occurred that many times.
    const double span
        = std::max(3600.0, static_cast<double>(workload.jobs.back().submit - workload.jobs.front().submit) + 3600.0);
    const double weeks = span / static_cast<double>(secondsPerWeek);
    for (std::size_t g = 0; g < model.groups.size(); ++g)
        for (int h = 0; h < GroupWorkloadModel::hoursPerWeek; ++h)
            model.groups[g].arrivalsPerHour[h]
                = hourCounts[g * GroupWorkloadModel::hoursPerWeek + static_cast<std::size_t>(h)] / weeks;
    return model;
}

Workload WorkloadModel::generate(
    double seconds, std::int64_t epoch, std::uint64_t seed, const std::map<std::string, double>& scale) const
{
    Workload workload;
    workload.source = "model of " + source;
    workload.epoch = epoch;
    RandomStream random(seed);
    const auto hours = static_cast<std::int64_t>(std::ceil(seconds / 3600.0));
    for (const auto& group : groups) {
        double factor = 1.0;
        if (const auto it = scale.find(group.group.empty() ? std::string("<none>") : group.group); it != scale.end())
            factor = it->second;
        if (group.shapes.empty() || group.users.empty() || factor <= 0)
            continue;
        std::vector<std::uint32_t> submitters;
        for (const auto& user : group.users)
            submitters.push_back(workload.submitterIndex(group.group.empty() ? user : group.group + "." + user));
        double totalWeight = 0;
        for (double w : group.userWeights)
            totalWeight += w;
        // Shapes are dealt like cards from a shuffled deck, reshuffled when it runs out: a regenerated period as
        // long as the trace then carries the trace's own mix, not a noisy resample of a heavy tail.
        std::vector<std::uint32_t> deck(group.shapes.size());
        std::size_t dealt = deck.size();
        const auto nextShape = [&]() -> const GroupWorkloadModel::Shape& {
            if (dealt == deck.size()) {
                for (std::uint32_t i = 0; i < deck.size(); ++i)
                    deck[i] = i;
                for (std::size_t i = deck.size(); i > 1; --i)
                    std::swap(deck[i - 1], deck[static_cast<std::size_t>(random.next() % i)]);
                dealt = 0;
            }
            return group.shapes[deck[dealt++]];
        };
        for (std::int64_t h = 0; h < hours; ++h) {
            const int how = hourOfWeek(epoch + h * 3600);
            const long n = poisson(random, group.arrivalsPerHour[how] * factor);
            for (long i = 0; i < n; ++i) {
                const double t = static_cast<double>(h * 3600) + random.uniform() * 3600.0;
                if (t >= seconds)
                    continue;
                const auto& shape = nextShape();
                double pick = random.uniform() * totalWeight;
                std::size_t u = 0;
                while (u + 1 < group.userWeights.size() && pick >= group.userWeights[u]) {
                    pick -= group.userWeights[u];
                    ++u;
                }
                Job job;
                job.submit = static_cast<std::uint32_t>(t);
                job.runtime = shape.runtime;
                job.memoryMb = shape.memoryMb;
                job.cores = shape.cores;
                job.kind = shape.kind;
                job.submitter = submitters[u];
                workload.jobs.push_back(job);
            }
        }
    }
    std::stable_sort(
        workload.jobs.begin(), workload.jobs.end(), [](const Job& a, const Job& b) { return a.submit < b.submit; });
    return workload;
}

std::string WorkloadModel::write() const
{
    std::ostringstream out;
    out << "# poolplanner workload model 1\n";
    out << "source " << source << "\n";
    for (const auto& g : groups) {
        out << "group " << (g.group.empty() ? "<none>" : g.group) << "\n";
        for (std::size_t u = 0; u < g.users.size(); ++u)
            out << "user " << g.users[u] << ' ' << text::fixed(g.userWeights[u], 0) << "\n";
        out << "arrivals";
        for (double r : g.arrivalsPerHour)
            out << ' ' << text::fixed(r, 6);
        out << "\n";
        for (const auto& s : g.shapes)
            out << "job " << s.cores << ' ' << s.runtime << ' ' << s.memoryMb << ' '
                << (s.kind == Notebook ? "notebook" : "batch") << "\n";
    }
    return out.str();
}

Expected<WorkloadModel> WorkloadModel::read(const std::string& path)
{
    auto opened = LineReader::open(path);
    if (auto* error = std::get_if<Diagnostic>(&opened))
        return *error;
    auto& reader = std::get<LineReader>(opened);
    WorkloadModel model;
    bool header = false;
    while (auto line = reader.next()) {
        const long n = reader.lineNumber();
        if (!header) {
            if (text::trim(*line) != "# poolplanner workload model 1")
                return Diagnostic {
                    path, n, "not a PoolPlanner workload model (expected '# poolplanner workload model 1')"};
            header = true;
            continue;
        }
        const auto fields = text::split(*line, " \t");
        if (fields.empty() || fields[0].front() == '#')
            continue;
        const std::string_view kind = fields[0];
        if (kind == "source") {
            model.source = std::string(text::trim(line->substr(6)));
        } else if (kind == "group" && fields.size() == 2) {
            model.groups.emplace_back();
            model.groups.back().group = fields[1] == "<none>" ? std::string() : std::string(fields[1]);
        } else if (model.groups.empty()) {
            return Diagnostic {path, n, "'" + std::string(kind) + "' before any 'group' line"};
        } else if (kind == "user" && fields.size() == 3) {
            const auto weight = text::parseDouble(fields[2]);
            if (!weight || *weight < 0)
                return Diagnostic {
                    path, n, "user weight '" + std::string(fields[2]) + "' is not a non-negative number"};
            model.groups.back().users.emplace_back(fields[1]);
            model.groups.back().userWeights.push_back(*weight);
        } else if (kind == "arrivals" && fields.size() == GroupWorkloadModel::hoursPerWeek + 1) {
            for (int h = 0; h < GroupWorkloadModel::hoursPerWeek; ++h) {
                const auto rate = text::parseDouble(fields[static_cast<std::size_t>(h) + 1]);
                if (!rate || *rate < 0)
                    return Diagnostic {
                        path, n, "arrival rate " + std::to_string(h + 1) + " is not a non-negative number"};
                model.groups.back().arrivalsPerHour[h] = *rate;
            }
        } else if (kind == "job" && fields.size() == 5) {
            const auto cores = text::parseInteger(fields[1]);
            const auto runtime = text::parseInteger(fields[2]);
            const auto memory = text::parseInteger(fields[3]);
            if (!cores || *cores < 1 || *cores > 65535 || !runtime || *runtime < 0 || *runtime > 4000000000LL || !memory
                || *memory < 0 || *memory > 4000000000LL || (fields[4] != "batch" && fields[4] != "notebook"))
                return Diagnostic {path, n, "expected 'job CORES RUNTIME MEMORY_MB batch|notebook'"};
            model.groups.back().shapes.push_back(
                {static_cast<std::uint32_t>(*runtime), static_cast<std::uint32_t>(*memory),
                    static_cast<std::uint16_t>(*cores), fields[4] == "notebook" ? Notebook : Batch});
        } else {
            return Diagnostic {path, n, "unexpected line '" + std::string(line->substr(0, 60)) + "'"};
        }
    }
    if (reader.error())
        return *reader.error();
    if (!header)
        return Diagnostic {path, 0, "empty file: not a PoolPlanner workload model"};
    return model;
}

Expected<std::map<std::string, double>> parseScale(const std::string& text)
{
    std::map<std::string, double> scale;
    for (auto item : text::split(text, ",")) {
        const auto eq = item.find('=');
        const auto factor = eq == std::string_view::npos ? std::nullopt : text::parseDouble(item.substr(eq + 1));
        if (!factor || *factor < 0)
            return Diagnostic {
                "--scale", 0, "'" + std::string(item) + "' is not GROUP=FACTOR with a non-negative factor"};
        scale[std::string(text::trim(item.substr(0, eq)))] = *factor;
    }
    return scale;
}

} // namespace pp
