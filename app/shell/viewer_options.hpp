#pragma once
// What the command line asks of the viewer (shell/options.cpp parses it).
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace app {

struct InitialView {
    double lon = 0, lat = 0, zoom = 0;
};

// --ink: a stroke, for still frames and tests (the live tools draw them with the mouse).
struct InkOption {
    bool highlighter = false;
    int colour = 0;                                   // 1-based in the option, 0-based here
    std::vector<std::pair<double, double>> lonLat;
};

// --spotlight: on a site (its id) or at a screen point, with a radius (a fraction of the height; 0: the default).
struct SpotlightOption {
    std::string site;
    double x = 0, y = 0, radius = 0;
};

struct ViewerOptions {
    std::filesystem::path layerFile;                 // the layer file (assets/layers.toml by default)
    std::vector<std::filesystem::path> extraLayers;  // --layer
    std::filesystem::path briefingFile;              // the briefing content (assets/briefing.toml by default)
    std::optional<std::filesystem::path> screenshot; // --screenshot: render one frame and exit
    int width = 1600, height = 900;                  // --size
    std::optional<InitialView> view;                 // --view
    bool fullscreen = false;
    float uiScale = 1.0f;
    bool noShaders = false;
    bool bitmapText = false; // the map's text with ImGui's bitmaps even where the SDF text program runs
    std::string selectSite;                          // --select: open this site's (or partnership's) notes at start
    std::vector<std::string> trips;                  // --trip: show these trips; the first is the active one
    int day = 0;                                     // --day: playback at the end of this day (1-based; 0: whole trip)
    std::string language = "en";                     // --lang zh|ja|en
    bool noSidebar = false;                          // --no-sidebar
    int screenshotFrames = 1;                        // --frames: with --screenshot, frames drawn before the capture
    std::filesystem::path labelsOut;                 // --labels-out: with --screenshot, the placed label boxes (tests)
    bool languageGiven = false;                      // --lang was on the command line (it wins over the settings)
    bool rememberSettings = false;                   // the interactive viewer: last view, language... (not --no-settings)
    bool present = false;                            // --present: start in presentation mode
    std::string presentStory;                        // --present STORY (empty: the first story)
    int step = 0;                                    // --step: 1-based step to start at
    bool reducedMotion = false;                      // --reduced-motion: cut between steps
    int year = 0;                                    // --year: partnerships as they stood in that year (0: all)
    std::string display;                             // --display N|NAME: the projector's display (empty: not the primary)
    std::filesystem::path captureDir;                // --capture-windows: write each window's frame there, then quit (tests)
    std::string clock;                               // --clock HH:MM:SS: the presenter's clock stands still (tests)
    bool rehearse = false;                           // --rehearse: present in a window, the presenter window beside it
    std::optional<double> targetSeconds;             // --target: the talk's length (countdown, behind plan)
    std::string targetEnd;                           // --target-end HH:MM: the talk ends then (a target from the start)
    std::optional<std::pair<double, double>> laserAt; // --laser X,Y: the laser on, its dot there (still frames, tests)
    std::optional<SpotlightOption> spotlight;        // --spotlight
    std::vector<InkOption> ink;                      // --ink, on the first step shown
    std::filesystem::path paletteFile;               // the palette (assets/palette.toml by default; empty: the built-in one)
    std::filesystem::path shadersDir;                // the GLSL programs
    bool mapCopy = true;                             // draw the map from a copy while it is held still (KTMAP_NO_MAP_CACHE=1: off)
    bool panelCopy = true;                           // draw the sidebar from a copy while it does not change (KTMAP_NO_PANEL_CACHE=1: off)
};

} // namespace app
