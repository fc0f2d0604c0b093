# The CPack settings every package shares: name, vendor, version, licence, the two components. Included by
# packaging/CMakeLists.txt, and by the stand-in project of tests/packaging/nsis-compile-test.sh, so that the
# test packages with these very settings.
# Needs PROJECT_VERSION, PROJECT_DESCRIPTION and TOKENDESK_PACKAGE_CONTACT.

# Plain text (WiX wants a known extension); the NSIS licence page and the DEBs' copyright file.
configure_file(${CMAKE_CURRENT_LIST_DIR}/../../LICENSE ${CMAKE_CURRENT_BINARY_DIR}/LICENSE.txt COPYONLY)

set(CPACK_PACKAGE_NAME "TokenDesk")
set(CPACK_PACKAGE_VENDOR "TokenDesk contributors")
set(CPACK_PACKAGE_CONTACT "${TOKENDESK_PACKAGE_CONTACT}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "TokenDesk")
set(CPACK_RESOURCE_FILE_LICENSE ${CMAKE_CURRENT_BINARY_DIR}/LICENSE.txt)
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL console server)
set(CPACK_COMPONENT_CONSOLE_DISPLAY_NAME "TokenDesk console")
set(CPACK_COMPONENT_CONSOLE_DESCRIPTION "Qt desktop console for API keys, user authorization tokens and private tokens")
set(CPACK_COMPONENT_SERVER_DISPLAY_NAME "TokenDesk server")
set(CPACK_COMPONENT_SERVER_DESCRIPTION "tokendesk-server, the reference implementation of the TokenDesk API")
