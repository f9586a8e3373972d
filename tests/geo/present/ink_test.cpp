#include <geo/present/ink.hpp>

#include <catch2/catch.hpp>

#include <glm/geometric.hpp>

#include <cmath>

namespace {

geo::Camera kyushuCamera(const geo::Projection& projection) {
    geo::Camera camera;
    camera.setViewport({1920.0, 1080.0});
    camera.setMetersPerPixel(500.0);
    camera.setCenter(projection.forward({130.7, 32.8}));
    return camera;
}

std::vector<glm::vec2> screenPoints(const geo::DisplayList& list) {
    std::vector<glm::vec2> out;
    for (const auto& item : list.items)
        if (const auto* l = std::get_if<geo::draw::Line>(&item)) out.insert(out.end(), l->points.begin(), l->points.end());
    return out;
}

} // namespace

TEST_CASE("ink: a stroke stays on its geographic position after pans, zooms and a resize", "[ink]") {
    const geo::Projection projection;
    geo::Camera camera = kyushuCamera(projection);
    geo::InkBook book;
    const geo::InkPage page{"tour", 2};
    // A stroke across Kumamoto, drawn at this view.
    book.begin(geo::InkTool::Pen, 0, {900.0, 500.0}, camera);
    book.extend({960.0, 540.0}, camera);
    book.extend({1020.0, 500.0}, camera);
    REQUIRE(book.finish(page, projection));
    const geo::InkStroke& stroke = book.strokes(page).at(0);
    // Its ends are where the pointer was, on Earth.
    const glm::dvec2 start = projection.forward(stroke.lonLat.front()), end = projection.forward(stroke.lonLat.back());
    CHECK(glm::distance(camera.worldToScreen(start), glm::dvec2(900.0, 500.0)) < 0.01);
    CHECK(glm::distance(camera.worldToScreen(end), glm::dvec2(1020.0, 500.0)) < 0.01);

    auto check = [&](const char* after) {
        INFO(after);
        geo::DisplayList list;
        geo::layoutInk(book.strokes(page), nullptr, camera, geo::shippedPalette().tools, 1.0f,
                       glm::vec2(static_cast<float>(camera.viewport().x), static_cast<float>(camera.viewport().y)), list);
        const std::vector<glm::vec2> pts = screenPoints(list);
        REQUIRE(pts.size() >= 2);
        const glm::dvec2 expectStart = camera.worldToScreen(projection.forward(stroke.lonLat.front()));
        const glm::dvec2 expectEnd = camera.worldToScreen(projection.forward(stroke.lonLat.back()));
        CHECK(glm::distance(glm::dvec2(pts.front()), expectStart) < 0.05);
        CHECK(glm::distance(glm::dvec2(pts.back()), expectEnd) < 0.05);
        // The width stays in pixels whatever the scale.
        const auto* line = std::get_if<geo::draw::Line>(&list.items.front());
        REQUIRE(line);
        CHECK(line->style.width == Approx(7.0f));
    };
    camera.panPixels({-300.0, 120.0});
    check("a pan");
    camera.zoomAbout({660.0, 600.0}, 2.5);
    check("a zoom");
    camera.setViewport({1280.0, 720.0});
    check("a resize");
    // And the point under the old start is the stroke's start, not a screen position.
    const glm::dvec2 now = camera.worldToScreen(start);
    CHECK_FALSE(glm::distance(now, glm::dvec2(900.0, 500.0)) < 10.0);
}

TEST_CASE("ink: strokes are smoothed, keeping their ends", "[ink]") {
    const std::vector<glm::dvec2> zigzag{{0, 0}, {10, 10}, {20, 0}, {30, 10}};
    const auto smooth = geo::smoothStroke(zigzag, 2);
    CHECK(smooth.front() == zigzag.front());
    CHECK(smooth.back() == zigzag.back());
    CHECK(smooth.size() > zigzag.size());
    // The corners are cut: no point reaches the zigzag's peaks any more.
    for (std::size_t i = 1; i + 1 < smooth.size(); ++i) {
        CHECK(smooth[i].y < 10.0);
        CHECK(smooth[i].y > 0.0);
    }
}

TEST_CASE("ink: pointer jitter below two pixels adds no points; a click is a dot", "[ink]") {
    const geo::Projection projection;
    const geo::Camera camera = kyushuCamera(projection);
    geo::InkBook book;
    const geo::InkPage page{"tour", 0};
    book.begin(geo::InkTool::Highlighter, 1, {500.0, 500.0}, camera);
    book.extend({500.5, 500.5}, camera);
    book.extend({501.0, 500.0}, camera);
    REQUIRE(book.drawing());
    CHECK(book.drawing()->world.size() == 1);
    REQUIRE(book.finish(page, projection));
    CHECK(book.strokes(page).at(0).world.size() == 2);
    geo::DisplayList list;
    geo::layoutInk(book.strokes(page), nullptr, camera, geo::shippedPalette().tools, 1.0f, {1920.0f, 1080.0f}, list);
    REQUIRE(list.items.size() == 1);
    const auto& line = std::get<geo::draw::Line>(list.items[0]);
    CHECK(line.style.width == Approx(22.0f)); // the highlighter
    CHECK(line.style.colour.a < 255);         // translucent
}

TEST_CASE("ink: kept per story step; undo takes the last stroke, clear the step's", "[ink]") {
    const geo::Projection projection;
    const geo::Camera camera = kyushuCamera(projection);
    geo::InkBook book;
    auto stroke = [&](const geo::InkPage& page, double y) {
        book.begin(geo::InkTool::Pen, 0, {100.0, y}, camera);
        book.extend({200.0, y}, camera);
        return book.finish(page, projection);
    };
    const geo::InkPage one{"tour", 0}, two{"tour", 1};
    REQUIRE(stroke(one, 100));
    REQUIRE(stroke(one, 200));
    REQUIRE(stroke(two, 300));
    CHECK(book.strokes(one).size() == 2);
    CHECK(book.strokes(two).size() == 1);
    CHECK(book.total() == 3);
    REQUIRE(book.undo(one));
    REQUIRE(book.strokes(one).size() == 1);
    CHECK(camera.worldToScreen(book.strokes(one)[0].world[0]).y == Approx(100.0)); // the first one stays
    CHECK(book.clear(two));
    CHECK(book.strokes(two).empty());
    CHECK_FALSE(book.undo(two));
    CHECK_FALSE(book.clear(geo::InkPage{"other", 0}));
    CHECK(book.strokes(one).size() == 1); // other steps keep theirs
}

TEST_CASE("ink: a straight stroke keeps few points once smoothed and simplified", "[ink]") {
    const geo::Projection projection;
    const geo::Camera camera = kyushuCamera(projection);
    geo::InkBook book;
    book.begin(geo::InkTool::Pen, 0, {100.0, 300.0}, camera);
    for (int x = 125; x <= 500; x += 25) book.extend({static_cast<double>(x), 300.0}, camera);
    REQUIRE(book.finish({"tour", 0}, projection, 0.25 * camera.metersPerPixel()));
    const geo::InkStroke& s = book.strokes({"tour", 0}).at(0);
    CHECK(s.world.size() <= 3);
    CHECK(camera.worldToScreen(s.world.front()).x == Approx(100.0));
    CHECK(camera.worldToScreen(s.world.back()).x == Approx(500.0));
    CHECK(s.lonLat.size() == s.world.size());
}
