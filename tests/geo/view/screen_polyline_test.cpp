#include <geo/view/screen_polyline.hpp>

#include <catch2/catch.hpp>

using V = glm::vec2;

TEST_CASE("a polyline is clipped to the screen in runs that know where along the line they start", "[polyline]") {
    // Out, in, out, in again: two runs. Pixels, the box 0..100 both ways.
    const std::vector<V> line{{-50, 50}, {50, 50}, {150, 50}, {150, 80}, {50, 80}};
    const auto runs = geo::clipPolyline(line, {0, 0}, {100, 100});
    REQUIRE(runs.size() == 2);
    CHECK(runs[0].points == std::vector<V>{{0, 50}, {50, 50}, {100, 50}});
    CHECK(runs[0].startLength == Approx(50.0f)); // where it enters, along the whole line
    CHECK(runs[1].points == std::vector<V>{{100, 80}, {50, 80}});
    CHECK(runs[1].startLength == Approx(200.0f + 30.0f + 50.0f));
}

TEST_CASE("a line wholly inside stays as it is; one wholly outside is gone", "[polyline]") {
    const std::vector<V> inside{{10, 10}, {20, 30}, {40, 40}};
    const auto runs = geo::clipPolyline(inside, {0, 0}, {100, 100});
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].points == inside);
    CHECK(runs[0].startLength == 0.0f);
    CHECK(geo::clipPolyline({{-10, -10}, {-20, 500}}, {0, 0}, {100, 100}).empty());
    CHECK(geo::clipPolyline({{5, 5}}, {0, 0}, {100, 100}).empty());
}

TEST_CASE("a segment crossing the whole box is cut at both sides", "[polyline]") {
    const auto runs = geo::clipPolyline({{-100, 50}, {200, 50}}, {0, 0}, {100, 100});
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].points == std::vector<V>{{0, 50}, {100, 50}});
    CHECK(runs[0].startLength == Approx(100.0f));
}

TEST_CASE("a polyline's length, a point along it and its first part", "[polyline]") {
    const std::vector<V> l{{0, 0}, {30, 0}, {30, 40}};
    CHECK(geo::polylineLength(l) == Approx(70.0f));
    V at, dir;
    REQUIRE(geo::pointAlong(l, 0.5f, at, dir)); // 35 px along: 5 px up the second segment
    CHECK(at.x == Approx(30.0f));
    CHECK(at.y == Approx(5.0f));
    CHECK(dir == V{0, 1});
    REQUIRE(geo::pointAlong(l, 0.0f, at, dir));
    CHECK(at == V{0, 0});
    CHECK(dir == V{1, 0});
    CHECK_FALSE(geo::pointAlong({{3, 3}, {3, 3}}, 0.5f, at, dir)); // no length
    const auto head = geo::polylineHead(l, 0.5f);
    REQUIRE(head.size() == 3);
    CHECK(head[2].y == Approx(5.0f));
    CHECK(geo::polylineHead(l, 0.0f) == std::vector<V>{{0, 0}});
    CHECK(geo::polylineHead(l, 2.0f) == l); // clamped to the whole line
}

TEST_CASE("knockOutPolyline leaves out the parts under the boxes, dashes kept in step", "[screen_polyline]") {
    // A horizontal line from x 0 to 100, a label box over x 40..60.
    const std::vector<glm::vec2> line{{0, 10}, {50, 10}, {100, 10}};
    auto runs = geo::knockOutPolyline(line, {{{40, 0}, {60, 20}}}, 5.0f);
    REQUIRE(runs.size() == 2);
    CHECK(runs[0].startLength == Approx(5.0f));
    CHECK(runs[0].points.front().x == Approx(0.0f));
    CHECK(runs[0].points.back().x == Approx(40.0f));
    CHECK(runs[1].startLength == Approx(65.0f)); // 5 + 60: the dashes go on where they would have been
    CHECK(runs[1].points.front().x == Approx(60.0f));
    CHECK(runs[1].points.back().x == Approx(100.0f));

    // No box on it: the line as it was, one run.
    runs = geo::knockOutPolyline(line, {{{40, 30}, {60, 40}}});
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].points.size() == 3);

    // Two overlapping boxes and one at the end: one gap each, nothing past the end.
    runs = geo::knockOutPolyline(line, {{{20, 0}, {45, 20}}, {{30, 0}, {55, 20}}, {{90, 0}, {120, 20}}});
    REQUIRE(runs.size() == 2);
    CHECK(runs[0].points.back().x == Approx(20.0f));
    CHECK(runs[1].points.front().x == Approx(55.0f));
    CHECK(runs[1].points.back().x == Approx(90.0f));

    // A box over the whole line: nothing left.
    CHECK(geo::knockOutPolyline(line, {{{-10, 0}, {110, 20}}}).empty());
}
