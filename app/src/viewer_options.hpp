#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace app {

struct InitialView {
    double lon = 0, lat = 0, zoom = 0;
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
    std::string selectSite;                          // --select: open this site's notes at start                          // --no-shaders: the fixed-function fallback
};

} // namespace app
