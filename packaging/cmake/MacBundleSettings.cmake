# TokenDesk.app: the values CMake puts into packaging/macos/Info.plist.in, and the .iconset iconutil turns into the
# .icns. Included by the APPLE branch of packaging/CMakeLists.txt, and by tests/packaging/macos-bundle-config.cmake,
# which configures the plist the way CMake does for a MACOSX_BUNDLE target and renders the same icon set on Linux.
# Needs PROJECT_VERSION.

set(TOKENDESK_MACOS_EXECUTABLE TokenDesk) # OUTPUT_NAME of tokendesk: TokenDesk.app/Contents/MacOS/TokenDesk
set(TOKENDESK_MACOS_ICNS tokendesk.icns)  # in TokenDesk.app/Contents/Resources
get_filename_component(TOKENDESK_MACOS_INFO_PLIST ${CMAKE_CURRENT_LIST_DIR}/../macos/Info.plist.in ABSOLUTE)

# Target properties of tokendesk (set_target_properties(tokendesk PROPERTIES ${TOKENDESK_MACOS_BUNDLE_PROPERTIES})).
set(TOKENDESK_MACOS_BUNDLE_PROPERTIES
    MACOSX_BUNDLE_INFO_PLIST ${TOKENDESK_MACOS_INFO_PLIST}
    MACOSX_BUNDLE_GUI_IDENTIFIER io.tokendesk.TokenDesk
    MACOSX_BUNDLE_BUNDLE_NAME TokenDesk
    MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION}
    MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION}
    MACOSX_BUNDLE_ICON_FILE ${TOKENDESK_MACOS_ICNS}
    MACOSX_BUNDLE_COPYRIGHT "Copyright 2026 TokenDesk contributors, MIT License")

# The .iconset: PIXELS:NAME for each icon_NAME.png, 16 to 512 points at 1x and 2x.
set(TOKENDESK_MACOS_ICONSET 16:16x16 32:16x16@2x 32:32x32 64:32x32@2x 128:128x128 256:128x128@2x 256:256x256
                            512:256x256@2x 512:512x512 1024:512x512@2x)
