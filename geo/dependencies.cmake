# What geo/ builds against, found in the including directory's scope: the top-level
# CMakeLists.txt and the clang fuzz build (tests/fuzz/CMakeLists.txt) both include it
# before add_subdirectory(geo).
find_package(GDAL CONFIG REQUIRED)
find_package(glm CONFIG REQUIRED)
find_package(spdlog CONFIG REQUIRED)
# toml++ header-only without exceptions: parse errors come back as values with
# their source position. (Debian's shared libtomlplusplus is built with exceptions.)
find_path(TOMLPP_INCLUDE_DIR toml++/toml.h REQUIRED)
add_library(ktmap_toml INTERFACE)
target_include_directories(ktmap_toml SYSTEM INTERFACE ${TOMLPP_INCLUDE_DIR})
target_compile_definitions(ktmap_toml INTERFACE TOML_HEADER_ONLY=1 TOML_EXCEPTIONS=0)
