// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "util/linereader.h"

#include "util/memoryfiles.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <memory>
#include <system_error>
#include <utility>

#define ZLIB_CONST // inflate reads a MemoryFileScope's bytes in place: they are const
#include <zlib.h>

namespace pp {

namespace {

/// The bytes of a MemoryFileScope read the way gzread reads a file (zlib 1.2.13's gzread.c, step for step), so
/// that memory and a file give the same lines, the same errors and the same line numbers: bytes that do not start
/// with the gzip magic are the content; otherwise each gzip member is inflated in turn and non-gzip bytes after a
/// member are ignored. The output is made 256 KiB at a time (gzbuffer(1 << 17) below), and a corrupt member loses
/// what gzread loses: the output of the failing step and of the read call that asked for it.
class MemorySource
{
public:
    MemorySource(std::string_view bytes, std::string path)
        : m_bytes(bytes)
        , m_path(std::move(path))
    {
        m_stream.next_in = reinterpret_cast<const Bytef*>(m_bytes.data());
    }
    ~MemorySource()
    {
        if (m_inflating)
            inflateEnd(&m_stream);
    }
    MemorySource(const MemorySource&) = delete;
    MemorySource& operator=(const MemorySource&) = delete;

    /// As gzdirect: true unless the content is gzip (an empty input counts as direct, as in gzopen).
    bool direct()
    {
        if (m_how == How::Look && m_have == 0)
            (void)look();
        return m_direct;
    }

    /// As gzread: bytes delivered, 0 at the end (check error()), -1 on a serious error.
    int read(char* buffer, unsigned size)
    {
        if (m_err != Z_OK && m_err != Z_BUF_ERROR)
            return -1;
        unsigned got = 0;
        while (size > 0) {
            if (m_how == How::Copy) { // not gzip: the rest of the bytes as they are
                const auto n = static_cast<unsigned>(std::min<std::size_t>(size, m_bytes.size() - m_copied));
                std::memcpy(buffer + got, m_bytes.data() + m_copied, n);
                m_copied += n;
                got += n;
                break;
            }
            if (m_have > 0) {
                const auto n = static_cast<unsigned>(std::min<std::size_t>(size, m_have));
                std::memcpy(buffer + got, m_out.get() + m_next, n);
                m_next += n;
                m_have -= n;
                got += n;
                size -= n;
            } else if (m_eof && m_stream.avail_in == 0) {
                break;
            } else if (fetch() == -1) {
                return -1; // gz_read drops what this call had copied already
            }
        }
        return static_cast<int>(got);
    }

    /// How many bytes a read can give at most: plain bytes are all there already, so a reader of a small input
    /// need not allocate a whole chunk; inflated output is not known in advance.
    std::size_t readable(std::size_t chunk) const
    {
        if (m_how == How::Copy)
            return std::min(chunk, m_bytes.size() - m_copied);
        return m_how == How::Look && m_eof && m_stream.avail_in == 0 ? 0 : chunk;
    }

    /// As gzerror.
    const char* error(int* code) const
    {
        *code = m_err;
        return m_err == Z_MEM_ERROR ? "out of memory" : m_message.c_str();
    }

private:
    enum class How { Look, Copy, Gzip };

    void setError(int code, const char* message)
    {
        m_err = code;
        m_message = code == Z_MEM_ERROR ? std::string() : m_path + ": " + message;
    }

    // gz_avail: hand inflate the rest of the input (in pieces that fit its unsigned counters).
    void avail()
    {
        if (m_eof)
            return;
        const auto* end = reinterpret_cast<const Bytef*>(m_bytes.data() + m_bytes.size());
        const auto left = static_cast<std::size_t>(end - m_stream.next_in);
        m_stream.avail_in = static_cast<uInt>(std::min<std::size_t>(left, std::size_t(1) << 30));
        m_eof = m_stream.avail_in == left;
    }

    // gz_look: gzip member, raw content, or trailing bytes after a member.
    int look()
    {
        if (m_stream.avail_in < 2) {
            avail();
            if (m_stream.avail_in == 0)
                return 0;
        }
        if (m_stream.avail_in > 1 && m_stream.next_in[0] == 31 && m_stream.next_in[1] == 139) {
            // Set up on the first member only: plain text (most of what is read from memory) costs no inflate state
            // and no output buffer. 15 + 32: inflate detects the wrapper itself; only gzip data gets here.
            if (!m_inflating) {
                if (inflateInit2(&m_stream, 15 + 32) != Z_OK) {
                    setError(Z_MEM_ERROR, "out of memory");
                    return -1;
                }
                m_inflating = true;
                m_out = std::make_unique_for_overwrite<Bytef[]>(outSize);
            }
            inflateReset(&m_stream);
            m_how = How::Gzip;
            m_direct = false;
            return 0;
        }
        if (!m_direct) { // bytes after a gzip member that are no gzip member: ignored, as gzread does
            m_stream.avail_in = 0;
            m_eof = true;
            m_have = 0;
            return 0;
        }
        m_copied = static_cast<std::size_t>(m_stream.next_in - reinterpret_cast<const Bytef*>(m_bytes.data()));
        m_stream.avail_in = 0;
        m_eof = true;
        m_how = How::Copy;
        return 0;
    }

    // gz_decomp: fill the output buffer up to the end of the member.
    int decompress()
    {
        const uInt had = m_stream.avail_out;
        int ret = Z_OK;
        do {
            if (m_stream.avail_in == 0)
                avail();
            if (m_stream.avail_in == 0) {
                setError(Z_BUF_ERROR, "unexpected end of file");
                break;
            }
            ret = inflate(&m_stream, Z_NO_FLUSH);
            if (ret == Z_STREAM_ERROR || ret == Z_NEED_DICT) {
                setError(Z_STREAM_ERROR, "internal error: inflate stream corrupt");
                return -1;
            }
            if (ret == Z_MEM_ERROR) {
                setError(Z_MEM_ERROR, "out of memory");
                return -1;
            }
            if (ret == Z_DATA_ERROR) {
                setError(Z_DATA_ERROR, m_stream.msg ? m_stream.msg : "compressed data error");
                return -1;
            }
        } while (m_stream.avail_out > 0 && ret != Z_STREAM_END);
        m_have = had - m_stream.avail_out;
        m_next = 0;
        if (ret == Z_STREAM_END)
            m_how = How::Look;
        return 0;
    }

    // gz_fetch
    int fetch()
    {
        do {
            if (m_how == How::Look) {
                if (look() == -1)
                    return -1;
                if (m_how != How::Gzip)
                    return 0;
            } else {
                m_stream.next_out = m_out.get();
                m_stream.avail_out = static_cast<uInt>(outSize);
                if (decompress() == -1)
                    return -1;
            }
        } while (m_have == 0 && (!m_eof || m_stream.avail_in > 0));
        return 0;
    }

    std::string_view m_bytes;
    std::string m_path;
    z_stream m_stream {};
    bool m_inflating = false;
    How m_how = How::Look;
    bool m_direct = true;
    bool m_eof = false; // every byte has been handed to inflate
    int m_err = Z_OK;
    std::string m_message;
    static constexpr std::size_t outSize = std::size_t(1) << 18; // gzread's with gzbuffer(1 << 17)
    std::unique_ptr<Bytef[]> m_out;
    std::size_t m_next = 0, m_have = 0;
    std::size_t m_copied = 0;
};

} // namespace

struct LineReader::Handle
{
    gzFile file = nullptr;
    std::unique_ptr<MemorySource> memory;
    ~Handle()
    {
        if (file)
            gzclose(file);
    }
    int read(char* buffer, unsigned size) const
    {
        return memory ? memory->read(buffer, size) : gzread(file, buffer, size);
    }
    const char* error(int* code) const { return memory ? memory->error(code) : gzerror(file, code); }
    std::size_t readable(std::size_t chunk) const { return memory ? memory->readable(chunk) : chunk; }
};

LineReader::~LineReader() = default;
LineReader::LineReader(LineReader&&) noexcept = default;
LineReader& LineReader::operator=(LineReader&&) noexcept = default;

std::variant<LineReader, Diagnostic> LineReader::open(const std::string& path)
{
    if (const std::string_view* bytes = memoryFile(path)) {
        LineReader reader;
        reader.m_path = path;
        reader.m_handle = std::make_unique<Handle>();
        reader.m_handle->memory = std::make_unique<MemorySource>(*bytes, path);
        reader.m_compressed = !reader.m_handle->memory->direct();
        return reader;
    }
    namespace fs = std::filesystem;
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec && ec != std::errc::no_such_file_or_directory) // a symlink loop, a folder we may not enter, …
        return Diagnostic {path, 0, "cannot be read: " + ec.message()};
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
    const std::size_t chunk = m_handle->readable(1 << 16);
    m_buffer.resize(old + chunk);
    const int got = m_handle->read(m_buffer.data() + old, static_cast<unsigned>(chunk));
    if (got < 0) {
        int code = 0;
        const char* message = m_handle->error(&code);
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
        m_handle->error(&code);
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
