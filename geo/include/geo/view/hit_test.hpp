#pragma once
// Hit-testing in screen space: which marker or line is under the pointer.
//
// Everything here works in screen pixels (x right, y down), after the camera has
// placed the geometry: a radius of 12 px is 12 px whatever the zoom. Points or
// vertices that are not finite (a projection that failed) never hit.

#include <glm/vec2.hpp>

#include <cstddef>
#include <optional>
#include <vector>

namespace geo {

// Two candidates whose distances to the cursor differ by at most this are a tie:
// closer than the pointer can be placed on purpose, so priority decides instead.
constexpr double kPickTiePx = 1.0;

// The point nearest to `cursor` within `radiusPx` (inclusive), or nothing.
// `priority` (one per point, higher wins; missing entries count as 0) breaks ties:
// among the points within kPickTiePx of the nearest one, the highest priority wins,
// then the nearer one, then the later one in the list (drawn last, so on top).
std::optional<std::size_t> pickPoint(const std::vector<glm::dvec2>& screenPoints, glm::dvec2 cursor, double radiusPx,
                                     const std::vector<int>& priority = {});

// Distance in pixels from `p` to the segment a–b (to `a` when the segment is a point).
double distanceToSegmentPx(glm::dvec2 a, glm::dvec2 b, glm::dvec2 p);

// Distance in pixels from `p` to the nearest segment of `line`; a single vertex is a
// point. Infinity for an empty line or one without finite vertices.
double distanceToPolylinePx(const std::vector<glm::dvec2>& line, glm::dvec2 p);

// The line nearest to `cursor` within `radiusPx` (inclusive), or nothing; on a tie
// (within kPickTiePx) the later one in the list wins (drawn last, so on top).
std::optional<std::size_t> pickPolyline(const std::vector<std::vector<glm::dvec2>>& screenLines, glm::dvec2 cursor,
                                        double radiusPx);

} // namespace geo
