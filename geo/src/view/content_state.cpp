#include <geo/view/content_state.hpp>

#include <geo/base/projection.hpp>

#include <algorithm>
#include <cmath>

namespace geo {

namespace {

bool finite(glm::dvec2 p) { return std::isfinite(p.x) && std::isfinite(p.y); }

FrameRequest stopsFrame(const TripGeometry& trip, const std::vector<std::size_t>& stops) {
    FrameRequest req;
    for (std::size_t i : stops)
        if (i < trip.stopWorld.size() && finite(trip.stopWorld[i])) req.box.extend(trip.stopWorld[i]);
    req.minMpp = 400.0; // a trip in one place (a forum) still shows its region
    return req;
}

} // namespace

FrameRequest siteFrame(const Briefing& briefing, const ContentScene& scene, const Site& site) {
    FrameRequest req;
    const auto i = static_cast<std::size_t>(&site - briefing.sites.data());
    if (i < scene.siteWorld.size() && finite(scene.siteWorld[i])) req.box.extend(scene.siteWorld[i]);
    req.minMpp = site.kind == SiteKind::City ? 40.0 : 20.0; // a city with its places; a venue among its neighbours
    return req;
}

FrameRequest partnershipFrame(const Briefing& briefing, const ContentScene& scene, const Partnership& p) {
    FrameRequest req;
    for (const auto& party : p.parties)
        if (const Site* site = briefing.findSite(party)) {
            const auto i = static_cast<std::size_t>(site - briefing.sites.data());
            // A party far off the map (Arizona) is left out of the frame: an edge callout points to it.
            if (i < scene.siteWorld.size() && scene.inRegion({site->lon, site->lat})) req.box.extend(scene.siteWorld[i]);
        }
    req.minMpp = 400.0;
    return req;
}

FrameRequest tripFrame(const ContentScene& scene, const TripGeometry& trip) {
    return stopsFrame(trip, framedStops(trip.route, scene.region.value_or(LonLatBox{{-180.0, -90.0}, {180.0, 90.0}})));
}

std::optional<FrameRequest> dayFrame(const ContentState& state, const ContentScene& scene, int day) {
    const TripGeometry* trip = scene.trip(state.activeTrip);
    if (!trip) return std::nullopt;
    // Leave out stops far off the map (the day of the flight to Arizona frames its departure).
    std::vector<std::size_t> framed;
    for (std::size_t q = 0; q < trip->route.stopDay.size(); ++q)
        if (trip->route.stopDay[q] == day && scene.inRegion(trip->route.stopLonLat[q])) framed.push_back(q);
    if (framed.empty()) return std::nullopt;
    FrameRequest req = stopsFrame(*trip, framed);
    req.minMpp = 120.0; // a day in one city still shows the city
    return req;
}

std::optional<FrameRequest> selectionFrame(const ContentState& state, const Briefing& briefing, const ContentScene& scene) {
    FrameRequest req;
    if (const Partnership* p = briefing.findPartnership(state.selectedPartnership)) req = partnershipFrame(briefing, scene, *p);
    else if (const Site* site = briefing.findSite(state.selectedSite)) req = siteFrame(briefing, scene, *site);
    if (req.box.empty()) return std::nullopt;
    return req;
}

bool select(ContentState& state, const Briefing& briefing, std::string_view id) {
    if (briefing.findSite(id)) {
        state.selectedSite = std::string(id);
        state.selectedPartnership.clear();
        return true;
    }
    if (briefing.findPartnership(id)) {
        state.selectedPartnership = std::string(id);
        state.selectedSite.clear();
        return true;
    }
    return false;
}

void clearSelection(ContentState& state) {
    state.selectedSite.clear();
    state.selectedPartnership.clear();
}

bool escape(ContentState& state) {
    if (!state.notesOpen()) return false;
    clearSelection(state);
    return true;
}

bool activateTrip(ContentState& state, const ContentScene& scene, std::string_view tripId) {
    const TripGeometry* trip = scene.trip(tripId);
    if (!trip) return false;
    state.shownTrips.insert(std::string(tripId));
    state.activeTrip = std::string(tripId);
    state.tripTime = trip->days(); // the whole route
    state.playing = false;
    return true;
}

void setTripShown(ContentState& state, std::string_view tripId, bool shown) {
    if (shown) {
        state.shownTrips.insert(std::string(tripId));
        return;
    }
    state.shownTrips.erase(std::string(tripId));
    if (state.activeTrip == tripId) state.activeTrip.clear();
}

void setTripTime(ContentState& state, const ContentScene& scene, double days) {
    const TripGeometry* trip = scene.trip(state.activeTrip);
    state.tripTime = std::clamp(days, 0.0, trip ? trip->days() : 0.0);
}

void showDay(ContentState& state, const ContentScene& scene, int day) {
    setTripTime(state, scene, static_cast<double>(day) + 0.999); // the end of that day, before midnight
    state.playing = false;
    state.playUntil = -1.0;
}

void playDay(ContentState& state, const ContentScene& scene, int day, bool start) {
    setTripTime(state, scene, static_cast<double>(day));
    const TripGeometry* trip = scene.trip(state.activeTrip);
    state.playUntil = trip ? std::min(state.tripTime + 0.999, trip->days()) : -1.0; // before midnight
    state.playing = start && trip != nullptr;
}

void togglePlay(ContentState& state, const ContentScene& scene) {
    const TripGeometry* trip = scene.trip(state.activeTrip);
    if (!trip) return;
    if (!state.playing && state.tripTime >= trip->days() - 1e-3) state.tripTime = 0.0; // at the end: from the start
    state.playing = !state.playing;
    state.playUntil = -1.0; // the presenter's play runs to the end
}

bool advancePlayback(ContentState& state, const ContentScene& scene, float dt) {
    if (!state.playing) return false;
    const TripGeometry* trip = scene.trip(state.activeTrip);
    if (!trip) {
        state.playing = false;
        return false;
    }
    const double end = state.playUntil >= 0.0 ? std::min(state.playUntil, trip->days()) : trip->days();
    state.tripTime = std::min(end, state.tripTime + static_cast<double>(dt) * static_cast<double>(state.speed));
    if (state.tripTime >= end) {
        state.playing = false;
        state.playUntil = -1.0;
    }
    return true;
}

void setPresenting(ContentState& state, bool on) {
    state.presenting = on;
    if (!on) {
        state.highlightSites.clear();
        state.highlightPartnerships.clear();
        state.allPartnerships = false;
    }
}

std::optional<FrameRequest> applyStep(ContentState& state, const Briefing& b, const ContentScene& scene,
                                      const Projection& projection, const StoryStep& step) {
    state.highlightSites = step.sites;
    state.highlightPartnerships = step.partnerships;
    if (!step.partnershipId.empty()) state.highlightPartnerships.push_back(step.partnershipId);
    if (!step.notesId.empty() && b.findPartnership(step.notesId)) state.highlightPartnerships.push_back(step.notesId);
    state.allPartnerships = step.allPartnerships;
    // Only the step's trip is on the map.
    state.shownTrips.clear();
    state.activeTrip.clear();
    const bool trip = !step.tripId.empty() && activateTrip(state, scene, step.tripId);
    if (trip && step.day > 0) showDay(state, scene, step.day - 1);
    clearSelection(state);
    if (!step.notesId.empty()) select(state, b, step.notesId);
    // The camera's target.
    FrameRequest req;
    if (const Site* site = step.siteId.empty() ? nullptr : b.findSite(step.siteId)) {
        req = siteFrame(b, scene, *site);
    } else if (trip) {
        std::optional<FrameRequest> r = step.day > 0 ? dayFrame(state, scene, step.day - 1) : std::nullopt;
        if (!r) r = tripFrame(scene, *scene.trip(step.tripId));
        req = *r;
    } else if (const Partnership* p = step.partnershipId.empty() ? nullptr : b.findPartnership(step.partnershipId)) {
        req = partnershipFrame(b, scene, *p);
    } else if (step.view) {
        req.box.extend(projection.forward({step.view->lon, step.view->lat}));
        req.minMpp = zoomToMpp(step.view->zoom);
        req.exact = true;
    }
    if (req.box.empty()) return std::nullopt;
    return req;
}

void reconcile(ContentState& state, const Briefing& briefing, const ContentScene& scene) {
    for (auto it = state.shownTrips.begin(); it != state.shownTrips.end();)
        it = briefing.findTrip(*it) ? std::next(it) : state.shownTrips.erase(it);
    if (!state.activeTrip.empty() && !briefing.findTrip(state.activeTrip)) {
        state.activeTrip.clear();
        state.playing = false;
    }
    if (const TripGeometry* trip = scene.trip(state.activeTrip)) state.tripTime = std::clamp(state.tripTime, 0.0, trip->days());
    if (state.year == 0 || state.year < scene.years.first || state.year > scene.years.last) state.year = scene.years.last;
    if (!state.selectedSite.empty() && !briefing.findSite(state.selectedSite)) state.selectedSite.clear();
    if (!state.selectedPartnership.empty() && !briefing.findPartnership(state.selectedPartnership)) state.selectedPartnership.clear();
}

ClickOutcome click(ContentState& state, const Briefing& briefing, const ContentScene& scene, const HitIndex& hits,
                   glm::dvec2 screen) {
    ClickOutcome out;
    if (const auto target = hits.edgeTargetAt(screen)) {
        select(state, briefing, *target);
        out.hit = true;
        return out;
    }
    if (const auto index = hits.clusterAt(screen)) {
        const ScreenCluster& c = hits.clusters[*index];
        if (c.leader < briefing.sites.size()) select(state, briefing, briefing.sites[c.leader].id);
        if (c.members.size() > 1) {
            // A group: zoom in until its places separate.
            FrameRequest req;
            for (std::size_t m : c.members)
                if (m < scene.siteWorld.size()) req.box.extend(scene.siteWorld[m]);
            req.minMpp = 6.0;
            out.frame = req;
        }
        out.hit = true;
        return out;
    }
    if (const auto link = hits.linkAt(screen)) {
        select(state, briefing, *link);
        out.frame = selectionFrame(state, briefing, scene); // both ends beside the notes panel
        out.hit = true;
        return out;
    }
    clearSelection(state);
    return out;
}

} // namespace geo
