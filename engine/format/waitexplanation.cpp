// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "format/waitexplanation.h"

#include "util/humanformat.h"
#include "util/json.h"

#include <algorithm>

namespace pp {

namespace {

// The details for a reason: the group's own, or in a subtree those of the group that waited most for it.
const WaitDetails& detailsFor(const Result& result, const GroupWaits& waits, WaitReason reason)
{
    const auto r = static_cast<std::size_t>(reason);
    if (!waits.subtree)
        return result.groups[static_cast<std::size_t>(waits.group)].whyIdleDetails;
    std::size_t best = static_cast<std::size_t>(waits.group);
    for (std::size_t g = 0; g < result.groups.size(); ++g)
        if (result.groups[g].whyIdleCoreHours[r] > result.groups[best].whyIdleCoreHours[r])
            best = g;
    return result.groups[best].whyIdleDetails;
}

const GroupSummary* groupNamed(const Result& result, const std::string& name)
{
    for (const auto& g : result.groups)
        if (g.name == name)
            return &g;
    return nullptr;
}

std::string coresText(int cores)
{
    return cores == 1 ? std::string("a core") : std::to_string(cores) + " cores";
}

std::string quotaText(const GroupSummary& g)
{
    return human::quantity(g.staticQuota ? g.configQuota : g.meanQuota);
}

// "because …" for one reason, in the past tense for a run or the present for now.
std::string because(const Result& result, const GroupWaits& waits, WaitReason reason, bool now)
{
    const GroupSummary& group = result.groups[static_cast<std::size_t>(waits.group)];
    const WaitDetails& d = detailsFor(result, waits, reason);
    const std::string had = now ? "has" : "had";
    const std::string was = now ? "is" : "was";
    switch (reason) {
    case WaitReason::QuotaLimit:
        if (waits.group == 0)
            return "because the pool's cores outside every group's quota " + std::string(now ? "are" : "were")
                + " in use";
        return "because it " + had + " reached its limit" + (waits.subtree ? " (its sub-groups theirs)" : "")
            + (group.acceptSurplus ? ": its quota of " + quotaText(group) + " and the surplus it was given"
                                   : " and does not accept surplus (quota " + quotaText(group) + ")");
    case WaitReason::AncestorCap: {
        const GroupSummary* ancestor = groupNamed(result, d.capAncestor);
        return "because " + (d.capAncestor.empty() ? std::string("an ancestor") : d.capAncestor)
            + " (not accepting surplus) capped the subtree"
            + (ancestor ? " at " + quotaText(*ancestor) + " cores" : std::string());
    }
    case WaitReason::LimitFloored:
        return "because its limit, a fraction of a core (quota " + quotaText(group) + "), " + was
            + " floored to an integer by the negotiator";
    case WaitReason::SubmitterShare:
        return "because its submitters " + had + " reached their share of the pie"
            + (d.shareSubmitter.empty() ? std::string() : " (" + d.shareSubmitter + " held most of it)");
    case WaitReason::GroupOrder:
        return "because groups earlier in the starvation order took the free cores first"
            + (d.earlierGroup.empty() ? std::string() : " (" + d.earlierGroup + " most of all)");
    case WaitReason::NoFittingSlot:
        if (d.neededCores <= 0)
            return "because no p-slot " + had + " enough free cores or memory";
        if (d.largestFreeCores <= 0)
            return "because no p-slot " + had + " " + coresText(d.neededCores) + " free — the pool "
                + std::string(now ? "is" : "was") + " full"
                + (d.poolHeldBy.empty() ? std::string() : " (" + d.poolHeldBy + " held the most beyond its quota)");
        return "because no p-slot " + had + " " + coresText(d.neededCores) + " free — the largest " + had + " "
            + std::to_string(d.largestFreeCores);
    case WaitReason::ClaimedByOthers:
        return "because other groups held the cores in claims their jobs " + std::string(now ? "do" : "did")
            + " not use" + (d.claimHolder.empty() ? std::string() : " (" + d.claimHolder + " most of all)");
    case WaitReason::Draining:
        return "because the free cores that would fit " + std::string(now ? "are" : "were")
            + " on machines being drained";
    case WaitReason::Requirements:
        return "because no machine of the pool can run its jobs (their cores, memory, or the machines' START)";
    case WaitReason::RuntimeLimit:
        return "to runs a runtime limit ended";
    case WaitReason::Preempted:
        return "to preemption";
    }
    return {};
}

std::string subjectName(const Result& result, const GroupWaits& waits)
{
    const std::string& name = result.groups[static_cast<std::size_t>(waits.group)].name;
    return waits.subtree ? name + " and its sub-groups" : name;
}

std::string periodText(std::optional<RunPeriod> period)
{
    if (!period)
        return {};
    if (period->from <= 0)
        return " in the run's first " + human::duration(static_cast<double>(period->to));
    return " between " + human::duration(static_cast<double>(period->from)) + " and "
        + human::duration(static_cast<double>(period->to)) + " into the run";
}

// A share as a percentage that never reads 100 % while other reasons have some.
std::string shareText(double share)
{
    return share < 1.0 && share >= 0.995 ? std::string("over 99 %") : human::percent(share);
}

// "71 % of it because …; 20 % because …" over the reasons, at most four named.
std::string reasonList(const Result& result, const GroupWaits& waits,
    const std::vector<std::pair<WaitReason, double>>& reasons, double total, bool now)
{
    std::string out;
    double named = 0;
    for (std::size_t i = 0; i < reasons.size() && i < 4; ++i) {
        const auto& [reason, hours] = reasons[i];
        if (hours / total < 0.0005)
            break; // would read "0 %"
        out += i == 0 ? "" : "; ";
        out += shareText(hours / total) + (i == 0 ? " of it " : " ") + because(result, waits, reason, now);
        named += hours;
    }
    if ((total - named) / total >= 0.0005)
        out += "; " + human::percent((total - named) / total) + " for other reasons";
    return out;
}

std::string lostText(const Result& result, const GroupWaits& waits)
{
    auto lost = waits.largestFirst(false);
    std::erase_if(lost, [](const auto& l) { return l.second < 0.05; }); // what would read "0 core-hours"
    if (lost.empty())
        return {};
    double total = 0;
    for (const auto& l : lost)
        total += l.second;
    std::string out = " Its jobs also lost " + human::quantity(total) + " core-hours of work";
    for (std::size_t i = 0; i < lost.size(); ++i)
        out += (i == 0 ? ": " : ", ") + human::quantity(lost[i].second) + " "
            + because(result, waits, lost[i].first, false);
    return out + ".";
}

} // namespace

std::string waitExplanationText(const Result& result, const GroupWaits& waits, std::optional<RunPeriod> period)
{
    const std::string subject = subjectName(result, waits);
    const double waited = waits.waited();
    std::string out;
    if (waited <= 0)
        out = subject + " left no idle cores waiting after a negotiation cycle" + periodText(period) + ".";
    else
        out = subject + " waited " + human::quantity(waited) + " core-hours" + periodText(period) + "; "
            + reasonList(result, waits, waits.largestFirst(true), waited, false) + ".";
    return out + lostText(result, waits) + "\n";
}

std::string waitExplanationJson(const Result& result, const GroupWaits& waits, std::optional<RunPeriod> period)
{
    JsonWriter w;
    w.beginObject();
    w.key("group").value(result.groups[static_cast<std::size_t>(waits.group)].name);
    w.key("subtree").value(waits.subtree);
    if (period) {
        w.key("from_s").value(static_cast<long long>(period->from));
        w.key("to_s").value(static_cast<long long>(period->to));
    }
    const double waited = waits.waited();
    w.key("waited_core_hours").value(waited, 3);
    w.key("lost_core_hours").value(waits.lost(), 3);
    w.key("reasons").beginArray();
    for (bool wait : {true, false})
        for (const auto& [reason, hours] : waits.largestFirst(wait)) {
            w.beginObject();
            w.key("reason").value(waitReasonCode(reason));
            w.key("core_hours").value(hours, 3);
            if (wait)
                w.key("share").value(waited > 0 ? hours / waited : 0.0, 4);
            w.key("because").value(because(result, waits, reason, false));
            w.endObject();
        }
    w.endArray();
    std::string text = waitExplanationText(result, waits, period);
    if (!text.empty() && text.back() == '\n')
        text.pop_back();
    w.key("text").value(text);
    w.endObject();
    return w.str() + "\n";
}

std::string waitSentence(const Result& result, int group, std::optional<RunPeriod> period)
{
    if (group < 0 || static_cast<std::size_t>(group) >= result.groups.size())
        return {};
    const GroupWaits waits = groupOrSubtreeWaits(result, group, period);
    const double waited = waits.waited();
    if (waited <= 0)
        return {};
    const auto reasons = waits.largestFirst(true);
    return subjectName(result, waits) + " waited " + human::quantity(waited) + " core-hours" + periodText(period) + "; "
        + reasonList(result, waits, reasons, waited, false) + ".";
}

std::string waitNowText(const Result& result, const GroupWaits& waits)
{
    const std::string subject = subjectName(result, waits);
    const double waiting = waits.waited();
    if (waiting <= 0)
        return "Now " + subject + " has no idle cores left waiting by the negotiator.\n";
    std::string out
        = "Now " + subject + " has " + human::quantity(waiting) + " idle cores the negotiator could not match; ";
    const auto reasons = waits.largestFirst(true);
    for (std::size_t i = 0; i < reasons.size(); ++i)
        out += (i == 0 ? "" : "; ") + human::quantity(reasons[i].second) + " (" + shareText(reasons[i].second / waiting)
            + ") " + because(result, waits, reasons[i].first, true);
    return out + ".\n";
}

std::string waitNowJson(const Result& result, const GroupWaits& waits)
{
    JsonWriter w;
    w.beginObject();
    w.key("group").value(result.groups[static_cast<std::size_t>(waits.group)].name);
    w.key("subtree").value(waits.subtree);
    w.key("waiting_cores").value(waits.waited(), 2);
    w.key("reasons").beginArray();
    for (const auto& [reason, cores] : waits.largestFirst(true)) {
        w.beginObject();
        w.key("reason").value(waitReasonCode(reason));
        w.key("cores").value(cores, 2);
        w.key("because").value(because(result, waits, reason, true));
        w.endObject();
    }
    w.endArray();
    std::string text = waitNowText(result, waits);
    if (!text.empty() && text.back() == '\n')
        text.pop_back();
    w.key("text").value(text);
    w.endObject();
    return w.str() + "\n";
}

} // namespace pp
