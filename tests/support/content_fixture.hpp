#pragma once
// A small briefing for the view tests: two cities a strait apart, a venue beside one of them,
// a place far off the map (Phoenix), a trip that flies there, and two partnerships.

#include <geo/base/projection.hpp>
#include <geo/briefing/briefing.hpp>
#include <geo/view/content_scene.hpp>
#include <geo/view/content_state.hpp>

namespace test {

// Sites: kumamoto (city, major), kumamoto-venue (venue, 500 m away), kaohsiung (city),
// phoenix (city, Arizona), kumamoto-university (university).
// Trip "delegation": 2026-03-01 kaohsiung, 2026-03-02 kumamoto (flight), kumamoto-university,
// 2026-03-04 phoenix (flight). Partnerships "sister" (kaohsiung, kumamoto; sister-cities,
// from 2015) and "arizona" (kumamoto, phoenix; cooperation-mou, from 2024).
// Story "tour": a step on the trip's second day, one on a view, one on the partnership "arizona"
// with its notes.
geo::Briefing contentFixture();

// The fixture projected, in East Asia's region, with a view state to change.
struct ContentFixture {
    geo::Briefing briefing = contentFixture();
    geo::Projection projection;
    geo::ContentScene scene = geo::buildContentScene(briefing, projection, geo::LonLatBox{{110.0, 15.0}, {150.0, 45.0}});
    geo::ContentState state;
};

} // namespace test
