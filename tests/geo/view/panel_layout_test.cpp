#include <geo/view/panel_layout.hpp>

#include <catch2/catch.hpp>

TEST_CASE("the sidebar and the notes panel stand where the interface draws them, and inset the framing", "[panels]") {
    geo::PanelInput in;
    in.display = {1920, 1080};
    in.notes = true;
    const geo::PanelLayout p = geo::layoutPanels(in);
    REQUIRE(p.hasSidebar());
    CHECK(p.sidebar.min == glm::dvec2(14, 14));
    CHECK(p.sidebar.max == glm::dvec2(14 + 380, 1080 - 14 - 86));
    CHECK(p.leftInset == 394.0f);
    REQUIRE(p.hasNotes());
    CHECK(p.notes.max.x == 1920 - 14);
    CHECK(p.notes.max.x - p.notes.min.x == Approx(576)); // 30 % of the width
    CHECK(p.notes.max.y == 1080 - 14 - 48);
    CHECK(p.rightInset == Approx(14 + 576));
    CHECK(p.bottomReserve == 0.0f);
}

TEST_CASE("on a narrow screen the sidebar takes 40 % and the notes at least 320 px", "[panels]") {
    geo::PanelInput in;
    in.display = {800, 600};
    in.notes = true;
    const geo::PanelLayout p = geo::layoutPanels(in);
    CHECK(p.sidebar.max.x - p.sidebar.min.x == Approx(320));
    CHECK(p.notes.max.x - p.notes.min.x == Approx(320));
}

TEST_CASE("presenting: no sidebar, the panels grow with the projector scale and keep clear of the caption", "[panels]") {
    geo::PanelInput in;
    in.display = {1920, 1080};
    in.presenting = true;
    in.contentScale = 1.5f;
    in.fontScale = 1.0f;
    in.notes = true;
    const geo::PanelLayout p = geo::layoutPanels(in);
    CHECK_FALSE(p.hasSidebar());
    CHECK(p.leftInset == 0.0f);
    CHECK(p.bottomReserve == 170.0f);
    CHECK(p.notes.min.y == Approx(21));
    CHECK(p.notes.max.y == Approx(1080 - 21 - 72 - 170));
    CHECK(p.rightInset == Approx(21 + 576));
    in.sidebar = false;
    in.presenting = false;
    in.notes = false;
    const geo::PanelLayout none = geo::layoutPanels(in);
    CHECK_FALSE(none.hasSidebar());
    CHECK_FALSE(none.hasNotes());
    CHECK(none.rightInset == 0.0f);
}
