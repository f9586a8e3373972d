// Tests for geo/site_clusters.hpp. Screen pixels, y down.
#include <geo/view/site_clusters.hpp>

#include <catch2/catch.hpp>

#include <glm/geometric.hpp>

#include <cmath>
#include <limits>
#include <random>

using glm::dvec2;

namespace {

const geo::ScreenCluster* clusterOf(const std::vector<geo::ScreenCluster>& clusters, std::size_t point) {
    for (const auto& c : clusters)
        for (std::size_t m : c.members)
            if (m == point) return &c;
    return nullptr;
}

} // namespace

TEST_CASE("clusterPoints groups near points under the highest priority", "[site_clusters]") {
    // A city (priority 3) with two venues around it, and a station far away.
    const std::vector<dvec2> points{{105, 100}, {100, 100}, {100, 112}, {400, 100}};
    const std::vector<int> priority{1, 3, 1, 2};
    const auto clusters = geo::clusterPoints(points, priority, 20.0);
    REQUIRE(clusters.size() == 2);
    CHECK(clusters[0].leader == 1);
    CHECK(clusters[0].position == points[1]);
    CHECK(clusters[0].members == std::vector<std::size_t>{1, 0, 2}); // the leader, then by distance: 5 px, 12 px
    CHECK(clusters[1].leader == 3);
    CHECK(clusters[1].members == std::vector<std::size_t>{3});
}

TEST_CASE("clusterPoints keeps points farther apart than the radius apart", "[site_clusters]") {
    const auto apart = geo::clusterPoints({{0, 0}, {20.5, 0}}, {}, 20.0);
    REQUIRE(apart.size() == 2);
    CHECK(apart[0].leader == 0); // equal priority: the earlier point leads
    CHECK(apart[1].leader == 1);
    const auto together = geo::clusterPoints({{0, 0}, {12, 16}}, {}, 20.0); // exactly 20 px: inside
    REQUIRE(together.size() == 1);
    CHECK(together[0].members == std::vector<std::size_t>{0, 1});
    // A short priority list: point 2 has none, so 0; it ties with point 1, and the earlier (1) leads first.
    const auto shortList = geo::clusterPoints({{0, 0}, {5, 0}, {100, 0}}, {-1, 0}, 10.0);
    REQUIRE(shortList.size() == 2);
    CHECK(shortList[0].leader == 1);
    CHECK(shortList[0].members == std::vector<std::size_t>{1, 0});
    CHECK(shortList[1].leader == 2);
}

TEST_CASE("clusterPoints leaves out points that are not finite", "[site_clusters]") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    const auto clusters = geo::clusterPoints({{nan, 0}, {0, 0}, {inf, inf}, {3, 4}}, {9, 0, 9, 0}, 10.0);
    REQUIRE(clusters.size() == 1);
    CHECK(clusters[0].leader == 1);
    CHECK(clusters[0].members == std::vector<std::size_t>{1, 3});
    CHECK(geo::clusterPoints({}, {}, 10.0).empty());
    CHECK(geo::clusterPoints({{nan, nan}}, {}, 10.0).empty());
}

TEST_CASE("clusterPoints: random points, every one in exactly one cluster within the radius", "[site_clusters]") {
    std::mt19937 rng(42u);
    std::uniform_real_distribution<double> coord(0.0, 600.0);
    std::uniform_int_distribution<int> prio(0, 4);
    std::vector<dvec2> points;
    std::vector<int> priority;
    for (int i = 0; i < 200; ++i) {
        points.push_back({coord(rng), coord(rng)});
        priority.push_back(prio(rng));
    }
    points[17] = {std::numeric_limits<double>::quiet_NaN(), 1.0};
    const double radius = 30.0;
    const auto clusters = geo::clusterPoints(points, priority, radius);

    std::vector<int> seen(points.size(), 0);
    for (const auto& c : clusters) {
        REQUIRE(!c.members.empty());
        CHECK(c.members.front() == c.leader);
        CHECK(c.position == points[c.leader]);
        double previous = 0.0;
        for (std::size_t m : c.members) {
            ++seen[m];
            const double d = glm::distance(points[m], points[c.leader]);
            CHECK(d <= radius);
            CHECK(d >= previous); // by distance to the leader
            previous = d;
            CHECK(priority[m] <= priority[c.leader]); // the leader has the highest priority
        }
    }
    for (std::size_t i = 0; i < points.size(); ++i) {
        INFO("point " << i);
        CHECK(seen[i] == (i == 17 ? 0 : 1));
    }
    // Leaders come out in priority order, and no two leaders are within the radius of each other.
    for (std::size_t i = 1; i < clusters.size(); ++i)
        CHECK(priority[clusters[i - 1].leader] >= priority[clusters[i].leader]);
    for (std::size_t i = 0; i < clusters.size(); ++i)
        for (std::size_t j = i + 1; j < clusters.size(); ++j)
            CHECK(glm::distance(points[clusters[i].leader], points[clusters[j].leader]) > radius);
    // Deterministic.
    const auto again = geo::clusterPoints(points, priority, radius);
    REQUIRE(again.size() == clusters.size());
    for (std::size_t i = 0; i < clusters.size(); ++i) CHECK(again[i].members == clusters[i].members);
    CHECK(clusterOf(clusters, 0) != nullptr);
}
