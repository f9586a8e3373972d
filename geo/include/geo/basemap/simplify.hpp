#pragma once
// Line and polygon simplification for drawing at coarser scales.
//
// All three use Douglas–Peucker. Every vertex of the result is a vertex of the input,
// and the result stays within `tolerance` of the input both ways (symmetric Hausdorff
// distance <= tolerance, in the input's units): each dropped run of vertices lies
// within `tolerance` of the segment that replaces it.

#include <geo/base/geometry.hpp>

namespace geo {

// Keeps both endpoints. Lines with fewer than 3 points, or a tolerance that is not
// positive, come back unchanged. No validity checks: the result may cross itself.
LineString simplifyLine(const LineString& line, double tolerance);

// Simplifies a closed ring without introducing self-intersections: every shortcut is
// checked against the ring's current segments (grid index) and refused if it would
// cross or touch one; the span is then split further, down to the original segments.
// The result has at least 3 distinct points, keeps ring[0], and lists the kept vertices
// in input order. Non-finite points are skipped. Returns an empty ring when |signedArea| < tolerance² (too small to see)
// or the ring has fewer than 3 points. A ring that already crosses itself keeps those
// crossings, but no new ones are added.
Ring simplifyRing(const Ring& ring, double tolerance);

// Simplifies every ring with one shared index, so a shortcut may not cross or touch any
// segment of any ring: rings that did not cross before do not cross after, and holes
// that were inside the outer ring stay inside it. Holes whose area is below tolerance²
// are dropped; if the outer ring is, the result has no rings.
Polygon simplifyPolygon(const Polygon& polygon, double tolerance);

} // namespace geo
