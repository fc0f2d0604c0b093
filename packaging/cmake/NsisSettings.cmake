# The Windows installer (NSIS): Start-menu entry, uninstaller (also in Apps & features), upgrade in place.
# Included by the WIN32 branch of packaging/CMakeLists.txt, and by the stand-in project of
# tests/packaging/nsis-compile-test.sh, which compiles the script CPack generates from these settings with Debian's
# makensis.
# Needs PROJECT_VERSION and TOKENDESK_APP_ICO (the .ico of installer, uninstaller and Apps & features).

set(CPACK_COMPONENT_CONSOLE_REQUIRED ON) # carries the Qt runtime the server uses too
set(CPACK_PACKAGE_EXECUTABLES tokendesk "TokenDesk") # the Start-menu entry, in bin\
set(CPACK_NSIS_PACKAGE_NAME "TokenDesk")
set(CPACK_NSIS_DISPLAY_NAME "TokenDesk ${PROJECT_VERSION}")
set(CPACK_NSIS_MUI_ICON ${TOKENDESK_APP_ICO})
set(CPACK_NSIS_MUI_UNIICON ${TOKENDESK_APP_ICO})
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\tokendesk.exe")
set(CPACK_NSIS_EXECUTABLES_DIRECTORY bin)
set(CPACK_NSIS_MUI_FINISHPAGE_RUN tokendesk.exe)
# NSIS' counterpart of an upgrade code: one fixed registry key, and the previous version's uninstaller
# runs before an upgrade is installed.
set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY "TokenDesk")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
# 64-bit builds only: Program Files, not Program Files (x86). (CPack's default for a win64 build, stated here so that
# the script the test generates on Linux is the same.)
set(CPACK_NSIS_INSTALL_ROOT "$PROGRAMFILES64")
