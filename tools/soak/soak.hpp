#pragma once
// The soak run (`ktmap-soak FRAMES`): the viewer driven headless through what a
// briefing does to it, over and over — pan and zoom, select every site, play every trip,
// switch languages, hot-reload valid and invalid content and layer files, present every story
// (resizing the target as a projector change would) — for a
// number of frames, printing the memory it holds as it goes. Run under the sanitizers
// (the asan preset) it shows leaks, overflows and undefined behaviour; in any build,
// whether memory stays flat. It edits only a copy of the briefing file, in a temporary folder.

#include "shell/viewer_options.hpp"

namespace app {

// Returns 0 when the run completed and its checks held (the layer file's edits applied or
// kept out, the story step kept through resizes); 1 otherwise or when it could not start.
int runSoak(const ViewerOptions& options, int frames);

} // namespace app
