# One INTERFACE target carries the project's compile options (DESIGN.md).
add_library(tokendesk_options INTERFACE)
if(MSVC)
    target_compile_options(tokendesk_options INTERFACE /W4 /permissive- /utf-8)
else()
    target_compile_options(tokendesk_options INTERFACE
        -Wall -Wextra -Wold-style-cast -Wnon-virtual-dtor $<$<CXX_COMPILER_ID:GNU>:-Wshadow=local>
        -fstack-protector-strong)
endif()
target_compile_definitions(tokendesk_options INTERFACE
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_USE_QSTRINGBUILDER QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    $<$<NOT:$<CONFIG:Debug>>:_FORTIFY_SOURCE=2>
    TOKENDESK_VERSION="${PROJECT_VERSION}")
if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
    target_link_options(tokendesk_options INTERFACE -Wl,-z,relro -Wl,-z,now) # full RELRO: ELF only
endif()
if(TOKENDESK_WERROR)
    target_compile_options(tokendesk_options INTERFACE $<IF:$<CXX_COMPILER_ID:MSVC>,/WX,-Werror>)
endif()
if(TOKENDESK_SANITIZE)
    target_compile_options(tokendesk_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
    target_link_options(tokendesk_options INTERFACE -fsanitize=address,undefined)
endif()
if(TOKENDESK_TEST_HOOKS)
    target_compile_definitions(tokendesk_options INTERFACE TOKENDESK_TEST_HOOKS=1)
endif()
