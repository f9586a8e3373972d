#pragma once
// The briefing's content projected onto the map, once per load: site positions, trip routes
// with their legs, partnership links with their arcs. Everything a frame's layout needs that
// does not depend on the camera.
//
//   lon/lat ──Projection::forward (per load)──► metres ──Camera::worldToScreen (per frame)──► pixels

#include <geo/briefing/briefing.hpp>
#include <geo/briefing/partnership_links.hpp>
#include <geo/briefing/trip_route.hpp>

#include <glm/vec2.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace geo {

class Projection;

struct TripGeometry {
    std::string id;
    TripRoute route;
    std::vector<glm::dvec2> stopWorld;             // projected stop positions (NaN: unknown)
    std::vector<std::vector<glm::dvec2>> legWorld; // projected leg polylines, one per route leg
    std::vector<StopGroup> places;                 // stops by place, for the numbered badges
    // Playback runs from 0 to this many days (at least 1).
    double days() const;
};

struct ContentScene {
    std::vector<glm::dvec2> siteWorld;              // one per Briefing::sites; NaN where the projection failed
    std::vector<TripGeometry> trips;                // one per Briefing::trips, same order
    std::vector<PartnershipLink> links;             // partnershipLinks(briefing)
    std::vector<std::string> linkIds;               // the partnership id of each link
    std::vector<std::vector<glm::dvec2>> linkWorld; // one centre line per link (linkPaths), projected metres (empty when an end is unknown)
    YearSpan years;                                 // of the milestones
    // The layer file's [view] region: places outside it are left out when the camera frames
    // (without one every place counts).
    std::optional<LonLatBox> region;
    bool inRegion(glm::dvec2 lonLat) const { return !region || region->contains(lonLat); }

    const TripGeometry* trip(std::string_view id) const;
    std::size_t tripIndex(const TripGeometry& trip) const { return static_cast<std::size_t>(&trip - trips.data()); }
};

ContentScene buildContentScene(const Briefing& briefing, const Projection& projection, const std::optional<LonLatBox>& region);

} // namespace geo
