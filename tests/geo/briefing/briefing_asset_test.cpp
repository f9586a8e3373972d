// The shipped content file must validate without errors.

#include <geo/briefing/briefing.hpp>

#include <catch2/catch.hpp>

#include "committed_files.hpp"

TEST_CASE("the shipped assets/briefing.toml has no errors", "[briefing][assets]") {
    const auto result = geo::loadBriefingFile(test::committedAsset("briefing.toml"));
    INFO(test::formatAll(result.diagnostics));
    CHECK_FALSE(geo::hasErrors(result.diagnostics));
    CHECK_FALSE(result.briefing.sites.empty());
}
