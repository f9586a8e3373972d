#pragma once
// The first view (Home): the home area and every marker drawn there, framed in the part of the
// window the panels leave free, with a margin that is a share of the window's size.
//
//   ┌───────┬────────────────────── window ──────────────────────────┐
//   │sidebar│ ↕ margin × height                                      │
//   │       │ ↔ margin × width  ┌── home box, marker discs ──┐  ↔     │
//   │       │                   └────────────────────────────┘        │
//   │       │ ↕ margin × height                                      │
//   └───────┴─────────────────────────────────────────────────────────┘
//
// The scale is the largest that keeps everything inside (the margin, no more): a marker's disc,
// not only its centre, stays clear of the margin.

#include <geo/base/geometry.hpp>
#include <geo/briefing/briefing.hpp>
#include <geo/view/camera_controller.hpp>
#include <geo/view/content_scene.hpp>
#include <geo/view/content_state.hpp>
#include <geo/view/palette.hpp>

#include <glm/vec2.hpp>

#include <vector>

namespace geo {

// A point to keep on screen (projected metres) with a disc of `radius` pixels around it.
struct FramedPoint {
    glm::dvec2 world{0.0, 0.0};
    double radius = 0.0;
};

// The free area of a viewport: inside `padding` (the panels), less `margin` × the viewport's
// width on the left and right and × its height at the top and bottom. Screen pixels.
struct FreeArea {
    glm::dvec2 min{0.0, 0.0}, max{0.0, 0.0};
};
FreeArea freeArea(glm::dvec2 viewport, const EdgePadding& padding, double margin);

// The view that keeps `box` (radius 0 at its corners) and every point's disc inside `area` of a
// viewport of `viewport` pixels, at the largest scale that does (no closer than `minMpp` metres
// per pixel), centred in what room is left on each axis. Nothing to frame: `fallback`. When the
// area is too small for the discs, the discs are taken as points.
CameraView fitInArea(const Box& box, const std::vector<FramedPoint>& points, glm::dvec2 viewport, const FreeArea& area,
                     double minMpp, const CameraView& fallback);

// The markers Home shows: each site inside `home` (projected metres) whose kind is shown, with
// the radius of its marker's disc at content scale `scale` (markerDisc).
std::vector<FramedPoint> homeMarkers(const Briefing& briefing, const ContentScene& scene, const ContentState& state,
                                     const Palette& palette, const Box& home, float scale);

} // namespace geo
