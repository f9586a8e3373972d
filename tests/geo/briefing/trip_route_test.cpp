#include <geo/base/great_circle.hpp>
#include <geo/briefing/trip_route.hpp>

#include <catch2/catch.hpp>

#include "test_support.hpp"

#include <cmath>
#include <optional>
#include <string>

// Reference positions as in great_circle_test.cpp: Taipei Songshan TSA (121.5525E 25.0697N)
// to Fukuoka FUK (130.4517E 33.5856N) is 1279.814 km, great-circle midpoint 125.8156E 29.4014N.

namespace {

using Catch::WithinAbs;

constexpr double kHour = 1.0 / 24.0;

geo::Site site(const std::string& id, double lon, double lat, const std::string& city = "") {
    return test::makeSite(id, lon, lat, city);
}

geo::PartialDate date(int y, int m, int d) { return geo::PartialDate{y, m, d}; }

geo::Stop stop(const std::string& siteId, geo::PartialDate on, std::optional<geo::TimeOfDay> at = std::nullopt,
               geo::LegMode leg = geo::LegMode::None) {
    geo::Stop s;
    s.siteId = siteId;
    s.date = on;
    s.startTime = at;
    s.leg = leg;
    return s;
}

geo::TimeOfDay hm(int hour, int minute = 0) { return geo::TimeOfDay{hour, minute, 0}; }

geo::Briefing places() {
    geo::Briefing b;
    b.sites.push_back(site("tsa", 121.5525, 25.0697));
    b.sites.push_back(site("fukuoka", 130.4017, 33.5902));
    b.sites.push_back(site("fuk", 130.4517, 33.5856, "fukuoka"));
    b.sites.push_back(site("kaohsiung", 120.3500, 22.5771));
    b.sites.push_back(site("kumamoto", 130.7417, 32.8032));
    b.sites.push_back(site("phoenix", -112.0116, 33.4343));
    b.sites.push_back(site("fuk-beside", 130.4517, 33.58563)); // ~3 m north of "fuk"
    b.sites.push_back(site("kitakyushu", 130.8752, 33.8835));
    return b;
}

geo::Trip trip(geo::PartialDate start, geo::PartialDate end, std::vector<geo::Stop> stops) {
    geo::Trip t;
    t.id = "t";
    t.start = start;
    t.end = end;
    t.stops = std::move(stops);
    return t;
}

void checkNonDecreasing(const std::vector<double>& times) {
    for (std::size_t i = 1; i < times.size(); ++i) {
        INFO("stop " << i);
        CHECK(times[i] >= times[i - 1]);
    }
}

} // namespace

TEST_CASE("trip days run from start to end across month and year ends", "[trip_route]") {
    const geo::Briefing b = places();
    SECTION("2025-08-31 .. 2025-09-06 is 7 days") {
        const auto route = geo::buildTripRoute(
            b, trip(date(2025, 8, 31), date(2025, 9, 6), {stop("tsa", date(2025, 8, 31)), stop("fuk", date(2025, 9, 2))}));
        REQUIRE(route.days.size() == 7);
        CHECK(route.days[0] == date(2025, 8, 31));
        CHECK(route.days[1] == date(2025, 9, 1));
        CHECK(route.days[6] == date(2025, 9, 6));
        REQUIRE(route.stopDay.size() == 2);
        CHECK(route.stopDay[0] == 0);
        CHECK(route.stopDay[1] == 2);
    }
    SECTION("leap day, year end") {
        const auto leap = geo::buildTripRoute(b, trip(date(2024, 2, 28), date(2024, 3, 1), {}));
        REQUIRE(leap.days.size() == 3);
        CHECK(leap.days[1] == date(2024, 2, 29));
        CHECK(geo::buildTripRoute(b, trip(date(2025, 2, 28), date(2025, 3, 1), {})).days.size() == 2);
        CHECK(geo::buildTripRoute(b, trip(date(2100, 2, 28), date(2100, 3, 1), {})).days.size() == 2);
        const auto newYear = geo::buildTripRoute(b, trip(date(2024, 12, 31), date(2025, 1, 1), {}));
        REQUIRE(newYear.days.size() == 2);
        CHECK(newYear.days[1] == date(2025, 1, 1));
    }
    SECTION("incomplete start/end: the span of the stops' dates") {
        const auto route = geo::buildTripRoute(b, trip(geo::PartialDate{2025, 9, 0}, geo::PartialDate{2025, 0, 0},
                                                       {stop("tsa", date(2025, 9, 29)), stop("fuk", geo::PartialDate{2025, 10, 0}),
                                                        stop("kumamoto", date(2025, 10, 2))}));
        REQUIRE(route.days.size() == 4);
        CHECK(route.days.front() == date(2025, 9, 29));
        CHECK(route.days.back() == date(2025, 10, 2));
        CHECK(route.stopDay == std::vector<int>{0, -1, 3});
    }
    SECTION("stops outside the trip's dates, or on no real date, have no day") {
        const auto route = geo::buildTripRoute(
            b, trip(date(2025, 2, 17), date(2025, 2, 22),
                    {stop("tsa", date(2025, 2, 16)), stop("fuk", date(2025, 2, 30)), stop("kumamoto", date(2025, 2, 22)),
                     stop("tsa", date(2025, 2, 23))}));
        CHECK(route.days.size() == 6);
        CHECK(route.stopDay == std::vector<int>{-1, -1, 5, -1});
        checkNonDecreasing(route.stopTime);
    }
    SECTION("no dates at all") {
        const auto route = geo::buildTripRoute(b, trip({}, {}, {stop("tsa", {}), stop("fuk", {}), stop("kumamoto", {})}));
        CHECK(route.days.empty());
        CHECK(route.stopDay == std::vector<int>{-1, -1, -1});
        CHECK(route.stopTime == std::vector<double>{0.0, 1.0, 2.0});
    }
}

TEST_CASE("stop instants: timed stops at their time, the others spread over the day in order", "[trip_route]") {
    const geo::Briefing b = places();
    const auto d0 = date(2025, 2, 17);
    const auto d1 = date(2025, 2, 18);
    const auto d2 = date(2025, 2, 19);
    const auto d3 = date(2025, 2, 20);
    const auto route = geo::buildTripRoute(
        b, trip(d0, d3,
                {
                    stop("tsa", d0, hm(9, 30)),                          // 0: timed
                    stop("fuk", d0, hm(16), geo::LegMode::Flight),       // 1: timed
                    stop("fukuoka", d0),                                 // 2: only untimed of day 0: slot 14:00 < 16:00
                    stop("kumamoto", d1),                                // 3: day 1, two untimed: 11:00
                    stop("fukuoka", d1),                                 // 4: 17:00
                    stop("kitakyushu", d2),                              // 5: slot 14:00 ≥ next timed 09:00
                    stop("fukuoka", d2, hm(9)),                          // 6: timed
                    stop("fuk", d3, hm(12, 45)),                         // 7: timed
                }));
    REQUIRE(route.stopTime.size() == 8);
    CHECK_THAT(route.stopTime[0], WithinAbs(9.5 * kHour, 1e-12));
    CHECK_THAT(route.stopTime[1], WithinAbs(16.0 * kHour, 1e-12));
    CHECK_THAT(route.stopTime[2], WithinAbs(16.25 * kHour, 1e-12)); // 15 min after the 16:00 one
    CHECK_THAT(route.stopTime[3], WithinAbs(1.0 + 11.0 * kHour, 1e-12));
    CHECK_THAT(route.stopTime[4], WithinAbs(1.0 + 17.0 * kHour, 1e-12));
    CHECK_THAT(route.stopTime[5], WithinAbs(2.0 + 8.75 * kHour, 1e-12)); // 15 min before the 09:00 one
    CHECK_THAT(route.stopTime[6], WithinAbs(2.0 + 9.0 * kHour, 1e-12));
    CHECK_THAT(route.stopTime[7], WithinAbs(3.0 + 12.75 * kHour, 1e-12));
    checkNonDecreasing(route.stopTime);
    CHECK(route.stopDay == std::vector<int>{0, 0, 0, 1, 1, 2, 2, 3});
}

TEST_CASE("stop instants stay in trip order when the file's times are not", "[trip_route]") {
    const geo::Briefing b = places();
    const auto d0 = date(2025, 2, 17);
    const auto d1 = date(2025, 2, 18);
    const auto route = geo::buildTripRoute(
        b, trip(d0, d1,
                {stop("tsa", d0, hm(20)), stop("fuk", d0, hm(10)), stop("kumamoto", d0), stop("fukuoka", d1),
                 stop("tsa", d0, hm(8)), stop("fuk", d1, hm(23, 50)), stop("kumamoto", d1)}));
    checkNonDecreasing(route.stopTime);
    CHECK_THAT(route.stopTime[1], WithinAbs(20.0 * kHour, 1e-12)); // moved up to the previous stop
    CHECK(route.stopTime[2] > route.stopTime[1]);
    CHECK(route.stopTime[2] < 1.0); // still on its own day
    CHECK(route.stopTime[6] > route.stopTime[5]);
    CHECK(route.stopTime[6] < 2.0);
}

TEST_CASE("flight legs are great-circle arcs between the stops", "[trip_route]") {
    const geo::Briefing b = places();
    const auto d0 = date(2025, 2, 17);
    const auto route = geo::buildTripRoute(
        b, trip(d0, d0, {stop("tsa", d0, hm(8)), stop("fuk", d0, hm(12), geo::LegMode::Flight)}));
    REQUIRE(route.legs.size() == 1);
    const geo::RouteLeg& leg = route.legs[0];
    CHECK(leg.fromStop == 0);
    CHECK(leg.toStop == 1);
    CHECK(leg.mode == geo::LegMode::Flight);
    CHECK(leg.greatCircle);
    CHECK_THAT(leg.lengthKm, WithinAbs(1279.814, 0.001));
    // 50 km segments: ceil(1279.8 / 50) = 26, so the 14th of 27 points is the middle.
    REQUIRE(leg.lonLat.size() == 27);
    CHECK(leg.lonLat.front() == route.stopLonLat[0]);
    CHECK(leg.lonLat.back() == route.stopLonLat[1]);
    CHECK(leg.lonLat.front() == glm::dvec2(121.5525, 25.0697));
    CHECK(leg.lonLat.back() == glm::dvec2(130.4517, 33.5856));
    CHECK_THAT(leg.lonLat[13].x, WithinAbs(125.8156, 0.01));
    CHECK_THAT(leg.lonLat[13].y, WithinAbs(29.4014, 0.01));
    // A straight lon/lat line would pass 126.0017E 29.3277N: the arc is not that.
    CHECK(std::abs(leg.lonLat[13].x - 126.0017) > 0.1);

    // Halfway in time is halfway along the arc, at the great-circle midpoint.
    const auto middle = geo::positionAt(route, 10.0 * kHour);
    CHECK(middle.travelling);
    CHECK(middle.leg == 0);
    CHECK(middle.lastStop == 0);
    CHECK_THAT(middle.legFraction, WithinAbs(0.5, 1e-12));
    CHECK_THAT(middle.lonLat.x, WithinAbs(125.8156, 0.01));
    CHECK_THAT(middle.lonLat.y, WithinAbs(29.4014, 0.01));
}

TEST_CASE("leg modes: stated ground legs are straight, long unstated ones fly", "[trip_route]") {
    const geo::Briefing b = places();
    const auto d0 = date(2025, 2, 17);
    const auto route = geo::buildTripRoute(b, trip(d0, d0,
                                                   {stop("kumamoto", d0),
                                                    stop("kitakyushu", d0),                              // ~120 km, unstated
                                                    stop("tsa", d0),                                     // ~1300 km, unstated
                                                    stop("kaohsiung", d0),                               // 303 km, unstated
                                                    stop("tsa", d0, std::nullopt, geo::LegMode::Train),  // 303 km
                                                    stop("fuk", d0, std::nullopt, geo::LegMode::Ship)}));
    REQUIRE(route.legs.size() == 5);
    CHECK(geo::greatCircleDistanceKm(route.stopLonLat[0], route.stopLonLat[1]) < 300.0);
    CHECK_FALSE(route.legs[0].greatCircle);
    CHECK(route.legs[0].mode == geo::LegMode::None);
    CHECK(route.legs[0].lonLat == std::vector<glm::dvec2>{route.stopLonLat[0], route.stopLonLat[1]});
    CHECK(route.legs[1].greatCircle);
    CHECK(route.legs[1].lonLat.size() > 2);
    CHECK_THAT(route.legs[2].lengthKm, WithinAbs(302.95, 0.01)); // just over the 300 km threshold
    CHECK(route.legs[2].greatCircle);
    CHECK_FALSE(route.legs[3].greatCircle); // the same distance by train is straight
    CHECK(route.legs[3].mode == geo::LegMode::Train);
    CHECK(route.legs[3].lonLat.size() == 2);
    CHECK_FALSE(route.legs[4].greatCircle); // a long ship leg is still drawn straight
    CHECK(route.legs[4].lonLat.size() == 2);
    CHECK_THAT(route.legs[4].lengthKm,
               WithinAbs(geo::greatCircleDistanceKm(route.stopLonLat[4], route.stopLonLat[5]), 1e-9));
}

TEST_CASE("consecutive stops at one place, or at an unknown site, make no leg", "[trip_route]") {
    const geo::Briefing b = places();
    const auto d0 = date(2025, 2, 17);
    const auto route = geo::buildTripRoute(
        b, trip(d0, d0,
                {stop("fuk", d0, hm(8)), stop("fuk", d0, hm(9)), stop("fuk-beside", d0, hm(10)), stop("nowhere", d0, hm(11)),
                 stop("kumamoto", d0, hm(12)), stop("fukuoka", d0, hm(14), geo::LegMode::Bus)}));
    REQUIRE(route.stopLonLat.size() == 6);
    CHECK(std::isnan(route.stopLonLat[3].x));
    REQUIRE(route.legs.size() == 1);
    CHECK(route.legs[0].fromStop == 4);
    CHECK(route.legs[0].toStop == 5);

    // Waiting at the same place between 08:00 and 10:00: not travelling.
    const auto waiting = geo::positionAt(route, 8.5 * kHour);
    CHECK_FALSE(waiting.travelling);
    CHECK(waiting.lastStop == 0);
    CHECK(waiting.lonLat == route.stopLonLat[0]);
    // At the unknown site: the last known position.
    const auto unknown = geo::positionAt(route, 11.5 * kHour);
    CHECK(unknown.lastStop == 3);
    CHECK_FALSE(unknown.travelling);
    CHECK(unknown.lonLat == route.stopLonLat[2]);
}

TEST_CASE("positionAt follows the stops and legs, clamped to the trip", "[trip_route]") {
    const geo::Briefing b = places();
    const auto d0 = date(2025, 2, 17);
    const auto d1 = date(2025, 2, 18);
    const auto route = geo::buildTripRoute(
        b, trip(d0, d1,
                {stop("tsa", d0, hm(8)), stop("fuk", d0, hm(12), geo::LegMode::Flight),
                 stop("kumamoto", d1, hm(9), geo::LegMode::Bus), stop("kitakyushu", d1, hm(15), geo::LegMode::Train)}));
    REQUIRE(route.legs.size() == 3);
    REQUIRE(route.days.size() == 2);

    SECTION("at every instant, at the stop") {
        for (std::size_t i = 0; i < route.stopTime.size(); ++i) {
            INFO("stop " << i);
            const auto at = geo::positionAt(route, route.stopTime[i]);
            CHECK(at.lastStop == i);
            CHECK_FALSE(at.travelling);
            CHECK(at.lonLat == route.stopLonLat[i]);
            CHECK(at.day == route.stopDay[i]);
        }
    }
    SECTION("halfway along a straight leg is the lon/lat midpoint") {
        const double t = (route.stopTime[2] + route.stopTime[3]) / 2.0; // 12:00 on day 1
        const auto at = geo::positionAt(route, t);
        CHECK(at.travelling);
        CHECK(at.leg == 2);
        CHECK(at.lastStop == 2);
        CHECK(at.day == 1);
        CHECK_THAT(at.legFraction, WithinAbs(0.5, 1e-12));
        const glm::dvec2 mid = (route.stopLonLat[2] + route.stopLonLat[3]) * 0.5;
        CHECK_THAT(at.lonLat.x, WithinAbs(mid.x, 1e-9));
        CHECK_THAT(at.lonLat.y, WithinAbs(mid.y, 1e-9));
    }
    SECTION("a quarter of the time is a quarter of the length") {
        const double t = route.stopTime[2] + 0.25 * (route.stopTime[3] - route.stopTime[2]);
        const auto at = geo::positionAt(route, t);
        CHECK_THAT(at.legFraction, WithinAbs(0.25, 1e-12));
        const glm::dvec2 expected = route.stopLonLat[2] + (route.stopLonLat[3] - route.stopLonLat[2]) * 0.25;
        CHECK_THAT(at.lonLat.x, WithinAbs(expected.x, 1e-9));
        CHECK_THAT(at.lonLat.y, WithinAbs(expected.y, 1e-9));
    }
    SECTION("before the first stop and after the last, clamped") {
        for (double t : {-5.0, 0.0, 7.0 * kHour}) {
            const auto at = geo::positionAt(route, t);
            CHECK(at.lastStop == 0);
            CHECK_FALSE(at.travelling);
            CHECK(at.lonLat == route.stopLonLat[0]);
            CHECK(at.day == 0);
        }
        for (double t : {1.9, 2.0, 100.0}) {
            const auto at = geo::positionAt(route, t);
            CHECK(at.lastStop == 3);
            CHECK_FALSE(at.travelling);
            CHECK(at.lonLat == route.stopLonLat[3]);
            CHECK(at.day == 1);
        }
        CHECK(geo::positionAt(route, std::nan("")).lonLat == route.stopLonLat[0]);
    }
    SECTION("overnight: on the leg from Fukuoka (12:00, day 0) to Kumamoto (09:00, day 1), on the right day") {
        const auto at = geo::positionAt(route, 1.0 + 2.0 * kHour); // 02:00 on day 1
        CHECK(at.travelling);
        CHECK(at.leg == 1);
        CHECK(at.day == 1);
    }
}

TEST_CASE("positionAt on a leg across the antimeridian keeps continuous longitudes", "[trip_route]") {
    const geo::Briefing b = places();
    const auto d0 = date(2025, 9, 1);
    const auto d1 = date(2025, 9, 2);
    const auto route = geo::buildTripRoute(
        b, trip(d0, d1, {stop("kaohsiung", d0, hm(0)), stop("phoenix", d1, hm(0), geo::LegMode::Flight)}));
    REQUIRE(route.legs.size() == 1);
    CHECK(route.legs[0].lonLat.front() == route.stopLonLat[0]);
    CHECK_THAT(route.legs[0].lonLat.back().x, WithinAbs(-112.0116 + 360.0, 1e-9));
    const auto middle = geo::positionAt(route, 0.5);
    CHECK(middle.travelling);
    // The great-circle midpoint, 178.2998E 50.1733N (great_circle_test.cpp).
    CHECK_THAT(middle.lonLat.x, WithinAbs(178.2998, 0.05));
    CHECK_THAT(middle.lonLat.y, WithinAbs(50.1733, 0.05));
    const auto later = geo::positionAt(route, 0.75);
    CHECK(later.lonLat.x > 180.0);
    // At the arrival instant: Phoenix's own position, not the continued longitude.
    CHECK(geo::positionAt(route, 1.0).lonLat == route.stopLonLat[1]);
}

TEST_CASE("positionAt without stops or days", "[trip_route]") {
    const geo::Briefing b = places();
    const auto empty = geo::positionAt(geo::buildTripRoute(b, trip({}, {}, {})), 0.5);
    CHECK(std::isnan(empty.lonLat.x));
    // Undated: instants 0, 1, 2 and t clamps to that span.
    const auto route = geo::buildTripRoute(b, trip({}, {}, {stop("tsa", {}), stop("fuk", {}), stop("kumamoto", {})}));
    CHECK(geo::positionAt(route, -1.0).lonLat == route.stopLonLat[0]);
    CHECK(geo::positionAt(route, 9.0).lonLat == route.stopLonLat[2]);
    CHECK(geo::positionAt(route, 9.0).lastStop == 2);
    const auto half = geo::positionAt(route, 0.5);
    CHECK(half.travelling);
    CHECK(half.day == 0);
}

TEST_CASE("framedStops leaves out stops far from East Asia", "[trip_route]") {
    const geo::Briefing b = places();
    const auto d0 = date(2025, 9, 1);
    const auto route = geo::buildTripRoute(
        b, trip(d0, d0,
                {stop("kaohsiung", d0), stop("kumamoto", d0, std::nullopt, geo::LegMode::Flight),
                 stop("phoenix", d0, std::nullopt, geo::LegMode::Flight), stop("nowhere", d0)}));
    CHECK(geo::framedStops(route, geo::LonLatBox{{110.0, 15.0}, {150.0, 45.0}}) == std::vector<std::size_t>{0, 1});
    // None inside the region: every stop with a position.
    CHECK(geo::framedStops(route, geo::LonLatBox{{0.0, -10.0}, {10.0, 0.0}}) == std::vector<std::size_t>{0, 1, 2});
    // A region around Phoenix.
    CHECK(geo::framedStops(route, geo::LonLatBox{{-120.0, 30.0}, {-100.0, 40.0}}) == std::vector<std::size_t>{2});
}

TEST_CASE("stopsByPlace groups repeated visits in order of first visit", "[trip_route]") {
    const auto d0 = date(2025, 2, 17);
    const geo::Trip t = trip(d0, d0,
                             {stop("fuk", d0), stop("fukuoka", d0), stop("kumamoto", d0), stop("fukuoka", d0),
                              stop("fuk", d0)});
    const auto groups = geo::stopsByPlace(t);
    REQUIRE(groups.size() == 3);
    CHECK(groups[0].siteId == "fuk");
    CHECK(groups[0].stops == std::vector<std::size_t>{0, 4});
    CHECK(groups[1].siteId == "fukuoka");
    CHECK(groups[1].stops == std::vector<std::size_t>{1, 3});
    CHECK(groups[2].siteId == "kumamoto");
    CHECK(groups[2].stops == std::vector<std::size_t>{2});
}

TEST_CASE("routes parsed from TOML", "[trip_route]") {
    const std::string path = std::string(KTMAP_TEST_DATA_DIR) + "/briefing/valid_minimal.toml";
    const auto loaded = geo::loadBriefingFile(path);
    REQUIRE(loaded.briefing.trips.size() == 1);
    const auto route = geo::buildTripRoute(loaded.briefing, loaded.briefing.trips[0]);
    REQUIRE(route.days.size() == 6); // 2025-02-17 .. 2025-02-22
    CHECK(route.stopDay == std::vector<int>{0, 1});
    CHECK_THAT(route.stopTime[0], WithinAbs(16.0 * kHour, 1e-12));
    CHECK_THAT(route.stopTime[1], WithinAbs(1.0 + 14.0 * kHour, 1e-12));
    REQUIRE(route.legs.size() == 1); // kumamoto-airport -> kumamoto, by bus
    CHECK(route.legs[0].mode == geo::LegMode::Bus);
    CHECK_FALSE(route.legs[0].greatCircle);
}

TEST_CASE("routes of the shipped briefing keep their invariants", "[trip_route][assets]") {
    const auto loaded = geo::loadBriefingFile(std::string(KTMAP_ASSETS_DIR) + "/briefing.toml");
    REQUIRE_FALSE(loaded.briefing.trips.empty());
    for (const geo::Trip& t : loaded.briefing.trips) {
        INFO("trip " << t.id);
        const auto route = geo::buildTripRoute(loaded.briefing, t);
        REQUIRE(route.stopLonLat.size() == t.stops.size());
        REQUIRE(route.stopDay.size() == t.stops.size());
        REQUIRE(route.stopTime.size() == t.stops.size());
        CHECK_FALSE(route.days.empty());
        checkNonDecreasing(route.stopTime);
        for (std::size_t i = 0; i < t.stops.size(); ++i) {
            INFO("stop " << i);
            CHECK(std::isfinite(route.stopLonLat[i].x)); // every stop names a known site
            CHECK(route.stopDay[i] >= 0);
            CHECK(route.stopTime[i] >= 0.0);
            CHECK(route.stopTime[i] <= static_cast<double>(route.days.size()));
            if (t.stops[i].startTime) {
                const double expected = route.stopDay[i] + t.stops[i].startTime->secondsSinceMidnight() / 86400.0;
                CHECK_THAT(route.stopTime[i], WithinAbs(expected, 1e-9));
            }
        }
        for (const geo::RouteLeg& leg : route.legs) {
            CHECK(leg.toStop == leg.fromStop + 1);
            REQUIRE(leg.lonLat.size() >= 2);
            CHECK(leg.lonLat.front() == route.stopLonLat[leg.fromStop]);
            CHECK(leg.lonLat.back().y == route.stopLonLat[leg.toStop].y);
            CHECK_THAT(std::remainder(leg.lonLat.back().x - route.stopLonLat[leg.toStop].x, 360.0), WithinAbs(0.0, 1e-9));
            CHECK(leg.lengthKm > 0.01);
        }
        // Playback through the whole trip never leaves the known places and lands on every stop.
        for (double tt = 0.0; tt <= static_cast<double>(route.days.size()); tt += 1.0 / 48.0) {
            const auto at = geo::positionAt(route, tt);
            CHECK(std::isfinite(at.lonLat.x));
            CHECK(at.day >= 0);
            CHECK(at.day < static_cast<int>(route.days.size()));
        }
    }
}
