// Home: the home area and its markers framed beside the sidebar with a margin all round.

#include <geo/view/framing.hpp>

#include <geo/base/projection.hpp>
#include <geo/basemap/layer_config.hpp>
#include <geo/view/content_layout.hpp>
#include <geo/view/panel_layout.hpp>

#include "committed_files.hpp"
#include "fixed_measure.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <limits>

namespace {

geo::Camera cameraAt(const geo::CameraView& v, glm::dvec2 viewport) {
    geo::Camera c;
    c.setViewport(viewport);
    c.setMetersPerPixel(v.metersPerPixel);
    c.setCenter(v.center);
    return c;
}

// How far a disc of `r` px at `p` keeps inside the area (negative: it crosses an edge).
double clearance(glm::dvec2 p, double r, const geo::FreeArea& a) {
    return std::min({p.x - r - a.min.x, a.max.x - p.x - r, p.y - r - a.min.y, a.max.y - p.y - r});
}

constexpr double kPixelRounding = 1e-6; // the fit is exact; only floating point may stray

} // namespace

TEST_CASE("fitInArea: the largest scale that keeps every disc inside the area, centred", "[framing]") {
    const glm::dvec2 vp{1000, 500};
    geo::EdgePadding padding;
    padding.left = 200;
    const geo::FreeArea area = geo::freeArea(vp, padding, 0.1);
    // 200 + 100 .. 1000 - 100 across, 50 .. 450 down.
    CHECK(area.min == glm::dvec2{300, 50});
    CHECK(area.max == glm::dvec2{900, 450});
    // Two points 60 km apart east–west with discs of 10 and 20 px: 600 − 30 px for 60 km.
    const std::vector<geo::FramedPoint> points = {{{0, 0}, 10}, {{60'000, 0}, 20}};
    const geo::CameraView v = geo::fitInArea(geo::Box{}, points, vp, area, 0.0, {});
    CHECK(v.metersPerPixel == Approx(60'000.0 / 570.0));
    const geo::Camera c = cameraAt(v, vp);
    CHECK(c.worldToScreen({0, 0}).x == Approx(310.0));      // touches the left edge of the area
    CHECK(c.worldToScreen({60'000, 0}).x == Approx(880.0)); // and the right one
    CHECK(c.worldToScreen({0, 0}).y == Approx(250.0));      // centred in the height
    // A box as well: its corners count as points of no radius; the tighter axis sets the scale.
    geo::Box box;
    box.extend({0, -40'000});
    box.extend({10'000, 40'000});
    const geo::CameraView w = geo::fitInArea(box, points, vp, area, 0.0, {});
    CHECK(w.metersPerPixel == Approx(80'000.0 / 400.0));
    const geo::Camera d = cameraAt(w, vp);
    CHECK(d.worldToScreen({0, 40'000}).y == Approx(50.0));
    CHECK(d.worldToScreen({0, -40'000}).y == Approx(450.0));
    CHECK(d.worldToScreen({0, 0}).x - 10.0 >= 300.0 - kPixelRounding);
    CHECK(d.worldToScreen({60'000, 0}).x + 20.0 <= 900.0 + kPixelRounding);
}

TEST_CASE("fitInArea: nothing to frame keeps the fallback; discs wider than the area count as points", "[framing]") {
    const glm::dvec2 vp{400, 300};
    const geo::FreeArea area = geo::freeArea(vp, {}, 0.05);
    const geo::CameraView fallback{{5, 6}, 7};
    const geo::CameraView none = geo::fitInArea(geo::Box{}, {}, vp, area, 0.0, fallback);
    CHECK(none.center == fallback.center);
    CHECK(none.metersPerPixel == fallback.metersPerPixel);
    // One point: the closest scale allowed, on the point.
    const geo::CameraView one = geo::fitInArea(geo::Box{}, {{{1000, 2000}, 5}}, vp, area, 3.0, fallback);
    CHECK(one.metersPerPixel == 3.0);
    CHECK(cameraAt(one, vp).worldToScreen({1000, 2000}).x == Approx(200.0));
    // Discs of 300 px cannot fit 360 px across side by side: the points are framed alone.
    const geo::CameraView big = geo::fitInArea(geo::Box{}, {{{0, 0}, 300}, {{1000, 0}, 300}}, vp, area, 0.0, fallback);
    CHECK(big.metersPerPixel == Approx(1000.0 / 360.0));
}

TEST_CASE("the shipped first view: every marker drawn is 5 % clear of the window's edges beside the sidebar",
          "[framing][assets]") {
    const geo::LayerConfigResult layers = geo::loadLayerConfig(test::committedAsset("layers.toml"));
    INFO(test::formatAll(layers.diagnostics));
    REQUIRE(layers.config.home);
    CHECK(layers.config.homeMargin == 0.05);
    const geo::BriefingLoadResult loaded = geo::loadBriefingFile(test::committedAsset("briefing.toml"));
    REQUIRE_FALSE(loaded.briefing.sites.empty());
    const geo::Briefing& briefing = loaded.briefing;
    const geo::Projection projection;
    const geo::ContentScene scene = geo::buildContentScene(briefing, projection, layers.config.region);
    const geo::Palette palette = geo::shippedPalette();
    const geo::ContentState state; // the first view: nothing selected, the sidebar shown
    const test::FixedMeasure measure;
    const geo::Box home = projection.forward(*layers.config.home);

    for (const glm::dvec2 vp : {glm::dvec2{1600, 900}, glm::dvec2{1920, 1080}}) {
        INFO(vp.x << " x " << vp.y);
        geo::PanelInput in;
        in.display = glm::vec2(vp);
        const geo::PanelLayout panels = geo::layoutPanels(in);
        REQUIRE(panels.hasSidebar());
        geo::EdgePadding padding;
        padding.left = static_cast<double>(panels.leftInset);
        const geo::FreeArea area = geo::freeArea(vp, padding, layers.config.homeMargin);
        CHECK(area.min.x == Approx(panels.sidebar.max.x + 0.05 * vp.x));
        CHECK(area.max.y == Approx(0.95 * vp.y));
        const geo::CameraView view =
            geo::fitInArea(home, geo::homeMarkers(briefing, scene, state, palette, home, 1.0f), vp, area, 0.0, {});

        auto drawn = [&](const geo::CameraView& v) {
            const geo::Camera camera = cameraAt(v, vp);
            const geo::ContentLayout out = geo::layoutContent({briefing, scene, state, camera, projection, palette, measure, 1.0f, panels, {}, {}, {}, nullptr});
            std::vector<std::pair<glm::dvec2, double>> discs;
            for (const geo::DisplayItem& item : out.list.items)
                if (const auto* d = std::get_if<geo::draw::Disc>(&item)) {
                    const geo::DiscStyle& st = d->style;
                    discs.emplace_back(glm::dvec2(d->centre), static_cast<double>(std::max({st.fillRadius, st.ringRadius, st.rimRadius, st.outerRadius})));
                }
            return discs;
        };
        // The markers the first view draws: at least the seven main cities, each disc inside.
        const auto discs = drawn(view);
        CHECK(discs.size() >= 7);
        double closest = std::numeric_limits<double>::infinity();
        for (const auto& [p, r] : discs) {
            INFO("a marker at " << p.x << ", " << p.y << " of radius " << r);
            CHECK(clearance(p, r, area) >= -kPixelRounding);
            closest = std::min(closest, clearance(p, r, area));
        }
        // The margin, no more: a marker or the home area touches it; 2 % closer, something crosses it.
        const geo::Camera camera = cameraAt(view, vp);
        double boxClearance = std::numeric_limits<double>::infinity();
        for (const glm::dvec2 corner : {home.min, home.max}) boxClearance = std::min(boxClearance, clearance(camera.worldToScreen(corner), 0.0, area));
        CHECK(std::min(closest, boxClearance) == Approx(0.0).margin(0.5));
        geo::CameraView closer = view;
        closer.metersPerPixel /= 1.02;
        double crossed = 0.0;
        for (const auto& [p, r] : drawn(closer)) crossed = std::min(crossed, clearance(p, r, area));
        for (const glm::dvec2 corner : {home.min, home.max})
            crossed = std::min(crossed, clearance(cameraAt(closer, vp).worldToScreen(corner), 0.0, area));
        CHECK(crossed < 0.0);
    }
}
