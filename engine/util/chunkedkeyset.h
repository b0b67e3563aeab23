// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace pp {

namespace detail {

// std::lower_bound without its data-dependent branch: the keys are random, so that branch is mispredicted half the
// time, and a conditional move is cheaper.
template <typename Iterator> Iterator branchlessLowerBound(Iterator base, std::size_t n, std::uint64_t key)
{
    if (n == 0)
        return base;
    while (n > 1) {
        const std::size_t half = n / 2;
        base = base[static_cast<std::ptrdiff_t>(half) - 1] < key ? base + static_cast<std::ptrdiff_t>(half) : base;
        n -= half;
    }
    return *base < key ? base + 1 : base;
}

} // namespace detail

/// An ordered set of distinct 64-bit keys kept as a list of short sorted arrays ("chunks"). It answers what a
/// std::set would (insert, erase, the keys from a lower bound in order), but a lookup is a binary search over
/// the chunks' last keys and then within one chunk of contiguous keys, and an insert or erase moves at most one
/// chunk's worth of keys — no node to allocate and no pointer to chase. The p-slot index changes at every
/// match and release; as red-black trees it spent most of its time in cache misses.
class ChunkedKeySet
{
public:
    bool empty() const { return m_size == 0; }
    std::size_t size() const { return m_size; }

    /// Adds a key that is not in the set.
    void insert(std::uint64_t key)
    {
        if (m_chunks.empty()) {
            m_chunks.push_back(takeSpare());
            m_lastKeys.push_back(key);
        }
        // The chunk whose range takes the key: the first whose last key is above it, else the last chunk.
        std::size_t i = chunkFor(key);
        if (i == m_chunks.size())
            --i;
        auto& chunk = m_chunks[i];
        const auto at = detail::branchlessLowerBound(chunk.begin(), chunk.size(), key);
        assert(at == chunk.end() || *at != key);
        chunk.insert(at, key);
        m_lastKeys[i] = chunk.back();
        ++m_size;
        if (chunk.size() > maxChunk)
            split(i);
    }

    /// Removes a key that is in the set.
    void erase(std::uint64_t key)
    {
        const std::size_t i = chunkFor(key);
        assert(i < m_chunks.size());
        auto& chunk = m_chunks[i];
        const auto at = detail::branchlessLowerBound(chunk.begin(), chunk.size(), key);
        assert(at != chunk.end() && *at == key);
        chunk.erase(at);
        --m_size;
        if (chunk.empty()) {
            m_spare.push_back(std::move(chunk));
            m_chunks.erase(m_chunks.begin() + static_cast<std::ptrdiff_t>(i));
            m_lastKeys.erase(m_lastKeys.begin() + static_cast<std::ptrdiff_t>(i));
        } else {
            m_lastKeys[i] = chunk.back();
        }
    }

    /// Calls `stop(key)` on the keys >= `from` in ascending order until it returns true; that key is returned in
    /// `found`. False when no key made it stop.
    template <typename Stop> bool findFrom(std::uint64_t from, Stop&& stop, std::uint64_t& found) const
    {
        std::size_t i = chunkFor(from);
        if (i == m_chunks.size())
            return false;
        const auto& first = m_chunks[i];
        for (auto it = detail::branchlessLowerBound(first.begin(), first.size(), from); it != first.end(); ++it)
            if (stop(*it)) {
                found = *it;
                return true;
            }
        for (++i; i < m_chunks.size(); ++i)
            for (std::uint64_t key : m_chunks[i])
                if (stop(key)) {
                    found = key;
                    return true;
                }
        return false;
    }

private:
    // Small enough that moving a chunk's keys costs less than a cache miss or two; large enough that the list of
    // chunks stays short (50,000 one-core p-slots: a few hundred chunks).
    static constexpr std::size_t maxChunk = 128;

    // The first chunk whose last key is >= key (m_chunks.size() when none is).
    std::size_t chunkFor(std::uint64_t key) const
    {
        return static_cast<std::size_t>(
            detail::branchlessLowerBound(m_lastKeys.begin(), m_lastKeys.size(), key) - m_lastKeys.begin());
    }

    void split(std::size_t i)
    {
        std::vector<std::uint64_t> upper = takeSpare();
        auto& chunk = m_chunks[i];
        const auto half = chunk.begin() + static_cast<std::ptrdiff_t>(chunk.size() / 2);
        upper.assign(half, chunk.end());
        chunk.erase(half, chunk.end());
        m_lastKeys[i] = chunk.back();
        m_chunks.insert(m_chunks.begin() + static_cast<std::ptrdiff_t>(i) + 1, std::move(upper));
        m_lastKeys.insert(m_lastKeys.begin() + static_cast<std::ptrdiff_t>(i) + 1, m_chunks[i + 1].back());
    }

    // A chunk emptied earlier keeps its capacity for the next one needed.
    std::vector<std::uint64_t> takeSpare()
    {
        if (m_spare.empty()) {
            std::vector<std::uint64_t> chunk;
            chunk.reserve(maxChunk + 1);
            return chunk;
        }
        std::vector<std::uint64_t> chunk = std::move(m_spare.back());
        m_spare.pop_back();
        chunk.clear();
        return chunk;
    }

    std::vector<std::vector<std::uint64_t>> m_chunks; // non-empty, sorted, in key order
    std::vector<std::uint64_t> m_lastKeys; // each chunk's largest key
    std::vector<std::vector<std::uint64_t>> m_spare;
    std::size_t m_size = 0;
};

} // namespace pp
