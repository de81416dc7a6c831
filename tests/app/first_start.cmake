# First start with a folder that holds no workspace: sonde makes one there with the Welcome
# collection, opens its requests and sends the first through {{echo}} (the built-in server).
# Usage: cmake -DSONDE=path/to/sonde -DDIR=scratch/folder -P first_start.cmake
file(REMOVE_RECURSE "${DIR}")
execute_process(COMMAND "${SONDE}" --self-test --welcome --workspace "${DIR}"
                RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "sonde --self-test --welcome --workspace failed (${result}):\n${out}${err}")
endif()
if(NOT err MATCHES "GET http://127\\.0\\.0\\.1:[0-9]+/get\\?city=Lisbon&units=metric → 200")
  message(FATAL_ERROR "the first Welcome request did not go to the echo server:\n${err}")
endif()
foreach(file workspace.yaml collections/Welcome/_folder.yaml "collections/Welcome/GET with query.yaml"
             "collections/Welcome/POST JSON.yaml" collections/Welcome/404.yaml collections/Welcome/XML.yaml)
  if(NOT EXISTS "${DIR}/${file}")
    message(FATAL_ERROR "first start did not write ${file}")
  endif()
endforeach()
file(READ "${DIR}/collections/Welcome/GET with query.yaml" request)
if(NOT request MATCHES "url: \"{{echo}}/get")
  message(FATAL_ERROR "the Welcome request lost its {{echo}} variable:\n${request}")
endif()
file(REMOVE_RECURSE "${DIR}")
