#pragma once
#include <filesystem>

namespace app {
// Where the shipped assets and shaders are: next to the executable when installed,
// else the source tree the binary was built from.
std::filesystem::path assetsDir();
std::filesystem::path shadersDir();
} // namespace app
