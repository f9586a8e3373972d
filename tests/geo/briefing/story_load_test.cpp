// Stories ([[story]] / [[story.step]]): the model that comes out of a good file, the
// exact message for each mistake (golden messages, by line), what the loader keeps of
// a broken story, and the checks on a briefing built in code.

#include <geo/briefing/briefing.hpp>

#include "committed_files.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

const std::string kFixtureDir = std::string(KTMAP_TEST_DATA_DIR) + "/briefing/";

geo::BriefingLoadResult loadFixture(const std::string& name) { return geo::loadBriefingFile(kFixtureDir + name); }

std::vector<std::string> messages(const geo::Diagnostics& diagnostics) { return test::formatWithout(diagnostics, kFixtureDir); }

using Lines = std::vector<std::string>;

} // namespace

TEST_CASE("a valid story loads with every key", "[story]") {
    const auto result = loadFixture("story_valid.toml");
    CHECK(messages(result.diagnostics).empty());
    const geo::Briefing& b = result.briefing;
    REQUIRE(b.stories.size() == 2);
    const geo::Story* story = b.findStory("hsp-trip");
    REQUIRE(story != nullptr);
    CHECK(story == &b.stories[0]);
    CHECK(b.findStory("nope") == nullptr);
    CHECK(story->title == "竹科九州考察");
    CHECK(story->titleEn == "Hsinchu Science Park trip to Kyushu");
    CHECK(story->pos.line == 50);
    CHECK(story->pos.column == 1);
    REQUIRE(story->steps.size() == 6);

    const geo::StoryStep& opening = story->steps[0];
    CHECK(opening.caption == "竹科九州考察");
    CHECK(opening.captionEn == "Hsinchu Science Park trip to Kyushu");
    CHECK(opening.tripId == "hsp-2025-02");
    CHECK(opening.day == 0);
    CHECK(opening.targetCount() == 1);
    CHECK(opening.pos.line == 55);
    CHECK(opening.pos.column == 3);
    CHECK(opening.tripPos.line == 58);
    CHECK(opening.tripPos.column == 10);

    const geo::StoryStep& day2 = story->steps[1];
    CHECK(day2.tripId == "hsp-2025-02");
    CHECK(day2.day == 2);
    CHECK(day2.dayPos.line == 64);
    CHECK(day2.sites == std::vector<std::string>{"kitakyushu-science-research-park", "fukuoka"});
    REQUIRE(day2.sitesPos.size() == 2);
    CHECK(day2.sitesPos[1].line == 65);
    CHECK(day2.sitesPos[1].column == 48);
    CHECK(day2.notesId == "kitakyushu-science-research-park");
    CHECK(day2.notesPos.line == 66);

    const geo::StoryStep& site = story->steps[2];
    CHECK(site.siteId == "fukuoka");
    CHECK(site.captionEn.empty());
    CHECK(site.hasCaption());

    const geo::StoryStep& partnership = story->steps[3];
    CHECK(partnership.caption.empty());
    CHECK(partnership.captionEn == "The sister parks");
    CHECK(partnership.partnershipId == "sister-parks");
    CHECK(partnership.partnerships == std::vector<std::string>{"sister-parks"});
    CHECK(partnership.notesId == "sister-parks");
    CHECK_FALSE(partnership.allPartnerships);

    const geo::StoryStep& view = story->steps[4];
    REQUIRE(view.view.has_value());
    CHECK(view.view->lon == 130.5);
    CHECK(view.view->lat == 33.0); // an integer is a number too
    CHECK(view.view->zoom == 7.5);
    CHECK(view.viewPos.line == 80);
    CHECK(view.viewPos.column == 10);
    CHECK(view.allPartnerships);
    CHECK(view.partnerships.empty());
    CHECK(view.targetCount() == 1);

    const geo::StoryStep& still = story->steps[5];
    CHECK(still.caption == "鏡頭不動");
    CHECK(still.targetCount() == 0); // the camera stays where the previous step left it

    const geo::Story& second = b.stories[1];
    CHECK(second.id == "second");
    CHECK(second.titleEn.empty());
    REQUIRE(second.steps.size() == 1);
    CHECK(second.steps[0].sites == std::vector<std::string>{"hsinchu-science-park"});
    CHECK_FALSE(second.steps[0].hasCaption()); // highlights only, no target: no warning
}

TEST_CASE("every story mistake is reported at once, by line", "[story]") {
    const auto result = loadFixture("story_errors.toml");
    CHECK(messages(result.diagnostics) ==
          Lines{
              "story_errors.toml:39:1: error: [[story]] is missing required key 'id' (add a line like id = \"…\")",
              "story_errors.toml:45:6: error: story id 'Bad_Id' is not valid (ids use only lowercase letters a-z, digits and '-', e.g. 'bad-id')",
              "story_errors.toml:56:1: error: duplicate story id 's' (first defined at line 50; ids must be unique among stories)",
              "story_errors.toml:62:1: error: story 'no-steps' has no steps (add [[story.step]] tables after it, each with a caption and what the map shows)",
              "story_errors.toml:69:1: warning: unknown key 'colour' in [[story]] is ignored (known keys: id, title, title_en, step)",
              "story_errors.toml:70:3: error: story 't' step 1 is empty (add a caption, a site, trip, partnership or view to frame, or sites or partnerships to highlight)",
              "story_errors.toml:75:10: error: story 't' step 2 has more than one camera target: site, trip (keep one of site, trip, partnership and view, the first is used; highlight the others with sites = [...] or partnerships = [...])",
              "story_errors.toml:78:10: error: story 't' step 3: unknown site 'fukuoak' (did you mean 'fukuoka'?)",
              "story_errors.toml:81:10: error: story 't' step 4: unknown trip 'hsp-2025' (no [[trip]] has id = \"hsp-2025\")",
              "story_errors.toml:84:17: error: story 't' step 5: unknown partnership 'sister-citys' (did you mean 'sister-cities'?)",
              "story_errors.toml:87:9: error: story 't' step 6: day 2 without a trip (day counts the days of a trip: add trip = \"…\", or remove day)",
              "story_errors.toml:91:9: error: story 't' step 7: day 7 is outside trip 'hsp-2025-02', which has 6 days (day 1 is 2025-02-17, day 6 is 2025-02-22)",
              "story_errors.toml:95:9: error: story 't' step 8: day 0 is outside trip 'hsp-2025-02', which has 6 days (day 1 is 2025-02-17, day 6 is 2025-02-22)",
              "story_errors.toml:98:18: error: story 't' step 9: view lon 230.5 is out of range (lon runs from -180 to 180, degrees east)",
              "story_errors.toml:98:31: error: story 't' step 9: view lat 88 is out of range (lat runs from -85 to 85, degrees north: the map ends at 85)",
              "story_errors.toml:98:42: error: story 't' step 9: view zoom 23 is out of range (zoom runs from 0 to 22, 0 shows the whole world and each step up doubles the scale)",
              "story_errors.toml:101:10: error: story 't' step 10: view is missing 'zoom' (write view = { lon = 130.40, lat = 33.59, zoom = 9 })",
              "story_errors.toml:104:11: error: story 't' step 11: notes 'kumamot' is neither a site nor a partnership (did you mean 'kumamoto'?)",
              "story_errors.toml:107:23: error: story 't' step 12: unknown site 'osaka' in sites (no [[site]] has id = \"osaka\")",
              "story_errors.toml:108:19: error: story 't' step 12: unknown partnership 'sister-citys' in partnerships (did you mean 'sister-cities'?)",
              "story_errors.toml:109:3: warning: story 't' step 13 has no caption: the audience sees no text (add caption = \"…\" and caption_en = \"…\")",
              "story_errors.toml:115:19: warning: story 't' step 14: all_partnerships highlights every partnership; the partnerships list is ignored (remove partnerships = [...], or all_partnerships)",
              "story_errors.toml:119:9: error: story 't' step 15: 'day' must be a whole number, not a string (write the day of the trip without quotes, 1 for its first day: day = 1)",
              "story_errors.toml:120:22: error: story 't' step 15: 'all_partnerships' must be true or false, not a string (write all_partnerships = true, without quotes)",
              "story_errors.toml:121:10: error: story 't' step 15: 'view' must be an inline table, not a string (write view = { lon = 130.40, lat = 33.59, zoom = 9 })",
              "story_errors.toml:122:3: warning: story 't' step 16 has no caption: the audience sees no text (add caption = \"…\" and caption_en = \"…\")",
              "story_errors.toml:123:3: warning: unknown key 'captoin' in [[story.step]] is ignored (did you mean 'caption'?)",
              "story_errors.toml:124:45: warning: unknown key 'tilt' in a view is ignored (known keys: lon, lat, zoom)",
          });
}

TEST_CASE("of a broken story the loader keeps what the viewer can use", "[story]") {
    const auto result = loadFixture("story_errors.toml");
    const geo::Briefing& b = result.briefing;
    // Without an id, a second 's', without steps: left out. 'Bad_Id' is reported but kept.
    std::vector<std::string> ids;
    for (const geo::Story& s : b.stories) ids.push_back(s.id);
    CHECK(ids == std::vector<std::string>{"Bad_Id", "s", "t"});
    CHECK(b.findStory("s")->steps[0].caption == "x"); // the first 's'

    const geo::Story* t = b.findStory("t");
    REQUIRE(t != nullptr);
    // Step 1 (empty) is left out; the others keep their captions, so they move up by one.
    REQUIRE(t->steps.size() == 15);
    auto step = [&](int number) -> const geo::StoryStep& { return t->steps[static_cast<std::size_t>(number - 2)]; };
    CHECK(step(2).caption == "2: two targets");
    CHECK(step(2).siteId == "fukuoka"); // the first target written is kept
    CHECK(step(2).tripId.empty());
    CHECK(step(3).siteId.empty());        // unknown site
    CHECK(step(4).tripId.empty());        // unknown trip
    CHECK(step(5).partnershipId.empty()); // unknown partnership
    CHECK(step(6).day == 0);              // no trip
    CHECK(step(7).tripId == "hsp-2025-02");
    CHECK(step(7).day == 0); // outside the trip: the whole trip
    CHECK_FALSE(step(9).view.has_value());
    CHECK_FALSE(step(10).view.has_value());
    CHECK(step(11).notesId.empty());
    CHECK(step(12).sites == std::vector<std::string>{"fukuoka"});
    CHECK(step(12).partnerships.empty());
    CHECK(step(13).siteId == "kumamoto"); // a warning only
    CHECK(step(14).allPartnerships);
    CHECK(step(14).partnerships.empty()); // ignored beside all_partnerships
    CHECK(step(15).day == 0);
    CHECK_FALSE(step(15).allPartnerships);
    CHECK_FALSE(step(15).view.has_value());
    REQUIRE(step(16).view.has_value());
    CHECK(step(16).view->zoom == 5.0);
}

TEST_CASE("story checks on a briefing built in code", "[story]") {
    geo::Briefing b;
    geo::Site site = test::makeSite("fukuoka", 130.4017, 33.5902);
    site.kind = geo::SiteKind::City;
    b.sites.push_back(site);
    geo::Trip trip;
    trip.id = "t";
    trip.start = {2024, 2, 28};
    trip.end = {2024, 3, 1}; // a leap year: 3 days
    b.trips.push_back(trip);

    geo::Story story;
    story.id = "s";
    geo::StoryStep step;
    step.caption = "x";
    step.tripId = "t";
    step.day = 3;
    story.steps.push_back(step);
    b.stories.push_back(story);
    CHECK(messages(geo::validateBriefing(b, "")).empty());

    b.stories[0].steps[0].day = 4;
    b.stories[0].steps[0].view = geo::StoryView{130.4, -86.0, 8.0};
    CHECK(messages(geo::validateBriefing(b, "")) ==
          Lines{"error: story 's' step 1 has more than one camera target: trip, view (keep one of site, trip, "
                "partnership and view, the first is used; highlight the others with sites = [...] or partnerships = "
                "[...])",
                "error: story 's' step 1: day 4 is outside trip 't', which has 3 days (day 1 is 2024-02-28, day 3 is "
                "2024-03-01)",
                "error: story 's' step 1: view lat -86 is out of range (lat runs from -85 to 85, degrees north: the map "
                "ends at 85)"});

    b.stories[0].steps.clear();
    CHECK(messages(geo::validateBriefing(b, "")) ==
          Lines{"error: story 's' has no steps (add [[story.step]] tables after it, each with a caption and what the "
                "map shows)"});
}

TEST_CASE("tripDayCount counts the days of a trip, both ends included", "[story]") {
    geo::Trip trip;
    trip.start = {2025, 2, 17};
    trip.end = {2025, 2, 22};
    CHECK(geo::tripDayCount(trip) == 6);
    trip.end = trip.start;
    CHECK(geo::tripDayCount(trip) == 1);
    trip.start = {2025, 8, 31};
    trip.end = {2025, 9, 6};
    CHECK(geo::tripDayCount(trip) == 7);
    trip.start = {2025, 12, 30};
    trip.end = {2026, 1, 2};
    CHECK(geo::tripDayCount(trip) == 4);
    trip.start = {2023, 2, 28};
    trip.end = {2023, 3, 1};
    CHECK(geo::tripDayCount(trip) == 2); // not a leap year
    trip.end = {2023, 2, 27};
    CHECK(geo::tripDayCount(trip) == 0); // ends before it starts
    trip.end = {2023, 3, 0};
    CHECK(geo::tripDayCount(trip) == 0); // incomplete
}

TEST_CASE("a step's hold is read in seconds, and a wrong one is named", "[story]") {
    const std::string head = "schema = 1\ntitle = \"簡報\"\ntitle_en = \"Briefing\"\n[[site]]\nid = \"a\"\nkind = \"city\"\nname_zh = \"甲\"\nname_en = \"A\"\nlon = 130.0\nlat = 33.0\n"
                             "[[story]]\nid = \"s\"\ntitle = \"故事\"\n";
    const auto ok = geo::parseBriefing(head + "[[story.step]]\ncaption = \"甲\"\nsite = \"a\"\nhold = 8.5\n[[story.step]]\ncaption = \"甲\"\nsite = \"a\"\nhold = 3\n"
                                              "[[story.step]]\ncaption = \"甲\"\nsite = \"a\"\n",
                                       "hold.toml");
    CHECK(test::formatAll(ok.diagnostics).empty());
    REQUIRE(ok.briefing.stories.size() == 1);
    REQUIRE(ok.briefing.stories[0].steps.size() == 3);
    CHECK(ok.briefing.stories[0].steps[0].hold == 8.5);
    CHECK(ok.briefing.stories[0].steps[1].hold == 3.0);
    CHECK(ok.briefing.stories[0].steps[2].hold == geo::StoryStep::kDefaultHold);

    const auto bad = geo::parseBriefing(head + "[[story.step]]\ncaption = \"甲\"\nsite = \"a\"\nhold = 600\n[[story.step]]\ncaption = \"甲\"\nsite = \"a\"\n"
                                               "hold = \"8\"\n",
                                        "hold.toml");
    CHECK(test::formatAll(bad.diagnostics) ==
          "hold.toml:17:8: error: story 's' step 1: hold = 600 is out of range (write between 1 and 120 seconds: hold = 8)\n"
          "hold.toml:21:8: error: story 's' step 2: 'hold' must be a number, not a string (write the seconds a video holds the step "
          "without quotes: hold = 8)\n");
    REQUIRE(bad.briefing.stories[0].steps.size() == 2);
    CHECK(bad.briefing.stories[0].steps[0].hold == geo::StoryStep::kDefaultHold); // the default, not the wrong value
}
