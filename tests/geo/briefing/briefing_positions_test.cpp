// The shipped content against the shipped base map: every site must stand on land
// (or within a short distance of the drawn coast, which is generalised: ~700 m
// segments in Japan, ~200 m in Taiwan), so that no venue is drawn in the sea.

#include <geo/briefing/briefing.hpp>
#include <geo/basemap/layer_loader.hpp>
#include <geo/base/projection.hpp>

#include <catch2/catch.hpp>

#include "committed_files.hpp"

#include <filesystem>
#include <limits>

namespace {

double distanceToRings(glm::dvec2 p, const geo::LayerData& land) {
    double best = std::numeric_limits<double>::infinity();
    for (const auto& poly : land.polygons) {
        const geo::Box b = geo::bounds(poly);
        if (p.x < b.min.x - best || p.x > b.max.x + best || p.y < b.min.y - best || p.y > b.max.y + best) continue;
        for (const auto& ring : poly.rings)
            for (std::size_t i = 0; i < ring.size(); ++i)
                best = std::min(best, geo::distancePointSegment(p, ring[i], ring[(i + 1) % ring.size()]));
    }
    return best;
}

} // namespace

TEST_CASE("every site of the shipped briefing stands on the shipped land", "[briefing][assets]") {
    const std::filesystem::path briefingFile = test::committedAsset("briefing.toml");
    const std::filesystem::path landFile = test::committedAsset("basemap/land.shp");
    geo::Projection projection;
    geo::LayerSpec spec;
    spec.id = "land";
    spec.source = landFile;
    const geo::LayerLoadResult land = geo::loadLayer(spec, projection);
    REQUIRE(land.ok);
    const geo::BriefingLoadResult content = geo::loadBriefingFile(briefingFile);
    REQUIRE(!content.briefing.sites.empty());
    // Arizona is outside the base map's frame: only sites inside it are checked.
    int checked = 0;
    for (const geo::Site& site : content.briefing.sites) {
        const glm::dvec2 p = projection.forward({site.lon, site.lat});
        if (!land.layer.bounds.contains(p)) continue;
        ++checked;
        bool onLand = false;
        for (const auto& poly : land.layer.polygons)
            if (geo::bounds(poly).contains(p) && geo::pointInPolygon(p, poly)) {
                onLand = true;
                break;
            }
        if (onLand) continue;
        // Off the generalised coast by at most 1 km (metres, projected; scale error < 1 %).
        INFO(site.id << " at " << site.lon << ", " << site.lat << " is in the sea");
        CHECK(distanceToRings(p, land.layer) <= 1000.0);
    }
    CHECK(checked > 40);
}
