#pragma once
// ktmap --export-story STORY|all --out DIR --video: each story as DIR/STORY.mp4, as the
// audience sees it presented (the projector theme, captions, step numbers, kept ink).
//
// Frame-exact: every frame is the presentation at t = frame / fps, the flights and a trip
// day's playback advanced by exactly 1/fps a frame (never the wall clock), so that a video
// is the same on every machine however fast it renders. A step's timeline:
//
//   | flight from the step before (its own duration; none at step 1) | the day's legs played
//   (a trip-day step) | hold: the step's `hold` seconds (default 6) |

#include "shell/viewer_options.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace app {

// Writes DIR/<id>.mp4 for each story at the options' size. Returns the exit code.
int exportStoryVideos(const ViewerOptions& options, const std::vector<std::string>& storyIds, const std::filesystem::path& outDir,
                      int fps);

} // namespace app
