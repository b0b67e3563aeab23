// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "io/classadfiles.h"

#include "util/linereader.h"
#include "util/text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <simdjson.h>
#include <unordered_map>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

AttributeFilter::AttributeFilter(
    std::initializer_list<const char*> names, Mode mode, std::initializer_list<const char*> numbered)
    : m_mode(mode)
{
    for (const char* n : names) {
        m_names.push_back(text::toLower(n));
        if (m_names.back().size() < m_lengths.size())
            m_lengths[m_names.back().size()] = true;
        m_firstLetters[static_cast<unsigned char>(m_names.back().front())] = true;
    }
    std::sort(m_names.begin(), m_names.end());
    for (const char* n : numbered)
        m_numbered.push_back(text::toLower(n));
}

namespace {

// Compares as strcasecmp does.
bool lessCaseless(std::string_view a, std::string_view b)
{
    const std::size_t n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
        const int x = static_cast<unsigned char>(text::asciiLower(a[i]));
        const int y = static_cast<unsigned char>(text::asciiLower(b[i]));
        if (x != y)
            return x < y;
    }
    return a.size() < b.size();
}

} // namespace

bool AttributeFilter::keeps(std::string_view name, const std::string** lower) const
{
    if (!m_numbered.empty() && !name.empty() && name.back() >= '0' && name.back() <= '9') {
        const std::string_view stem = name.substr(0, name.find_last_not_of("0123456789") + 1);
        for (const std::string& prefix : m_numbered)
            if (!lessCaseless(prefix, stem) && !lessCaseless(stem, prefix)) {
                if (lower)
                    *lower = nullptr;
                return true;
            }
    }
    // Most names are rejected by their length and first letter, before any comparison.
    if (name.empty() || name.size() >= m_lengths.size() || !m_lengths[name.size()]
        || !m_firstLetters[static_cast<unsigned char>(text::asciiLower(name.front()))])
        return false;
    const auto it = std::lower_bound(m_names.begin(), m_names.end(), name,
        [&](const std::string& element, std::string_view value) { return lessCaseless(element, value); });
    if (it == m_names.end() || lessCaseless(name, *it))
        return false;
    if (lower)
        *lower = &*it;
    return true;
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

// Expressions already parsed in this file, by their text: a history repeats the same Requirements, RequestMemory, …
// in every job, and an Expression is immutable, so the ads share one parse. Small and bounded, so that a file with
// no repeats costs little: past the bound, new texts are parsed each time. Only successes are kept, so that every
// bad expression is warned about where it is.
class ExpressionCache
{
public:
    const Expression* find(std::string_view text) const
    {
        const auto it = m_parsed.find(text);
        return it == m_parsed.end() ? nullptr : &it->second;
    }
    void add(std::string_view text, const Expression& expression)
    {
        if (m_parsed.size() >= 1024 || m_bytes + text.size() > (256u << 10))
            return;
        m_bytes += text.size();
        m_parsed.emplace(std::string(text), expression);
    }

private:
    struct Hash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view> {}(s); }
    };
    std::unordered_map<std::string, Expression, Hash, std::equal_to<>> m_parsed;
    std::size_t m_bytes = 0;
};

// Adds `name = text` to the ad; an unparsable value is a warning, not the end of the file.
// An expression the parser cannot read costs that attribute, with a warning: condor prints expressions of newer
// ClassAd syntax than the planner knows. One nested past any real expression's depth is not a ClassAd at all.
// Without an ad, it only parses: for the warnings and errors of a full read (AttributeFilter::Mode::AsFullRead).
[[nodiscard]] std::optional<Diagnostic> addAttribute(ClassAd* ad, std::string_view name, std::string_view text,
    const std::string& path, long line, Warnings& warnings, ExpressionCache* cache = nullptr)
{
    if (const Expression* known = cache ? cache->find(text) : nullptr) {
        if (ad)
            ad->set(std::string(name), *known);
        return std::nullopt;
    }
    auto parsed = Expression::parse(text, std::string(name), Expression::Functions::Any);
    if (!parsed) {
        if (parsed.error().reason.find("nested too deeply") != std::string::npos)
            return Diagnostic {path, line, "attribute " + std::string(name) + ": " + parsed.error().reason};
        warnings.add({path, line, "attribute " + std::string(name) + " skipped: " + parsed.error().reason});
        return std::nullopt;
    }
    if (cache)
        cache->add(text, *parsed);
    if (ad)
        ad->set(std::string(name), std::move(parsed).value());
    return std::nullopt;
}

Expected<long> readLong(
    const std::string& path, bool history, const AdSink& sink, Warnings& warnings, const AttributeFilter* keep)
{
    auto opened = LineReader::open(path);
    if (auto* error = std::get_if<Diagnostic>(&opened))
        return *error;
    auto& reader = std::get<LineReader>(opened);
    if (keep && keep->mode() == AttributeFilter::Mode::AsFullRead)
        keep = nullptr; // any attribute may be one that a kept expression refers to
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
                = addAttribute(&ad, name, text::trim(content.substr(eq + 1)), path, reader.lineNumber(), warnings))
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
            if (auto error = addAttribute(&ad, name, text::trim(item.substr(eq + 1)), path, currentLine, warnings))
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

bool isExpressionString(std::string_view s)
{
    return s.size() >= 9 && s.substr(0, 6) == "/Expr(" && s.substr(s.size() - 2) == ")/";
}

// JSON: the "\/Expr(...)\/" strings of condor's JSON writer are expressions, the rest are literals. The DOM reader:
// it checks and reads any JSON, and words the errors.
std::optional<Diagnostic> jsonToAd(simdjson::dom::object object, ClassAd& ad, const std::string& path, long line,
    Warnings& warnings, const AttributeFilter* keep, ExpressionCache& cache)
{
    for (auto [key, value] : object) {
        if (keep && !keep->keeps(key))
            continue;
        const std::string name(key);
        switch (value.type()) {
        case simdjson::dom::element_type::STRING: {
            const std::string_view s = value.get_string().value_unsafe();
            if (isExpressionString(s)) {
                if (auto error = addAttribute(&ad, name, s.substr(6, s.size() - 8), path, line, warnings, &cache))
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
    return std::nullopt;
}

// The fast reader (JsonScanner below) is for the plain JSON condor writes. It reads an object as it comes, a block of
// lines or a line at a time, so that cutting objects out and reading them is one pass, and it skips the values a filter
// drops without making values of them. It vouches only for what it knows simdjson's DOM parser accepts, and reads that
// as jsonToAd does; anything else (a \u escape, a name with escapes, a 19-digit integer, an error) leaves the object to
// the framing and the DOM reader, which word the errors. So both accept the same files and read the same ads.

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

// What may follow a number or a literal; simdjson checks the same, then the grammar.
bool endsToken(char c)
{
    return isJsonSpace(c) || c == ',' || c == '}' || c == ']';
}

// From `i`, inside a string, the first quote, backslash or control character (JSON forbids those raw), or `end`.
// `nonAscii` gathers bytes above 0x7F (as bits), of the string and maybe of what follows it: those are checked as
// UTF-8 at the end of the object. Reads up to 15 bytes past `end` (see JsonScanner).
std::size_t stringEvent(const char* s, std::size_t i, std::size_t end, unsigned& nonAscii)
{
#if defined(__SSE2__)
    for (; i < end; i += 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
        const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(bytes, _mm_set1_epi8(0x1F)), bytes);
        const __m128i found = _mm_or_si128(control,
            _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('"')), _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\\'))));
        // Masked without a branch: most values end their line, within sixteen bytes of the end.
        const unsigned inside = (1u << std::min<std::size_t>(end - i, 16)) - 1;
        nonAscii |= static_cast<unsigned>(_mm_movemask_epi8(bytes)) & inside;
        if (const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(found)) & inside)
            return i + static_cast<std::size_t>(__builtin_ctz(mask));
    }
    return end;
#else
    for (; i < end; ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == '"' || c == '\\' || c < 0x20)
            return i;
        nonAscii |= c > 0x7F;
    }
    return end;
#endif
}

// The one-letter escapes, the only ones the scanner vouches for.
char unescaped(char c)
{
    switch (c) {
    case '"':
    case '\\':
    case '/':
        return c;
    case 'b':
        return '\b';
    case 'f':
        return '\f';
    case 'n':
        return '\n';
    case 'r':
        return '\r';
    case 't':
        return '\t';
    }
    return 0;
}

// Whether the `size` bytes at `a` and at `b` are the same; both must be readable 32 bytes on, and size <= 32. No
// branch on the bytes: the JSON reader compares every name of an ad.
bool equal32(const char* a, const char* b, std::size_t size)
{
#if defined(__SSE2__)
    const auto same = [&](std::size_t k) {
        return static_cast<std::uint64_t>(static_cast<unsigned>(
            _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(a + k)),
                _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + k))))));
    };
    const std::uint64_t wanted = (std::uint64_t(1) << size) - 1;
    return ((same(0) | same(16) << 16) & wanted) == wanted;
#else
    return std::memcmp(a, b, size) == 0;
#endif
}

// Reads an object's text as readJson gets it (scan), then its attributes into the ad once it is whole (apply).
class JsonScanner
{
public:
    enum class Step {
        More, ///< the text ends inside the object: give it the next line
        Closed, ///< the object ends at the returned position
        Unsure, ///< not vouched for: the framing and the DOM reader take the object over
    };
    /// What the text must have readable past its end: stringEvent and equal32 read ahead.
    static constexpr std::size_t slack = 48;

    void start(const AttributeFilter* keep)
    {
        if (keep != m_keep)
            m_names.clear(); // what the names of the last ad meant: another filter, another meaning
        m_keep = keep;
        m_checkSkipped = keep && keep->mode() == AttributeFilter::Mode::AsFullRead;
        m_stack.clear();
        m_expect = Expect::Root;
        m_nonAscii = 0;
        m_listKept = false;
        m_items.clear();
        m_lists.clear();
        m_count = 0;
        m_ordinal = 0;
    }

    // Reads `text` from `pos` to its end; `slack` bytes past the end must be readable.
    Step scan(std::string_view text, std::size_t& pos)
    {
        const char* s = text.data();
        const std::size_t end = text.size();
        std::size_t i = pos;
        for (;;) {
            while (i < end && isJsonSpace(s[i]))
                ++i;
            if (i == end) {
                pos = i;
                return Step::More;
            }
            const char c = s[i];
            switch (m_expect) {
            case Expect::Root:
                if (c != '{')
                    return Step::Unsure;
                m_stack.push_back('{');
                m_expect = Expect::KeyOrEnd;
                ++i;
                continue;
            case Expect::Colon:
                if (c != ':')
                    return Step::Unsure;
                m_expect = Expect::Value;
                ++i;
                continue;
            case Expect::KeyOrEnd:
            case Expect::ValueOrEnd:
            case Expect::CommaOrEnd:
                if (c == (m_stack.back() == '{' ? '}' : ']')) {
                    close();
                    if (m_stack.empty()) {
                        if (m_nonAscii && !simdjson::validate_utf8(s, i + 1))
                            return Step::Unsure;
                        pos = i;
                        return Step::Closed;
                    }
                    m_expect = Expect::CommaOrEnd;
                    ++i;
                    continue;
                }
                if (m_expect == Expect::CommaOrEnd) {
                    if (c != ',')
                        return Step::Unsure;
                    m_expect = m_stack.back() == '{' ? Expect::Key : Expect::Value;
                    ++i;
                    continue;
                }
                if (m_expect == Expect::ValueOrEnd)
                    break;
                [[fallthrough]];
            case Expect::Key:
                if (c != '"' || !key(s, i, end))
                    return Step::Unsure;
                // The usual `"Name": value,` straight through, without a round of the loop for each token.
                while (i < end && s[i] == ' ')
                    ++i;
                if (i == end || s[i] != ':') {
                    m_expect = Expect::Colon;
                    continue;
                }
                ++i;
                while (i < end && s[i] == ' ')
                    ++i;
                if (i == end || isJsonSpace(s[i])) {
                    m_expect = Expect::Value;
                    continue;
                }
                if (!value(s, i, end))
                    return Step::Unsure;
                if (m_expect == Expect::CommaOrEnd && i < end && s[i] == ',') {
                    m_expect = Expect::Key;
                    ++i;
                }
                continue;
            case Expect::Value:
                break;
            }
            if (!value(s, i, end))
                return Step::Unsure;
        }
    }

    /// After Closed, with AttributeFilter::Mode::AsFullRead: whether a kept attribute is an expression, so that
    /// the ad must be read whole.
    bool needsWhole(std::string_view object)
    {
        if (!m_checkSkipped)
            return false;
        for (std::size_t k = 0; k < m_count; ++k)
            if (m_fields[k].kept && m_fields[k].kind == Kind::String && isExpressionString(text(object, m_fields[k])))
                return true;
        return false;
    }

    /// After Closed: the attributes into the ad, as jsonToAd sets them.
    std::optional<Diagnostic> apply(std::string_view object, ClassAd& ad, const std::string& path, long line,
        Warnings& warnings, ExpressionCache& expressions)
    {
        ad.reserveValues(m_count); // one rehash, not one per doubling
        for (std::size_t k = 0; k < m_count; ++k) {
            const Field& f = m_fields[k];
            const std::string_view name(object.data() + f.nameAt, f.nameSize);
            Value v;
            switch (f.kind) {
            case Kind::String: {
                const std::string_view s = text(object, f);
                if (isExpressionString(s)) {
                    if (auto error = addAttribute(f.kept ? &ad : nullptr, name, s.substr(6, s.size() - 8), path, line,
                            warnings, &expressions))
                        return error;
                    continue;
                }
                if (!f.kept)
                    continue;
                // Mostly the same string as under this name in the last ad (MyType, Owner, Cmd, …): shared.
                Value* last = f.ordinal < m_names.size() ? &m_names[f.ordinal].last : nullptr;
                if (last && last->isString() && last->asString() == s) {
                    v = *last;
                } else {
                    v = Value::string(std::string(s));
                    if (last)
                        *last = v;
                }
                break;
            }
            case Kind::Integer:
                v = Value::integer(f.integer);
                break;
            case Kind::Real:
                v = Value::real(f.real);
                break;
            case Kind::True:
            case Kind::False:
                v = Value::boolean(f.kind == Kind::True);
                break;
            case Kind::Null:
                break;
            case Kind::List:
                v = std::move(m_lists[static_cast<std::size_t>(f.integer)]);
                break;
            }
            if (f.lower)
                ad.setLower(*f.lower, std::move(v));
            else
                ad.set(std::string(name), std::move(v));
        }
        return std::nullopt;
    }

private:
    enum class Expect : unsigned char { Root, KeyOrEnd, Key, Colon, ValueOrEnd, Value, CommaOrEnd };
    enum class Kind : unsigned char { String, Integer, Real, True, False, Null, List };

    // An attribute of the object, kept until the object is read to its end: before that, nothing may reach the ad
    // or the warnings, as the DOM reader may have to read the object again. Offsets, as the text grows by lines.
    struct Field
    {
        std::size_t nameAt, nameSize; // in the text (names with escapes go to the DOM reader)
        std::size_t ordinal; // in m_names, or past its end
        std::size_t textAt, textSize; // a string's, as written
        const std::string* lower; // the filter's lower-case name, when it has one
        std::int64_t integer; // or the index in m_lists
        double real;
        Kind kind;
        bool escapes;
        bool kept; // false: a skipped expression, parsed only for a full read's warnings and errors
    };

    // What an ad's name meant, by its place in the ad: a file's ads mostly have the same names in the same order,
    // so that a name is compared once instead of being looked up.
    struct Name
    {
        std::array<char, 32> bytes {};
        std::size_t size = std::size_t(-1); // none yet
        const std::string* lower = nullptr;
        bool kept = false;
        Value last; // the last string under the name, to share with the next ad that has it
    };

    // A string's contents without its escapes (all one-letter ones: string() checked them).
    std::string_view text(std::string_view object, const Field& f)
    {
        const std::string_view raw(object.data() + f.textAt, f.textSize);
        if (!f.escapes)
            return raw;
        m_unescaped.clear();
        for (std::size_t k = 0; k < raw.size(); ++k)
            m_unescaped += raw[k] == '\\' ? unescaped(raw[++k]) : raw[k];
        return m_unescaped;
    }

    // The string whose opening quote is at `i`: `i` moves past its closing quote. Its escapes are checked;
    // `escapes` tells whether it has any.
    bool string(const char* s, std::size_t& i, std::size_t end, std::size_t& at, std::size_t& size, bool& escapes)
    {
        at = i + 1;
        escapes = false;
        std::size_t j = at;
        for (;;) {
            j = stringEvent(s, j, end, m_nonAscii);
            if (j == end || s[j] != '\\')
                break;
            if (j + 1 == end || !unescaped(s[j + 1]))
                return false;
            escapes = true;
            j += 2;
        }
        if (j == end || s[j] != '"')
            return false;
        size = j - at;
        i = j + 1;
        return true;
    }

    bool key(const char* s, std::size_t& i, std::size_t end)
    {
        std::size_t at = 0, size = 0;
        bool escapes = false;
        if (!string(s, i, end, at, size, escapes))
            return false;
        if (m_stack.size() != 1)
            return true;
        if (escapes) // the DOM reader unescapes it
            return false;
        m_nameAt = at;
        m_nameSize = size;
        m_nameOrdinal = m_ordinal;
        if (size > 32) {
            m_nameOrdinal = std::size_t(-1);
            m_lower = nullptr;
            m_kept = !m_keep || m_keep->keeps(std::string_view(s + at, size), &m_lower);
            return true;
        }
        if (m_ordinal == m_names.size())
            m_names.emplace_back();
        Name& name = m_names[m_ordinal++];
        if (name.size != size || !equal32(name.bytes.data(), s + at, size)) {
            std::memcpy(name.bytes.data(), s + at, size);
            name.size = size;
            name.lower = nullptr;
            name.kept = !m_keep || m_keep->keeps(std::string_view(s + at, size), &name.lower);
            name.last = Value();
        }
        m_lower = name.lower;
        m_kept = name.kept;
        return true;
    }

    // The next field: written in place, counted only when kept (no branch on which attributes a filter keeps).
    Field& field(Kind kind)
    {
        if (m_count == m_fields.size())
            m_fields.resize(2 * m_fields.size() + 16);
        Field& f = m_fields[m_count];
        f.nameAt = m_nameAt;
        f.nameSize = m_nameSize;
        f.ordinal = m_nameOrdinal;
        f.lower = m_lower;
        f.kind = kind;
        f.kept = m_kept;
        return f;
    }

    // A value at `i`: an attribute's at depth 1, an item of a kept list's at depth 2, else only checked.
    bool value(const char* s, std::size_t& i, std::size_t end)
    {
        const bool attribute = m_stack.size() == 1;
        const bool item = m_stack.size() == 2 && m_listKept;
        const char c = s[i];
        if (c == '{' || c == '[') {
            if (m_stack.size() >= 64) // the DOM parser has its own depth limit
                return false;
            if (item)
                m_items.push_back(Value::undefined());
            if (attribute && c == '[') {
                m_listKept = m_kept;
                m_items.clear();
            }
            m_stack.push_back(c);
            m_expect = c == '{' ? Expect::KeyOrEnd : Expect::ValueOrEnd;
            ++i;
            return true;
        }
        m_expect = Expect::CommaOrEnd;
        if (c == '"') {
            std::size_t at = 0, size = 0;
            bool escapes = false;
            if (!string(s, i, end, at, size, escapes))
                return false;
            if (attribute) {
                Field& f = field(Kind::String);
                f.textAt = at;
                f.textSize = size;
                f.escapes = escapes;
                const std::string_view raw(s + at, size);
                m_count
                    += m_kept || (m_checkSkipped && (raw.substr(0, 6) == "/Expr(" || raw.substr(0, 7) == "\\/Expr("));
            } else if (item) {
                std::string contents;
                for (std::size_t k = at; k < at + size; ++k)
                    contents += s[k] == '\\' ? unescaped(s[++k]) : s[k];
                m_items.push_back(Value::string(std::move(contents)));
            }
            return true;
        }
        Kind kind = Kind::Null;
        std::int64_t integer = 0;
        double real = 0;
        if (c == 't' || c == 'f' || c == 'n') {
            const std::string_view word = c == 't' ? "true" : (c == 'f' ? "false" : "null");
            if (end - i <= word.size() || std::string_view(s + i, word.size()) != word
                || !endsToken(s[i + word.size()]))
                return false;
            i += word.size();
            kind = c == 't' ? Kind::True : (c == 'f' ? Kind::False : Kind::Null);
        } else if (!number(s, i, end, kind, integer, real)) {
            return false;
        }
        if (attribute) {
            Field& f = field(kind);
            f.integer = integer;
            f.real = real;
            m_count += m_kept;
        } else if (item) {
            m_items.push_back(kind == Kind::Integer ? Value::integer(integer)
                    : kind == Kind::Real            ? Value::real(real)
                    : kind == Kind::Null            ? Value::undefined()
                                                    : Value::boolean(kind == Kind::True));
        }
        return true;
    }

    // A number as simdjson reads it: an integer of up to 18 digits (int64), or a real that from_chars reads to the
    // same double (both round correctly) and that is normal or zero. Others go to simdjson: longer integers
    // (int64, uint64 or an error), exponents of more than 3 digits, overflow and underflow.
    static bool number(const char* s, std::size_t& i, std::size_t end, Kind& kind, std::int64_t& integer, double& real)
    {
        const std::size_t start = i;
        const auto digit = [&](std::size_t k) { return k < end && s[k] >= '0' && s[k] <= '9'; };
        const bool negative = s[i] == '-';
        if (negative)
            ++i;
        const std::size_t first = i;
        std::uint64_t digits = 0; // wraps past 18 digits, which go to simdjson
        while (digit(i))
            digits = digits * 10 + static_cast<std::uint64_t>(s[i++] - '0');
        if (i == first || i - first > 18 || (s[first] == '0' && i - first > 1))
            return false;
        kind = Kind::Integer;
        if (i < end && s[i] == '.') {
            kind = Kind::Real;
            const std::size_t point = ++i;
            while (digit(i))
                ++i;
            if (i == point)
                return false;
        }
        if (i < end && (s[i] == 'e' || s[i] == 'E')) {
            kind = Kind::Real;
            ++i;
            if (i < end && (s[i] == '+' || s[i] == '-'))
                ++i;
            const std::size_t exponent = i;
            while (digit(i))
                ++i;
            if (i == exponent || i - exponent > 3)
                return false;
        }
        if (i == end || !endsToken(s[i]))
            return false;
        if (kind == Kind::Integer) {
            integer = negative ? -static_cast<std::int64_t>(digits) : static_cast<std::int64_t>(digits);
            return true;
        }
        const auto [ptr, ec] = std::from_chars(s + start, s + i, real);
        if (ec != std::errc() || ptr != s + i || !(std::isnormal(real) || real == 0))
            return false;
        if (real == 0) // a zero is read as one only when all its digits are zeros: not an underflow
            for (std::size_t k = start; k < i && s[k] != 'e' && s[k] != 'E'; ++k)
                if (s[k] >= '1' && s[k] <= '9')
                    return false;
        return true;
    }

    // Closes the innermost container; a kept list becomes its attribute.
    void close()
    {
        if (m_stack.size() == 2 && m_stack.back() == '[' && m_listKept) {
            Field& f = field(Kind::List);
            f.integer = static_cast<std::int64_t>(m_lists.size());
            m_lists.push_back(Value::list(std::move(m_items)));
            m_items.clear();
            ++m_count;
        }
        if (m_stack.size() == 2)
            m_listKept = false;
        m_stack.pop_back();
    }

    const AttributeFilter* m_keep = nullptr;
    bool m_checkSkipped = false;
    std::vector<char> m_stack; // the open containers, '{' or '['
    Expect m_expect = Expect::Root;
    unsigned m_nonAscii = 0; // bytes above 0x7F in strings: the object is checked as UTF-8, as simdjson does
    std::vector<Field> m_fields; // the first m_count are the object's
    std::size_t m_count = 0;
    std::vector<Name> m_names;
    std::size_t m_ordinal = 0; // of the attribute being read
    // The attribute being read.
    std::size_t m_nameAt = 0, m_nameSize = 0, m_nameOrdinal = 0;
    const std::string* m_lower = nullptr;
    bool m_kept = false;
    bool m_listKept = false; // it is a kept list
    std::vector<Value> m_items;
    std::vector<Value> m_lists; // the object's kept lists
    std::string m_unescaped;
};

// The framing of an object the scanner does not vouch for, as plain as can be so that any bytes go through it:
// braces and brackets outside strings are counted, and a string ends at a quote after an even run of backslashes
// (counted on the line: JSON strings never span lines). From `i` on a line with the object open, it returns where
// the object closes, or npos.
std::size_t frameLine(std::string_view l, std::size_t i, int& depth, bool& inString)
{
    for (; i < l.size(); ++i) {
        const char c = l[i];
        if (inString) {
            std::size_t backslashes = 0;
            while (c == '"' && i > backslashes && l[i - 1 - backslashes] == '\\')
                ++backslashes;
            inString = c != '"' || backslashes % 2 == 1;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if ((c == '}' || c == ']') && --depth == 0) {
            return i;
        }
    }
    return std::string_view::npos;
}

// What readJson keeps from one object to the next.
struct JsonReading
{
    JsonScanner scanner;
    ExpressionCache expressions;
};

// After the scanner closed `object`: whether it vouches for what the filter needs, reading the object again whole when
// a kept attribute is an expression (AttributeFilter::Mode::AsFullRead).
bool vouchedFor(JsonScanner& scanner, std::string_view object)
{
    if (!scanner.needsWhole(object))
        return true;
    scanner.start(nullptr);
    std::size_t pos = 0;
    return scanner.scan(object, pos) == JsonScanner::Step::Closed && pos + 1 == object.size();
}

// Reads the object cut out line by line (JsonReader::readLine) into `ad`; `scanned`: the scanner read it to its end.
std::optional<Diagnostic> readJsonObject(std::vector<char>& object, bool scanned, ClassAd& ad, const std::string& path,
    long line, Warnings& warnings, const AttributeFilter* keep, JsonReading& reading)
{
    const std::string_view text(object.data(), object.size());
    if (scanned && vouchedFor(reading.scanner, text))
        return reading.scanner.apply(text, ad, path, line, warnings, reading.expressions);
    // One parser per thread, kept: its buffers grow to the largest ad once instead of being allocated per file
    // (many small files, a watch's polls, a fuzzer's inputs). Elements never outlive the ad they are read into.
    thread_local simdjson::dom::parser parser;
    // simdjson reads a little past the end: with that much spare capacity it parses in place.
    object.reserve(object.size() + simdjson::SIMDJSON_PADDING);
    simdjson::dom::element element;
    if (const auto error = parser.parse(object.data(), object.size(), false).get(element); error)
        return Diagnostic {
            path, line, std::string("invalid JSON in the object starting here: ") + simdjson::error_message(error)};
    if (!element.is_object())
        return Diagnostic {path, line, "expected a JSON object (a ClassAd)"};
    if (keep && keep->mode() == AttributeFilter::Mode::AsFullRead)
        keep = nullptr; // the whole ad is what a full read gives
    return jsonToAd(element.get_object().value_unsafe(), ad, path, line, warnings, keep, reading.expressions);
}

static_assert(LineReader::padding >= JsonScanner::slack, "the scanner reads the reader's blocks in place");

// Streams JSON objects from a file without holding it whole: top-level objects are cut out, by the scanner or by
// brace depth outside strings, and read one at a time. Works for the `-json` array and for `-jsonl`.
// The lines come a block at a time: an object that the scanner vouches for and that ends in the block is read where
// it lies (readInPlace), without a copy or a step per line; the others, an object that runs on into the next block
// or that goes to the framing and the DOM reader, are read line by line as they were (readLine).
class JsonReader
{
public:
    JsonReader(LineReader& reader, bool lines, const AdSink& sink, Warnings& warnings, const AttributeFilter* keep)
        : m_reader(reader)
        , m_path(reader.path())
        , m_lines(lines)
        , m_sink(sink)
        , m_warnings(warnings)
        , m_keep(keep)
        , m_sawArray(lines)
    {
    }

    Expected<long> read()
    {
        for (;;) {
            long line = m_reader.lineNumber() + 1; // that of the block's first line
            const auto block = m_reader.nextLines();
            if (!block)
                break;
            for (std::size_t at = 0; at < block->size(); ++line) {
                std::size_t column = 0; // where readLine starts on the line at `at`
                // In place only where a '\n' ends every line: the scanner's tokens then never reach the block's end.
                if (!m_open && block->back() == '\n') {
                    if (auto done = readInPlace(*block, at, line))
                        return *done;
                    if (at == block->size())
                        break;
                    const std::size_t lineStart = at == 0 ? 0 : block->rfind('\n', at - 1) + 1;
                    column = at - lineStart;
                    at = lineStart;
                }
                const std::size_t newline = std::min(block->find('\n', at), block->size());
                std::string_view l = block->substr(at, newline - at);
                if (!l.empty() && l.back() == '\r')
                    l.remove_suffix(1); // as next() gives the line
                if (auto done = readLine(l, column, line))
                    return *done;
                at = newline + 1;
            }
        }
        if (m_reader.error())
            return *m_reader.error();
        if (m_open)
            return Diagnostic {
                m_path, m_reader.lineNumber(), "the last JSON object is not closed: the file is truncated"};
        return m_ads;
    }

private:
    // Each returns nullopt to read on, else what the read ends with: the ads so far (the sink stopped), or an error.
    using Outcome = std::optional<Expected<long>>;

    // Whether `c`, between objects, is skipped ('[' opens the array, once); else it is an error, or a '{'.
    bool skippedBetween(char c)
    {
        if (c == '[' && !m_sawArray) {
            m_sawArray = true;
            return true;
        }
        return std::isspace(static_cast<unsigned char>(c)) || c == ',' || (c == ']' && !m_lines);
    }

    // From `at` between objects on: reads the objects that end in `block` and that the scanner vouches for, and what
    // lies between them, up to the block's end or to what readLine must take (an object, or an error to word);
    // `line` follows `at`. `padding` bytes past the block are readable, as the scanner needs.
    Outcome readInPlace(std::string_view block, std::size_t& at, long& line)
    {
        JsonScanner& scanner = m_reading.scanner;
        while (at < block.size()) {
            const char c = block[at];
            if (c != '{') {
                if (c == '\n')
                    ++line;
                else if (!skippedBetween(c))
                    return std::nullopt;
                ++at;
                continue;
            }
            const std::string_view text = block.substr(at);
            scanner.start(m_keep);
            std::size_t end = 0;
            if (scanner.scan(text, end) != JsonScanner::Step::Closed)
                return std::nullopt;
            const std::string_view object = text.substr(0, end + 1);
            if (!vouchedFor(scanner, object))
                return std::nullopt;
            ClassAd ad;
            if (auto error = scanner.apply(object, ad, m_path, line, m_warnings, m_reading.expressions))
                return *error;
            ++m_ads;
            if (!m_sink(std::move(ad), line))
                return m_ads;
            line += LineReader::countNewlines(object);
            at += object.size();
        }
        return std::nullopt;
    }

    // Line number `line` from `column` on, as next() gives it: an object's lines are copied out and scanned one at a
    // time, and the framing takes over where the scanner is unsure.
    Outcome readLine(std::string_view l, std::size_t column, long line)
    {
        for (std::size_t i = column; i < l.size(); ++i) {
            if (!m_open) {
                const char c = l[i];
                if (c != '{') {
                    if (skippedBetween(c))
                        continue;
                    return Diagnostic {m_path, line,
                        std::string("unexpected '") + c + "' between JSON objects (expected a ClassAd object)"};
                }
                m_open = true;
                m_scanning = true;
                m_object.clear();
                m_scanned = 0;
                m_objectLine = line;
                m_reading.scanner.start(m_keep);
            }
            // The rest of the line goes into the object, l[i] at object[start], with room for the scanner to read
            // past the end.
            const std::size_t start = m_object.size();
            if (const std::size_t size = start + l.size() - i + 1; m_object.capacity() < size + JsonScanner::slack)
                m_object.reserve(2 * (size + JsonScanner::slack));
            m_object.insert(m_object.end(), l.begin() + static_cast<std::ptrdiff_t>(i), l.end());
            m_object.push_back('\n');
            const std::string_view text(m_object.data(), m_object.size());
            const std::string_view framed = text.substr(0, text.size() - 1); // without the '\n'
            std::size_t end = std::string_view::npos; // where the object closes, in `object`
            if (!m_scanning) {
                end = frameLine(framed, start, m_depth, m_inString);
            } else if (const auto step = m_reading.scanner.scan(text, m_scanned); step == JsonScanner::Step::Closed) {
                end = m_scanned;
            } else if (step == JsonScanner::Step::Unsure) {
                // The framing takes over where this line starts: its state there, from the lines before (none of
                // which closes the object), then this line.
                m_scanning = false;
                m_depth = 1;
                m_inString = false;
                for (std::size_t from = 1; from < start;) {
                    const std::size_t next = text.find('\n', from);
                    (void)frameLine(text.substr(0, next), from, m_depth, m_inString);
                    from = next + 1;
                }
                end = frameLine(framed, start == 0 ? 1 : start, m_depth, m_inString);
            }
            if (end == std::string_view::npos) {
                if (m_object.size() > (64u << 20))
                    return Diagnostic {m_path, m_objectLine, "a JSON object larger than 64 MiB: this is not a ClassAd"};
                return std::nullopt;
            }
            m_open = false;
            i += end - start; // the rest of the line is read between objects
            m_object.resize(end + 1);
            ClassAd ad;
            if (auto error
                = readJsonObject(m_object, m_scanning, ad, m_path, m_objectLine, m_warnings, m_keep, m_reading))
                return *error;
            ++m_ads;
            if (!m_sink(std::move(ad), m_objectLine))
                return m_ads;
        }
        return std::nullopt;
    }

    LineReader& m_reader;
    const std::string& m_path;
    const bool m_lines; // -jsonl: no array around the objects
    const AdSink& m_sink;
    Warnings& m_warnings;
    const AttributeFilter* m_keep;
    JsonReading m_reading;
    long m_ads = 0;
    bool m_sawArray;
    // The object readLine is cutting out.
    bool m_open = false;
    bool m_scanning = false; // the scanner vouches for the object so far; else the framing below cuts it out
    int m_depth = 0; // the framing's brace and bracket depth
    bool m_inString = false;
    std::vector<char> m_object; // the object's lines so far, each ended by '\n'
    std::size_t m_scanned = 0;
    long m_objectLine = 0;
};

Expected<long> readJson(
    const std::string& path, bool lines, const AdSink& sink, Warnings& warnings, const AttributeFilter* keep)
{
    auto opened = LineReader::open(path);
    if (auto* error = std::get_if<Diagnostic>(&opened))
        return *error;
    return JsonReader(std::get<LineReader>(opened), lines, sink, warnings, keep).read();
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
