# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 PoolPlanner developers
# Golden outputs of poolplanner-cli: the text, --json and CSV it prints on the demo, LPC-EGEE (read from
# ../shared/traces), a real 25.14 recording and the merge study. A refactor must leave every one unchanged;
# a deliberate change rewrites them (POOLPLANNER_UPDATE_GOLDEN=1 ctest -R golden_) and the diff is reviewed.
set(PP_GOLDEN_DIR "${CMAKE_CURRENT_LIST_DIR}")

function(pp_add_golden name)
    string(JOIN "|" args ${ARGN})
    add_test(NAME golden_${name}
        COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:poolplanner-cli> "-DARGS=${args}"
            -DGOLDEN=${PP_GOLDEN_DIR}/${name} -DSRC=${PROJECT_SOURCE_DIR} -DSHARED=${PP_SHARED_DIR}
            -DWORK=${CMAKE_CURRENT_BINARY_DIR}/golden/${name} -P ${PP_GOLDEN_DIR}/check.cmake)
    set_tests_properties(golden_${name} PROPERTIES LABELS golden TIMEOUT 600)
endfunction()

set(hgq @SRC@/tests/data/hgq-worked-example.condor_config)
set(lpc @SHARED@/traces/LPC-EGEE-2004-1.2-cln.swf.gz)
set(more @SRC@/tests/golden/more-analysis.scenario)
set(realpool @SHARED@/htcondor-samples/real-pool-25.14/B2_preemption_groupaware)

pp_add_golden(allocate-hgq.txt allocate --config ${hgq} --pool-size 100 --demand a.x=100,b=10,c=30,<none>=5)
pp_add_golden(allocate-hgq.json allocate --config ${hgq} --pool-size 100 --demand a.x=100,b=10,c=30,<none>=5 --json)
pp_add_golden(simulate-demo.txt simulate --demo)
pp_add_golden(simulate-demo.json simulate --demo --json)
pp_add_golden(simulate-lpc-egee.txt simulate --config ${hgq} --trace ${lpc} --cores 140 --machine-cores 2)
pp_add_golden(simulate-lpc-egee.json simulate --config ${hgq} --trace ${lpc} --cores 140 --machine-cores 2 --json)
pp_add_golden(simulate-lpc-egee-slice-result.json
    simulate --config ${hgq} --trace @SRC@/tests/data/lpc-egee-slice.swf --cores 140 --machine-cores 2 --out @OUT@)
pp_add_golden(simulate-realpool.json simulate --snapshot ${realpool}/snapshots --json)
pp_add_golden(compare-demo.txt compare demo ${more} --horizon 2d)
pp_add_golden(compare-demo.json compare demo ${more} --horizon 2d --json)
pp_add_golden(compare-merge-study.txt compare --scenario demo-separate --scenario demo-merged --horizon 2d)
pp_add_golden(compare-merge-study.json compare --scenario demo-separate --scenario demo-merged --horizon 2d --json)
pp_add_golden(sweep-demo.txt sweep --scenario ${more}
    --vary GROUP_QUOTA_DYNAMIC_atlas.analysis=0.25,0.45 --horizon 1d --threads 2)
pp_add_golden(sweep-demo.json sweep --scenario ${more}
    --vary GROUP_QUOTA_DYNAMIC_atlas.analysis=0.25,0.45 --horizon 1d --threads 2 --json)
pp_add_golden(export-config-demo.config export-config --scenario ${more} --set GROUP_QUOTA_star=3200 --out @OUT@)
set(samples @SHARED@/htcondor-samples)
pp_add_golden(inspect-samples.json inspect ${samples}/machine-ads/htcondor_StatusAds_partionable8core.long.ads
    ${samples}/job-ads/htcondor_python_bindings_test.old.ad ${samples}/event-logs/lsst_tiny_problems.dag.nodes.log
    ${samples}/accounting/htcondor_personal_pool_collector_ads.new-classad.txt
    ${samples}/configs/job_hgq_autoregroup_basic_van.condor_config ${realpool}/final_q.json.gz --json)
pp_add_golden(inspect-samples.txt inspect ${samples}/machine-ads/htcondor_StatusAds_partionable8core.long.ads
    ${samples}/event-logs/lsst_tiny_problems.dag.nodes.log ${realpool}/final_q.json.gz)
if(POOLPLANNER_BUILD_GUI)
    pp_add_golden(report-demo.csv report --scenario demo --compare ${more} --horizon 2d --out @OUT@.csv)
endif()
