// The stories shipped in assets/briefing.toml: one per trip (an opening step, then a
// step per day) and one for the partnership network, every step valid and short
// enough to read on a projector.

#include <geo/briefing/briefing.hpp>

#include <catch2/catch.hpp>

#include "committed_files.hpp"

#include <filesystem>
#include <string>

namespace {

std::size_t codePoints(const std::string& text) {
    std::size_t n = 0;
    for (char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

// Captions are shown at least 40 px high: about 40 CJK or 80 Latin characters a line.
constexpr std::size_t kMaxCaption = 40;
constexpr std::size_t kMaxCaptionEn = 80;

} // namespace

TEST_CASE("the shipped stories: one per trip, a step per day, and the partnership network", "[story][assets]") {
    const auto result = geo::loadBriefingFile(test::committedAsset("briefing.toml"));
    INFO(test::formatAll(result.diagnostics));
    CHECK(result.diagnostics.empty()); // not even a warning
    const geo::Briefing& b = result.briefing;
    REQUIRE(b.trips.size() == 5);

    for (const geo::Story& story : b.stories) {
        INFO("story " << story.id);
        CHECK_FALSE(story.title.empty());
        CHECK_FALSE(story.titleEn.empty());
        for (std::size_t i = 0; i < story.steps.size(); ++i) {
            const geo::StoryStep& step = story.steps[i];
            INFO("step " << i + 1 << ": " << step.caption << " / " << step.captionEn);
            CHECK_FALSE(step.caption.empty());
            CHECK_FALSE(step.captionEn.empty());
            CHECK(codePoints(step.caption) <= kMaxCaption);
            CHECK(codePoints(step.captionEn) <= kMaxCaptionEn);
            CHECK(step.targetCount() == 1); // every step moves the camera somewhere stated
        }
    }

    for (const geo::Trip& trip : b.trips) {
        INFO("trip " << trip.id);
        const geo::Story* story = b.findStory(trip.id);
        REQUIRE(story != nullptr);
        const int days = geo::tripDayCount(trip);
        REQUIRE(days >= 1);
        REQUIRE(story->steps.size() == static_cast<std::size_t>(days) + 1);
        CHECK(story->steps[0].tripId == trip.id); // the opening step: the whole trip
        CHECK(story->steps[0].day == 0);
        for (int day = 1; day <= days; ++day) {
            INFO("day " << day);
            CHECK(story->steps[static_cast<std::size_t>(day)].tripId == trip.id);
            CHECK(story->steps[static_cast<std::size_t>(day)].day == day);
        }
    }

    const geo::Story* network = b.findStory("partnerships");
    REQUIRE(network != nullptr);
    REQUIRE(network->steps.size() == b.partnerships.size() + 1);
    CHECK(network->steps[0].allPartnerships);
    for (std::size_t i = 0; i < b.partnerships.size(); ++i) {
        const geo::StoryStep& step = network->steps[i + 1];
        INFO("partnership " << b.partnerships[i].id);
        CHECK(step.partnershipId == b.partnerships[i].id);
        CHECK(step.notesId == b.partnerships[i].id);
    }
    CHECK(b.stories.size() == b.trips.size() + 1);
}
