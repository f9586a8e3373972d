// The shipped content file must validate without errors.

#include <geo/briefing/briefing.hpp>

#include <catch2/catch.hpp>

#include <filesystem>

TEST_CASE("the shipped assets/briefing.toml has no errors", "[briefing][assets]") {
    const std::filesystem::path path = std::filesystem::path(KTMAP_ASSETS_DIR) / "briefing.toml";
    {
        INFO(path.string() << " is committed and this test needs it");
        REQUIRE(std::filesystem::exists(path));
    }
    const auto result = geo::loadBriefingFile(path);
    std::string all;
    for (const geo::Diagnostic& d : result.diagnostics) all += d.format() + "\n";
    INFO(all);
    CHECK_FALSE(geo::hasErrors(result.diagnostics));
    CHECK_FALSE(result.briefing.sites.empty());
}
