# Runs td-render-icon with Qt's DLLs on PATH (Windows: a Qt from the installer is not on PATH by default).
#   cmake -DTOOL=… -DQT_BIN_DIR=… -DSVG=… -DSIZE=… -DOUT=… -P RunWithQt.cmake
if(WIN32)
    set(ENV{PATH} "${QT_BIN_DIR};$ENV{PATH}")
else()
    set(ENV{PATH} "${QT_BIN_DIR}:$ENV{PATH}")
endif()
execute_process(COMMAND "${TOOL}" "${SVG}" "${SIZE}" "${OUT}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${TOOL} failed (${rc})")
endif()
