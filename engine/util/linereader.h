// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "util/diagnostic.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace pp {

/// Streams the lines of a text file, plain or gzip-compressed (detected by content), with line numbers.
/// Memory stays bounded whatever the file size. Binary content (a NUL byte) and over-long lines stop the
/// reader with a Diagnostic instead of feeding garbage to a parser.
class LineReader
{
public:
    static constexpr std::size_t maxLineLength = 1 << 20;

    ~LineReader();
    LineReader(LineReader&&) noexcept;
    LineReader& operator=(LineReader&&) noexcept;

    /// Checks, in order: exists, is a regular file, is readable. Returns the reader or why it cannot be.
    /// Bytes registered for `path` on this thread (MemoryFileScope) are read instead of any file, with the same
    /// lines and the same errors; they must outlive the reader.
    static std::variant<LineReader, Diagnostic> open(const std::string& path);

    /// The next line without its end-of-line, or nullopt at the end or on an error (see error()).
    /// The view is valid until the next call.
    std::optional<std::string_view> next();
    long lineNumber() const { return m_lineNumber; }
    const std::optional<Diagnostic>& error() const { return m_error; }
    bool compressed() const { return m_compressed; }
    const std::string& path() const { return m_path; }

private:
    LineReader() = default;
    bool fill();

    struct Handle;
    std::unique_ptr<Handle> m_handle;
    std::string m_path;
    std::string m_buffer;
    std::size_t m_pos = 0;
    bool m_eof = false;
    bool m_compressed = false;
    long m_lineNumber = 0;
    std::optional<Diagnostic> m_error;
};

} // namespace pp
