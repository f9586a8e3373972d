#pragma once
// The command line of ktmap: what to run (the viewer, a screenshot, a check, an export) and
// the viewer's options, with the defaults from the installed data and the environment.

#include "shell/viewer_options.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace app {

struct CommandLine {
    enum class Mode { Interactive, Screenshot, Check, Export, ExportStory, ExportHandout } mode = Mode::Interactive;
    ViewerOptions options;
    std::filesystem::path screenshot; // --screenshot OUT.png
    std::filesystem::path check;      // --check FILE
    std::filesystem::path exportFile; // --export OUT
    std::string exportStory;          // --export-story STORY|all
    std::filesystem::path exportDir;  // --out DIR
    bool video = false;               // --video: the stories as DIR/STORY.mp4
    int fps = 30;                     // --fps
    std::filesystem::path handout;    // --export-handout OUT.pdf
    bool sizeGiven = false;           // --size was given (an export then makes that size only)
    int exitCode = -1;                // >= 0: exit with it at once (--help, a bad argument: already said)
};

CommandLine parseCommandLine(int argc, char** argv);

// The options with nothing given: the shipped layer file, briefing and palette, the shaders,
// and the environment's switches (KTMAP_NO_MAP_CACHE=1, KTMAP_NO_PANEL_CACHE=1: the map and
// the sidebar drawn every frame, for comparisons and should a driver's blit misbehave).
ViewerOptions defaultOptions();

// --target: "25m", "1h10m", "2h", "90s", "25:00" (m:ss), "1:10:00", or a number of minutes;
// none when it is not one of those, not positive, or longer than a day.
std::optional<double> parseDuration(const std::string& text);
// --target-end "HH:MM": seconds since midnight.
std::optional<int> endOfDay(const std::string& text);
// --ink "pen:LON,LAT;LON,LAT" or "highlighter2:..." (a colour, 1-based).
std::optional<InkOption> parseInk(const std::string& text);

} // namespace app
