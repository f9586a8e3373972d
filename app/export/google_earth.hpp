#pragma once
// ktmap --export OUT.kml|OUT.kmz: the briefing for Google Earth.

#include "shell/viewer_options.hpp"

#include <filesystem>

namespace app {

// Returns the exit code, having said what it wrote or why it could not.
int exportGoogleEarth(const ViewerOptions& options, const std::filesystem::path& out);

} // namespace app
