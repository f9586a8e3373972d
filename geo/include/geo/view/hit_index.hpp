#pragma once
// What is under the pointer, as the frame's layout placed it: the markers (a group's "+N"
// badge is part of its marker), the arrows and callouts at the edge that point to places off
// the map, and the partnership links. Hit tests read this, never what the last draw left.
// Screen pixels, x right, y down.

#include <geo/view/label_placement.hpp>
#include <geo/view/site_clusters.hpp>

#include <glm/vec2.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace geo {

struct HitIndex {
    std::vector<ScreenCluster> clusters;  // the markers on screen, by cluster
    std::vector<int> clusterRank;         // the leader's rank, per cluster (ties: cities first)
    std::vector<std::pair<std::size_t, ScreenBox>> badges; // a group's "+N" badge, by cluster
    double markerRadius = 15.0;           // px: a little larger than the largest marker
    double badgeSlop = 3.0;               // px around a badge
    struct EdgeTarget {
        glm::dvec2 at{0.0, 0.0};
        double radius = 0.0;
        std::string siteId;               // the place off the map it opens
    };
    std::vector<EdgeTarget> edgeTargets;
    std::vector<std::vector<glm::dvec2>> links; // each shown link's arc on screen (empty when hidden)
    std::vector<std::string> linkIds;           // the partnership of each link
    double linkRadius = 8.0;

    // The marker under `screen`: a badge first, then the nearest marker within markerRadius
    // (ties by rank); its index into `clusters`.
    std::optional<std::size_t> clusterAt(glm::dvec2 screen) const;
    // The place an edge arrow or callout under `screen` points to.
    std::optional<std::string> edgeTargetAt(glm::dvec2 screen) const;
    // The partnership whose link is under `screen` (within linkRadius; the later link on a tie).
    std::optional<std::string> linkAt(glm::dvec2 screen) const;
};

} // namespace geo
