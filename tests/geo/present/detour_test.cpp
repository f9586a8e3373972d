#include <geo/present/detour.hpp>

#include <catch2/catch.hpp>

#include "content_fixture.hpp"

TEST_CASE("detour: panning, zooming or opening a site leaves the step; restoring brings back exactly what it showed", "[detour]") {
    test::ContentFixture f;
    geo::CameraController view;
    view.camera().setViewport({1920.0, 1080.0});
    geo::setPresenting(f.state, true);
    const geo::StoryStep& step = f.briefing.findStory("tour")->steps.at(2); // the partnership "arizona" with its notes
    const auto request = geo::applyStep(f.state, f.briefing, f.scene, f.projection, step);
    REQUIRE(request);
    view.frame(*request, {}, 1.0, false);
    const geo::StepLook look{"tour", 2, view.destination(), f.state};
    CHECK_FALSE(geo::departed(look, f.state, view.camera()));

    // A pan of a pixel is not a detour; of ten it is.
    view.camera().panPixels({1.0, 0.0});
    CHECK_FALSE(geo::departed(look, f.state, view.camera()));
    view.camera().panPixels({10.0, 4.0});
    CHECK(geo::departed(look, f.state, view.camera()));
    view.cut(look.view);
    view.camera().zoomAbout({300.0, 300.0}, 1.5);
    CHECK(geo::departed(look, f.state, view.camera()));
    view.cut(look.view);
    CHECK_FALSE(geo::departed(look, f.state, view.camera()));

    // A site's notes opened: a detour; the language changed: not.
    f.state.language = geo::Language::Ja;
    CHECK_FALSE(geo::departed(look, f.state, view.camera()));
    REQUIRE(geo::select(f.state, f.briefing, "kumamoto-university"));
    CHECK(geo::departed(look, f.state, view.camera()));
    f.state.highlightSites.push_back("kaohsiung");
    view.camera().panPixels({-200.0, 90.0});

    // Return: the camera flies back to where the step landed, its highlights and notes come back.
    geo::restoreStep(look, f.state);
    view.flyTo(look.view, true);
    REQUIRE(view.flying());
    CHECK(view.destination().center == look.view.center);
    while (view.step(1.0 / 60.0)) {
    }
    CHECK(view.camera().center().x == Approx(look.view.center.x));
    CHECK(view.camera().center().y == Approx(look.view.center.y));
    CHECK(view.camera().metersPerPixel() == Approx(look.view.metersPerPixel));
    CHECK(f.state.selectedPartnership == look.state.selectedPartnership);
    CHECK(f.state.selectedSite.empty());
    CHECK(f.state.highlightSites == look.state.highlightSites);
    CHECK(f.state.highlightPartnerships == look.state.highlightPartnerships);
    CHECK(f.state.language == geo::Language::Ja); // the presenter's language stays
    CHECK_FALSE(geo::departed(look, f.state, view.camera()));
}
