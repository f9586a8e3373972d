#pragma once
// The presenter's live tools together, as view state: the laser pointer, the spotlight, the
// ink book, the box being dragged to zoom into, and what the mouse does now. Layout turns
// them into what the audience sees over the map (the presenter's controls are not in it).

#include <geo/present/ink.hpp>
#include <geo/present/laser.hpp>
#include <geo/present/spotlight.hpp>

#include <glm/vec2.hpp>

#include <optional>

namespace geo {

// What the left button does on the map while presenting (the spotlight goes with any of them).
enum class PointerMode { Pan, Laser, Pen, Highlighter };

struct LiveTools {
    PointerMode mode = PointerMode::Pan;
    LaserTrail laser;
    Spotlight spotlight;
    InkBook ink;
    std::size_t penColour = 0, highlighterColour = 0;
    // The box being dragged (with Shift) to zoom into, screen pixels: where the drag began and is.
    std::optional<std::pair<glm::vec2, glm::vec2>> zoomBox;

    bool inking() const { return mode == PointerMode::Pen || mode == PointerMode::Highlighter; }
    // Turns a mode on, or off (back to Pan) when it is the one on.
    void toggle(PointerMode m) { mode = mode == m ? PointerMode::Pan : m; }
    // The next colour of the pen or the highlighter (whichever is on; else the pen's).
    void nextColour(const Palette::Tools& look);
};

struct LiveToolsLayout {
    DisplayList ink;          // the finished strokes (kept and live): still while the camera is, so
                              // the app may draw them with the map and keep them in the map's copy
    DisplayList underCaption; // the stroke being drawn, the zoom box and the spotlight's dimming
                              // (under the caption and the panels)
    DisplayList top;          // the laser, above everything the audience sees
};

// The tools over this frame: the step's kept ink (its annotations, projected), the page's
// ink, the stroke being drawn, the zoom box, the spotlight, the laser at `now`.
LiveToolsLayout layoutLiveTools(const LiveTools& tools, const InkPage& page, const std::vector<InkStroke>& kept, const Briefing& briefing,
                                const ContentScene& scene, const Camera& camera, glm::vec2 display, const Palette::Tools& look,
                                float scale, double now);

} // namespace geo
