#include "shell/options.hpp"

#include <catch2/catch.hpp>

TEST_CASE("rehearsal: --target lengths are read as a presenter writes them", "[options][rehearsal]") {
    using app::parseDuration;
    CHECK(parseDuration("25m") == 1500.0);
    CHECK(parseDuration("25min") == 1500.0);
    CHECK(parseDuration("10m") == 600.0); // not ten hours
    CHECK(parseDuration("1h10m") == 4200.0);
    CHECK(parseDuration("2h") == 7200.0);
    CHECK(parseDuration("90s") == 90.0);
    CHECK(parseDuration("1m30s") == 90.0);
    CHECK(parseDuration("25:00") == 1500.0);
    CHECK(parseDuration("1:10:00") == 4200.0);
    CHECK(parseDuration("25") == 1500.0);
    CHECK(parseDuration("7.5") == 450.0);
    for (const char* bad : {"", "m", "h", "25x", "-5", "0", "0m", "1:75", "25 m", "30h"}) {
        INFO(bad);
        CHECK_FALSE(parseDuration(bad));
    }
    CHECK(app::endOfDay("15:30") == 15 * 3600 + 30 * 60);
    CHECK_FALSE(app::endOfDay("25:00"));
    CHECK_FALSE(app::endOfDay("15h"));
}

TEST_CASE("ink: --ink strokes name their tool, colour and lon/lat points", "[options][ink]") {
    const auto pen = app::parseInk("pen:130.70,33.89;130.78,33.94");
    REQUIRE(pen);
    CHECK_FALSE(pen->highlighter);
    CHECK(pen->colour == 0);
    REQUIRE(pen->lonLat.size() == 2);
    CHECK(pen->lonLat[1].first == Approx(130.78));
    const auto marker = app::parseInk("highlighter3:121.0,24.8");
    REQUIRE(marker);
    CHECK(marker->highlighter);
    CHECK(marker->colour == 2);
    for (const char* bad : {"pen", "pen:", "brush:1,2", "pen0:1,2", "pen:1", "pen:200,10", "pen:1,2;x"}) {
        INFO(bad);
        CHECK_FALSE(app::parseInk(bad));
    }
}
