#include <geo/view/hit_index.hpp>

#include <geo/view/hit_test.hpp>

#include <cmath>

namespace geo {

std::optional<std::size_t> HitIndex::clusterAt(glm::dvec2 screen) const {
    for (const auto& [index, box] : badges)
        if (index < clusters.size() && screen.x >= box.min.x - badgeSlop && screen.x <= box.max.x + badgeSlop &&
            screen.y >= box.min.y - badgeSlop && screen.y <= box.max.y + badgeSlop)
            return index;
    std::vector<glm::dvec2> leaders;
    leaders.reserve(clusters.size());
    for (const auto& c : clusters) leaders.push_back(c.position);
    return pickPoint(leaders, screen, markerRadius, clusterRank);
}

std::optional<std::string> HitIndex::edgeTargetAt(glm::dvec2 screen) const {
    for (const auto& t : edgeTargets)
        if (std::hypot(screen.x - t.at.x, screen.y - t.at.y) <= t.radius) return t.siteId;
    return std::nullopt;
}

std::optional<std::string> HitIndex::linkAt(glm::dvec2 screen) const {
    const auto hit = pickPolyline(links, screen, linkRadius);
    if (!hit || *hit >= linkIds.size()) return std::nullopt;
    return linkIds[*hit];
}

} // namespace geo
