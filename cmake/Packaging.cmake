# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 PoolPlanner developers
# Installed like any desktop program on Debian: the two programs on the PATH, a desktop entry and its icon, and
# the demo's files under share/poolplanner. `scripts/poolplanner.sh package` makes the .deb with CPack from the
# release build; its dependencies are what dpkg-shlibdeps finds the programs linked against.
include(GNUInstallDirs)

install(TARGETS poolplanner-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
if(TARGET poolplanner)
    install(TARGETS poolplanner RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
    install(FILES resources/desktop/poolplanner.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    install(FILES resources/desktop/poolplanner.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
endif()
install(FILES resources/demo/demo.condor_config tests/golden/more-analysis.scenario README.md
    DESTINATION ${CMAKE_INSTALL_DATADIR}/poolplanner)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME poolplanner)
set(CPACK_PACKAGE_VENDOR "PoolPlanner developers")
set(CPACK_PACKAGE_CONTACT "PoolPlanner developers <poolplanner@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Plan an HTCondor pool's quotas with a simulator that behaves like its negotiator")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # poolplanner_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The window keeps workspaces in SQLite through Qt's plugin, which no program links directly.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite")
set(CPACK_PACKAGE_DIRECTORY ${PROJECT_BINARY_DIR}/package)
include(CPack)
