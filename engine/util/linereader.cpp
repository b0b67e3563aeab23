// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "util/linereader.h"

#include <cstring>
#include <filesystem>
#include <system_error>
#include <zlib.h>

namespace pp {

struct LineReader::Handle
{
    gzFile file = nullptr;
    ~Handle()
    {
        if (file)
            gzclose(file);
    }
};

LineReader::~LineReader() = default;
LineReader::LineReader(LineReader&&) noexcept = default;
LineReader& LineReader::operator=(LineReader&&) noexcept = default;

std::variant<LineReader, Diagnostic> LineReader::open(const std::string& path)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status))
        return Diagnostic {path, 0, "no such file"};
    if (fs::is_directory(status))
        return Diagnostic {path, 0, "is a directory, not a file"};
    if (!fs::is_regular_file(status))
        return Diagnostic {path, 0, "is not a regular file"};

    LineReader reader;
    reader.m_path = path;
    reader.m_handle = std::make_unique<Handle>();
    reader.m_handle->file = gzopen(path.c_str(), "rb");
    if (!reader.m_handle->file)
        return Diagnostic {path, 0, std::string("cannot be read: ") + std::strerror(errno)};
    gzbuffer(reader.m_handle->file, 1 << 17);
    reader.m_compressed = gzdirect(reader.m_handle->file) == 0;
    return reader;
}

bool LineReader::fill()
{
    if (m_eof)
        return false;
    if (m_pos > 0) {
        m_buffer.erase(0, m_pos);
        m_pos = 0;
    }
    const std::size_t old = m_buffer.size();
    constexpr std::size_t chunk = 1 << 16;
    m_buffer.resize(old + chunk);
    const int got = gzread(m_handle->file, m_buffer.data() + old, static_cast<unsigned>(chunk));
    if (got < 0) {
        int code = 0;
        const char* message = gzerror(m_handle->file, &code);
        m_error = Diagnostic {m_path, m_lineNumber + 1,
            std::string("read failed (") + (message ? message : "unknown error") + "); the file may be truncated"};
        m_buffer.resize(old);
        m_eof = true;
        return false;
    }
    m_buffer.resize(old + static_cast<std::size_t>(got));
    if (got == 0) {
        m_eof = true;
        // A gzip stream that stops early reads as a short file without an error code on some zlib versions.
        int code = 0;
        gzerror(m_handle->file, &code);
        // zlib reports a gzip stream cut short as Z_BUF_ERROR ("unexpected end of file").
        if (code != Z_OK)
            m_error = Diagnostic {m_path, m_lineNumber + 1, "compressed data is corrupt or truncated"};
        return false;
    }
    if (std::memchr(m_buffer.data() + old, '\0', static_cast<std::size_t>(got)) != nullptr) {
        const char* nul
            = static_cast<const char*>(std::memchr(m_buffer.data() + old, '\0', static_cast<std::size_t>(got)));
        long line = m_lineNumber + 1;
        for (const char* p = m_buffer.data() + m_pos; p < nul; ++p)
            line += (*p == '\n');
        m_error = Diagnostic {m_path, line, "binary data (a NUL byte) where text was expected"};
        m_eof = true;
        return false;
    }
    return true;
}

std::optional<std::string_view> LineReader::next()
{
    if (m_error)
        return std::nullopt;
    for (;;) {
        const std::size_t newline = m_buffer.find('\n', m_pos);
        if (newline != std::string::npos) {
            if (newline - m_pos > maxLineLength) {
                m_error = Diagnostic {
                    m_path, m_lineNumber + 1, "line longer than 1 MiB; this is not a text file of a known kind"};
                return std::nullopt;
            }
            std::string_view line(m_buffer.data() + m_pos, newline - m_pos);
            m_pos = newline + 1;
            ++m_lineNumber;
            if (!line.empty() && line.back() == '\r')
                line.remove_suffix(1);
            return line; // stays valid until the next call: the buffer only moves in fill()
        }
        if (m_buffer.size() - m_pos > maxLineLength) {
            m_error = Diagnostic {
                m_path, m_lineNumber + 1, "line longer than 1 MiB; this is not a text file of a known kind"};
            return std::nullopt;
        }
        if (!fill()) {
            if (m_error)
                return std::nullopt;
            if (m_pos < m_buffer.size()) { // last line without a newline
                std::string_view line(m_buffer.data() + m_pos, m_buffer.size() - m_pos);
                m_pos = m_buffer.size();
                ++m_lineNumber;
                if (!line.empty() && line.back() == '\r')
                    line.remove_suffix(1);
                return line;
            }
            return std::nullopt;
        }
    }
}

} // namespace pp
