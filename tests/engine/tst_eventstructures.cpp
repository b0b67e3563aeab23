// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// The simulator's hot structures against the plain ones they replaced: the radix queue of completions must
// hand out events in exactly a binary heap's (time, job) order; the p-slot index (a chunked key set, checked
// against std::set too) must pick exactly the slot a scan of every machine in NEGOTIATOR_PRE_JOB_RANK order picks
// (fewest free cores, least free memory, then the collector's order); the wait percentiles' radix selection must
// give what selecting each percentile does. The goldens depend on all being the same, not merely as fast.
#include "model/result.h"
#include "sim/poolstate.h"
#include "util/chunkedkeyset.h"
#include "util/radixqueue.h"
#include "util/randomstream.h"

#include <QtTest>

#include <cmath>
#include <functional>
#include <queue>
#include <set>
#include <tuple>
#include <vector>

using namespace pp;

namespace {

struct Event
{
    std::int64_t time;
    std::uint32_t job;
    bool operator>(const Event& o) const { return time != o.time ? time > o.time : job > o.job; }
};
struct LowerJob
{
    bool operator()(const Event& a, const Event& b) const { return a.job < b.job; }
};

// The best p-slot by brute force: every machine with room, the least (free cores, free memory, tie rank).
std::int64_t scanBestFit(const PoolState& pool, const std::vector<std::uint32_t>& tieRank,
    const std::vector<char>& withdrawn, int cores, long memoryMb)
{
    std::int64_t best = -1;
    std::tuple<int, long, std::uint32_t> bestKey;
    for (std::uint32_t m = 0; m < pool.machineCount(); ++m) {
        if (withdrawn[m] || pool.freeCores(m) <= 0 || pool.freeCores(m) < cores || pool.freeMemory(m) < memoryMb)
            continue;
        const auto key = std::make_tuple(pool.freeCores(m), pool.freeMemory(m), tieRank[m]);
        if (best < 0 || key < bestKey) {
            best = m;
            bestKey = key;
        }
    }
    return best;
}

} // namespace

class TestEventStructures : public QObject
{
    Q_OBJECT

private slots:
    void radixQueueMatchesABinaryHeap_data()
    {
        QTest::addColumn<qint64>("start");
        QTest::addColumn<int>("span");
        QTest::newRow("seconds from zero, short runs") << qint64(0) << 120;
        QTest::newRow("unix epoch, runs up to a week") << qint64(1'799'020'800) << 7 * 86400;
        QTest::newRow("negative seconds (a snapshot's past)") << qint64(-5000) << 20000;
    }
    void radixQueueMatchesABinaryHeap()
    {
        QFETCH(qint64, start);
        QFETCH(int, span);
        RandomStream random(7);
        RadixQueue<Event, LowerJob> radix;
        std::priority_queue<Event, std::vector<Event>, std::greater<>> heap;
        std::int64_t now = start;
        std::uint32_t nextJob = 0;
        long popped = 0;
        // A simulator's pattern: at each event time, take what is due, then schedule new events at or after now
        // (some due this very second); between event times the clock jumps to the next one.
        for (int round = 0; round < 20000; ++round) {
            const int pushes = static_cast<int>(random.uniform() * 4);
            for (int k = 0; k < pushes; ++k) {
                const double u = random.uniform();
                const std::int64_t at = now + (u < 0.1 ? 0 : static_cast<std::int64_t>(u * span));
                const Event e {at, nextJob++ * 2654435761U}; // unique (an odd multiplier), in no order
                radix.push(e);
                heap.push(e);
            }
            QCOMPARE(radix.size(), heap.size());
            if (heap.empty())
                continue;
            QCOMPARE(radix.nextTime(), heap.top().time);
            QCOMPARE(radix.peekNext()->time, heap.top().time); // what the simulator prefetches is due next
            // The clock may stop short of the next event (another kind of event comes first): nothing is due.
            if (random.uniform() < 0.3 && heap.top().time > now) {
                now = now + (heap.top().time - now) / 2;
                Event none {};
                QVERIFY(heap.top().time == now || !radix.popDue(now, none));
                continue;
            }
            now = heap.top().time;
            Event got {};
            for (int k = 0; k < 3 && radix.popDue(now, got); ++k) {
                QCOMPARE(got.time, heap.top().time);
                QCOMPARE(got.job, heap.top().job);
                heap.pop();
                ++popped;
            }
        }
        Event got {};
        while (!heap.empty()) {
            now = heap.top().time;
            QVERIFY(radix.popDue(now, got));
            QCOMPARE(got.job, heap.top().job);
            heap.pop();
        }
        QVERIFY(radix.empty());
        QVERIFY(!radix.peekNext());
        QVERIFY(popped > 10000);
    }

    void chunkedKeySetMatchesAStdSet()
    {
        RandomStream random(13);
        ChunkedKeySet chunked;
        std::set<std::uint64_t> reference;
        std::vector<std::uint64_t> held;
        for (int step = 0; step < 60000; ++step) {
            // Grow to a few thousand keys (many chunks), shrink to none, grow again: splits and emptied chunks.
            const bool growing = (step / 15000) % 2 == 0;
            if (held.empty() || random.uniform() < (growing ? 0.75 : 0.25)) {
                // Keys as the p-slot index makes them: a few memory values in the high half, a unique low half.
                const std::uint64_t key = (static_cast<std::uint64_t>(random.uniform() * 8) << 32)
                    | static_cast<std::uint32_t>(random.uniform() * 4e9);
                if (!reference.insert(key).second)
                    continue;
                chunked.insert(key);
                held.push_back(key);
            } else {
                const auto k = static_cast<std::size_t>(random.uniform() * static_cast<double>(held.size()));
                chunked.erase(held[k]);
                reference.erase(held[k]);
                held[k] = held.back();
                held.pop_back();
            }
            QCOMPARE(chunked.size(), reference.size());
            QCOMPARE(chunked.empty(), reference.empty());
            // The first key from a bound that passes a test: every 7th key, as a START expression might.
            const std::uint64_t from = static_cast<std::uint64_t>(random.uniform() * 9) << 32;
            const auto passes = [](std::uint64_t key) { return key % 7 == 0; };
            auto expected = reference.lower_bound(from);
            while (expected != reference.end() && !passes(*expected))
                ++expected;
            std::uint64_t found = 0;
            const bool any = chunked.findFrom(from, passes, found);
            QCOMPARE(any, expected != reference.end());
            if (any)
                QCOMPARE(found, *expected);
        }
    }

    void waitPercentilesMatchSelectingEach_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("shape");
        // Below and above the size where the radix selection takes over; waits as a run makes them (whole
        // seconds, many zeros, a long tail), with negative and fractional values and heavy ties as well.
        for (const int count : {1, 7, 1000, 32767, 32768, 200000})
            for (int shape = 0; shape < 4; ++shape)
                QTest::addRow("%d values, shape %d", count, shape) << count << shape;
    }
    void waitPercentilesMatchSelectingEach()
    {
        QFETCH(int, count);
        QFETCH(int, shape);
        RandomStream random(static_cast<std::uint64_t>(count) * 3 + static_cast<std::uint64_t>(shape));
        std::vector<float> values;
        for (int i = 0; i < count; ++i) {
            const double u = random.uniform();
            if (shape == 0) // whole seconds: a third start at once, the rest wait up to days
                values.push_back(u < 0.33 ? 0.0F : std::floor(static_cast<float>(std::exp(random.uniform() * 12.0))));
            else if (shape == 1) // signed and fractional
                values.push_back(static_cast<float>((u - 0.3) * 1e5 * random.uniform()));
            else if (shape == 2) // a handful of values, tied thousands of times
                values.push_back(static_cast<float>(static_cast<int>(u * 5) * 60));
        }
        if (shape == 3) { // a staircase whose steps begin exactly at the three ranks: each the first of its value
            const auto rankOf = [&](double p) { return static_cast<int>(std::ceil(p / 100.0 * count)) - 1; };
            for (int i = 0; i < count; ++i)
                values.push_back(i < rankOf(50) ? 1.0F : i < rankOf(95) ? 2.0F : i < rankOf(99) ? 3.0F : 4.0F);
            for (std::size_t i = values.size(); i > 1; --i) // shuffled: the order must not matter
                std::swap(values[i - 1], values[static_cast<std::size_t>(random.uniform() * static_cast<double>(i))]);
        }
        std::vector<float> copy = values;
        const WaitPercentiles got = waitPercentiles(values);
        QCOMPARE(got.p50, percentile(copy, 50));
        QCOMPARE(got.p95, percentile(copy, 95));
        QCOMPARE(got.p99, percentile(copy, 99));
    }

    void pslotIndexPicksWhatAScanPicks_data()
    {
        QTest::addColumn<int>("machineCores");
        QTest::addColumn<quint64>("tieSeed");
        QTest::addColumn<int>("machines");
        QTest::newRow("16-core machines, collector order") << 16 << quint64(0) << 120;
        QTest::newRow("16-core machines, drawn order") << 16 << quint64(3) << 120;
        QTest::newRow("mixed up to 200 cores (two bitmap words)") << 200 << quint64(5) << 120;
        QTest::newRow("one-core machines") << 1 << quint64(0) << 120;
        // Buckets of more than one chunk: they split as p-slots come back and shrink away as they fill.
        QTest::newRow("1,500 one-core machines, drawn order") << 1 << quint64(9) << 1500;
        QTest::newRow("1,500 4-core machines") << 4 << quint64(0) << 1500;
    }
    void pslotIndexPicksWhatAScanPicks()
    {
        QFETCH(int, machineCores);
        QFETCH(quint64, tieSeed);
        QFETCH(int, machines);
        RandomStream random(11);
        Pool pool;
        for (int m = 0; m < machines; ++m) {
            const int cores = machineCores <= 16 ? machineCores : 1 + static_cast<int>(random.uniform() * machineCores);
            pool.machines.push_back({"m" + std::to_string(m), cores, cores * 2048L, {}});
        }
        PoolState state(pool, tieSeed);
        // The collector's order among otherwise equal p-slots, as the index draws it.
        std::vector<std::uint32_t> tieRank(pool.machines.size());
        const std::vector<std::uint32_t> order = drawnOrder(pool.machines.size(), tieSeed);
        for (std::uint32_t rank = 0; rank < order.size(); ++rank)
            tieRank[order[rank]] = rank;
        std::vector<char> withdrawn(pool.machines.size(), 0);
        std::vector<std::uint32_t> live;
        for (int step = 0; step < 20000; ++step) {
            const int cores = 1 + static_cast<int>(random.uniform() * std::min(machineCores, 24));
            const long memory = cores * (random.uniform() < 0.5 ? 1024L : 3000L);
            const std::int64_t expected = scanBestFit(state, tieRank, withdrawn, cores, memory);
            QCOMPARE(state.bestFit(cores, memory), expected);
            // Long runs of carving, then of releasing, so that the buckets fill and empty (chunks split, vanish).
            const double u = (step / 2000) % 2 == 0 ? random.uniform() * 0.7 : 0.45 + random.uniform() * 0.55;
            if (expected >= 0 && u < 0.55) {
                const auto m = static_cast<std::uint32_t>(expected);
                live.push_back(state.carve(m, 0, cores, memory, step));
                if (u < 0.15) {
                    state.withdraw(m);
                    withdrawn[m] = 1;
                }
            } else if (!live.empty() && u < 0.95) {
                const auto k = static_cast<std::size_t>(random.uniform() * static_cast<double>(live.size()));
                state.release(live[k]);
                live[k] = live.back();
                live.pop_back();
            } else {
                state.restoreWithdrawn();
                std::fill(withdrawn.begin(), withdrawn.end(), 0);
            }
            int largest = 0;
            for (std::uint32_t m = 0; m < state.machineCount(); ++m)
                if (!withdrawn[m])
                    largest = std::max(largest, state.freeCores(m));
            QCOMPARE(state.largestFreeCores(), largest);
        }
    }
};

QTEST_GUILESS_MAIN(TestEventStructures)
#include "tst_eventstructures.moc"
