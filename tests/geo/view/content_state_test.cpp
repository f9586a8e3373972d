#include <geo/view/content_state.hpp>

#include <geo/base/projection.hpp>

#include "content_fixture.hpp"

#include <catch2/catch.hpp>

namespace {

using Fixture = test::ContentFixture;

} // namespace

TEST_CASE("selecting a site or a partnership opens its notes, one at a time; Esc closes them", "[content-state]") {
    Fixture f;
    CHECK(geo::select(f.state, f.briefing, "kumamoto"));
    CHECK(f.state.selectedSite == "kumamoto");
    CHECK(f.state.notesOpen());
    CHECK(geo::select(f.state, f.briefing, "sister"));
    CHECK(f.state.selectedPartnership == "sister");
    CHECK(f.state.selectedSite.empty());
    CHECK_FALSE(geo::select(f.state, f.briefing, "nowhere"));
    CHECK(f.state.selectedPartnership == "sister"); // unchanged
    CHECK(geo::escape(f.state));
    CHECK_FALSE(f.state.notesOpen());
    CHECK_FALSE(geo::escape(f.state));
}

TEST_CASE("a city is framed with its places, a venue among its neighbours, a partnership without the party off the map",
          "[content-state]") {
    Fixture f;
    CHECK(geo::siteFrame(f.briefing, f.scene, f.briefing.sites[0]).minMpp == 40.0);
    CHECK(geo::siteFrame(f.briefing, f.scene, f.briefing.sites[1]).minMpp == 20.0);
    const geo::FrameRequest arizona = geo::partnershipFrame(f.briefing, f.scene, f.briefing.partnerships[1]);
    // Only Kumamoto: Phoenix is outside the region, an edge callout points there.
    CHECK(arizona.box.size() == glm::dvec2(0.0, 0.0));
    CHECK(arizona.box.min == f.scene.siteWorld[0]);
    // Without a region every party counts.
    f.scene.region.reset();
    CHECK(geo::partnershipFrame(f.briefing, f.scene, f.briefing.partnerships[1]).box.size().x > 1e6);
}

TEST_CASE("a trip shown and active plays day by day and stops at its end", "[content-state]") {
    Fixture f;
    REQUIRE(geo::activateTrip(f.state, f.scene, "delegation"));
    CHECK(f.state.shownTrips.count("delegation") == 1);
    CHECK(f.state.activeTrip == "delegation");
    CHECK(f.state.tripTime == 4.0); // the whole route: four days
    CHECK_FALSE(f.state.playing);
    geo::togglePlay(f.state, f.scene); // at the end: from the start
    CHECK(f.state.playing);
    CHECK(f.state.tripTime == 0.0);
    f.state.speed = 1.0f;
    CHECK(geo::advancePlayback(f.state, f.scene, 1.5f));
    CHECK(f.state.tripTime == Approx(1.5));
    while (geo::advancePlayback(f.state, f.scene, 1.0f)) {
    }
    CHECK(f.state.tripTime == 4.0);
    CHECK_FALSE(f.state.playing);
    geo::showDay(f.state, f.scene, 1);
    CHECK(f.state.tripTime == Approx(1.999));
    // A day played alone (a video's trip-day step): from its start, stopping at its end.
    geo::playDay(f.state, f.scene, 1, false);
    CHECK(f.state.tripTime == 1.0);
    CHECK_FALSE(geo::advancePlayback(f.state, f.scene, 1.0f)); // paused while the camera flies there
    geo::playDay(f.state, f.scene, 1);
    CHECK(geo::advancePlayback(f.state, f.scene, 0.5f));
    CHECK(f.state.tripTime == Approx(1.5));
    while (geo::advancePlayback(f.state, f.scene, 0.25f)) {
    }
    CHECK(f.state.tripTime == Approx(1.999));
    CHECK_FALSE(f.state.playing);
    geo::togglePlay(f.state, f.scene); // the presenter's play then runs to the trip's end
    while (geo::advancePlayback(f.state, f.scene, 1.0f)) {
    }
    CHECK(f.state.tripTime == 4.0);
    geo::showDay(f.state, f.scene, 1);
    // The second day: Kumamoto and the university (not Phoenix, nor Kaohsiung).
    const auto day = geo::dayFrame(f.state, f.scene, 1);
    REQUIRE(day);
    CHECK(day->minMpp == 120.0);
    CHECK(day->box.contains(f.scene.siteWorld[0]));
    CHECK(day->box.contains(f.scene.siteWorld[4]));
    CHECK_FALSE(day->box.contains(f.scene.siteWorld[2]));
    // The fourth day is only Phoenix, off the map: nothing to frame.
    CHECK_FALSE(geo::dayFrame(f.state, f.scene, 3));
    // A whole trip: its stops in the region.
    const geo::FrameRequest trip = geo::tripFrame(f.scene, *f.scene.trip("delegation"));
    CHECK(trip.box.contains(f.scene.siteWorld[2]));
    CHECK(trip.box.max.x < 3e6);
    geo::setTripShown(f.state, "delegation", false);
    CHECK(f.state.activeTrip.empty());
    CHECK_FALSE(geo::activateTrip(f.state, f.scene, "nowhere"));
}

TEST_CASE("a story step shows only its trip up to its day, its highlights and its notes, and says what to frame",
          "[content-state]") {
    Fixture f;
    geo::setPresenting(f.state, true);
    geo::select(f.state, f.briefing, "kaohsiung");
    const geo::Story& story = f.briefing.stories[0];
    const auto day = geo::applyStep(f.state, f.briefing, f.scene, f.projection, story.steps[0]);
    CHECK(f.state.activeTrip == "delegation");
    CHECK(f.state.shownTrips == std::set<std::string>{"delegation"});
    CHECK(f.state.tripTime == Approx(1.999));
    CHECK(f.state.highlightSites == std::vector<std::string>{"kumamoto-university"});
    CHECK(f.state.selectedSite.empty()); // the step opens no notes
    REQUIRE(day);
    CHECK(day->minMpp == 120.0);
    // An explicit view: exactly that scale.
    const auto view = geo::applyStep(f.state, f.briefing, f.scene, f.projection, story.steps[1]);
    REQUIRE(view);
    CHECK(view->exact);
    CHECK(view->minMpp == Approx(geo::zoomToMpp(11.0)));
    CHECK(f.state.activeTrip.empty());
    CHECK(f.state.shownTrips.empty());
    // A partnership with its notes: highlighted, selected, framed without the far party.
    const auto link = geo::applyStep(f.state, f.briefing, f.scene, f.projection, story.steps[2]);
    CHECK(f.state.selectedPartnership == "arizona");
    CHECK(f.state.highlightPartnerships == std::vector<std::string>{"arizona", "arizona"});
    REQUIRE(link);
    CHECK(link->minMpp == 400.0);
    geo::setPresenting(f.state, false);
    CHECK(f.state.highlightPartnerships.empty());
    CHECK(f.state.highlightSites.empty());
}

TEST_CASE("after a reload, what is gone is forgotten and the year stays among the milestones'", "[content-state]") {
    Fixture f;
    geo::activateTrip(f.state, f.scene, "delegation");
    geo::select(f.state, f.briefing, "phoenix");
    f.state.year = 1990;
    geo::reconcile(f.state, f.briefing, f.scene);
    CHECK(f.state.year == 2024);
    CHECK(f.state.selectedSite == "phoenix");
    f.briefing.trips.clear();
    f.briefing.sites.pop_back();
    f.briefing.sites.erase(f.briefing.sites.begin() + 3); // phoenix
    f.scene = geo::buildContentScene(f.briefing, f.projection, f.scene.region);
    geo::reconcile(f.state, f.briefing, f.scene);
    CHECK(f.state.activeTrip.empty());
    CHECK(f.state.shownTrips.empty());
    CHECK(f.state.selectedSite.empty());
}
