# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 PoolPlanner developers
# Warnings every target of the project gets; errors in CI through POOLPLANNER_WERROR.
function(poolplanner_set_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -pedantic -Wshadow -Wnon-virtual-dtor)
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
        # GCC 12 reports impossible std::string memcpy overlaps at -O2 (GCC bug 105329).
        target_compile_options(${target} PRIVATE -Wno-restrict)
    endif()
    if(POOLPLANNER_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()

# Qt hygiene for the Qt layers (see docs/CONVENTIONS.md).
function(poolplanner_qt_defaults target)
    target_compile_definitions(${target} PRIVATE QT_NO_CAST_FROM_ASCII QT_NO_FOREACH QT_USE_QSTRINGBUILDER
                                                 QT_NO_URL_CAST_FROM_STRING)
    poolplanner_set_warnings(${target})
endfunction()
