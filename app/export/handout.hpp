#pragma once
// ktmap --export-handout OUT.pdf: the briefing as an A4 document to print or mail.

#include "shell/viewer_options.hpp"

#include <filesystem>

namespace app {

// Returns the exit code, having said what it wrote or why it could not.
int exportHandout(const ViewerOptions& options, const std::filesystem::path& out);

} // namespace app
