# Warnings for every target of the project; errors in CI (SONDE_WERROR).
add_library(sonde_warnings INTERFACE)
target_compile_options(sonde_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow=local
                       -Wnon-virtual-dtor -Woverloaded-virtual -Wimplicit-fallthrough)
if(SONDE_WERROR)
  target_compile_options(sonde_warnings INTERFACE -Werror)
endif()

find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM)
  set(CMAKE_CXX_COMPILER_LAUNCHER "${CCACHE_PROGRAM}")
endif()
