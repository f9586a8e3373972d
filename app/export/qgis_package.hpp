#pragma once
// ktmap --export OUT.gpkg: the briefing as a GeoPackage that opens in QGIS as ktmap draws it.

#include "shell/viewer_options.hpp"

#include <filesystem>

namespace app {

// Returns the exit code, having said what it wrote or why it could not.
int exportQgisPackage(const ViewerOptions& options, const std::filesystem::path& out);

} // namespace app
