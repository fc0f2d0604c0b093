# Configures TokenDesk.app's Info.plist the way CMake does for a MACOSX_BUNDLE target, from the settings the APPLE
# branch of packaging/CMakeLists.txt uses (packaging/cmake/MacBundleSettings.cmake), and writes the icon set list.
#   cmake -DSOURCE_DIR=<repository> -DPROJECT_VERSION=X.Y.Z -DOUT_DIR=<dir> -P macos-bundle-config.cmake
# Writes OUT_DIR/Info.plist, OUT_DIR/iconset.txt ("PIXELS NAME" a line) and OUT_DIR/bundle.txt (KEY=VALUE lines:
# EXECUTABLE, ICNS).
cmake_minimum_required(VERSION 3.21)
foreach(var SOURCE_DIR PROJECT_VERSION OUT_DIR)
    if(NOT ${var})
        message(FATAL_ERROR "usage: cmake -DSOURCE_DIR=… -DPROJECT_VERSION=… -DOUT_DIR=… -P ${CMAKE_CURRENT_LIST_FILE}")
    endif()
endforeach()

include(${SOURCE_DIR}/packaging/cmake/MacBundleSettings.cmake)

# cmLocalGenerator::GenerateAppleInfoPList: MACOSX_BUNDLE_EXECUTABLE_NAME is the target's output name, these target
# properties become variables of the same name, and the template is configured like configure_file() (${} and @@).
# Any other MACOSX_BUNDLE_* property would never reach the plist.
set(passed MACOSX_BUNDLE_INFO_STRING MACOSX_BUNDLE_ICON_FILE MACOSX_BUNDLE_GUI_IDENTIFIER
    MACOSX_BUNDLE_LONG_VERSION_STRING MACOSX_BUNDLE_BUNDLE_NAME MACOSX_BUNDLE_SHORT_VERSION_STRING
    MACOSX_BUNDLE_BUNDLE_VERSION MACOSX_BUNDLE_COPYRIGHT)
set(MACOSX_BUNDLE_EXECUTABLE_NAME ${TOKENDESK_MACOS_EXECUTABLE})
set(template)
set(props ${TOKENDESK_MACOS_BUNDLE_PROPERTIES})
list(LENGTH props n)
math(EXPR odd "${n} % 2")
if(odd)
    message(FATAL_ERROR "TOKENDESK_MACOS_BUNDLE_PROPERTIES is not a list of NAME VALUE pairs: ${props}")
endif()
while(props)
    list(POP_FRONT props name value)
    if(name STREQUAL "MACOSX_BUNDLE_INFO_PLIST")
        set(template ${value})
    elseif(name IN_LIST passed)
        set(${name} "${value}")
    else()
        message(FATAL_ERROR "${name} is not a property CMake passes to Info.plist")
    endif()
endwhile()
if(NOT EXISTS "${template}")
    message(FATAL_ERROR "MACOSX_BUNDLE_INFO_PLIST '${template}' does not exist")
endif()

# Every ${…} of the template must be a value CMake provides and that the settings set; otherwise it would turn into
# an empty string without a word.
file(READ ${template} text)
string(REGEX MATCHALL "\\$\\{[A-Za-z0-9_]+\\}|@[A-Za-z0-9_]+@" refs "${text}")
list(REMOVE_DUPLICATES refs)
foreach(ref IN LISTS refs)
    string(REGEX REPLACE "^[$@]\\{?([A-Za-z0-9_]+)\\}?@?$" "\\1" var "${ref}")
    if(NOT var STREQUAL "MACOSX_BUNDLE_EXECUTABLE_NAME" AND NOT var IN_LIST passed)
        message(FATAL_ERROR "${template} uses ${ref}, which CMake does not set when it configures a bundle's Info.plist")
    endif()
    if("${${var}}" STREQUAL "")
        message(FATAL_ERROR "${template} uses ${ref}, which packaging/cmake/MacBundleSettings.cmake leaves empty")
    endif()
endforeach()
configure_file(${template} ${OUT_DIR}/Info.plist)

set(lines)
foreach(entry IN LISTS TOKENDESK_MACOS_ICONSET)
    string(REPLACE ":" " " entry "${entry}")
    string(APPEND lines "${entry}\n")
endforeach()
file(WRITE ${OUT_DIR}/iconset.txt "${lines}")
file(WRITE ${OUT_DIR}/bundle.txt "EXECUTABLE=${TOKENDESK_MACOS_EXECUTABLE}\nICNS=${TOKENDESK_MACOS_ICNS}\n")
