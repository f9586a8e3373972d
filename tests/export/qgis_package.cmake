# ktmap --export OUT.gpkg (app/export/qgis_package.cpp). The unit tests (tests/app/export/
# qgis_package_test.cpp) read the package back with GDAL and pugixml; this one opens it in QGIS
# itself (PyQGIS), where python3-qgis is installed, and skips (77) where it is not.
target_compile_definitions(app_tests PRIVATE KTMAP_ASSETS_DIR="${PROJECT_SOURCE_DIR}/assets")
add_test(NAME "export: QGIS package opens in QGIS with its styles and project"
  COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/export/qgis_package_check.sh $<TARGET_FILE:ktmap> ${PROJECT_SOURCE_DIR}/assets
          ${CMAKE_CURRENT_BINARY_DIR}/qgis-package)
set_tests_properties("export: QGIS package opens in QGIS with its styles and project" PROPERTIES TIMEOUT 300 SKIP_RETURN_CODE 77)
