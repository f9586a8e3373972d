#include <geo/view/site_clusters.hpp>

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <utility>

namespace geo {

namespace {

bool isFinite(glm::dvec2 p) { return std::isfinite(p.x) && std::isfinite(p.y); }

} // namespace

std::vector<ScreenCluster> clusterPoints(const std::vector<glm::dvec2>& points, const std::vector<int>& priority,
                                         double radiusPx) {
    auto priorityOf = [&](std::size_t i) { return i < priority.size() ? priority[i] : 0; };
    std::vector<std::size_t> order;
    order.reserve(points.size());
    for (std::size_t i = 0; i < points.size(); ++i)
        if (isFinite(points[i])) order.push_back(i);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return priorityOf(a) > priorityOf(b); });

    // A briefing has dozens of sites on screen: the quadratic scan is cheaper than a grid.
    std::vector<bool> taken(points.size(), false);
    std::vector<ScreenCluster> clusters;
    for (std::size_t leader : order) {
        if (taken[leader]) continue;
        taken[leader] = true;
        std::vector<std::pair<double, std::size_t>> near; // (distance, index), leader excluded
        for (std::size_t j : order) {
            if (taken[j]) continue;
            const double d = glm::distance(points[leader], points[j]);
            if (d <= radiusPx) near.emplace_back(d, j); // false for a NaN radius: every point alone
        }
        std::sort(near.begin(), near.end()); // by distance, then by index
        ScreenCluster cluster;
        cluster.leader = leader;
        cluster.position = points[leader];
        cluster.members.reserve(near.size() + 1);
        cluster.members.push_back(leader);
        for (const auto& entry : near) {
            taken[entry.second] = true;
            cluster.members.push_back(entry.second);
        }
        clusters.push_back(std::move(cluster));
    }
    return clusters;
}

} // namespace geo
