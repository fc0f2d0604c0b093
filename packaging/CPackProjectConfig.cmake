# Read by cpack once per generator (CPACK_PROJECT_CONFIG_FILE).
if(CPACK_GENERATOR STREQUAL "DEB")
    # Each .deb's description starts with its own synopsis (CPACK_DEBIAN_<COMPONENT>_DESCRIPTION); CPackDeb would
    # otherwise put the project's summary line above it.
    unset(CPACK_PACKAGE_DESCRIPTION_SUMMARY)
endif()
