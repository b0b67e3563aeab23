// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "config/config.h"

#include "util/linereader.h"
#include "util/text.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace pp {

namespace {
constexpr int maxIncludeDepth = 16;
constexpr int maxExpansionDepth = 32;
constexpr std::size_t maxExpandedSize = 1 << 20; // 1 MiB: no real knob comes near it
// Text read while expanding one value, all levels together: macros that each expand twice to the one below grow
// exponentially in work long before their output is cut at maxExpandedSize. Real knobs read a few kB.
constexpr std::size_t maxExpansionWork = 32u << 20;

bool isNameChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-' || c == '<' || c == '>';
}
} // namespace

struct Config::ParseState
{
    // One frame per open `if`: whether its branch is active, and whether any branch was taken yet.
    struct Frame
    {
        bool active;
        bool taken;
        bool parentActive;
    };
    std::vector<Frame> ifs;
    bool active() const { return ifs.empty() || ifs.back().active; }
};

Expected<Config> Config::fromFile(const std::string& path)
{
    Config config;
    if (auto error = config.parseFile(path, 0, {}, 0))
        return *error;
    if (auto error = config.checkExpansions())
        return *error;
    return config;
}

Expected<Config> Config::fromText(const std::string& text, const std::string& sourceName)
{
    Config config;
    if (auto error = config.parseText(text, sourceName, 0))
        return *error;
    if (auto error = config.checkExpansions())
        return *error;
    return config;
}

std::optional<Diagnostic> Config::checkExpansions() const
{
    for (const auto& [key, e] : m_entries) {
        if (e.value.find("$(") == std::string::npos)
            continue;
        Budget budget {maxExpansionWork};
        const std::string expanded = expandDepth(e.value, 0, budget);
        if (budget.exceeded || expanded.size() >= maxExpandedSize)
            return Diagnostic {e.file, e.line,
                e.name + ": its macros expand past " + std::to_string(maxExpandedSize >> 20)
                    + " MiB (macros that each repeat the one below them?); PoolPlanner does not expand it"};
    }
    return std::nullopt;
}

std::optional<Diagnostic> Config::parseFile(
    const std::string& path, int depth, const std::string& fromFile, long fromLine)
{
    if (depth > maxIncludeDepth)
        return Diagnostic {fromFile, fromLine, "include nesting deeper than 16 levels (an include loop?)"};
    auto opened = LineReader::open(path);
    if (auto* error = std::get_if<Diagnostic>(&opened)) {
        if (!fromFile.empty())
            error->reason += " (included from " + fromFile + ":" + std::to_string(fromLine) + ")";
        return *error;
    }
    auto& reader = std::get<LineReader>(opened);
    std::string text;
    while (auto line = reader.next()) {
        text += *line;
        text += '\n';
        if (text.size() > (64u << 20))
            return Diagnostic {
                path, reader.lineNumber(), "configuration larger than 64 MiB; this is not a condor_config file"};
    }
    if (reader.error())
        return *reader.error();
    return parseText(text, path, depth);
}

namespace {
// Evaluates the condition of an `if`/`elif` line the way condor_config does for the simple forms.
std::optional<bool> evaluateCondition(std::string_view condition, const Config& config)
{
    condition = text::trim(condition);
    bool negate = false;
    if (!condition.empty() && condition.front() == '!') {
        negate = true;
        condition = text::trim(condition.substr(1));
    }
    std::optional<bool> result;
    if (text::istartsWith(condition, "defined ")) {
        const std::string name(text::trim(condition.substr(8)));
        result = config.contains(name);
    } else if (text::istartsWith(condition, "version ")) {
        result = true; // we behave like a current release
    } else if (auto b = text::parseBool(config.expand(std::string(condition)))) {
        result = *b;
    } else if (auto n = text::parseDouble(config.expand(std::string(condition)))) {
        result = *n != 0;
    }
    if (result && negate)
        result = !*result;
    return result;
}
} // namespace

std::optional<Diagnostic> Config::parseText(const std::string& text, const std::string& sourceName, int depth)
{
    ParseState state;
    std::size_t pos = 0;
    long lineNumber = 0;
    // The next physical line, without its end of line.
    const auto nextPhysical = [&] {
        const std::size_t end = text.find('\n', pos);
        std::string_view physical(text.data() + pos, (end == std::string::npos ? text.size() : end) - pos);
        pos = end == std::string::npos ? text.size() : end + 1;
        ++lineNumber;
        if (!physical.empty() && physical.back() == '\r')
            physical.remove_suffix(1);
        return physical;
    };
    while (pos < text.size()) {
        // Gather one logical line: a trailing backslash continues it on the next physical line.
        std::string logical;
        const long firstLine = lineNumber + 1;
        for (;;) {
            const std::string_view physical = nextPhysical();
            const std::string_view trimmedEnd = text::trim(physical);
            if (!trimmedEnd.empty() && trimmedEnd.back() == '\\' && pos < text.size()) {
                logical += std::string(physical.substr(0, physical.rfind('\\')));
                continue;
            }
            logical += std::string(physical);
            break;
        }
        const std::string_view line = text::trim(logical);
        if (line.empty() || line.front() == '#')
            continue;

        // A keyword begins a directive, unless the line assigns to a knob of that name (`INCLUDE = $(RELEASE_DIR)`
        // in every condor_config_val -dump).
        const auto keyword = [&](std::string_view word) {
            if (!text::istartsWith(line, word)
                || !(line.size() == word.size() || std::isspace(static_cast<unsigned char>(line[word.size()]))))
                return false;
            const std::string_view after = text::trim(line.substr(word.size()));
            return after.empty() || (after.front() != '=' && after.substr(0, 2) != ":=");
        };
        if (keyword("if")) {
            const bool parentActive = state.active();
            const auto cond = evaluateCondition(line.substr(2), *this);
            if (!cond)
                m_warnings.add({sourceName, firstLine,
                    "condition '" + std::string(text::trim(line.substr(2))) + "' is not understood; taken as false"});
            const bool value = parentActive && cond.value_or(false);
            state.ifs.push_back({value, value, parentActive});
            continue;
        }
        if (keyword("elif")) {
            if (state.ifs.empty())
                return Diagnostic {sourceName, firstLine, "elif without a matching if"};
            auto& frame = state.ifs.back();
            const auto cond = evaluateCondition(line.substr(4), *this);
            frame.active = frame.parentActive && !frame.taken && cond.value_or(false);
            frame.taken = frame.taken || frame.active;
            continue;
        }
        if (keyword("else")) {
            if (state.ifs.empty())
                return Diagnostic {sourceName, firstLine, "else without a matching if"};
            auto& frame = state.ifs.back();
            frame.active = frame.parentActive && !frame.taken;
            frame.taken = true;
            continue;
        }
        if (keyword("endif")) {
            if (state.ifs.empty())
                return Diagnostic {sourceName, firstLine, "endif without a matching if"};
            state.ifs.pop_back();
            continue;
        }
        if (!state.active())
            continue;

        if (keyword("include") || text::istartsWith(line, "@include")) {
            const std::size_t colon = line.find(':');
            if (colon == std::string_view::npos)
                return Diagnostic {sourceName, firstLine, "include without ':' and a file name"};
            const std::string_view how
                = text::trim(line.substr(line.front() == '@' ? 8 : 7, colon - (line.front() == '@' ? 8 : 7)));
            if (text::iequals(how, "command"))
                return Diagnostic {sourceName, firstLine,
                    "'include command' runs a program; PoolPlanner reads configuration, it does not run it"};
            const bool optional = text::iequals(how, "ifexist");
            std::string target = expand(std::string(text::trim(line.substr(colon + 1))));
            std::filesystem::path file(target);
            if (file.is_relative())
                file = std::filesystem::path(sourceName).parent_path() / file;
            std::error_code ec;
            if (optional && !std::filesystem::exists(file, ec))
                continue;
            if (std::filesystem::is_directory(file, ec)) {
                std::vector<std::filesystem::path> files;
                for (const auto& item : std::filesystem::directory_iterator(file, ec))
                    if (item.is_regular_file())
                        files.push_back(item.path());
                std::sort(files.begin(), files.end());
                for (const auto& f : files)
                    if (auto error = parseFile(f.string(), depth + 1, sourceName, firstLine))
                        return error;
                continue;
            }
            if (auto error = parseFile(file.string(), depth + 1, sourceName, firstLine))
                return error;
            continue;
        }
        if (keyword("use")) {
            // Metaknobs (`use POLICY : ...`) are kept as a record so that later readers can apply them.
            const std::size_t colon = line.find(':');
            if (colon == std::string_view::npos)
                return Diagnostic {sourceName, firstLine, "use without ':' and a template name"};
            const std::string category = text::toLower(text::trim(line.substr(3, colon - 3)));
            const std::string names(text::trim(line.substr(colon + 1)));
            const std::string key = "$use." + category;
            auto& entry = m_entries[key];
            entry.name = "use " + category;
            entry.value = entry.value.empty() ? names : entry.value + ", " + names;
            entry.file = sourceName;
            entry.line = firstLine;
            continue;
        }

        std::size_t nameEnd = 0;
        while (nameEnd < line.size() && isNameChar(line[nameEnd]))
            ++nameEnd;
        std::string_view rest = text::trim(line.substr(nameEnd));
        if (nameEnd > 0 && rest.substr(0, 2) == "@=") {
            // A multi-line value, as condor_config_val -dump prints long expressions: `NAME @=TAG`, the lines of
            // the value, then a line `@TAG`.
            const std::string tag(text::trim(rest.substr(2)));
            std::string value;
            bool closed = false;
            while (pos < text.size()) {
                const std::string_view physical = nextPhysical();
                if (const std::string_view t = text::trim(physical);
                    t.size() == tag.size() + 1 && t.front() == '@' && t.substr(1) == tag) {
                    closed = true;
                    break;
                }
                value += value.empty() ? "" : "\n";
                value += physical;
            }
            if (tag.empty() || !closed)
                return Diagnostic {sourceName, firstLine,
                    std::string(line.substr(0, nameEnd)) + " @=" + tag + ": no line '@" + tag
                        + "' closes the multi-line value before the end of the file"};
            define(std::string(line.substr(0, nameEnd)), value, sourceName, firstLine);
            continue;
        }
        if (nameEnd == 0 || rest.empty() || (rest.front() != '=' && rest.substr(0, 2) != ":=")) {
            const std::string shown(line.substr(0, std::min<std::size_t>(line.size(), 60)));
            return Diagnostic {sourceName, firstLine, "expected 'NAME = value', found '" + shown + "'"};
        }
        rest.remove_prefix(rest.front() == '=' ? 1 : 2);
        define(std::string(line.substr(0, nameEnd)), std::string(text::trim(rest)), sourceName, firstLine);
    }
    if (!state.ifs.empty())
        return Diagnostic {sourceName, lineNumber, "if without a matching endif"};
    return std::nullopt;
}

const Config::Entry* Config::entry(const std::string& name) const
{
    const auto it = m_entries.find(text::toLower(name));
    return it == m_entries.end() ? nullptr : &it->second;
}

std::optional<std::string> Config::value(const std::string& name) const
{
    const Entry* e = entry(name);
    if (!e)
        return std::nullopt;
    return expand(e->value);
}

void Config::set(const std::string& name, const std::string& value, const std::string& origin)
{
    Entry& entry = m_entries[text::toLower(name)];
    entry.name = name;
    entry.value = value;
    entry.file = origin;
    entry.line = 0;
}

void Config::define(const std::string& name, const std::string& value, const std::string& file, long line)
{
    // `X = $(X), more` appends to X's earlier value: HTCondor expands a self-reference when it is defined.
    const Entry* previous = entry(name);
    std::string expanded = replaceSelfReference(value, name, previous ? previous->value : std::string());
    Entry& e = m_entries[text::toLower(name)];
    e.name = name;
    e.value = std::move(expanded);
    e.file = file;
    e.line = line;
}

std::optional<Diagnostic> Config::readFile(const std::string& path)
{
    if (auto error = parseFile(path, 0, {}, 0))
        return error;
    return checkExpansions();
}

void Config::remove(const std::string& name)
{
    m_entries.erase(text::toLower(name));
}

std::vector<const Config::Entry*> Config::entries() const
{
    std::vector<const Entry*> out;
    out.reserve(m_entries.size());
    for (const auto& [key, e] : m_entries)
        if (key.front() != '$')
            out.push_back(&e);
    return out;
}

std::string Config::replaceSelfReference(const std::string& value, const std::string& name, const std::string& previous)
{
    std::string out;
    std::size_t pos = 0;
    const std::string lowerValue = text::toLower(value);
    const std::string plain = "$(" + text::toLower(name) + ")";
    const std::string withDefault = "$(" + text::toLower(name) + ":";
    while (pos < value.size()) {
        const std::size_t hit = lowerValue.find(plain, pos);
        const std::size_t hitDefault = lowerValue.find(withDefault, pos);
        const std::size_t at = std::min(hit, hitDefault);
        if (at == std::string::npos) {
            out.append(value, pos, std::string::npos);
            break;
        }
        out.append(value, pos, at - pos);
        if (at == hit) {
            out += previous;
            pos = at + plain.size();
        } else { // $(X:default): the earlier value, or the default when there was none
            const std::size_t close = value.find(')', at);
            if (close == std::string::npos) {
                out.append(value, at, std::string::npos);
                break;
            }
            out += previous.empty() ? value.substr(at + withDefault.size(), close - at - withDefault.size()) : previous;
            pos = close + 1;
        }
    }
    return out;
}

std::string Config::expand(const std::string& text) const
{
    Budget budget {maxExpansionWork};
    return expandDepth(text, 0, budget);
}

std::string Config::expandDepth(const std::string& text, int depth, Budget& budget) const
{
    if (depth > maxExpansionDepth || text.find("$(") == std::string::npos)
        return text;
    if (budget.exceeded || text.size() > budget.remaining) {
        budget.exceeded = true;
        return {};
    }
    budget.remaining -= text.size();
    if (text.size() > maxExpandedSize)
        return text.substr(0, maxExpandedSize); // macros that multiply themselves must not take the process down
    std::string out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t start = text.find("$(", pos);
        if (start == std::string::npos) {
            out.append(text, pos, std::string::npos);
            break;
        }
        out.append(text, pos, start - pos);
        // Find the matching ')' allowing one level of nesting in a default: $(A:$(B)).
        int level = 0;
        std::size_t end = start + 2;
        for (; end < text.size(); ++end) {
            if (text[end] == '(')
                ++level;
            else if (text[end] == ')') {
                if (level == 0)
                    break;
                --level;
            }
        }
        if (end >= text.size()) { // unterminated: keep as written
            out.append(text, start, std::string::npos);
            break;
        }
        const std::string inside = text.substr(start + 2, end - start - 2);
        const std::size_t colon = inside.find(':');
        const std::string name = colon == std::string::npos ? inside : inside.substr(0, colon);
        if (const Entry* e = entry(name))
            out += expandDepth(e->value, depth + 1, budget);
        else if (colon != std::string::npos)
            out += expandDepth(inside.substr(colon + 1), depth + 1, budget);
        if (budget.exceeded)
            return out;
        if (out.size() > maxExpandedSize)
            return out.substr(0, maxExpandedSize);
        pos = end + 1;
    }
    return out;
}

} // namespace pp
