#pragma once
// Partnerships as links on the map: which pairs of sites to join, how far each
// link bows so that several links between the same places stay apart, and which
// links existed in a given year.

#include <geo/briefing/briefing.hpp>

#include <glm/vec2.hpp>

#include <cstddef>
#include <vector>

namespace geo {

struct PartnershipLink {
    std::size_t partnership = 0; // index into Briefing::partnerships
    std::size_t fromSite = 0;    // indices into Briefing::sites
    std::size_t toSite = 0;
    // Links between the same two places share a "corridor": links whose end sites belong
    // to the same pair of cities (a site's city is its `city`, or itself), either way round.
    int lane = 0;      // 0..laneCount-1 within the corridor, in partnership order
    int laneCount = 1; // links in the corridor
    // Signed bow of the link as a fraction of its chord length, from the lane: distinct
    // lanes get distinct bows, all non-zero (every link is a visible curve), |bend| ≤ 0.45.
    // Oriented so that a positive bend bows to the left of the direction fromSite → toSite
    // after fromSite/toSite are put in a canonical order, so that lanes of one corridor
    // never coincide whatever order the parties are written in. The canonical order is by
    // (index of the site's city, site index): the end in the city with the lower site index
    // comes first, and within one city the lower site index. So every link of a corridor
    // runs the same way round between its two cities (with plain "lower site index first",
    // two links between the same cities could run opposite ways and lanes ±b would overlap).
    // See laneBend for the values.
    double bend = 0.2;
    // Links whose ends lie in the same two areas (seen across the strait: Taiwan and Kyushu)
    // share a bundle: one trunk between the areas, which each of them leaves near its own ends
    // (linkPaths). Two ends are in the same area when they are at most 30 % of the shorter
    // link's length apart, and at most 400 km; bundles join through shared members.
    int bundle = -1;             // the bundle's number (0, 1, ...); -1: the link stands alone
    int bundleSize = 1;          // links in the bundle
    // The link's place across its bundle, 0 the rightmost looking from the bundle's first area
    // to its second: ordered by how far its ends lie to the left of the trunk (ties: link order),
    // so that lines leave the trunk towards their own side.
    int bundleLane = 0;
    bool bundleReversed = false; // fromSite lies in the bundle's second area
};

// The bend of lane `lane` of `laneCount` (clamped into range): 0.2 for a single lane;
// otherwise 0.3 × (lane − (laneCount − 1) / 2), plus half a step (0.15) when laneCount is
// odd so that no lane is straight, with the step shrunk below 0.3 when the widest lane
// would pass 0.45. 2 lanes: −0.15, +0.15; 3: −0.15, +0.15, +0.45; 4: ±0.15, ±0.45;
// 5: −0.27, −0.09, +0.09, +0.27, +0.45.
double laneBend(int lane, int laneCount);

// Every link: a partnership with two parties gives one; with more, one per pair of
// parties (a trilateral MOU is a triangle). Parties that are not sites are skipped,
// and a site listed twice counts once. Links come in partnership order, then party-pair order.
std::vector<PartnershipLink> partnershipLinks(const Briefing& briefing);

// The centre line of every link, in projected metres (`siteWorld`: one position per site; an
// end that is not finite gives an empty line). A lone link is its curvedArc (32 segments). A
// bundled one runs from its first site along its own chord, turns into the bundle's trunk (a
// gentle arc between the means of the two areas' ends) by 30 % of the way, follows it exactly
// until 70 %, and leaves it again for its other site (48 segments, smooth throughout). The lines
// of a bundle coincide along the trunk: whoever draws them sets them apart across it, by
// bundleLane, in screen pixels.
std::vector<std::vector<glm::dvec2>> linkPaths(const std::vector<PartnershipLink>& links, const std::vector<glm::dvec2>& siteWorld);

// A curved arc from a to b (any plane units, e.g. projected metres), as a quadratic
// Bézier whose control point is offset from the chord's midpoint by bend × chord length
// to the left of a → b (x right, y up; pass y-down screen coordinates and it bows to the
// right instead). `segments` ≥ 1 gives segments + 1 points, the first a and the last b exactly
// (a smaller count is taken as 1; a == b gives segments + 1 copies of a). The curve's own
// greatest offset from the chord, at its middle, is half the control point's: bend / 2 × chord.
std::vector<glm::dvec2> curvedArc(glm::dvec2 a, glm::dvec2 b, double bend, int segments = 32);

// The earliest year among a partnership's milestones; 0 when it has none.
int firstYear(const Partnership& partnership);
// True when the partnership existed in `year`: its first year ≤ year, or it has no dated milestone.
bool activeInYear(const Partnership& partnership, int year);
// The span of years of all milestones of all partnerships ({0, 0} when there are none).
struct YearSpan {
    int first = 0;
    int last = 0;
};
YearSpan milestoneYears(const Briefing& briefing);

} // namespace geo
