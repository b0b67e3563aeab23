// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "io/eventlog.h"

#include "io/classadfiles.h"
#include "util/linereader.h"
#include "util/text.h"

#include <cctype>
#include <cstdio>

namespace pp {

std::int64_t daysFromCivil(int year, unsigned month, unsigned day)
{
    // H. Hinnant's algorithm.
    year -= month <= 2 ? 1 : 0;
    const int era = (year >= 0 ? year : year - 399) / 400;
    const auto yoe = static_cast<unsigned>(year - era * 400);
    const unsigned doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<std::int64_t>(era) * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

namespace {

bool digits(std::string_view s, std::size_t from, std::size_t count)
{
    if (from + count > s.size())
        return false;
    for (std::size_t i = from; i < from + count; ++i)
        if (!std::isdigit(static_cast<unsigned char>(s[i])))
            return false;
    return true;
}

int number(std::string_view s, std::size_t from, std::size_t count)
{
    int n = 0;
    for (std::size_t i = from; i < from + count; ++i)
        n = n * 10 + (s[i] - '0');
    return n;
}

// Parses "YYYY-MM-DD HH:MM:SS[.mmm][Z]" or "MM/DD HH:MM:SS"; returns the Unix time and the length consumed.
std::optional<std::pair<std::int64_t, std::size_t>> parseTimestamp(std::string_view s, const EventLogOptions& options)
{
    int year = 0;
    int month = 0;
    int day = 0;
    std::size_t pos = 0;
    if (digits(s, 0, 4) && s.size() > 10 && s[4] == '-' && digits(s, 5, 2) && s[7] == '-' && digits(s, 8, 2)
        && (s[10] == ' ' || s[10] == 'T')) {
        year = number(s, 0, 4);
        month = number(s, 5, 2);
        day = number(s, 8, 2);
        pos = 11;
    } else if (digits(s, 0, 2) && s.size() > 5 && s[2] == '/' && digits(s, 3, 2) && s[5] == ' ') {
        year = options.legacyYear;
        month = number(s, 0, 2);
        day = number(s, 3, 2);
        pos = 6;
    } else {
        return std::nullopt;
    }
    if (!(digits(s, pos, 2) && s.size() > pos + 7 && s[pos + 2] == ':' && digits(s, pos + 3, 2) && s[pos + 5] == ':'
            && digits(s, pos + 6, 2)))
        return std::nullopt;
    const int hour = number(s, pos, 2);
    const int minute = number(s, pos + 3, 2);
    const int second = number(s, pos + 6, 2);
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    pos += 8;
    if (pos < s.size() && s[pos] == '.')
        for (++pos; pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]));)
            ++pos;
    bool utc = false;
    if (pos < s.size() && s[pos] == 'Z') {
        utc = true;
        ++pos;
    }
    std::int64_t t = daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400
        + std::int64_t {hour} * 3600 + std::int64_t {minute} * 60 + second;
    if (!utc)
        t -= options.utcOffsetSeconds;
    return std::pair {t, pos};
}

Expected<long> readTextLog(const std::string& path, const EventLogOptions& options,
    const std::function<void(const JobEvent&)>& sink, Warnings& warnings)
{
    auto opened = LineReader::open(path);
    if (auto* error = std::get_if<Diagnostic>(&opened))
        return *error;
    auto& reader = std::get<LineReader>(opened);
    long events = 0;
    bool inEvent = false;
    JobEvent event;
    while (const auto raw = reader.next()) {
        const std::string_view line = *raw;
        if (!inEvent) {
            if (text::trim(line).empty())
                continue;
            // NNN (C.P.S) timestamp text
            int code = 0;
            long cluster = 0;
            long proc = 0;
            long sub = 0;
            int consumed = 0;
            const std::string header(line.substr(0, std::min<std::size_t>(line.size(), 64)));
            if (!digits(line, 0, 3)
                || std::sscanf(header.c_str(), "%3d (%ld.%ld.%ld) %n", &code, &cluster, &proc, &sub, &consumed) != 4
                || consumed == 0)
                return Diagnostic {path, reader.lineNumber(),
                    "expected an event header 'NNN (cluster.proc.subproc) time text', found '"
                        + std::string(line.substr(0, 60)) + "'"};
            const auto stamp = parseTimestamp(line.substr(static_cast<std::size_t>(consumed)), options);
            if (!stamp)
                return Diagnostic {path, reader.lineNumber(),
                    "the event's timestamp is neither 'YYYY-MM-DD HH:MM:SS' nor 'MM/DD HH:MM:SS'"};
            event = JobEvent {code, cluster, proc, stamp->first, reader.lineNumber(), 0};
            inEvent = true;
            continue;
        }
        if (line.substr(0, 3) == "...") {
            sink(event);
            ++events;
            inEvent = false;
            continue;
        }
        // Body lines: the execute event lists the dynamic slot's resources as "Cpus = N".
        if (event.code == 1) {
            const std::string_view body = text::trim(line);
            if (text::istartsWith(body, "Cpus")) {
                const std::size_t eq = body.find('=');
                if (eq != std::string_view::npos)
                    if (const auto cores = text::parseInteger(body.substr(eq + 1));
                        cores && *cores > 0 && *cores < 65536)
                        event.cores = static_cast<int>(*cores);
            }
        }
    }
    if (reader.error())
        return *reader.error();
    if (inEvent)
        warnings.add(
            {path, event.line, "the last event has no '...' terminator: the log was cut while it was written"});
    return events;
}

Expected<long> readJsonLog(const std::string& path, const EventLogOptions& options,
    const std::function<void(const JobEvent&)>& sink, Warnings& warnings)
{
    std::optional<Diagnostic> failure;
    auto read = readClassAds(
        path, AdFormat::JsonLines,
        [&](classad::ClassAd&& ad, long line) {
            double code = -1;
            double cluster = 0;
            double proc = 0;
            const classad::Value time = ad.evaluateAttribute("EventTime");
            if (!ad.evaluateAttribute("EventTypeNumber").toNumber(code) || !time.isString()) {
                failure = Diagnostic {path, line, "a JSON event needs EventTypeNumber and EventTime"};
                return false;
            }
            ad.evaluateAttribute("Cluster").toNumber(cluster);
            ad.evaluateAttribute("Proc").toNumber(proc);
            const auto stamp = parseTimestamp(time.asString(), options);
            if (!stamp) {
                failure = Diagnostic {path, line, "EventTime '" + time.asString() + "' is not an ISO timestamp"};
                return false;
            }
            JobEvent event {
                static_cast<int>(code), static_cast<long>(cluster), static_cast<long>(proc), stamp->first, line, 0};
            double cores = 0;
            if (ad.evaluateAttribute("Cpus").toNumber(cores) && cores > 0)
                event.cores = static_cast<int>(cores);
            sink(event);
            return true;
        },
        warnings);
    if (failure)
        return *failure;
    return read;
}

} // namespace

Expected<long> readEventLog(const std::string& path, const EventLogOptions& options,
    const std::function<void(const JobEvent&)>& sink, Warnings& warnings)
{
    auto opened = LineReader::open(path);
    if (auto* error = std::get_if<Diagnostic>(&opened))
        return *error;
    auto& probe = std::get<LineReader>(opened);
    while (const auto line = probe.next()) {
        const std::string_view content = text::trim(*line);
        if (content.empty())
            continue;
        if (content.front() == '{')
            return readJsonLog(path, options, sink, warnings);
        break;
    }
    if (probe.error())
        return *probe.error();
    return readTextLog(path, options, sink, warnings);
}

} // namespace pp
