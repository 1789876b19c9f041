# SPDX-FileCopyrightText: 2026 Countersign contributors
# SPDX-License-Identifier: MIT

# cmake -DBUILD_DIR=... -DAPP_ID=... -DAPPSTREAMCLI=... -DDESTDIR=... -P installtree.cmake
# Installs BUILD_DIR with prefix /usr into DESTDIR and checks the XDG layout.
file(REMOVE_RECURSE ${DESTDIR})
execute_process(COMMAND ${CMAKE_COMMAND} -E env DESTDIR=${DESTDIR}
        ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix /usr
    OUTPUT_QUIET RESULT_VARIABLE status)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "cmake --install ${BUILD_DIR} failed (${status})")
endif()

set(expected
    bin/countersign
    lib/countersign/countersign_commands.so
    lib/countersign/countersign_gui.so
    share/applications/${APP_ID}.desktop
    share/metainfo/${APP_ID}.metainfo.xml
    share/icons/hicolor/scalable/apps/${APP_ID}.svg
    share/doc/countersign/README.md)
foreach(size 16 32 48 64 128 256)
    list(APPEND expected share/icons/hicolor/${size}x${size}/apps/${APP_ID}.png)
endforeach()
set(missing)
foreach(file IN LISTS expected)
    if(NOT EXISTS ${DESTDIR}/usr/${file})
        list(APPEND missing /usr/${file})
    endif()
endforeach()
if(missing)
    file(GLOB_RECURSE installed RELATIVE ${DESTDIR} ${DESTDIR}/*)
    list(JOIN missing "\n  " missing)
    list(JOIN installed "\n  " installed)
    message(FATAL_ERROR "not installed:\n  ${missing}\ninstalled:\n  ${installed}")
endif()

execute_process(COMMAND ${APPSTREAMCLI} validate-tree --no-net --strict --explain ${DESTDIR}
    RESULT_VARIABLE status)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "appstreamcli validate-tree ${DESTDIR} found issues (${status})")
endif()
message(STATUS "installed tree in ${DESTDIR} is complete and valid")
