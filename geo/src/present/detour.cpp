#include <geo/present/detour.hpp>

#include <cmath>

namespace geo {

namespace {
bool sameContent(const ContentState& a, const ContentState& b) {
    return a.selectedSite == b.selectedSite && a.selectedPartnership == b.selectedPartnership && a.shownTrips == b.shownTrips &&
           a.activeTrip == b.activeTrip && a.highlightSites == b.highlightSites && a.highlightPartnerships == b.highlightPartnerships &&
           a.allPartnerships == b.allPartnerships;
}
} // namespace

bool departed(const StepLook& look, const ContentState& now, const Camera& camera) {
    if (!sameContent(look.state, now)) return true;
    const double mpp = camera.metersPerPixel();
    if (std::abs(mpp / look.view.metersPerPixel - 1.0) > kDetourScale) return true;
    const glm::dvec2 d = camera.center() - look.view.center;
    return std::hypot(d.x, d.y) / mpp > kDetourPixels;
}

void restoreStep(const StepLook& look, ContentState& state) {
    const ContentState& s = look.state;
    state.selectedSite = s.selectedSite;
    state.selectedPartnership = s.selectedPartnership;
    state.shownTrips = s.shownTrips;
    state.activeTrip = s.activeTrip;
    state.tripTime = s.tripTime;
    state.playing = s.playing;
    state.highlightSites = s.highlightSites;
    state.highlightPartnerships = s.highlightPartnerships;
    state.allPartnerships = s.allPartnerships;
}

} // namespace geo
