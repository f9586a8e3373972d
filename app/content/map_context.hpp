#pragma once
// What the content views need each frame to draw on the map, and what they ask the
// viewer to do in return (move the camera, open notes).

#include <geo/briefing/briefing.hpp>
#include <geo/base/geometry.hpp>
#include <geo/view/label_placement.hpp>

#include <glm/vec2.hpp>

#include <optional>
#include <string>
#include <vector>

namespace geo {
class Camera;
class Projection;
} // namespace geo

namespace app {

class FontSet;

struct MapContext {
    const geo::Camera& camera;
    const geo::Projection& projection;
    FontSet& fonts;
    float scale = 1.0f; // interface scale
    geo::Language language = geo::Language::En;
    float bottomReserve = 0.0f; // pixels at the bottom a panel must leave free (the presentation caption)
};

// A request to move the camera: frame `box` (projected metres), zooming in no closer
// than `minMpp` metres per pixel (a single point frames at that scale).
struct CameraRequest {
    geo::Box box;
    double minMpp = 20.0;
    bool exact = false; // minMpp is the scale to use (an explicit view), not only a limit
};

// An arrow at the edge of the free map area, pointing to a place off it, with a label
// ("Arizona  11,410 km"); a click on it opens `siteId`.
struct EdgeCallout {
    glm::vec2 position{0.0f, 0.0f};  // where the line leaves the free area (screen pixels)
    glm::vec2 direction{1.0f, 0.0f}; // unit, outwards
    std::string text;
    bool japanese = false; // drawn in the JP face
    unsigned colour = 0;   // ImU32
    std::string siteId;
};

// What a click or a panel asked for this frame.
struct ContentActions {
    std::optional<CameraRequest> camera;
    std::optional<std::string> selectSite;        // open this site's notes
    std::optional<std::string> selectPartnership; // open this partnership's notes
    std::vector<geo::ScreenBox> panels;           // panels drawn: labels keep out of them next frame
    std::optional<std::string> present;           // start presenting this story
};

} // namespace app
