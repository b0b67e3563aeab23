// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "scenario/scenariofile.h"

#include "policy/policyfromconfig.h"
#include "scenario/builtinscenarios.h"
#include "scenario/workloadscaling.h"
#include "util/text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <tuple>

namespace pp {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view keyPrefix = "POOLPLANNER_";
constexpr std::string_view knownKeys
    = "POOLPLANNER_NAME, _DESCRIPTION, _BASE, _TRACE, _MODEL, _POOL, _CORES, "
      "_MACHINE_CORES, _MAP, _HORIZON, _SEED, _UTC_OFFSET, _LEGACY_YEAR, _SCALE_<group>, _MERGE_VARIANT, "
      "_GROUP_LIMIT_<group>, _GROUP_LIMIT_ACTION";
/// The metaknob categories of condor_config (`use POLICY : ...`); Config keeps each as a "$use.<category>" entry.
constexpr std::array<const char*, 4> useCategories = {"ROLE", "FEATURE", "POLICY", "SECURITY"};
const int defaultMachineCores = ScenarioInputs {}.machineCores;

bool isScenarioKey(std::string_view name)
{
    return text::istartsWith(name, keyPrefix);
}

/// "use POLICY" → "policy"; empty for a plain knob name.
std::string useCategory(std::string_view name)
{
    if (!text::istartsWith(name, "use "))
        return {};
    return text::toLower(text::trim(name.substr(4)));
}

bool isKnobName(std::string_view name)
{
    if (!useCategory(name).empty())
        return true;
    return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-';
    });
}

/// A scenario value such as `demo # the demo pool` is how a reader expects comments to work; condor_config
/// keeps the `#` in the value, so the error says why the value looks wrong.
std::string commentHint(std::string_view value)
{
    const bool looksCommented = value.find(" #") != std::string_view::npos
        || value.find("\t#") != std::string_view::npos || (!value.empty() && value.front() == '#');
    return looksCommented ? " (condor_config has no end-of-line comments: put the comment on a line of its own)" : "";
}

/// Relative paths are the scenario file's; they are held absolute so that a spec means the same wherever it goes.
std::string resolveInput(const std::string& value, const std::string& baseDir)
{
    fs::path path(value);
    if (path.is_relative() && !baseDir.empty())
        path = fs::path(baseDir) / path;
    std::error_code ec;
    fs::path absolute = fs::absolute(path, ec);
    if (ec)
        absolute = path;
    absolute = absolute.lexically_normal();
    // HTCondor's file transfer (sweep --emit-htcondor) puts a job's inputs beside its scenario file in the
    // scratch directory, where the absolute paths written on the submit machine do not exist.
    if (!baseDir.empty() && !fs::exists(absolute, ec)) {
        const fs::path beside = fs::path(baseDir) / absolute.filename();
        if (fs::exists(beside, ec))
            absolute = fs::absolute(beside, ec).lexically_normal();
    }
    return absolute.string();
}

std::string shortest(double value)
{
    std::array<char, 64> buffer {};
    const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return ec == std::errc() ? std::string(buffer.data(), end) : text::fixed(value, 6);
}

std::string durationText(double seconds)
{
    if (seconds == std::floor(seconds) && seconds < 1e15) {
        const auto whole = static_cast<long long>(seconds);
        if (whole % 86400 == 0)
            return std::to_string(whole / 86400) + "d";
        if (whole % 3600 == 0)
            return std::to_string(whole / 3600) + "h";
    }
    return shortest(seconds) + "s";
}

std::string utcOffsetText(long seconds)
{
    const long magnitude = seconds < 0 ? -seconds : seconds;
    const auto twoDigits = [](long n) { return (n < 10 ? "0" : "") + std::to_string(n); };
    return (seconds < 0 ? "-" : "+") + twoDigits(magnitude / 3600) + ":" + twoDigits((magnitude % 3600) / 60);
}

/// A value as one line of condor_config: line breaks would start a new (and wrong) definition.
std::string oneLine(std::string value)
{
    std::replace(value.begin(), value.end(), '\n', ' ');
    std::replace(value.begin(), value.end(), '\r', ' ');
    return std::string(text::trim(value));
}

KnobOrigin originOf(const ScenarioSpec& spec, const std::string& key)
{
    const auto it = spec.origins.find(text::toLower(key));
    if (it != spec.origins.end())
        return it->second;
    return {spec.sourcePath.empty() ? "scenario '" + spec.name + "'" : spec.sourcePath, 0};
}

Diagnostic errorAt(const ScenarioSpec& spec, const std::string& key, const std::string& reason)
{
    const KnobOrigin origin = originOf(spec, key);
    return {origin.file, origin.line, reason};
}

Expected<Config> baseConfig(const ScenarioInputs& inputs)
{
    if (!inputs.builtin.empty()) {
        const BuiltinScenario* builtin = findBuiltinScenario(inputs.builtin);
        if (!builtin)
            return Diagnostic {"POOLPLANNER_BASE", 0,
                "unknown built-in scenario '" + inputs.builtin + "' (this version has: " + builtinScenarioNames()
                    + ")"};
        return Config::fromText(builtin->configText(), builtin->configName);
    }
    if (inputs.configPaths.size() != 1)
        return Diagnostic {"POOLPLANNER_BASE", 0, "the scenario has no base configuration"};
    return Config::fromFile(inputs.configPaths.front());
}

// Sets a knob of the spec: it replaces the same knob (names compare without case) or comes last.
void putKnob(ScenarioSpec& spec, const std::string& name, const std::string& value, const KnobOrigin& origin)
{
    const auto same = std::find_if(
        spec.knobs.begin(), spec.knobs.end(), [&](const auto& knob) { return text::iequals(knob.first, name); });
    if (same != spec.knobs.end())
        same->second = value;
    else
        spec.knobs.emplace_back(name, value);
    spec.origins[text::toLower(name)] = origin;
}

std::optional<Diagnostic> setScenarioKey(ScenarioSpec& spec, const std::string& key, const std::string& value,
    const KnobOrigin& origin, const std::string& baseDir)
{
    const std::string suffix = key.substr(keyPrefix.size());
    const auto fail = [&](const std::string& reason) {
        return Diagnostic {origin.file, origin.line, key + ": " + reason + commentHint(value)};
    };
    const auto is = [&](std::string_view name) { return text::iequals(suffix, name); };
    const auto path = [&]() { return value.empty() ? std::string() : resolveInput(value, baseDir); };
    ScenarioInputs& in = spec.inputs;

    if (is("NAME")) {
        spec.name = value;
    } else if (is("DESCRIPTION")) {
        spec.description = value;
    } else if (is("BASE")) {
        if (value.empty())
            return fail("empty: give a built-in name (" + builtinScenarioNames() + ") or a condor_config file");
        if (findBuiltinScenario(value)) {
            in.builtin = value;
            in.configPaths.clear();
        } else {
            in.builtin.clear();
            in.configPaths = {path()};
        }
    } else if (is("TRACE")) {
        in.tracePath = path();
    } else if (is("MODEL")) {
        in.modelPath = path();
    } else if (is("POOL")) {
        in.poolPath = path();
    } else if (is("MAP")) {
        in.mapPath = path();
    } else if (is("CORES")) {
        const auto cores = text::parseInteger(value);
        if (!cores || *cores <= 0 || *cores > 100'000'000)
            return fail("'" + value + "' is not a positive number of cores");
        in.cores = static_cast<long>(*cores);
    } else if (is("MACHINE_CORES")) {
        const auto cores = text::parseInteger(value);
        if (!cores || *cores <= 0 || *cores > 65535)
            return fail("'" + value + "' is not a number of cores between 1 and 65535");
        in.machineCores = static_cast<int>(*cores);
    } else if (is("HORIZON")) {
        const auto seconds = text::parseDurationSeconds(value);
        if (!seconds)
            return fail("'" + value + "' is not a duration (days, or a number with s, m, h or d)");
        in.horizonSeconds = *seconds;
    } else if (is("SEED")) {
        const auto seed = text::parseInteger(value);
        if (!seed || *seed < 0)
            return fail("'" + value + "' is not a non-negative whole number");
        in.seed = static_cast<std::uint64_t>(*seed);
    } else if (is("TIEBREAK_SEED")) {
        const auto seed = text::parseInteger(value);
        if (!seed || *seed < 0)
            return fail("'" + value + "' is not a non-negative whole number (0: the engine's fixed order)");
        in.tieSeed = static_cast<std::uint64_t>(*seed);
    } else if (is("MERGE_VARIANT")) {
        const std::string variant = text::toLower(value);
        if (variant != "separate" && variant != "merged" && !variant.empty())
            return fail("'" + value + "' is not a merge-study variant (separate or merged)");
        in.mergeVariant = variant;
    } else if (is("UTC_OFFSET")) {
        const auto offset = text::parseUtcOffset(value);
        if (!offset)
            return fail("'" + value + "' is not a UTC offset such as +02:00 or -0500");
        in.eventLog.utcOffsetSeconds = *offset;
    } else if (is("LEGACY_YEAR")) {
        const auto year = text::parseInteger(value);
        if (!year || *year < 1970 || *year > 2200)
            return fail("'" + value + "' is not a year between 1970 and 2200");
        in.eventLog.legacyYear = static_cast<int>(*year);
    } else if (is("GROUP_LIMIT_ACTION")) {
        // Group runtime limits are what-if edits like the window's (scenario/whatif.h): kept as knobs, turned into
        // SYSTEM_PERIODIC_HOLD or _REMOVE when the configuration is built.
        const std::string action = text::toLower(value);
        if (action != "hold" && action != "remove")
            return fail("'" + value + "' is not what a limit does to a job: hold or remove");
        putKnob(spec, key, action, origin);
        return std::nullopt;
    } else if (text::istartsWith(suffix, "GROUP_LIMIT_") && suffix.size() > 12) {
        // Seconds, as the window writes them and HTCondor's expressions count, or a number with s, m, h or d.
        auto seconds = text::parseDouble(value);
        if (!seconds)
            seconds = text::parseDurationSeconds(value);
        if (!seconds || *seconds <= 0 || *seconds > 1e9)
            return fail("'" + value + "' is not a runtime limit (seconds, or a number with s, m, h or d)");
        putKnob(spec, key, shortest(*seconds), origin);
        return std::nullopt;
    } else if (text::istartsWith(suffix, "SCALE_") && suffix.size() > 6) {
        const auto factor = text::parseDouble(value);
        if (!factor || *factor < 0 || *factor > 1e6)
            return fail("'" + value + "' is not a non-negative arrival factor");
        in.scale[suffix.substr(6)] = *factor;
    } else {
        return Diagnostic {origin.file, origin.line,
            "unknown scenario key " + key + " (a scenario knows " + std::string(knownKeys) + ")"};
    }
    const bool pathKey = is("BASE") || is("TRACE") || is("MODEL") || is("POOL") || is("MAP");
    std::error_code ec;
    if (pathKey && !commentHint(value).empty() && in.builtin != value && !fs::exists(path(), ec))
        return fail("'" + value + "' is not a file");
    spec.origins[text::toLower(key)] = origin;
    return std::nullopt;
}

} // namespace

std::optional<Diagnostic> setScenarioValue(ScenarioSpec& spec, const std::string& key, const std::string& value,
    const KnobOrigin& origin, const std::string& baseDir)
{
    const std::string name(text::trim(key));
    if (isScenarioKey(name))
        return setScenarioKey(spec, name, std::string(text::trim(value)), origin, baseDir);
    if (!isKnobName(name))
        return Diagnostic {origin.file, origin.line, "'" + name + "' is not a knob name"};
    putKnob(spec, name, value, origin);
    return std::nullopt;
}

ScenarioSpec baseSpecOf(const ScenarioSpec& spec)
{
    ScenarioSpec base = spec;
    base.name.clear(); // named by what it is (the built-in, the configuration), not by the plan over it
    base.description.clear();
    base.knobs.clear();
    base.inputs.scale.clear();
    return base;
}

KnobEdits scenarioEdits(const ScenarioSpec& spec, const Config& baseConfig)
{
    KnobEdits edits;
    for (const auto& [name, value] : spec.knobs)
        edits.emplace_back(name, value);
    for (const auto& [group, factor] : spec.inputs.scale)
        edits.emplace_back(whatif::scalePrefix + group, shortest(factor));
    if (!whatif::groupLimits(edits).empty())
        for (auto& derived : whatif::groupLimitKnobs(whatif::applied(baseConfig, edits), edits))
            edits.push_back(std::move(derived));
    return edits;
}

ScenarioSpec specWithEdits(const ScenarioSpec& base, const KnobEdits& edits)
{
    ScenarioSpec spec = baseSpecOf(base);
    const bool limits = !whatif::groupLimits(edits).empty();
    const std::string scale = text::toLower(whatif::scalePrefix);
    for (const auto& [name, value] : edits) {
        const std::string lower = text::toLower(name);
        if (lower.rfind(scale, 0) == 0) {
            if (const auto factor = value ? text::parseDouble(*value) : std::nullopt)
                spec.inputs.scale[name.substr(scale.size())] = *factor;
            continue;
        }
        if (limits && (lower == "system_periodic_hold" || lower == "system_periodic_remove"))
            continue; // derived from the limits again when read
        putKnob(spec, name, value.value_or(""), {});
    }
    spec.origins.clear();
    return spec;
}

std::optional<Diagnostic> checkScenarioInputs(const ScenarioSpec& spec)
{
    const ScenarioInputs& in = spec.inputs;
    const auto at = [&](const std::string& key, const std::string& reason) {
        return errorAt(spec, "POOLPLANNER_" + key, "POOLPLANNER_" + key + ": " + reason);
    };
    if (!in.snapshotPaths.empty())
        return at("BASE", "a scenario file cannot start from a snapshot yet (use simulate --snapshot)");
    if (!in.builtin.empty()) {
        if (!findBuiltinScenario(in.builtin))
            return at("BASE",
                "unknown built-in scenario '" + in.builtin + "' (this version has: " + builtinScenarioNames() + ")");
        const std::string why = " is not for the built-in '" + in.builtin
            + "', which brings its own pool and workload: give a condor_config file as POOLPLANNER_BASE instead";
        if (!in.tracePath.empty())
            return at("TRACE", "a trace" + why);
        if (!in.modelPath.empty())
            return at("MODEL", "a workload model" + why);
        if (!in.poolPath.empty())
            return at("POOL", "a pool file" + why);
        if (in.cores > 0)
            return at("CORES", "a pool size" + why);
        if (in.machineCores != defaultMachineCores)
            return at("MACHINE_CORES", "a machine size" + why);
        if (!in.mapPath.empty())
            return at("MAP", "a group map" + why);
        return std::nullopt; // SCALE_ applies to a built-in's workload as to a trace (buildScenario)
    }
    if (in.configPaths.empty())
        return Diagnostic {spec.sourcePath.empty() ? "scenario" : spec.sourcePath, 0,
            "no POOLPLANNER_BASE: a scenario changes a built-in (" + builtinScenarioNames()
                + ") or a condor_config file"};
    if (in.tracePath.empty() && in.modelPath.empty())
        return at("BASE", "no workload: give POOLPLANNER_TRACE (an SWF file or an event log) or POOLPLANNER_MODEL");
    if (!in.tracePath.empty() && !in.modelPath.empty())
        return at("MODEL", "give either POOLPLANNER_TRACE or POOLPLANNER_MODEL, not both");
    if (in.poolPath.empty() && in.cores <= 0)
        return at("BASE", "no pool: give POOLPLANNER_CORES (and POOLPLANNER_MACHINE_CORES) or POOLPLANNER_POOL");
    if (!in.poolPath.empty() && in.cores > 0)
        return at("POOL", "give either POOLPLANNER_CORES or POOLPLANNER_POOL, not both");
    return std::nullopt;
}

Expected<ScenarioSpec> readScenarioFile(const std::string& path)
{
    auto file = Config::fromFile(path);
    if (!file)
        return file.error();
    if (!file->warnings().items.empty()) {
        Diagnostic d = file->warnings().items.front();
        d.reason += " (a scenario must mean one thing)";
        return d;
    }
    ScenarioSpec spec;
    spec.sourcePath = path;
    const std::string dir
        = fs::path(path).parent_path().empty() ? std::string(".") : fs::path(path).parent_path().string();

    std::vector<const Config::Entry*> settings;
    for (const Config::Entry* e : file->entries())
        if (isScenarioKey(e->name))
            settings.push_back(e);
    std::sort(settings.begin(), settings.end(), [](const Config::Entry* a, const Config::Entry* b) {
        return std::tie(a->file, a->line) < std::tie(b->file, b->line);
    });
    for (const Config::Entry* e : settings)
        if (auto error = setScenarioKey(spec, e->name, file->value(e->name).value_or(""), {e->file, e->line}, dir))
            return *error;
    if (!spec.origins.contains("poolplanner_base")) {
        std::error_code ec;
        if (fs::file_size(path, ec) == 0 && !ec)
            return Diagnostic {path, 0, "empty file: not a PoolPlanner scenario (it needs at least POOLPLANNER_BASE)"};
        return Diagnostic {path, 0,
            std::string("no POOLPLANNER_BASE: a scenario says what it changes, a built-in (") + builtinScenarioNames()
                + ") or a condor_config file"
                + (settings.empty() ? "; a plain condor_config is named by a scenario's POOLPLANNER_BASE" : "")};
    }

    auto base = baseConfig(spec.inputs);
    if (!base)
        return errorAt(spec, "POOLPLANNER_BASE", "POOLPLANNER_BASE: " + base.error().message());
    // Read again over the base, as a config.d file is read after the main configuration: a self-reference
    // (`GROUP_NAMES = $(GROUP_NAMES), new`) and `if defined` then see the base, as they would in HTCondor.
    Config merged = *base;
    if (auto error = merged.readFile(path))
        return *error;
    // The knobs: what the scenario defined over the base, in the order it wrote them (its own lines first, then
    // those of files it includes).
    struct Knob
    {
        std::string name, value;
        KnobOrigin origin;
    };
    std::vector<Knob> knobs;
    for (const Config::Entry* e : merged.entries()) {
        if (isScenarioKey(e->name))
            continue;
        const Config::Entry* before = base->entry(e->name);
        if (before && before->file == e->file && before->line == e->line && before->value == e->value)
            continue; // the base's own definition
        knobs.push_back({e->name, e->value, {e->file, e->line}});
    }
    for (const char* category : useCategories) {
        const std::string key = "$use." + text::toLower(category);
        const Config::Entry* after = merged.entry(key);
        const Config::Entry* before = base->entry(key);
        if (!after || (before && before->file == after->file && before->line == after->line))
            continue;
        // Config appends `use` lines to what came before; the scenario holds only its own part.
        std::string own = after->value;
        if (before && own.rfind(before->value + ", ", 0) == 0)
            own = own.substr(before->value.size() + 2);
        knobs.push_back({std::string("use ") + category, own, {after->file, after->line}});
    }
    std::sort(knobs.begin(), knobs.end(), [&](const Knob& a, const Knob& b) {
        return std::make_tuple(a.origin.file != path, a.origin.file, a.origin.line)
            < std::make_tuple(b.origin.file != path, b.origin.file, b.origin.line);
    });
    for (const Knob& k : knobs) {
        spec.knobs.emplace_back(k.name, k.value);
        spec.origins[text::toLower(k.name)] = k.origin;
    }

    if (spec.name.empty())
        spec.name = fs::path(path).stem().string();
    if (auto error = checkScenarioInputs(spec))
        return *error;
    return spec;
}

Expected<ScenarioSpec> scenarioSpecFor(const std::string& fileOrBuiltin)
{
    if (const BuiltinScenario* builtin = findBuiltinScenario(fileOrBuiltin)) {
        ScenarioSpec spec;
        spec.name = builtin->name;
        spec.description = builtin->description;
        spec.inputs.builtin = builtin->name;
        return spec;
    }
    std::error_code ec;
    if (!fs::exists(fileOrBuiltin, ec))
        return Diagnostic {fileOrBuiltin, 0,
            "no such file, and not a built-in scenario (this version has: " + builtinScenarioNames() + ")"};
    return readScenarioFile(fileOrBuiltin);
}

std::string writeScenarioFile(const ScenarioSpec& spec)
{
    std::string out
        = "# A PoolPlanner scenario, in condor_config syntax: POOLPLANNER_* lines describe it, every other\n"
          "# line is an HTCondor knob read over the base configuration, in this order.\n";
    const auto line
        = [&](const std::string& key, const std::string& value) { out += key + " = " + oneLine(value) + "\n"; };
    const ScenarioInputs& in = spec.inputs;
    if (!spec.name.empty())
        line("POOLPLANNER_NAME", spec.name);
    if (!spec.description.empty())
        line("POOLPLANNER_DESCRIPTION", spec.description);
    line("POOLPLANNER_BASE", !in.builtin.empty() ? in.builtin : in.configPaths.empty() ? "" : in.configPaths.front());
    if (!in.tracePath.empty())
        line("POOLPLANNER_TRACE", in.tracePath);
    if (!in.modelPath.empty())
        line("POOLPLANNER_MODEL", in.modelPath);
    if (!in.poolPath.empty())
        line("POOLPLANNER_POOL", in.poolPath);
    if (in.cores > 0)
        line("POOLPLANNER_CORES", std::to_string(in.cores));
    if (in.machineCores != defaultMachineCores)
        line("POOLPLANNER_MACHINE_CORES", std::to_string(in.machineCores));
    if (!in.mapPath.empty())
        line("POOLPLANNER_MAP", in.mapPath);
    if (in.horizonSeconds)
        line("POOLPLANNER_HORIZON", durationText(*in.horizonSeconds));
    if (in.seed != ScenarioInputs {}.seed)
        line("POOLPLANNER_SEED", std::to_string(in.seed));
    if (in.tieSeed != 0)
        line("POOLPLANNER_TIEBREAK_SEED", std::to_string(in.tieSeed));
    if (!in.mergeVariant.empty())
        line("POOLPLANNER_MERGE_VARIANT", in.mergeVariant);
    if (in.eventLog.utcOffsetSeconds != 0)
        line("POOLPLANNER_UTC_OFFSET", utcOffsetText(in.eventLog.utcOffsetSeconds));
    if (in.eventLog.legacyYear != EventLogOptions {}.legacyYear)
        line("POOLPLANNER_LEGACY_YEAR", std::to_string(in.eventLog.legacyYear));
    for (const auto& [group, factor] : in.scale)
        line("POOLPLANNER_SCALE_" + group, shortest(factor));
    if (!spec.knobs.empty())
        out += "\n# What the scenario changes\n";
    for (const auto& [name, value] : spec.knobs) {
        const std::string category = useCategory(name);
        if (category.empty())
            line(name, value);
        else
            out += "use " + text::toLower(category) + " : " + oneLine(value) + "\n";
    }
    return out;
}

Expected<Config> scenarioConfig(const ScenarioSpec& spec)
{
    auto config = baseConfig(spec.inputs);
    if (!config)
        return errorAt(spec, "POOLPLANNER_BASE", config.error().message());
    for (const auto& [name, value] : spec.knobs) {
        const KnobOrigin origin = originOf(spec, name);
        const std::string category = useCategory(name);
        if (category.empty()) {
            config->define(name, value, origin.file, origin.line);
            continue;
        }
        const std::string key = "$use." + category;
        const Config::Entry* before = config->entry(key);
        config->define(key, before ? before->value + ", " + value : value, origin.file, origin.line);
    }
    // Group runtime limits become the schedd's periodic expressions, as in the window's planner.
    KnobEdits edits;
    for (const auto& [name, value] : spec.knobs)
        edits.emplace_back(name, value);
    if (!whatif::groupLimits(edits).empty())
        *config = whatif::applied(std::move(*config), whatif::groupLimitKnobs(*config, edits));
    return config;
}

Expected<Scenario> buildScenario(const ScenarioSpec& spec, Warnings& warnings)
{
    if (auto error = checkScenarioInputs(spec))
        return *error;
    // The policy first: a refused knob is reported before a large trace is read.
    auto config = scenarioConfig(spec);
    if (!config)
        return config.error();
    auto policy = policyReportingConfigWarnings(*config, warnings);
    if (!policy)
        return policy.error();
    auto scenario = loadScenario(spec.inputs, warnings, *policy);
    if (!scenario)
        return scenario.error();
    // A model scales its arrival rates as it generates; a trace or a built-in's jobs are copied or thinned, as
    // the window's planner does (scaleWorkload).
    if (spec.inputs.modelPath.empty())
        scaleScenarioWorkload(*scenario, spec.inputs.scale);
    if (!spec.name.empty())
        scenario->name = spec.name;
    return scenario;
}

} // namespace pp
