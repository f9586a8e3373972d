#pragma once
// Grouping markers that would crowd each other on screen (the many sites inside
// Fukuoka or Kitakyushu when zoomed out): each group shows as one marker with a
// count, and splits up as the user zooms in.
//
// Screen pixels. Greedy by priority: the most important point not yet taken starts a
// cluster and takes every free point within `radiusPx` of it; so a city's marker
// stands for the parks and venues around it.

#include <glm/vec2.hpp>

#include <cstddef>
#include <vector>

namespace geo {

struct ScreenCluster {
    std::size_t leader = 0;           // the point that represents the cluster (highest priority)
    std::vector<std::size_t> members; // all points in it, the leader first, then by distance to it
    glm::dvec2 position{0.0, 0.0};    // where to draw it: the leader's position
};

// Points that are not finite are left out of every cluster. `priority` may be shorter
// than `points` (missing entries count as 0); ties go to the earlier point. Every finite
// point is in exactly one cluster, and every member is within radiusPx of its leader
// (distance <= radiusPx). Clusters come out in leader order, highest priority first.
std::vector<ScreenCluster> clusterPoints(const std::vector<glm::dvec2>& points, const std::vector<int>& priority,
                                         double radiusPx);

} // namespace geo
