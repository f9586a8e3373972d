#pragma once
// Pointers to places off the map: a leg that leaves the view (the delegation's flight
// to Arizona) gets an arrow on the edge of the screen where it leaves, pointing on
// towards its destination.
//
// Screen pixels, x right, y down. Points on the inset rectangle's border count as inside.
// Both functions find nothing when the inset rectangle is empty (insetPx more than half the
// viewport) or the viewport or inset is not finite.

#include <glm/vec2.hpp>

#include <optional>
#include <vector>

namespace geo {

struct EdgeMarker {
    glm::dvec2 position{0.0, 0.0};  // on the inset rectangle [inset, viewport - inset]
    glm::dvec2 direction{1.0, 0.0}; // unit vector, the way the arrow points (outwards)
};

// Where a polyline that starts inside the inset rectangle first leaves it: the crossing
// point and the direction of the segment that crosses. Nothing when the line never
// leaves it, or starts outside it. Non-finite vertices end the line there.
std::optional<EdgeMarker> edgeExit(const std::vector<glm::dvec2>& screenLine, glm::dvec2 viewport, double insetPx);

} // namespace geo
