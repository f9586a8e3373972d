#pragma once
#include <filesystem>
#include <string>

namespace app {
// Where the shipped assets and shaders are: $KTMAP_ASSETS / $KTMAP_SHADERS when set, else
// <the executable's folder>/../share/ktmap/assets and .../shaders, the installed layout. The
// build tree has the same layout (build/<preset>/bin/ktmap, build/<preset>/share/ktmap/
// linking to the checkout's assets/ and shaders/), so nothing depends on the current folder
// or on where the source was: a prefix that is moved or copied keeps working.
std::filesystem::path assetsDir();
std::filesystem::path shadersDir();
// The data folder relative to the executable's, "../share/ktmap" (for --help).
const char* dataBesideExecutable();

// Empty when the data folders a run needs are there; else the message to print: each folder
// looked in (and why that one), and what to do (set KTMAP_ASSETS / KTMAP_SHADERS, or reinstall).
std::string missingDataMessage(bool needAssets, bool needShaders);
} // namespace app
