// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace pp {

/// A small streaming JSON writer with deterministic number formatting (same bytes on every run).
class JsonWriter
{
public:
    explicit JsonWriter(bool pretty = true)
        : m_pretty(pretty)
    {
    }
    /// Writes into `sink` as it goes, a block at a time (a result with ten million job rows is never one string);
    /// str() then holds only what flush() has not written yet.
    explicit JsonWriter(std::ostream& sink, bool pretty = false)
        : m_sink(&sink)
        , m_pretty(pretty)
    {
    }
    /// Hands what is buffered to the sink (no-op without one).
    void flush();

    JsonWriter& beginObject();
    JsonWriter& endObject();
    JsonWriter& beginArray();
    JsonWriter& endArray();
    JsonWriter& key(std::string_view name);
    JsonWriter& value(std::string_view s);
    JsonWriter& value(const char* s) { return value(std::string_view(s)); }
    JsonWriter& value(double d, int decimals = 6);
    JsonWriter& value(long long i);
    JsonWriter& value(long i) { return value(static_cast<long long>(i)); }
    JsonWriter& value(int i) { return value(static_cast<long long>(i)); }
    JsonWriter& value(bool b);
    JsonWriter& null();

    const std::string& str() const { return m_out; }
    static std::string escape(std::string_view s);

private:
    void separate();
    void newline();
    void flushIfFull()
    {
        if (m_sink && m_out.size() >= flushBytes)
            flush();
    }
    static constexpr std::size_t flushBytes = 1 << 20;
    std::ostream* m_sink = nullptr;
    std::string m_out;
    std::vector<bool> m_first; // per open container: no element written yet
    bool m_afterKey = false;
    bool m_pretty;
};

} // namespace pp
