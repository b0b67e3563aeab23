// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "io/formatdetect.h"

#include "util/linereader.h"
#include "util/text.h"

#include <algorithm>
#include <cctype>

namespace pp {

const char* fileFormatName(FileFormat format)
{
    switch (format) {
    case FileFormat::Swf:
        return "swf";
    case FileFormat::ClassAdLong:
        return "classad-long";
    case FileFormat::History:
        return "history";
    case FileFormat::ClassAdNew:
        return "classad-new";
    case FileFormat::ClassAdJson:
        return "classad-json";
    case FileFormat::ClassAdJsonLines:
        return "classad-jsonl";
    case FileFormat::EventLog:
        return "event-log";
    case FileFormat::EventLogJson:
        return "event-log-json";
    case FileFormat::CondorConfig:
        return "condor-config";
    case FileFormat::WorkloadModel:
        return "workload-model";
    case FileFormat::AfTable:
        return "condor-af";
    }
    return "unknown";
}

namespace {

bool isEventHeader(std::string_view line)
{
    return line.size() > 6 && std::isdigit(static_cast<unsigned char>(line[0]))
        && std::isdigit(static_cast<unsigned char>(line[1])) && std::isdigit(static_cast<unsigned char>(line[2]))
        && line[3] == ' ' && line[4] == '(';
}

bool isSwfLine(std::string_view line)
{
    const auto fields = text::split(line, " \t");
    if (fields.size() < 18)
        return false;
    for (auto f : fields)
        if (!text::parseDouble(f))
            return false;
    return true;
}

// "11/26/26 05:00:47 …": the first line of an HTCondor daemon log (StartLog, NegotiatorLog, DefragLog, …).
bool isDaemonLogLine(std::string_view line)
{
    static constexpr std::string_view shape = "00/00/00 00:00:00 ";
    if (line.size() < shape.size())
        return false;
    for (std::size_t i = 0; i < shape.size(); ++i)
        if (shape[i] == '0' ? !std::isdigit(static_cast<unsigned char>(line[i])) : line[i] != shape[i])
            return false;
    return true;
}

// Config knobs are written in upper case (GROUP_QUOTA_atlas, NEGOTIATOR_INTERVAL); ad attributes in CamelCase.
bool looksLikeKnob(std::string_view name)
{
    const std::size_t cut = name.find('_');
    const std::string_view head = name.substr(0, cut == std::string_view::npos ? name.size() : cut);
    if (head.size() < 2)
        return false;
    for (char c : head)
        if (std::islower(static_cast<unsigned char>(c)))
            return false;
    return true;
}

} // namespace

Expected<FileFormat> detectFormat(const std::string& path)
{
    auto opened = LineReader::open(path);
    if (auto* error = std::get_if<Diagnostic>(&opened))
        return *error;
    auto& reader = std::get<LineReader>(opened);
    int assignments = 0;
    int knobNames = 0;
    bool configSyntax = false;
    bool banner = false;
    bool eventJson = false;
    std::size_t headerColumns = 0; // the first line as a header of attribute names, when it looks like one
    bool tableRows = true;
    std::string firstContent;
    long firstLine = 0;
    long queueLine = 0; // a condor_submit description's `queue` statement
    int submitCommands = 0;
    while (const auto raw = reader.next()) {
        if (reader.lineNumber() > 400)
            break;
        const std::string_view line = text::trim(*raw);
        if (line.empty())
            continue;
        if (firstContent.empty()) {
            firstContent = std::string(line.substr(0, 200));
            firstLine = reader.lineNumber();
            if (line == "# poolplanner workload model 1")
                return FileFormat::WorkloadModel;
            if (isDaemonLogLine(line))
                return Diagnostic {path, reader.lineNumber(),
                    "an HTCondor daemon log: PoolPlanner reads job event logs, condor_history, the pool's ads and "
                    "its configuration, not the daemons' own logs"};
            if (line.front() == ';' || isSwfLine(line))
                return FileFormat::Swf;
            const auto names = text::split(line, " \t");
            if (names.size() >= 2 && std::all_of(names.begin(), names.end(), [](std::string_view n) {
                    return std::isalpha(static_cast<unsigned char>(n.front()))
                        && std::all_of(n.begin(), n.end(),
                            [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
                }))
                headerColumns = names.size();
            if (isEventHeader(line))
                return FileFormat::EventLog;
            if (line.front() == '[') {
                const std::string_view rest = text::trim(line.substr(1));
                if (rest.empty() || rest.front() == '{' || rest.front() == ']') {
                    if (rest.empty()) { // look at the next non-empty line
                        while (const auto next = reader.next()) {
                            const std::string_view n = text::trim(*next);
                            if (n.empty())
                                continue;
                            return n.front() == '{' || n.front() == ']' ? FileFormat::ClassAdJson
                                                                        : FileFormat::ClassAdNew;
                        }
                    }
                    return FileFormat::ClassAdJson;
                }
                return FileFormat::ClassAdNew;
            }
            if (line.front() == '{') {
                // JSON: one object per line is -jsonl; pretty objects with EventTypeNumber are an event log.
                if (line.back() == '}')
                    return line.find("\"EventTypeNumber\"") != std::string_view::npos ? FileFormat::EventLogJson
                                                                                      : FileFormat::ClassAdJsonLines;
                eventJson = true;
                continue;
            }
        }
        if (eventJson) {
            if (line.find("\"EventTypeNumber\"") != std::string_view::npos)
                return FileFormat::EventLogJson;
            continue;
        }
        if (headerColumns > 0 && reader.lineNumber() != firstLine && text::split(line, " \t").size() != headerColumns)
            tableRows = false;
        if (line.front() == '#')
            continue;
        if (queueLine == 0 && (text::iequals(line, "queue") || text::istartsWith(line, "queue ")))
            queueLine = reader.lineNumber();
        for (const char* command : {"executable", "universe", "arguments", "request_cpus", "request_memory",
                 "accounting_group", "transfer_executable", "should_transfer_files"})
            if (text::istartsWith(line, command) && line.find('=') != std::string_view::npos) {
                ++submitCommands;
                break;
            }
        if (line.substr(0, 3) == "***") {
            banner = true;
            continue;
        }
        if (text::istartsWith(line, "include") || text::istartsWith(line, "use ") || text::istartsWith(line, "if ")
            || line.find("$(") != std::string_view::npos)
            configSyntax = true;
        const std::size_t eq = line.find('=');
        if (eq != std::string_view::npos) {
            ++assignments;
            if (looksLikeKnob(text::trim(line.substr(0, eq))))
                ++knobNames;
        }
    }
    if (reader.error())
        return *reader.error();
    if (eventJson)
        return FileFormat::ClassAdJson; // pretty objects without event fields: a -json dump without its [ ]
    if (firstContent.empty())
        return Diagnostic {path, 0, "empty file: nothing to read"};
    if (queueLine > 0 && submitCommands > 0)
        return Diagnostic {path, queueLine,
            "a condor_submit description (its 'queue' statement): PoolPlanner reads jobs once submitted, as their ads "
            "(condor_q -long or -json), condor_history, or the job event log its 'log =' names"};
    if (headerColumns > 0 && tableRows && assignments == 0)
        return FileFormat::AfTable;
    if (assignments > 0) {
        if (banner)
            return FileFormat::History;
        if (configSyntax || knobNames * 2 > assignments)
            return FileFormat::CondorConfig;
        return FileFormat::ClassAdLong;
    }
    return Diagnostic {path, firstLine,
        "not a format PoolPlanner reads (ClassAds, history, event log, condor_config, SWF, workload model); it starts "
        "with '"
            + firstContent.substr(0, 60) + "'"};
}

bool holdsNothing(const std::string& path)
{
    auto opened = LineReader::open(path);
    if (std::holds_alternative<Diagnostic>(opened))
        return false;
    auto& reader = std::get<LineReader>(opened);
    while (const auto line = reader.next())
        if (!text::trim(*line).empty())
            return false;
    return !reader.error();
}

} // namespace pp
