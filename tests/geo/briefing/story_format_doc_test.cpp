// The story example in assets/FORMAT.md (fenced as ```toml story, apart from the other
// five examples) loads, with the other examples it refers to,
// without errors or warnings, into the steps the page describes.

#include <geo/briefing/briefing.hpp>

#include <catch2/catch.hpp>

#include "committed_files.hpp"

#include <filesystem>
#include <string>

TEST_CASE("the story example in assets/FORMAT.md loads with the other examples", "[story][assets]") {
    const std::filesystem::path path = test::committedAsset("FORMAT.md");
    std::string toml;
    int blocks = 0;
    int storyBlocks = 0;
    for (const test::FencedBlock& block : test::fencedBlocks(path)) {
        if (block.info != "toml" && block.info != "toml story") continue;
        toml += block.text;
        ++blocks;
        if (block.info == "toml story") ++storyBlocks;
    }
    CHECK(blocks == 6);
    REQUIRE(storyBlocks == 1);

    const auto result = geo::parseBriefing(toml, "FORMAT.md examples");
    INFO(test::formatAll(result.diagnostics));
    CHECK(result.diagnostics.empty());
    REQUIRE(result.briefing.stories.size() == 1);
    const geo::Story& story = result.briefing.stories[0];
    REQUIRE(story.steps.size() == 5);
    CHECK(story.steps[0].tripId == "hsp-2025-02");
    CHECK(story.steps[1].day == 2);
    CHECK(story.steps[1].partnerships.size() == 1);
    CHECK(story.steps[2].partnershipId == "hsp-kitakyushu-sister-parks");
    CHECK(story.steps[2].notesId == "hsp-kitakyushu-sister-parks");
    CHECK(story.steps[2].hold == 9.0);
    CHECK(story.steps[1].hold == geo::StoryStep::kDefaultHold);
    REQUIRE(story.steps[3].view.has_value());
    CHECK(story.steps[3].view->zoom == 7.0);
    CHECK(story.steps[3].sites.size() == 2);
    CHECK(story.steps[3].allPartnerships);
    CHECK(story.steps[4].siteId == "fukuoka-airport");
    CHECK(story.steps[4].notesId == "fukuoka-airport");
}
