#pragma once
// Where the panels stand on the screen: the sidebar on the left, the notes panel on the right,
// and the room the presentation caption keeps at the bottom. Computed from the screen's size
// and the interface scale alone, before a frame is drawn, so that the labels of a frame keep
// out of that frame's panels and the camera frames beside them (not beside last frame's).

#include <geo/view/camera_controller.hpp>
#include <geo/view/label_placement.hpp>

#include <glm/vec2.hpp>

namespace geo {

struct PanelLayout {
    ScreenBox sidebar; // empty (min == max) when not shown
    ScreenBox notes;   // empty when no notes are open
    bool hasSidebar() const { return sidebar.max.x > sidebar.min.x; }
    bool hasNotes() const { return notes.max.x > notes.min.x; }
    // What the panels cover on each side, for framing (0 where there is none).
    float leftInset = 0.0f;
    float rightInset = 0.0f;
    // Presenting: the height at the bottom that panels and callouts leave to the caption.
    float bottomReserve = 0.0f;
};

struct PanelInput {
    glm::vec2 display{0.0f};  // pixels
    float contentScale = 1.0f; // the interface scale, × 1.5 while presenting (markers, lines, panels)
    float fontScale = 1.0f;    // the interface scale (the caption's reserve grows with the fonts)
    bool presenting = false;   // the sidebar is hidden then
    bool sidebar = true;       // shown (Tab)
    bool notes = false;        // a site's or a partnership's notes are open
};

// Sidebar: 14 px × s from the top left, min(380 px × s, 40 % of the width) wide, down to
// 86 px × s above the bottom (the scale bar) but at least 160 px × s high. Notes: 14 px × s
// from the top right, 30 % of the width but at least 320 px × s (and no wider than the screen
// less the margins), down to 48 px × s above the bottom (the attribution), less the caption's
// reserve (170 px × font scale) when presenting, but at least 120 px × s high.
PanelLayout layoutPanels(const PanelInput& in);

} // namespace geo
