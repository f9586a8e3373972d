// The examples in assets/FORMAT.md, put together, are a valid briefing: the
// documentation cannot drift from what the loader accepts.

#include <geo/briefing/briefing.hpp>

#include <catch2/catch.hpp>

#include "committed_files.hpp"

#include <filesystem>
#include <string>

TEST_CASE("the examples in assets/FORMAT.md load without errors", "[briefing][assets]") {
    const std::filesystem::path path = test::committedAsset("FORMAT.md");
    std::string toml;
    int blocks = 0;
    for (const test::FencedBlock& block : test::fencedBlocks(path)) {
        if (block.info != "toml") continue;
        toml += block.text;
        ++blocks;
    }
    REQUIRE(blocks == 5); // file, source, site, trip, partnership

    const auto result = geo::parseBriefing(toml, "FORMAT.md examples");
    INFO(test::formatAll(result.diagnostics));
    CHECK(result.diagnostics.empty());
    const geo::Briefing& b = result.briefing;
    CHECK(b.sources.size() == 1);
    CHECK(b.sites.size() == 4);
    REQUIRE(b.trips.size() == 1);
    CHECK(b.trips[0].stops.size() == 2);
    REQUIRE(b.partnerships.size() == 1);
    CHECK(b.partnerships[0].milestones.size() == 1);
}
