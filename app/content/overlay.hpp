#pragma once
// The ImGui layer over the map: attribution, scale bar, cursor position,
// messages about bad input, layer switches.

#include <geo/basemap/base_map.hpp>
#include <geo/view/camera.hpp>
#include <geo/briefing/briefing.hpp>
#include <geo/base/diagnostic.hpp>

#include <glm/vec2.hpp>

#include <optional>
#include <string>

namespace geo {
class Projection;
}

namespace app {

class FontSet;

struct OverlayState {
    bool showLayers = false;
    bool showMessages = true;
    bool showHelp = false;
};

struct OverlayInput {
    const geo::BaseMap& map;
    const geo::Camera& camera;
    const geo::Projection& projection;
    const geo::Diagnostics& messages;
    std::optional<glm::dvec2> cursor; // screen pixels, when the pointer is over the map
    FontSet& fonts;
    geo::Language language = geo::Language::En; // of the panel titles and the key help
};

// "Nice" scale-bar length in metres for at most `maxMetres`: 1, 2 or 5 times a power of ten.
double niceScaleLength(double maxMetres);
// "50 km", "200 m".
std::string formatDistance(double metres);
// "32.8031°N 130.7079°E".
std::string formatLonLat(glm::dvec2 lonLat);

// Draws the overlay; layer switches write to `map` (visibility only).
void drawOverlay(const OverlayInput& in, geo::BaseMap& map, OverlayState& state);

} // namespace app
