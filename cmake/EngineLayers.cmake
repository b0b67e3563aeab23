# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 PoolPlanner developers
# The engine's layers: what each folder may include besides itself. The folder libraries link exactly these
# (engine/CMakeLists.txt) and every build checks every #include against them, so an include the wrong way fails.
cmake_policy(VERSION 3.25) # also when run as a script
set(PP_LAYER_util "")
set(PP_LAYER_classad util)
set(PP_LAYER_config util)
set(PP_LAYER_policy classad config util)
set(PP_LAYER_model policy util)
set(PP_LAYER_io model policy config classad util)
set(PP_LAYER_analysis model util)
set(PP_LAYER_sim analysis model policy classad util)
set(PP_LAYER_scenario io model policy config classad util)
set(PP_LAYER_format analysis model util)
set(PP_LAYER_sweep scenario sim format analysis io model policy config classad util)
set(PP_ENGINE_FOLDERS util classad config policy model io analysis sim scenario format sweep)

# Reports every include in ENGINE_DIR that reaches above its folder's layer; empty when all is well.
function(pp_engine_layer_violations engine_dir out_var)
    set(problems "")
    file(GLOB_RECURSE sources RELATIVE "${engine_dir}" "${engine_dir}/*.h" "${engine_dir}/*.cpp")
    foreach(source IN LISTS sources)
        string(REGEX MATCH "^[^/]+" folder "${source}")
        if(NOT folder IN_LIST PP_ENGINE_FOLDERS)
            list(APPEND problems "engine/${source}: the folder ${folder} is not a layer of cmake/EngineLayers.cmake")
            continue()
        endif()
        file(STRINGS "${engine_dir}/${source}" includes REGEX "^[ \t]*#[ \t]*include[ \t]*\"")
        foreach(line IN LISTS includes)
            if(NOT line MATCHES "\"([^/\"]+)/[^\"]+\"")
                continue()
            endif()
            set(target "${CMAKE_MATCH_1}")
            if(target STREQUAL folder OR NOT target IN_LIST PP_ENGINE_FOLDERS OR target IN_LIST PP_LAYER_${folder})
                continue()
            endif()
            string(STRIP "${line}" line)
            string(REPLACE ";" ", " allowed "${PP_LAYER_${folder}}")
            list(APPEND problems "engine/${source}: ${line} reaches above its layer (${folder} may include: ${allowed})")
        endforeach()
    endforeach()
    set(${out_var} "${problems}" PARENT_SCOPE)
endfunction()

# At build time: a stamp that depends on every engine source, remade by running this file as a script.
function(pp_check_engine_layers engine_dir)
    file(GLOB_RECURSE sources CONFIGURE_DEPENDS "${engine_dir}/*.h" "${engine_dir}/*.cpp")
    set(stamp "${CMAKE_CURRENT_BINARY_DIR}/engine_layers.stamp")
    add_custom_command(OUTPUT "${stamp}"
        COMMAND ${CMAKE_COMMAND} -DENGINE_DIR=${engine_dir} -P ${CMAKE_CURRENT_FUNCTION_LIST_FILE}
        COMMAND ${CMAKE_COMMAND} -E touch "${stamp}"
        DEPENDS ${sources} ${CMAKE_CURRENT_FUNCTION_LIST_FILE}
        COMMENT "Checking that engine includes follow the layers")
    add_custom_target(pp_engine_layers_checked DEPENDS "${stamp}")
endfunction()

# cmake -DENGINE_DIR=... -P EngineLayers.cmake
if(CMAKE_SCRIPT_MODE_FILE AND DEFINED ENGINE_DIR)
    pp_engine_layer_violations("${ENGINE_DIR}" problems)
    foreach(problem IN LISTS problems)
        message(NOTICE "${problem}")
    endforeach()
    list(LENGTH problems count)
    if(count GREATER 0)
        message(FATAL_ERROR "${count} wrong-way include(s) in the engine (the layers: cmake/EngineLayers.cmake)")
    endif()
endif()
