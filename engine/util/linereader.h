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
    /// For a reader that finds the lines itself: the next lines, as many as the buffer holds, as one view with their
    /// ends ('\r' and '\n' kept; the file's last line may have none). The same lines, read from the file at the same
    /// points, and the same errors as next() gives; lineNumber() is that of the view's last line. The view is valid
    /// until the next call, and `padding` bytes past its end can be read (their values are unspecified).
    std::optional<std::string_view> nextLines()
    {
        const std::size_t last = m_error ? std::string::npos : m_buffer.rfind('\n');
        if (last == std::string::npos || last < m_pos || last - m_pos > maxLineLength) {
            // None in the buffer, or one may be too long: a line from next(), which reads on and words the errors.
            const auto line = next();
            if (!line)
                return std::nullopt;
            const std::size_t at = static_cast<std::size_t>(line->data() - m_buffer.data());
            m_buffer.reserve(m_buffer.size() + padding);
            return std::string_view(m_buffer.data() + at, m_pos - at);
        }
        const std::size_t at = m_pos;
        m_pos = last + 1;
        m_buffer.reserve(m_buffer.size() + padding);
        const std::string_view lines(m_buffer.data() + at, m_pos - at);
        m_lineNumber += countNewlines(lines);
        return lines;
    }
    static constexpr std::size_t padding = 64; ///< readable past the end of what nextLines() gives
    /// How many '\n' `text` holds; in a form compilers vectorise (a byte counter per lane that cannot overflow).
    static long countNewlines(std::string_view text)
    {
        long count = 0;
        std::size_t i = 0;
        for (; text.size() - i >= 240; i += 240) {
            unsigned char block = 0;
            for (std::size_t k = 0; k < 240; ++k)
                block += text[i + k] == '\n';
            count += block;
        }
        for (; i < text.size(); ++i)
            count += text[i] == '\n';
        return count;
    }
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
