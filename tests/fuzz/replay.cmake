# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 PoolPlanner developers
# Each fuzz harness built with the project's own compiler and sanitizers, replaying its committed corpus and the
# reproducers saved in regressions/ as a test (tests/fuzz/run-fuzzers.sh is where new inputs are found, with clang).
set(PP_FUZZ_DIR "${CMAKE_CURRENT_SOURCE_DIR}/fuzz")
set(PP_REPLAYED fuzz_accounting fuzz_af fuzz_classad fuzz_classad_json fuzz_classad_long fuzz_classad_new fuzz_config
    fuzz_eventlog fuzz_history fuzz_policy fuzz_readers fuzz_resultfile fuzz_scenariofile fuzz_snapshot fuzz_swf
    fuzz_workloadmodel)
if(POOLPLANNER_BUILD_GUI)
    list(APPEND PP_REPLAYED fuzz_workspace)
endif()
foreach(target ${PP_REPLAYED})
    set(exe replay_${target})
    add_executable(${exe} ${PP_FUZZ_DIR}/${target}.cpp ${PP_FUZZ_DIR}/replaymain.cpp)
    target_include_directories(${exe} PRIVATE ${PP_FUZZ_DIR})
    set_target_properties(${exe} PROPERTIES AUTOMOC OFF) # no QObject in a harness
    if(target STREQUAL "fuzz_workspace")
        target_link_libraries(${exe} PRIVATE ppmodels Qt6::Sql)
        poolplanner_qt_defaults(${exe})
    else()
        target_link_libraries(${exe} PRIVATE ppengine)
    endif()
    file(GLOB reproducers CONFIGURE_DEPENDS "${PP_FUZZ_DIR}/regressions/${target}--*")
    add_test(NAME ${exe} COMMAND ${exe} ${PP_FUZZ_DIR}/corpus/${target} ${reproducers})
    set_tests_properties(${exe} PROPERTIES TIMEOUT 300 ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
endforeach()
