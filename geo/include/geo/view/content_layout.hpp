#pragma once
// The briefing on the map, laid out for one frame: what to draw (a display list, in painting
// order) and what can be clicked (a hit index), from the projected content, the view state,
// the camera and this frame's panels. Nothing here remembers a previous frame: the same
// input gives the same output, so a screenshot or an export is right on its first frame and
// a click is tested against what is on screen now.
//
// Painting order, bottom to top: partnership links; site markers with their "+N" group
// badges; the highlight and selection rings; the trips' routes (the active one last) with
// their arrows, numbered stops, the delegation during playback and the day caption; site
// the base map's town names at city zoom; site labels; the edge callouts pointing to places
// off the map; covers under the panels.

#include <geo/basemap/base_map.hpp>
#include <geo/view/camera.hpp>
#include <geo/view/content_scene.hpp>
#include <geo/view/content_state.hpp>
#include <geo/view/display_list.hpp>
#include <geo/view/hit_index.hpp>
#include <geo/view/label_placement.hpp>
#include <geo/view/palette.hpp>
#include <geo/view/panel_layout.hpp>
#include <geo/view/text_measure.hpp>

#include <glm/vec2.hpp>

#include <optional>
#include <string>
#include <vector>

namespace geo {

class Projection;

struct ContentLayoutInput {
    const Briefing& briefing;
    const ContentScene& scene;
    const ContentState& state;
    const Camera& camera;
    const Projection& projection;
    const Palette& palette;
    const TextMeasure& text;
    float scale = 1.0f;              // content scale: the interface scale, × 1.5 while presenting
    PanelLayout panels;              // this frame's panels (insets for callouts, covers)
    std::vector<ScreenBox> blocked;  // what labels must not cover besides the panels (the caption, the step number)
    std::optional<glm::dvec2> cursor; // the pointer over the map (hover), if any
    std::vector<ScreenBox> overlays;  // the scale bar and the attribution: labels keep out of them too
    const BasePlaces* places = nullptr; // the base map's town names, shown at city zoom where they do not crowd
};

// What the pointer is over, for the tooltip and the hand cursor.
struct ContentHover {
    enum class Kind { None, Marker, EdgeArrow, Link } kind = Kind::None;
    std::size_t cluster = 0; // Marker: index into HitIndex::clusters
    std::string id;          // EdgeArrow: the site it opens; Link: the partnership
};

struct ContentLayout {
    DisplayList list;
    HitIndex hits;
    std::vector<PlacedLabel> labels; // the site labels placed (screen boxes)
    std::vector<std::size_t> labelSites; // the site of each placed label
    // Every box placement considered: the labels placed and what they keep clear of (--labels-out).
    std::vector<KindedBox> placement;
    ContentHover hover;
    double labelMs = 0.0; // time label placement took
};

ContentLayout layoutContent(const ContentLayoutInput& in);

// A site marker's rings at content scale `scale` (grown by `grow` when hovered): a dark ring
// around the major places, a thin translucent dark rim, a white ring, the kind's fill. The
// legend draws the same.
DiscStyle markerDisc(const Palette& palette, SiteKind kind, bool major, float scale, float grow = 1.0f);

} // namespace geo
