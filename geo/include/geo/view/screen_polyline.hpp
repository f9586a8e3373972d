#pragma once
// Polylines in screen pixels (float, x right, y down), as content layout cuts and measures them.

#include <glm/vec2.hpp>

#include <utility>
#include <vector>

namespace geo {

// The parts of a polyline inside the box [lo, hi] (Liang–Barsky per segment), each with the
// distance along the whole line at which it starts (so that dashes do not shift when the
// view moves). Lines far outside the screen then cost nothing to draw.
struct ClippedRun {
    std::vector<glm::vec2> points;
    float startLength = 0.0f;
};
std::vector<ClippedRun> clipPolyline(const std::vector<glm::vec2>& points, glm::vec2 lo, glm::vec2 hi);

// The parts of a polyline outside every box (a label knocks the line out under it), each
// with the distance along the whole line at which it starts, from `startLength` at its
// first point.
std::vector<ClippedRun> knockOutPolyline(const std::vector<glm::vec2>& points, const std::vector<std::pair<glm::vec2, glm::vec2>>& boxes,
                                         float startLength = 0.0f);

float polylineLength(const std::vector<glm::vec2>& points);
// The point at `fraction` (0..1) of the polyline's length, and the direction there (unit);
// false for a line of no length.
bool pointAlong(const std::vector<glm::vec2>& points, float fraction, glm::vec2& at, glm::vec2& direction);
// The first `fraction` (0..1) of the polyline by length (the travelled part of a leg).
std::vector<glm::vec2> polylineHead(const std::vector<glm::vec2>& points, float fraction);

} // namespace geo
