#pragma once
// ktmap --export-story STORY|all --out DIR: every step of the stories rendered headless, at
// 1920x1080 for slides (and a PDF of every step, 16:9 pages) and at 3840x2160 for print (the
// same layout at twice the scale), or at --size only.

#include "shell/viewer_options.hpp"

#include <filesystem>
#include <string>

namespace app {

struct VideoRequest {
    bool video = false; // --video: DIR/STORY.mp4 instead of images
    int fps = 30;       // --fps
};

// `story`: a story's id or "all". Returns the exit code.
int exportStories(const ViewerOptions& options, const std::string& story, const std::filesystem::path& outDir, bool sizeGiven,
                  VideoRequest video = {});

} // namespace app
