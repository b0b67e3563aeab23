// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "classad/classad.h"
#include "io/classadfiles.h"

#include <string>

namespace pp {

/// What PoolPlanner reads from a job ad (condor_history, condor_q): the attributes the readers keep, and the
/// few facts they derive from them, the same for every reader.
const AttributeFilter& jobAdAttributes();

/// A string attribute, or empty when it is absent or not a string.
std::string jobAdString(const classad::ClassAd& ad, const char* name);
/// A number attribute (expressions evaluated), or `fallback`.
double jobAdNumber(const classad::ClassAd& ad, const char* name, double fallback);
/// The first of two number attributes, or `fallback`; the second is evaluated only when the first is no number.
double jobAdNumber(const classad::ClassAd& ad, const char* name, const char* otherName, double fallback);
/// The accounting name the job is charged to: AccountingGroup, else AcctGroup.AcctGroupUser (or Owner), else
/// User; without "@domain"; "unknown" when the ad names none.
std::string jobAdSubmitter(const classad::ClassAd& ad);
/// BatchSpawner's notebook jobs (docs/HTCONDOR.md §8): /bin/sh running batchspawner-singleuser, its output file,
/// the hub's environment, or IsJupyter.
bool isNotebookJob(const classad::ClassAd& ad);
/// The warning for `count` ads of a job file that are not jobs (MyType is not "Job"): they are skipped.
std::string notJobAdsNote(long count);
/// RequestMemory as the startd rounds it, up to a multiple of 128 MB (MODIFY_REQUEST_EXPR_REQUESTMEMORY, §2.9).
long roundedRequestMemory(double mb);

} // namespace pp
