// Tests for geo/label_placement.hpp. Screen pixels, y down; expected boxes are worked
// out by hand from the anchor, the gap and the text size.
#include <geo/view/label_placement.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <limits>
#include <random>
#include <set>

using glm::dvec2;

namespace {

geo::LabelRequest label(std::size_t id, dvec2 anchor, dvec2 size, int priority = 0, bool required = false) {
    geo::LabelRequest r;
    r.id = id;
    r.anchor = anchor;
    r.size = size;
    r.gap = 6.0;
    r.priority = priority;
    r.required = required;
    return r;
}

geo::LabelPlacementOptions viewport(double w, double h) {
    geo::LabelPlacementOptions o;
    o.viewport = {w, h};
    o.padding = 2.0;
    return o;
}

const geo::PlacedLabel* find(const std::vector<geo::PlacedLabel>& placed, std::size_t id) {
    for (const auto& p : placed)
        if (p.id == id) return &p;
    return nullptr;
}

bool inside(const geo::ScreenBox& b, dvec2 vp) {
    return b.min.x >= 0.0 && b.min.y >= 0.0 && b.max.x <= vp.x && b.max.y <= vp.y;
}

} // namespace

TEST_CASE("ScreenBox::overlaps is strict, padding included", "[label_placement]") {
    const geo::ScreenBox a{{0, 0}, {10, 10}};
    CHECK(a.overlaps({{5, 5}, {15, 15}}));
    CHECK_FALSE(a.overlaps({{10, 0}, {20, 10}}));      // touching edges
    CHECK_FALSE(a.overlaps({{12, 0}, {20, 10}}, 2.0)); // 2 px apart with 2 px padding: touching
    CHECK(a.overlaps({{11.9, 0}, {20, 10}}, 2.0));     // 1.9 px apart: too close
    CHECK_FALSE(a.overlaps({{0, 20}, {10, 30}}, 2.0)); // apart vertically
    CHECK(a.overlaps({{2, 2}, {3, 3}}));               // contained
}

TEST_CASE("placeLabels puts a lone label to the right, vertically centred", "[label_placement]") {
    const auto placed = geo::placeLabels({label(7, {100, 100}, {40, 12})}, viewport(800, 600));
    REQUIRE(placed.size() == 1);
    CHECK(placed[0].id == 7);
    CHECK(placed[0].anchor == geo::LabelAnchor::Right);
    CHECK(placed[0].box.min.x == Approx(106.0)); // anchor.x + gap
    CHECK(placed[0].box.max.x == Approx(146.0));
    CHECK(placed[0].box.min.y == Approx(94.0));
    CHECK(placed[0].box.max.y == Approx(106.0));
}

TEST_CASE("placeLabels: the higher priority keeps the spot, the other moves or is dropped", "[label_placement]") {
    // Two markers 10 px apart horizontally: both want the same box to their right.
    const std::vector<geo::LabelRequest> requests{label(1, {100, 100}, {60, 12}, 1), label(2, {110, 100}, {60, 12}, 5)};
    const auto placed = geo::placeLabels(requests, viewport(800, 600));
    REQUIRE(!placed.empty());
    CHECK(placed[0].id == 2); // placed first: higher priority
    CHECK(placed[0].anchor == geo::LabelAnchor::Right);
    const auto* low = find(placed, 1);
    if (low) {
        CHECK(low->anchor != geo::LabelAnchor::Right);
        CHECK_FALSE(low->box.overlaps(placed[0].box, 2.0));
    }
    // Here the left side of marker 1 is free, so it moves there.
    REQUIRE(low);
    CHECK(low->anchor == geo::LabelAnchor::Left);
    CHECK(low->box.max.x == Approx(94.0));

    // Equal priority: input order decides.
    const auto tie = geo::placeLabels({label(1, {100, 100}, {60, 12}), label(2, {110, 100}, {60, 12})}, viewport(800, 600));
    REQUIRE(tie.size() == 2);
    CHECK(tie[0].id == 1);
    CHECK(tie[0].anchor == geo::LabelAnchor::Right);
}

TEST_CASE("placeLabels drops a label with no free candidate", "[label_placement]") {
    // Four labels of higher priority round one marker take right, left, above and below;
    // every diagonal of a fifth label overlaps one of them, so it is left out. A 10 px gap
    // keeps above and below clear of right and left (6 px half-height + 2 px padding < 10).
    const dvec2 a{400, 300};
    std::vector<geo::LabelRequest> requests;
    for (std::size_t i = 0; i < 5; ++i) {
        requests.push_back(label(i, a, {40, 12}, 10 - static_cast<int>(i)));
        requests.back().gap = 10.0;
    }
    requests.back().priority = 0;
    const auto placed = geo::placeLabels(requests, viewport(800, 600));
    REQUIRE(placed.size() == 4);
    CHECK(find(placed, 0)->anchor == geo::LabelAnchor::Right);
    CHECK(find(placed, 1)->anchor == geo::LabelAnchor::Left);
    CHECK(find(placed, 2)->anchor == geo::LabelAnchor::Above);
    CHECK(find(placed, 2)->box.max.y == Approx(290.0)); // anchor.y - gap
    CHECK(find(placed, 3)->anchor == geo::LabelAnchor::Below);
    CHECK(find(placed, 3)->box.min.y == Approx(310.0));
    CHECK(find(placed, 4) == nullptr);

    // Right taken, left and the centred candidates blocked: the upper right diagonal, its
    // corner at the gap from the anchor on both axes, clear of the square around the marker
    // (no padding here).
    std::vector<geo::LabelRequest> two{label(0, a, {40, 12}, 1), label(1, a, {40, 12})};
    geo::LabelPlacementOptions tight = viewport(800, 600);
    tight.padding = 0.0;
    tight.blocked = {{{0, 0}, {395, 600}}};
    two[0].gap = two[1].gap = 10.0;
    const auto diag = geo::placeLabels(two, tight);
    REQUIRE(diag.size() == 2);
    CHECK(diag[0].anchor == geo::LabelAnchor::Right);
    CHECK(diag[1].anchor == geo::LabelAnchor::AboveRight);
    CHECK(diag[1].box.min.x == Approx(410.0));
    CHECK(diag[1].box.max.y == Approx(290.0));
    CHECK(diag[1].box.min.y == Approx(278.0));
}

TEST_CASE("placeLabels keeps labels inside the viewport", "[label_placement]") {
    // Near the right edge: Right would stick out, so Left.
    const auto placed = geo::placeLabels({label(1, {790, 300}, {40, 12})}, viewport(800, 600));
    REQUIRE(placed.size() == 1);
    CHECK(placed[0].anchor == geo::LabelAnchor::Left);
    // In the top-left corner only the lower right diagonal fits.
    const auto corner = geo::placeLabels({label(1, {2, 2}, {40, 12})}, viewport(800, 600));
    REQUIRE(corner.size() == 1);
    CHECK(corner[0].anchor == geo::LabelAnchor::BelowRight);
    CHECK(inside(corner[0].box, {800, 600}));
    // Too big for the viewport: dropped.
    CHECK(geo::placeLabels({label(1, {50, 50}, {900, 12})}, viewport(800, 600)).empty());
}

TEST_CASE("placeLabels: 300 dense labels never overlap and stay inside", "[label_placement]") {
    std::mt19937 rng(20250217u);
    std::uniform_real_distribution<double> x(0.0, 1280.0), y(0.0, 800.0), w(30.0, 140.0);
    std::uniform_int_distribution<int> prio(0, 5);
    std::vector<geo::LabelRequest> requests;
    for (std::size_t i = 0; i < 300; ++i) requests.push_back(label(i, {x(rng), y(rng)}, {w(rng), 14.0}, prio(rng)));
    auto opts = viewport(1280, 800);

    const auto start = std::chrono::steady_clock::now();
    const auto placed = geo::placeLabels(requests, opts);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    CHECK(ms < 50.0); // well under a millisecond in a release build; generous for sanitizers

    CHECK(placed.size() > 50);  // dense, but many fit
    CHECK(placed.size() < 300); // and many do not
    std::set<std::size_t> ids;
    for (std::size_t i = 0; i < placed.size(); ++i) {
        CHECK(ids.insert(placed[i].id).second); // each at most once
        CHECK(inside(placed[i].box, opts.viewport));
        for (std::size_t j = i + 1; j < placed.size(); ++j) {
            INFO("labels " << placed[i].id << " and " << placed[j].id);
            CHECK_FALSE(placed[i].box.overlaps(placed[j].box, opts.padding));
        }
    }
    // Placement order is priority order.
    for (std::size_t i = 1; i < placed.size(); ++i)
        CHECK(requests[placed[i - 1].id].priority >= requests[placed[i].id].priority);
    // Same input, same output.
    const auto again = geo::placeLabels(requests, opts);
    REQUIRE(again.size() == placed.size());
    for (std::size_t i = 0; i < placed.size(); ++i) CHECK(again[i].id == placed[i].id);
}

TEST_CASE("placeLabels: many random sets, checked pair by pair against every other", "[label_placement]") {
    // Wide padding and small labels make near misses (boxes a few px apart, often in
    // neighbouring grid cells) common: the grid must find them all.
    for (unsigned seed = 1; seed <= 30; ++seed) {
        std::mt19937 rng(seed);
        std::uniform_real_distribution<double> x(0.0, 900.0), y(0.0, 700.0), w(8.0, 90.0), h(6.0, 20.0);
        std::uniform_int_distribution<int> prio(0, 3);
        std::vector<geo::LabelRequest> requests;
        for (std::size_t i = 0; i < 300; ++i) {
            requests.push_back(label(i, {x(rng), y(rng)}, {w(rng), h(rng)}, prio(rng)));
            requests.back().gap = 3.0;
        }
        auto opts = viewport(900, 700);
        opts.padding = 7.0;
        const auto placed = geo::placeLabels(requests, opts);
        std::size_t overlapping = 0, outside = 0;
        for (std::size_t i = 0; i < placed.size(); ++i) {
            if (!inside(placed[i].box, opts.viewport)) ++outside;
            for (std::size_t j = i + 1; j < placed.size(); ++j)
                if (placed[i].box.overlaps(placed[j].box, opts.padding)) ++overlapping;
        }
        INFO("seed " << seed << ", " << placed.size() << " placed");
        CHECK(placed.size() > 30);
        CHECK(overlapping == 0);
        CHECK(outside == 0);
    }
}

TEST_CASE("placeLabels always places a required label", "[label_placement]") {
    const dvec2 a{400, 300};
    std::vector<geo::LabelRequest> requests;
    for (std::size_t i = 0; i < 8; ++i) { // take every candidate at the gap
        requests.push_back(label(i, a, {10, 4}, 10));
        requests.back().gap = 20.0;
    }
    requests.push_back(label(99, a, {10, 4}, 0, true));
    requests.back().gap = 20.0;
    const auto placed = geo::placeLabels(requests, viewport(800, 600));
    const auto* selected = find(placed, 99);
    REQUIRE(selected);
    // Every candidate at the gap is taken: the first one at twice the gap, clear of the others.
    for (const auto& p : placed)
        if (p.id != 99) CHECK_FALSE(p.box.overlaps(selected->box, 2.0));
    CHECK(selected->anchor == geo::LabelAnchor::Right);
    CHECK(selected->box.min.x == Approx(440.0));

    // Every ring taken: it still shows, over the first candidate.
    requests.pop_back();
    for (std::size_t i = 0; i < 16; ++i) {
        requests.push_back(label(10 + i, a, {10, 4}, 10));
        requests.back().gap = i < 8 ? 40.0 : 60.0;
    }
    requests.push_back(label(99, a, {10, 4}, 0, true));
    requests.back().gap = 20.0;
    const auto full = geo::placeLabels(requests, viewport(800, 600));
    REQUIRE(find(full, 99));
    CHECK(find(full, 99)->anchor == geo::LabelAnchor::Right);

    // A required label placed first keeps its place, and the others avoid it.
    const auto first = geo::placeLabels({label(1, a, {40, 12}, 0), label(2, a, {40, 12}, 5, true)}, viewport(800, 600));
    REQUIRE(first.size() == 2);
    CHECK(first[0].id == 2);
    CHECK(first[0].anchor == geo::LabelAnchor::Right);
    CHECK_FALSE(first[1].box.overlaps(first[0].box, 2.0));

    // Even when nothing fits the viewport it is placed (to the right).
    const auto huge = geo::placeLabels({label(3, {50, 50}, {900, 12}, 0, true)}, viewport(800, 600));
    REQUIRE(huge.size() == 1);
    CHECK(huge[0].anchor == geo::LabelAnchor::Right);
}

TEST_CASE("placeLabels never covers an `avoid` box, unless the label is required", "[label_placement]") {
    auto opts = viewport(800, 600);
    const dvec2 a{400, 300};
    opts.avoid.push_back({{404, 290}, {460, 310}}); // a marker where Right would go
    auto placed = geo::placeLabels({label(1, a, {40, 12})}, opts);
    REQUIRE(placed.size() == 1);
    CHECK(placed[0].anchor == geo::LabelAnchor::Left);

    // Every side covered by an avoid box: the label is dropped, never overlapped...
    opts.avoid = {{{300, 200}, {500, 400}}};
    CHECK(geo::placeLabels({label(1, a, {40, 12})}, opts).empty());
    // ... unless it is required (the selection), which then covers it.
    placed = geo::placeLabels({label(1, a, {40, 12}, 0, true)}, opts);
    REQUIRE(placed.size() == 1);
    CHECK(placed[0].anchor == geo::LabelAnchor::Right);

    // The first candidate clear of it, further down the list.
    opts.avoid = {{{300, 200}, {500, 301}}}; // covers Right, Left, Above and the upper diagonals
    placed = geo::placeLabels({label(1, a, {40, 12})}, opts);
    REQUIRE(placed.size() == 1);
    CHECK(placed[0].anchor == geo::LabelAnchor::Below);
}

TEST_CASE("placeLabels crosses a line only when nothing else is free, and says so", "[label_placement]") {
    auto opts = viewport(800, 600);
    const dvec2 a{400, 300};
    // A vertical line through Right's place.
    opts.lines.push_back({{420, 0}, {420, 600}, 2.0});
    auto placed = geo::placeLabels({label(1, a, {40, 12})}, opts);
    REQUIRE(placed.size() == 1);
    CHECK(placed[0].anchor == geo::LabelAnchor::Left);
    CHECK_FALSE(placed[0].crossesLine);

    // Lines through every candidate: the first one, over the line (to be knocked out).
    opts.lines.push_back({{380, 0}, {380, 600}, 2.0});
    opts.lines.push_back({{0, 285}, {800, 285}, 2.0});
    opts.lines.push_back({{0, 315}, {800, 315}, 2.0});
    placed = geo::placeLabels({label(1, a, {40, 12})}, opts);
    REQUIRE(placed.size() == 1);
    CHECK(placed[0].anchor == geo::LabelAnchor::Right);
    CHECK(placed[0].crossesLine);

    // A label that may not cross lines (a base-map place name) is dropped instead.
    auto name = label(2, a, {40, 12});
    name.mayCrossLines = false;
    CHECK(geo::placeLabels({name}, opts).empty());

    // A line passing beside the box, farther than its half width, does not count.
    opts.lines = {{{0, 280}, {800, 280}, 2.0}}; // Right spans y 294..306
    placed = geo::placeLabels({label(1, a, {40, 12})}, opts);
    REQUIRE(placed.size() == 1);
    CHECK(placed[0].anchor == geo::LabelAnchor::Right);
    CHECK_FALSE(placed[0].crossesLine);
}

TEST_CASE("placeLabels keeps new labels clear of those placed before, with their clearance", "[label_placement]") {
    auto opts = viewport(800, 600);
    opts.placed.push_back({{406, 294}, {446, 306}}); // a briefing label where Right would go
    auto name = label(1, {400, 300}, {40, 12});
    auto placed = geo::placeLabels({name}, opts);
    REQUIRE(placed.size() == 1);
    CHECK(placed[0].anchor == geo::LabelAnchor::Left);
    opts.placed.push_back({{330, 294}, {350, 306}}); // 4 px clear of Left: enough without clearance, not with it
    placed = geo::placeLabels({name}, opts);
    REQUIRE(placed.size() == 1);
    CHECK(placed[0].anchor == geo::LabelAnchor::Left);
    // With 10 px of clearance every candidate crowds one of them: left out.
    name.clearance = 10.0;
    CHECK(geo::placeLabels({name}, opts).empty());
    // Alone, it is placed with its clearance.
    opts.placed.clear();
    placed = geo::placeLabels({name}, opts);
    REQUIRE(placed.size() == 1);
    CHECK(placed[0].anchor == geo::LabelAnchor::Right);
}

TEST_CASE("placeLabels never covers a blocked box", "[label_placement]") {
    auto opts = viewport(800, 600);
    opts.blocked.push_back({{0, 0}, {300, 600}}); // a side panel
    std::vector<geo::LabelRequest> requests;
    for (std::size_t i = 0; i < 40; ++i)
        requests.push_back(label(i, {280.0 + static_cast<double>(i % 5) * 10.0, 20.0 + static_cast<double>(i) * 14.0},
                                 {60, 12}, 0, i == 3));
    const auto placed = geo::placeLabels(requests, opts);
    CHECK_FALSE(placed.empty());
    REQUIRE(find(placed, 3)); // required, and it has a candidate clear of the panel
    for (const auto& p : placed) {
        INFO("label " << p.id);
        CHECK_FALSE(p.box.overlaps(opts.blocked[0]));
    }
    // A label whose every candidate is under the panel is dropped.
    CHECK(geo::placeLabels({label(1, {100, 300}, {40, 12})}, opts).empty());
}

TEST_CASE("placeLabels skips requests that are not finite", "[label_placement]") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    const auto placed = geo::placeLabels({label(1, {nan, 100}, {40, 12}, 0, true), label(2, {100, 100}, {inf, 12}),
                                          label(3, {200, 200}, {40, nan}), label(4, {300, 300}, {40, 12})},
                                         viewport(800, 600));
    REQUIRE(placed.size() == 1);
    CHECK(placed[0].id == 4);
    CHECK(geo::placeLabels({}, viewport(800, 600)).empty());
}
