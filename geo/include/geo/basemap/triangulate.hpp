#pragma once
// Polygon triangulation for filling land and area features.
//
// Ear clipping with hole bridging, in the manner of mapbox/earcut (our own
// implementation): holes are joined to the outer ring by zero-width bridges, ears
// are tested against a z-order-curve index on large rings, and when no ear can be
// found the ring is filtered, local self-intersections are cut off, and finally
// the ring is split along a valid diagonal. It always terminates.

#include <geo/base/geometry.hpp>

#include <cstdint>
#include <vector>

namespace geo {

// Triangulates `polygon` and returns 3 indices per triangle into the concatenation of
// the polygon's rings in ring order (ring 0's points first, then ring 1's, ...), so
// index k of ring r is `offset(r) + k` with offset(r) the sum of the earlier rings' sizes.
//
// Winding: every triangle is counter-clockwise in x-right/y-up coordinates, i.e.
// orient2d(p[i0], p[i1], p[i2]) >= 0 (zero only for degenerate slivers), whatever the
// orientation of the input rings.
//
// Guarantees: never hangs or throws on bad input. For a simple polygon whose holes lie
// inside the outer ring (touching allowed) the triangles cover exactly the polygon, so
// their area sum equals polygonArea() up to rounding. Non-finite points are skipped,
// rings with fewer than 3 usable points or zero area are ignored (an empty result if it
// is the outer ring), holes outside the outer ring are ignored. Self-intersecting input
// gets a best-effort triangulation; parts that cannot be resolved within a work budget
// linear in the input size are left out rather than taking quadratic time.
std::vector<uint32_t> triangulate(const Polygon& polygon);

} // namespace geo
