# CTest fixture: installs the pinned OpenID provider (package-lock.json) into the build directory.
# Without npm it installs nothing and succeeds: the tests that need the provider then skip themselves.
# cmake -DSOURCE=<tests/oidc> -DDEST=<build dir> -P npm_ci.cmake
find_program(NPM npm)
find_program(NODE node)
if(NOT NPM OR NOT NODE)
  message(STATUS "node or npm not found: the OpenID provider tests will be skipped")
  return()
endif()
file(MAKE_DIRECTORY "${DEST}")
file(COPY "${SOURCE}/package.json" "${SOURCE}/package-lock.json" "${SOURCE}/provider.mjs" DESTINATION "${DEST}")
execute_process(COMMAND "${NPM}" ci --no-audit --no-fund --prefix "${DEST}"
                WORKING_DIRECTORY "${DEST}" RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "npm ci failed (${result}) in ${DEST}")
endif()
