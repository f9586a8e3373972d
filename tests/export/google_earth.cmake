# The Google Earth export (app/export/google_earth.cpp): its unit tests are app_tests'
# tests/app/export/google_earth_test.cpp, which read the shipped briefing and a fixture.
set_source_files_properties(${CMAKE_CURRENT_SOURCE_DIR}/app/export/google_earth_test.cpp PROPERTIES COMPILE_DEFINITIONS
  "KTMAP_GE_ASSETS_DIR=\"${PROJECT_SOURCE_DIR}/assets\";KTMAP_GE_DATA_DIR=\"${CMAKE_CURRENT_SOURCE_DIR}/data/google_earth\"")

# The command line: --export OUT.kmz writes a KMZ that GDAL reads, and an output that is the
# briefing itself is refused with a message naming it.
add_test(NAME "export: Google Earth KML and KMZ from the command line"
  COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/export/google_earth_cli.sh $<TARGET_FILE:ktmap> ${PROJECT_SOURCE_DIR}/assets
          ${CMAKE_CURRENT_SOURCE_DIR}/data/google_earth ${CMAKE_CURRENT_BINARY_DIR}/google-earth-output)
set_tests_properties("export: Google Earth KML and KMZ from the command line" PROPERTIES TIMEOUT 120 SKIP_RETURN_CODE 77)
