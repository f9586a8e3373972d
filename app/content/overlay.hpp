#pragma once
// The ImGui layer over the map: attribution, scale bar, the pointer's position, the messages
// about bad input, the layer switches (L) and the key help (F1).

#include <geo/base/diagnostic.hpp>
#include <geo/basemap/base_map.hpp>
#include <geo/briefing/briefing.hpp>
#include <geo/view/camera.hpp>
#include <geo/view/label_placement.hpp>
#include <geo/view/map_view.hpp>
#include <geo/view/palette.hpp>

#include <glm/vec2.hpp>

#include <optional>
#include <string>
#include <vector>

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
    const geo::Palette& palette;
    geo::Language language = geo::Language::En; // of the panel titles and the key help
};

// Where the attribution and the scale bar stand on a `display`-sized screen (the scale bar at
// its widest): labels keep out of them.
std::vector<geo::ScreenBox> overlayBoxes(const geo::BaseMap& map, glm::vec2 display, const FontSet& fonts);

// Draws the overlay; the layer switches write `view` (visibility only).
void drawOverlay(const OverlayInput& in, geo::MapView& view, OverlayState& state);

} // namespace app
