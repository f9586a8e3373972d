#pragma once
// Label placement in screen space: which labels show, and where, so that no two
// overlap. Greedy by priority, as map renderers do (MapLibre's collision index,
// tangram-es's label manager): the most important label is placed first and keeps
// its place; a label that fits in none of its candidate positions is left out.
//
// Screen pixels, x right, y down. Cost: O(n · k) with a uniform grid, n labels and
// k candidates; well under a millisecond for the few hundred labels of a briefing.

#include <glm/vec2.hpp>

#include <cstddef>
#include <vector>

namespace geo {

struct ScreenBox {
    glm::dvec2 min{0.0, 0.0}; // top-left
    glm::dvec2 max{0.0, 0.0}; // bottom-right
    bool overlaps(const ScreenBox& other, double padding = 0.0) const; // strict: touching boxes do not overlap
};

// What a box in placement stands for (--labels-out writes its name; the render tests check
// that no label overlaps anything else).
enum class BoxKind { Label, Marker, Badge, Callout, Caption, Panel };
const char* boxKindName(BoxKind kind);
struct KindedBox {
    BoxKind kind = BoxKind::Marker;
    ScreenBox box;
};

// A stretch of a line drawn under the labels (a trip's route, a partnership's arc), with half
// its stroke width. A label crosses one only where the line is knocked out under it.
struct LineSegment {
    glm::dvec2 a{0.0, 0.0}, b{0.0, 0.0};
    double halfWidth = 0.0;
};

struct LabelRequest {
    std::size_t id = 0;         // the caller's handle, returned with the placement
    glm::dvec2 anchor{0.0, 0.0};// the marker centre
    glm::dvec2 size{0.0, 0.0};  // text extent in pixels
    double gap = 6.0;           // distance from the anchor to the nearest edge of the label
    int priority = 0;           // higher is placed first; ties keep input order
    bool required = false;      // placed even when it overlaps others (the selected site); still avoids where it can:
                                // a free candidate first (also at two and three times the gap), then one clear of `avoid` and
                                // `blocked`, then one clear of `blocked`, and when none is inside the viewport and
                                // clear of `blocked`, Right
    bool mayCrossLines = true;  // a candidate crossing `lines` is used (and the lines knocked out under it) when no
                                // candidate is clear of them; false: never (the base map's place names)
    double clearance = 0.0;     // extra free space it keeps from everything (place names: they must not crowd)
    bool centred = false;       // one candidate only, centred on the anchor (a town's name over the town)
};

// Candidate positions, tried in this order: right, left, above, below, then the four diagonals.
enum class LabelAnchor { Right, Left, Above, Below, AboveRight, AboveLeft, BelowRight, BelowLeft, Centre };

struct PlacedLabel {
    std::size_t id = 0;
    ScreenBox box;
    LabelAnchor anchor = LabelAnchor::Right;
    bool crossesLine = false; // the lines under it must be knocked out
};

struct LabelPlacementOptions {
    glm::dvec2 viewport{0.0, 0.0}; // labels must lie fully inside [0, viewport]
    double padding = 2.0;          // minimum free space between two labels
    // Boxes labels never cover: `avoid` (markers, badges, callouts) only a `required` label may
    // cover, when it fits nowhere else; `blocked` (panels, the caption) none.
    std::vector<ScreenBox> avoid;
    std::vector<ScreenBox> blocked;
    // Lines under the labels: a candidate clear of them is preferred (see LabelRequest::mayCrossLines).
    std::vector<LineSegment> lines;
    // Labels already placed (a first pass): the new ones keep clear of them as of each other.
    std::vector<ScreenBox> placed;
};

// Places the labels; returns the placed ones in placement order. Requests with a
// non-finite anchor, size or gap, or a negative size, are skipped. No two returned boxes
// overlap (with padding) unless one of them is `required`, and labels that are not
// `required` lie inside the viewport and clear of `avoid` and `blocked`; a label that fits
// nowhere is left out. `avoid` and `blocked` are tested without padding.
std::vector<PlacedLabel> placeLabels(const std::vector<LabelRequest>& requests, const LabelPlacementOptions& options);

} // namespace geo
