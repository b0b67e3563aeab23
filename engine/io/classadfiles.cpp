// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "io/classadfiles.h"

#include "util/linereader.h"
#include "util/text.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <simdjson.h>

namespace pp {

using classad::ClassAd;
using classad::Expression;
using classad::Value;

const char* adFormatName(AdFormat format)
{
    switch (format) {
    case AdFormat::Long:
        return "classad-long";
    case AdFormat::History:
        return "history";
    case AdFormat::NewClassAd:
        return "classad-new";
    case AdFormat::Json:
        return "classad-json";
    case AdFormat::JsonLines:
        return "classad-jsonl";
    case AdFormat::AfTable:
        return "condor-af";
    }
    return "classad";
}

AttributeFilter::AttributeFilter(std::initializer_list<const char*> names)
{
    for (const char* n : names) {
        m_names.push_back(text::toLower(n));
        if (m_names.back().size() < m_lengths.size())
            m_lengths[m_names.back().size()] = true;
        m_firstLetters[static_cast<unsigned char>(m_names.back().front())] = true;
    }
    std::sort(m_names.begin(), m_names.end());
}

bool AttributeFilter::keeps(std::string_view name) const
{
    // Most names are rejected by their length and first letter, before any comparison.
    if (name.empty() || name.size() >= m_lengths.size() || !m_lengths[name.size()]
        || !m_firstLetters[static_cast<unsigned char>(text::asciiLower(name.front()))])
        return false;
    const auto lessCaseless = [](std::string_view a, std::string_view b) {
        const std::size_t n = std::min(a.size(), b.size());
        for (std::size_t i = 0; i < n; ++i) {
            const int x = static_cast<unsigned char>(text::asciiLower(a[i])); // as strcasecmp compares
            const int y = static_cast<unsigned char>(text::asciiLower(b[i]));
            if (x != y)
                return x < y;
        }
        return a.size() < b.size();
    };
    const auto it = std::lower_bound(m_names.begin(), m_names.end(), name,
        [&](const std::string& element, std::string_view value) { return lessCaseless(element, value); });
    return it != m_names.end() && !lessCaseless(name, *it);
}

namespace {

bool validName(std::string_view name)
{
    if (name.empty() || !(std::isalpha(static_cast<unsigned char>(name.front())) || name.front() == '_'))
        return false;
    for (char c : name)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.'))
            return false;
    return true;
}

// Adds `name = text` to the ad; an unparsable value is a warning, not the end of the file.
// An expression the parser cannot read costs that attribute, with a warning: condor prints expressions of newer
// ClassAd syntax than the planner knows. One nested past any real expression's depth is not a ClassAd at all.
[[nodiscard]] std::optional<Diagnostic> addAttribute(
    ClassAd& ad, std::string_view name, std::string_view text, const std::string& path, long line, Warnings& warnings)
{
    auto parsed = Expression::parse(text, std::string(name), Expression::Functions::Any);
    if (!parsed) {
        if (parsed.error().reason.find("nested too deeply") != std::string::npos)
            return Diagnostic {path, line, "attribute " + std::string(name) + ": " + parsed.error().reason};
        warnings.add({path, line, "attribute " + std::string(name) + " skipped: " + parsed.error().reason});
        return std::nullopt;
    }
    ad.set(std::string(name), std::move(parsed).value());
    return std::nullopt;
}

Expected<long> readLong(
    const std::string& path, bool history, const AdSink& sink, Warnings& warnings, const AttributeFilter* keep)
{
    auto opened = LineReader::open(path);
    if (auto* error = std::get_if<Diagnostic>(&opened))
        return *error;
    auto& reader = std::get<LineReader>(opened);
    long ads = 0;
    ClassAd ad;
    long adLine = 0;
    bool stopped = false;
    const auto flush = [&] {
        if (adLine == 0)
            return;
        ++ads;
        if (!sink(std::move(ad), adLine))
            stopped = true;
        ad = ClassAd {};
        adLine = 0;
    };
    while (!stopped) {
        const auto line = reader.next();
        if (!line)
            break;
        const std::string_view content = text::trim(*line);
        if (content.empty()) {
            if (!history)
                flush();
            continue;
        }
        if (content.substr(0, 3) == "***") { // the banner after each ad of a history file
            flush();
            continue;
        }
        if (content.front() == '#' || content.substr(0, 2) == "--")
            continue; // comments, and condor_q's "-- Schedd: …" headers
        const std::size_t eq = content.find('=');
        const std::string_view name = eq == std::string_view::npos ? content : text::trim(content.substr(0, eq));
        if (eq == std::string_view::npos || !validName(name))
            return Diagnostic {path, reader.lineNumber(),
                "expected 'Name = value' (a ClassAd in long form), found '" + std::string(content.substr(0, 60)) + "'"};
        if (adLine == 0)
            adLine = reader.lineNumber();
        if (!keep || keep->keeps(name)) {
            if (auto error
                = addAttribute(ad, name, text::trim(content.substr(eq + 1)), path, reader.lineNumber(), warnings))
                return *error;
        }
    }
    if (reader.error())
        return *reader.error();
    if (!stopped)
        flush();
    return ads;
}

// New ClassAds: `[` attribute `;` … `]`, possibly spanning lines, with strings and nested brackets in values.
Expected<long> readNew(const std::string& path, const AdSink& sink, Warnings& warnings)
{
    auto opened = LineReader::open(path);
    if (auto* error = std::get_if<Diagnostic>(&opened))
        return *error;
    auto& reader = std::get<LineReader>(opened);
    long ads = 0;
    int depth = 0; // bracket and brace depth inside an ad
    bool inString = false;
    bool escaped = false;
    std::string current; // the attribute being read
    long currentLine = 0;
    long adLine = 0;
    ClassAd ad;
    const auto endAttribute = [&]() -> std::optional<Diagnostic> {
        const std::string_view item = text::trim(current);
        if (!item.empty()) {
            const std::size_t eq = item.find('=');
            const std::string_view name = eq == std::string_view::npos ? item : text::trim(item.substr(0, eq));
            if (eq == std::string_view::npos || !validName(name))
                return Diagnostic {path, currentLine,
                    "expected 'Name = value;' inside [ ], found '" + std::string(item.substr(0, 60)) + "'"};
            if (auto error = addAttribute(ad, name, text::trim(item.substr(eq + 1)), path, currentLine, warnings))
                return error;
        }
        current.clear();
        currentLine = 0;
        return std::nullopt;
    };
    while (const auto line = reader.next()) {
        for (const char c : *line) {
            if (depth == 0) {
                if (c == '[') {
                    depth = 1;
                    adLine = reader.lineNumber();
                } else if (!std::isspace(static_cast<unsigned char>(c))) {
                    return Diagnostic {
                        path, reader.lineNumber(), std::string("expected '[' opening a ClassAd, found '") + c + "'"};
                }
                continue;
            }
            if (currentLine == 0 && !std::isspace(static_cast<unsigned char>(c)))
                currentLine = reader.lineNumber();
            if (inString) {
                current += c;
                if (escaped)
                    escaped = false;
                else if (c == '\\')
                    escaped = true;
                else if (c == '"')
                    inString = false;
                continue;
            }
            if (c == '"') {
                inString = true;
                current += c;
            } else if ((c == ';' && depth == 1) || (c == ']' && depth == 1)) {
                if (auto error = endAttribute())
                    return *error;
                if (c == ']') {
                    depth = 0;
                    ++ads;
                    if (!sink(std::move(ad), adLine))
                        return ads;
                    ad = ClassAd {};
                }
            } else {
                if (c == '[' || c == '{' || c == '(')
                    ++depth;
                else if (c == ']' || c == '}' || c == ')')
                    --depth;
                current += c;
            }
        }
        if (inString)
            current += '\n';
    }
    if (reader.error())
        return *reader.error();
    if (depth != 0)
        return Diagnostic {path, reader.lineNumber(), "the last ClassAd is not closed by ']': the file is truncated"};
    return ads;
}

// JSON: the "\/Expr(...)\/" strings of condor's JSON writer are expressions, the rest are literals.
std::optional<Diagnostic> jsonToAd(simdjson::dom::object object, ClassAd& ad, const std::string& path, long line,
    Warnings& warnings, const AttributeFilter* keep)
{
    for (auto [key, value] : object) {
        if (keep && !keep->keeps(key))
            continue;
        const std::string name(key);
        switch (value.type()) {
        case simdjson::dom::element_type::STRING: {
            const std::string_view s = value.get_string().value_unsafe();
            if (s.size() >= 9 && s.substr(0, 6) == "/Expr(" && s.substr(s.size() - 2) == ")/") {
                if (auto error = addAttribute(ad, name, s.substr(6, s.size() - 8), path, line, warnings))
                    return error;
            } else {
                ad.set(name, Value::string(std::string(s)));
            }
            break;
        }
        case simdjson::dom::element_type::INT64:
            ad.set(name, Value::integer(value.get_int64().value_unsafe()));
            break;
        case simdjson::dom::element_type::UINT64:
            ad.set(name, Value::real(static_cast<double>(value.get_uint64().value_unsafe())));
            break;
        case simdjson::dom::element_type::DOUBLE:
            ad.set(name, Value::real(value.get_double().value_unsafe()));
            break;
        case simdjson::dom::element_type::BOOL:
            ad.set(name, Value::boolean(value.get_bool().value_unsafe()));
            break;
        case simdjson::dom::element_type::NULL_VALUE:
            ad.set(name, Value::undefined());
            break;
        case simdjson::dom::element_type::ARRAY: {
            // Held in a named variable: a range-for over `value.get_array().value_unsafe()` walks an array
            // reference into a temporary result that is gone before the loop starts (a crash with -O2).
            simdjson::dom::array array;
            if (value.get_array().get(array) != simdjson::SUCCESS)
                break;
            std::vector<Value> items;
            items.reserve(array.size());
            for (simdjson::dom::element item : array) {
                if (item.is_int64())
                    items.push_back(Value::integer(item.get_int64().value_unsafe()));
                else if (item.is_number())
                    items.push_back(Value::real(item.get_double().value_unsafe()));
                else if (item.is_string())
                    items.push_back(Value::string(std::string(item.get_string().value_unsafe())));
                else if (item.is_bool())
                    items.push_back(Value::boolean(item.get_bool().value_unsafe()));
                else
                    items.push_back(Value::undefined());
            }
            ad.set(name, Value::list(std::move(items)));
            break;
        }
        case simdjson::dom::element_type::OBJECT: // nested ads are not used by the planner
            break;
        }
    }
    (void)path;
    return std::nullopt;
}

// Streams JSON objects from a file without holding it whole: top-level objects are cut out by brace depth
// (outside strings) and parsed one at a time. Works for the `-json` array and for `-jsonl`.
Expected<long> readJson(
    const std::string& path, bool lines, const AdSink& sink, Warnings& warnings, const AttributeFilter* keep)
{
    auto opened = LineReader::open(path);
    if (auto* error = std::get_if<Diagnostic>(&opened))
        return *error;
    auto& reader = std::get<LineReader>(opened);
    // One parser per thread, kept: its buffers grow to the largest ad once instead of being allocated per file
    // (many small files, a watch's polls, a fuzzer's inputs). Elements never outlive the ad they are read into.
    thread_local simdjson::dom::parser parser;
    long ads = 0;
    int depth = 0;
    bool inString = false;
    bool sawArray = lines;
    std::string object;
    long objectLine = 0;
    while (const auto line = reader.next()) {
        const std::string_view l = *line;
        std::size_t spanStart = 0; // where this line's part of the current object begins
        for (std::size_t i = 0; i < l.size(); ++i) {
            const char c = l[i];
            if (depth == 0) {
                if (c == '{') {
                    depth = 1;
                    spanStart = i;
                    object.clear();
                    objectLine = reader.lineNumber();
                } else if (c == '[' && !sawArray) {
                    sawArray = true;
                } else if (!(std::isspace(static_cast<unsigned char>(c)) || c == ',' || (c == ']' && !lines))) {
                    return Diagnostic {path, reader.lineNumber(),
                        std::string("unexpected '") + c + "' between JSON objects (expected a ClassAd object)"};
                }
                continue;
            }
            if (inString) {
                // Most of a ClassAd's bytes are inside strings: jump to the closing quote, one that is not
                // escaped (an even run of backslashes before it). JSON strings never span lines.
                std::size_t quote = i;
                for (;;) {
                    const void* hit = std::memchr(l.data() + quote, '"', l.size() - quote);
                    if (!hit) {
                        quote = l.size();
                        break;
                    }
                    quote = static_cast<std::size_t>(static_cast<const char*>(hit) - l.data());
                    std::size_t backslashes = 0;
                    while (quote > backslashes && l[quote - 1 - backslashes] == '\\')
                        ++backslashes;
                    if (backslashes % 2 == 0)
                        break;
                    ++quote;
                }
                if (quote < l.size())
                    inString = false;
                i = quote;
                continue;
            }
            if (c == '"')
                inString = true;
            else if (c == '{' || c == '[')
                ++depth;
            else if ((c == '}' || c == ']') && --depth == 0) {
                object.append(l, spanStart, i - spanStart + 1);
                simdjson::dom::element element;
                // simdjson reads a little past the end: with that much spare capacity it parses in place.
                object.reserve(object.size() + simdjson::SIMDJSON_PADDING);
                if (const auto error = parser.parse(object.data(), object.size(), false).get(element); error)
                    return Diagnostic {path, objectLine,
                        std::string("invalid JSON in the object starting here: ") + simdjson::error_message(error)};
                if (!element.is_object())
                    return Diagnostic {path, objectLine, "expected a JSON object (a ClassAd)"};
                ClassAd ad;
                if (auto error = jsonToAd(element.get_object().value_unsafe(), ad, path, objectLine, warnings, keep))
                    return *error;
                ++ads;
                if (!sink(std::move(ad), objectLine))
                    return ads;
            }
        }
        if (depth > 0) {
            object.append(l, spanStart, std::string_view::npos);
            object += '\n';
            if (object.size() > (64u << 20))
                return Diagnostic {path, objectLine, "a JSON object larger than 64 MiB: this is not a ClassAd"};
        }
    }
    if (reader.error())
        return *reader.error();
    if (depth != 0)
        return Diagnostic {path, reader.lineNumber(), "the last JSON object is not closed: the file is truncated"};
    return ads;
}

// `-af` output with a header of attribute names: one ad per row. Values read as `-af` prints them: numbers,
// True/False, None (undefined), anything else a string.
Expected<long> readAfTable(const std::string& path, const AdSink& sink, Warnings& warnings, const AttributeFilter* keep)
{
    (void)warnings;
    auto opened = LineReader::open(path);
    if (auto* error = std::get_if<Diagnostic>(&opened))
        return *error;
    auto& reader = std::get<LineReader>(opened);
    std::vector<std::string> columns;
    long ads = 0;
    while (const auto line = reader.next()) {
        const auto fields = text::split(*line, " \t");
        if (fields.empty())
            continue;
        if (columns.empty()) {
            for (auto f : fields) {
                if (!validName(f))
                    return Diagnostic {path, reader.lineNumber(),
                        "the header names an attribute '" + std::string(f) + "' that is not a ClassAd name"};
                columns.emplace_back(f);
            }
            continue;
        }
        if (fields.size() != columns.size())
            return Diagnostic {path, reader.lineNumber(),
                std::to_string(fields.size()) + " values for " + std::to_string(columns.size())
                    + " columns: the row is cut or the file is not -af output"};
        ClassAd ad;
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (keep && !keep->keeps(columns[i]))
                continue;
            const std::string_view f = fields[i];
            if (const auto integer = text::parseInteger(f))
                ad.set(columns[i], Value::integer(*integer));
            else if (const auto real = text::parseDouble(f))
                ad.set(columns[i], Value::real(*real));
            else if (f == "True" || f == "true")
                ad.set(columns[i], Value::boolean(true));
            else if (f == "False" || f == "false")
                ad.set(columns[i], Value::boolean(false));
            else if (f == "None" || f == "undefined")
                ad.set(columns[i], Value::undefined());
            else
                ad.set(columns[i], Value::string(std::string(f)));
        }
        ++ads;
        if (!sink(std::move(ad), reader.lineNumber()))
            return ads;
    }
    if (reader.error())
        return *reader.error();
    if (columns.empty())
        return Diagnostic {path, 0, "empty file: no header of attribute names"};
    return ads;
}

} // namespace

Expected<long> readClassAds(
    const std::string& path, AdFormat format, const AdSink& sink, Warnings& warnings, const AttributeFilter* keep)
{
    switch (format) {
    case AdFormat::Long:
        return readLong(path, false, sink, warnings, keep);
    case AdFormat::History:
        return readLong(path, true, sink, warnings, keep);
    case AdFormat::NewClassAd:
        return readNew(path, sink, warnings);
    case AdFormat::Json:
        return readJson(path, false, sink, warnings, keep);
    case AdFormat::JsonLines:
        return readJson(path, true, sink, warnings, keep);
    case AdFormat::AfTable:
        return readAfTable(path, sink, warnings, keep);
    }
    return Diagnostic {path, 0, "unknown ClassAd format"};
}

std::optional<AdFormat> adFormatOf(FileFormat format)
{
    switch (format) {
    case FileFormat::ClassAdLong:
        return AdFormat::Long;
    case FileFormat::History:
        return AdFormat::History;
    case FileFormat::ClassAdNew:
        return AdFormat::NewClassAd;
    case FileFormat::ClassAdJson:
        return AdFormat::Json;
    case FileFormat::ClassAdJsonLines:
        return AdFormat::JsonLines;
    case FileFormat::AfTable:
        return AdFormat::AfTable;
    case FileFormat::Swf:
    case FileFormat::EventLog:
    case FileFormat::EventLogJson:
    case FileFormat::CondorConfig:
    case FileFormat::WorkloadModel:
        break;
    }
    return std::nullopt;
}

} // namespace pp
