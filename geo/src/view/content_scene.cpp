#include <geo/view/content_scene.hpp>

#include <geo/base/projection.hpp>

#include <algorithm>
#include <cmath>

namespace geo {

double TripGeometry::days() const { return static_cast<double>(std::max<std::size_t>(route.days.size(), 1)); }

const TripGeometry* ContentScene::trip(std::string_view id) const {
    for (const auto& t : trips)
        if (t.id == id) return &t;
    return nullptr;
}

ContentScene buildContentScene(const Briefing& briefing, const Projection& projection, const std::optional<LonLatBox>& region) {
    ContentScene scene;
    scene.region = region;
    for (const Site& site : briefing.sites) scene.siteWorld.push_back({site.lon, site.lat});
    projection.forward(scene.siteWorld); // NaN where PROJ fails: such a site is neither drawn nor hit
    for (const Trip& trip : briefing.trips) {
        TripGeometry t;
        t.id = trip.id;
        t.route = buildTripRoute(briefing, trip);
        t.stopWorld = t.route.stopLonLat;
        projection.forward(t.stopWorld);
        for (const auto& leg : t.route.legs) {
            std::vector<glm::dvec2> w = leg.lonLat;
            projection.forward(w);
            t.legWorld.push_back(std::move(w));
        }
        t.places = stopsByPlace(trip);
        scene.trips.push_back(std::move(t));
    }
    scene.links = partnershipLinks(briefing);
    for (const auto& link : scene.links) scene.linkIds.push_back(briefing.partnerships[link.partnership].id);
    scene.linkWorld = linkPaths(scene.links, scene.siteWorld); // lone arcs and bundles
    scene.years = milestoneYears(briefing);
    return scene;
}

} // namespace geo
