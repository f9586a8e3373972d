#pragma once
// The parts of content layout (content_layout.cpp, link_layout.cpp, site_layout.cpp,
// trip_layout.cpp, callout_layout.cpp), private to geo.

#include <geo/view/content_layout.hpp>

#include <glm/vec2.hpp>

#include <cmath>
#include <string>
#include <vector>

namespace geo::layout {

inline bool finite(glm::dvec2 p) { return std::isfinite(p.x) && std::isfinite(p.y); }
inline glm::vec2 toFloat(glm::dvec2 p) { return {static_cast<float>(p.x), static_cast<float>(p.y)}; }
ScreenBox box(glm::vec2 lo, glm::vec2 hi);

// An arrow at the edge of the free map area, pointing to a place off it, with a label
// ("Arizona  11,410 km"); a click on it opens `siteId`.
struct EdgeCallout {
    glm::vec2 position{0.0f};  // where the line leaves the free area (screen pixels)
    glm::vec2 direction{1.0f, 0.0f}; // unit, outwards
    std::string text;
    Face face = Face::Chinese;
    Color colour;
    std::string siteId;
};

// What every part reads.
struct Frame {
    const ContentLayoutInput& in;
    float s;              // content scale
    glm::dvec2 viewport;
    glm::vec2 clipLo, clipHi; // lines are clipped to the screen with room for the widest stroke

    Frame(const ContentLayoutInput& input);
    const Briefing& briefing() const { return in.briefing; }
    const Palette& palette() const { return in.palette; }
    // A polyline as Line items, clipped to the screen (one item per run inside it).
    void line(DisplayList& out, const std::vector<glm::vec2>& points, const LineStyle& style) const;
    // World points on screen, far ones kept finite as floats; non-finite ones left out.
    std::vector<glm::vec2> toScreen(const std::vector<glm::dvec2>& world) const;
};

// Partnership links: the arcs on screen of those shown (into `hits`), and the callouts of a
// selected or highlighted link reaching a place off the map; then their lines, the hovered one
// emphasised.
void collectLinks(const Frame& f, HitIndex& hits, std::vector<EdgeCallout>& callouts);
void emitLinks(const Frame& f, const HitIndex& hits, const std::optional<std::string>& hovered, DisplayList& out);

// Site markers: positions and groups on screen (into `hits`), then the markers, badges and rings.
void clusterSites(const Frame& f, HitIndex& hits);
// A group's "+N" badge box (with the marker grown by `grow` when hovered).
ScreenBox groupBadge(const Frame& f, const ScreenCluster& cluster, float grow, std::string& text, glm::vec2& textSize,
                     glm::vec2& centre);
void layoutMarkers(const Frame& f, std::optional<std::size_t> hovered, DisplayList& out, HitIndex& hits);
// What labels keep clear of: everything in `list` but its text and lines (discs, rings and
// arrows as markers, rectangles as badges, except those in `skip`, reported otherwise), and
// the stretches of its lines.
void collectMarks(const DisplayList& list, const std::vector<ScreenBox>& skip, std::vector<KindedBox>& boxes,
                  std::vector<LineSegment>& lines);
// Site labels: placed clear of `boxes` (markers, badges, callouts, captions, panels) and, where
// they can, of `lines`; the lines under a label that could only cross them are knocked out in `under`.
void layoutLabels(const Frame& f, std::optional<std::size_t> hovered, const HitIndex& hits, const std::vector<KindedBox>& boxes,
                  const std::vector<LineSegment>& lines, DisplayList& under, DisplayList& out, ContentLayout& result);

// The base map's town names (at city zoom), after the site labels: centred on their place,
// clear of everything the site labels keep clear of, of the site labels themselves (with room
// to spare: they must not crowd) and of the lines, which they never cross.
void layoutPlaceNames(const Frame& f, const std::vector<KindedBox>& boxes, const std::vector<LineSegment>& lines, DisplayList& out,
                      ContentLayout& result);

// Trips: each shown trip's route (the active one last); the boxes labels keep out of (the day
// caption) and the callouts of legs to places off the map.
void layoutTrips(const Frame& f, DisplayList& out, std::vector<ScreenBox>& covered, std::vector<EdgeCallout>& callouts);

// Edge callouts, stacked along the edge of the free area each points through, clear of
// `keepOut`: their boxes (labels keep out of them), then their items and hit targets.
struct PlacedCallout {
    glm::vec2 tip{0.0f}, direction{1.0f, 0.0f}, at{0.0f}, size{0.0f};
};
constexpr float kCalloutArrow = 24.0f; // px at content scale 1
// One callout per far place and distance: two partnerships of Miyazaki with Taichung, or
// two legs of a trip from the same stop, leave through nearly the same point, and the
// audience needs "Taichung 1,360 km" once. The first is kept, in its colour (the links come
// before the trips, in the list's order); both lines still run to the edge.
void mergeCallouts(std::vector<EdgeCallout>& callouts);
std::vector<PlacedCallout> placeCallouts(const Frame& f, const std::vector<EdgeCallout>& callouts, const std::vector<ScreenBox>& keepOut,
                                         std::vector<ScreenBox>& boxes);
void emitCallouts(const Frame& f, const std::vector<EdgeCallout>& callouts, const std::vector<PlacedCallout>& placed,
                  DisplayList& out, HitIndex& hits);

} // namespace geo::layout
