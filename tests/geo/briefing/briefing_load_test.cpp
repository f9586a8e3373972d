// Loading and validating briefing files: the model that comes out of a good file,
// and the exact messages (golden messages) for each kind of mistake, from the small
// fixtures in tests/data/briefing/.

#include <geo/briefing/briefing.hpp>

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

const std::string kFixtureDir = std::string(KTMAP_TEST_DATA_DIR) + "/briefing/";

geo::BriefingLoadResult loadFixture(const std::string& name) { return geo::loadBriefingFile(kFixtureDir + name); }

// Formatted diagnostics, with the fixture directory cut off the file names.
std::vector<std::string> messages(const geo::BriefingLoadResult& result) {
    return test::formatWithout(result.diagnostics, kFixtureDir);
}

using Lines = std::vector<std::string>;

} // namespace

TEST_CASE("a valid briefing loads into the model", "[briefing]") {
    const auto result = loadFixture("valid_minimal.toml");
    CHECK(messages(result).empty());
    const geo::Briefing& b = result.briefing;
    CHECK(b.schema == 1);
    CHECK(b.title == "臺灣–九州合作簡報");
    CHECK(b.titleEn == "Taiwan–Kyushu cooperation briefing");
    CHECK(b.path == kFixtureDir + "valid_minimal.toml");
    REQUIRE(b.stories.size() == 1); // more in story_load_test.cpp
    CHECK(b.stories[0].id == "hsp-trip");
    REQUIRE(b.stories[0].steps.size() == 1);
    CHECK(b.stories[0].steps[0].tripId == "hsp-2025-02");

    REQUIRE(b.sources.size() == 1);
    CHECK(b.sources[0].publisher == "國科會新竹科學園區管理局");
    REQUIRE(b.sources[0].date.has_value());
    CHECK(b.sources[0].date->toString() == "2025-03-20");

    REQUIRE(b.sites.size() == 3);
    const geo::Site* kumamoto = b.findSite("kumamoto");
    REQUIRE(kumamoto != nullptr);
    CHECK(kumamoto->kind == geo::SiteKind::City);
    CHECK(kumamoto->nameJa == "熊本市");
    CHECK(kumamoto->lon == 130.7417);
    CHECK(kumamoto->lat == 32.8032);
    CHECK(kumamoto->pos.line == 14);
    CHECK(kumamoto->pos.column == 1);
    REQUIRE(kumamoto->sources.size() == 1);
    CHECK(kumamoto->sources[0].source == "hsp-2025-kyushu");
    CHECK(kumamoto->sources[0].section == "參、四");
    const geo::Site* airport = b.findSite("kumamoto-airport");
    REQUIRE(airport != nullptr);
    CHECK(airport->cityId == "kumamoto");
    CHECK(airport->kind == geo::SiteKind::Airport);
    CHECK(airport->nameJa.empty());
    CHECK(geo::displayName(*airport, geo::Language::Ja) == "熊本機場"); // no Japanese name: the Chinese one, before English
    CHECK(b.findSite("hsinchu-science-park")->notesEn == "Taiwan's first science park");

    REQUIRE(b.trips.size() == 1);
    const geo::Trip& trip = b.trips[0];
    CHECK(trip.kind == geo::TripKind::Trip);
    CHECK(trip.leaderEn == "Director-General Wang");
    CHECK(trip.members == std::vector<std::string>{"局長", "組長"});
    CHECK(trip.start.toString() == "2025-02-17");
    CHECK(trip.end.toString() == "2025-02-22");
    REQUIRE(trip.stops.size() == 2);
    CHECK(trip.stops[0].siteId == "kumamoto-airport");
    CHECK(trip.stops[0].leg == geo::LegMode::Flight);
    CHECK(trip.stops[0].flight == "CI116");
    REQUIRE(trip.stops[0].startTime.has_value());
    CHECK(trip.stops[0].startTime->toString() == "16:00");
    CHECK(trip.stops[0].endTime->toString() == "17:30");
    CHECK(trip.stops[0].whatEn == "Arrive in Kumamoto");
    CHECK(trip.stops[1].leg == geo::LegMode::Bus);
    CHECK(trip.stops[1].met == "市長");
    CHECK_FALSE(trip.stops[1].startTime.has_value());

    REQUIRE(b.partnerships.size() == 1);
    const geo::Partnership& p = b.partnerships[0];
    CHECK(p.kind == geo::PartnershipKind::CooperationMou);
    CHECK(p.parties == std::vector<std::string>{"hsinchu-science-park", "kumamoto"});
    REQUIRE(p.milestones.size() == 2);
    CHECK(p.milestones[0].date.toString() == "2017-05-01");
    CHECK(p.milestones[1].date.toString() == "2024-09");
    CHECK(p.milestones[1].whatEn.empty());
}

TEST_CASE("a file that cannot be read", "[briefing]") {
    const auto result = geo::loadBriefingFile(kFixtureDir + "no_such_file.toml");
    CHECK(messages(result) == Lines{"no_such_file.toml: error: the file does not exist (check the path)"});
}

TEST_CASE("TOML syntax errors name full-width punctuation typed with a CJK input method", "[briefing]") {
    CHECK(messages(loadFixture("syntax_fullwidth_equals.toml")) ==
          Lines{"syntax_fullwidth_equals.toml:2:7: error: TOML syntax error while parsing key-value pair: expected "
                "'=', saw '＝' (the full-width '＝' was typed with a CJK input method; type '=' instead)"});
    CHECK(messages(loadFixture("syntax_fullwidth_quotes.toml")) ==
          Lines{"syntax_fullwidth_quotes.toml:2:9: error: TOML syntax error while parsing value: could not determine "
                "value type (the full-width '“' was typed with a CJK input method; type '\"' instead)"});
    // Full-width characters inside a string are content, not the mistake.
    const auto comma = geo::parseBriefing("schema = 1\ntitle = \"臺灣，九州\"，\n", "b.toml");
    CHECK(messages(comma) == Lines{"b.toml:2:16: error: TOML syntax error while parsing key-value pair: expected a "
                                   "comment or whitespace, saw '，' (the full-width '，' was typed with a CJK input "
                                   "method; type ',' instead)"});
}

TEST_CASE("invalid UTF-8 is reported at the first bad byte", "[briefing]") {
    CHECK(messages(loadFixture("invalid_utf8.toml")) ==
          Lines{"invalid_utf8.toml:2:12: error: the file is not valid UTF-8 (save it with the UTF-8 encoding)"});
    // Big5, as a Traditional Chinese Windows editor may save: 臺 is 0xBB 0x4F.
    CHECK(messages(geo::parseBriefing("schema = 1\ntitle = \"\xBB\x4F\"\n", "big5.toml")) ==
          Lines{"big5.toml:2:10: error: the file is not valid UTF-8 (save it with the UTF-8 encoding)"});
}

TEST_CASE("half-saved files say they look incomplete", "[briefing]") {
    const std::string incomplete = "the file looks incomplete — was it saved while still being written?";
    CHECK(messages(loadFixture("empty.toml")) == Lines{"empty.toml: error: the file is empty (" + incomplete + ")"});
    CHECK(messages(loadFixture("truncated_string.toml")) ==
          Lines{"truncated_string.toml:7:15: error: TOML syntax error while parsing string: encountered end-of-file (" +
                incomplete + ")"});
    CHECK(messages(loadFixture("truncated_mid_table.toml")) ==
          Lines{"truncated_mid_table.toml:9:15: error: TOML syntax error while parsing string: encountered "
                "end-of-file (" + incomplete + ")"});
    // Cut in the middle of a multi-byte character (熊 is E7 86 8A).
    CHECK(messages(geo::parseBriefing("schema = 1\ntitle = \"\xE7\x86", "cut.toml")) ==
          Lines{"cut.toml:2:10: error: the file is not valid UTF-8 (" + incomplete + ")"});
    // Cut after a complete value: valid TOML, but the last table lacks its keys and the line break.
    CHECK(messages(loadFixture("truncated_after_value.toml")) ==
          Lines{"truncated_after_value.toml:5:1: error: site 'kumamoto' is missing required key 'name_en' (" +
                    incomplete + ")",
                "truncated_after_value.toml:5:1: error: site 'kumamoto' is missing required key 'lat' (" + incomplete +
                    ")"});
}

TEST_CASE("missing required keys", "[briefing]") {
    const auto result = loadFixture("missing_keys.toml");
    CHECK(messages(result) ==
          Lines{
              "missing_keys.toml:1:1: error: the briefing is missing required key 'title_en' (add a line like title_en = \"…\")",
              "missing_keys.toml:4:1: error: site 'kumamoto' is missing required key 'name_en' (add a line like name_en = \"…\")",
              "missing_keys.toml:4:1: error: site 'kumamoto' is missing required key 'lon' (add a line like lon = 130.7417)",
              "missing_keys.toml:10:1: error: trip 't' is missing required key 'end' (add a line like end = 2025-02-17)",
              "missing_keys.toml:17:3: error: trip 't' stop 1 is missing required key 'site' (add a line like site = \"…\")",
          });
    // What was good stays: the trip; the site without lon cannot be placed, the stop without a site cannot be drawn.
    CHECK(result.briefing.sites.empty());
    REQUIRE(result.briefing.trips.size() == 1);
    CHECK(result.briefing.trips[0].stops.empty());
}

TEST_CASE("wrong value types", "[briefing]") {
    CHECK(messages(loadFixture("wrong_types.toml")) ==
          Lines{
              "wrong_types.toml:1:10: error: the briefing: 'schema' must be an integer, not a string (write schema = 1)",
              "wrong_types.toml:9:11: error: site 'kumamoto': 'name_en' must be a string, not an integer (put the text "
              "in double quotes: name_en = \"…\")",
              "wrong_types.toml:10:7: error: site 'kumamoto': 'lon' must be a number, not a string (write the degrees "
              "without quotes, e.g. lon = 130.7417)",
              "wrong_types.toml:12:11: error: site 'kumamoto': 'sources' must be an array of inline tables, not a "
              "string (write sources = [{ source = \"source-id\", section = \"…\" }])",
              "wrong_types.toml:19:9: error: trip 't': 'start' must be a date, not a string (remove the quotes: start = "
              "2025-02-17)",
              "wrong_types.toml:24:16: error: trip 't' stop 1: 'start_time' must be a time, not a string (write a TOML "
              "time without quotes, e.g. start_time = 16:00:00)",
          });
}

TEST_CASE("unknown kinds list the allowed ones", "[briefing]") {
    const auto result = loadFixture("unknown_kinds.toml");
    const std::string siteKinds = "city, prefecture, county, science-park, fab, company, university, government, "
                                  "venue, market, station, airport, office, other";
    CHECK(messages(result) ==
          Lines{
              "unknown_kinds.toml:7:8: error: site 'kumamoto': unknown site kind 'citty' (did you mean 'city'? allowed: " +
                  siteKinds + ")",
              "unknown_kinds.toml:15:8: error: site 'taipei': unknown site kind 'capital' (allowed: " + siteKinds + ")",
              "unknown_kinds.toml:23:8: error: trip 't': unknown trip kind 'visit' (allowed: trip, event)",
              "unknown_kinds.toml:31:9: error: trip 't' stop 1: unknown leg 'plane' (allowed: flight, bus, car, train, "
              "ship, walk)",
              "unknown_kinds.toml:35:8: error: partnership 'p': unknown partnership kind 'sister-city' (did you mean "
              "'sister-cities'? allowed: sister-science-parks, sister-cities, friendship-cities, university-mou, "
              "sister-stations, association-agreement, trilateral-mou, cooperation-mou, other)",
          });
    // The entities stay, with kind Other, so the map still shows them.
    REQUIRE(result.briefing.sites.size() == 2);
    CHECK(result.briefing.sites[0].kind == geo::SiteKind::Other);
}

TEST_CASE("ids must be lowercase [a-z0-9-]+", "[briefing]") {
    CHECK(messages(loadFixture("bad_ids.toml")) ==
          Lines{
              "bad_ids.toml:6:6: error: site id 'Kumamoto_City' is not valid (ids use only lowercase letters a-z, "
              "digits and '-', e.g. 'kumamoto-city')",
              "bad_ids.toml:14:6: error: source id '報告' is not valid (ids use only lowercase letters a-z, digits and '-')",
          });
}

TEST_CASE("duplicate ids point to both definitions", "[briefing]") {
    const auto result = loadFixture("duplicate_ids.toml");
    CHECK(messages(result) == Lines{"duplicate_ids.toml:13:1: error: duplicate site id 'kumamoto' (first defined at "
                                    "line 5; ids must be unique among sites)"});
    REQUIRE(result.briefing.sites.size() == 1); // the first one is kept
    CHECK(result.briefing.sites[0].kind == geo::SiteKind::City);
}

TEST_CASE("unknown site ids suggest the closest one", "[briefing]") {
    const auto result = loadFixture("unknown_site_refs.toml");
    CHECK(messages(result) ==
          Lines{
              "unknown_site_refs.toml:16:8: error: site 'fukuoka-airport': unknown city 'fukuoak' (did you mean "
              "'fukuoka'?)",
              "unknown_site_refs.toml:30:10: error: trip 't' stop 1: unknown site 'fukuoka-airprt' (did you mean "
              "'fukuoka-airport'?)",
              "unknown_site_refs.toml:33:10: error: trip 't' stop 2: unknown site 'kitakyushu' (no [[site]] has id = "
              "\"kitakyushu\")",
              "unknown_site_refs.toml:39:23: error: partnership 'p': unknown site 'kaohsiung' (no [[site]] has id = "
              "\"kaohsiung\")",
          });
    // Dangling references are dropped from the model (and a partnership left with one
    // party with them, without a second message); the sites themselves stay.
    const geo::Briefing& b = result.briefing;
    CHECK(b.sites.size() == 2);
    CHECK(b.findSite("fukuoka-airport")->cityId.empty());
    REQUIRE(b.trips.size() == 1);
    CHECK(b.trips[0].stops.empty());
    CHECK(b.partnerships.empty());
}

TEST_CASE("site.city must be a nearby city", "[briefing]") {
    CHECK(messages(loadFixture("city_checks.toml")) ==
          Lines{
              "city_checks.toml:24:8: error: site 'jasm': 'kumamoto-pref' is a prefecture, not a city (city must be "
              "the id of a site with kind = \"city\")",
              "city_checks.toml:30:1: error: site 'kagoshima-office' is 135 km from its city 'kumamoto' (a site more "
              "than 60 km away is probably misplaced: check lon and lat, or the city)",
          });
}

TEST_CASE("dates and times in order", "[briefing]") {
    const std::string outside = " is outside the trip (2025-02-17 to 2025-02-22) (fix the stop's date, or the trip's "
                                "start and end)";
    CHECK(messages(loadFixture("dates.toml")) ==
          Lines{
              "dates.toml:19:7: error: trip 'backwards' ends (2025-02-17) before it starts (2025-02-22) (check start "
              "and end)",
              "dates.toml:28:3: error: trip 't' stop 1: ends at 09:00, before it starts at 10:00 (times are on a "
              "24-hour clock: check start_time and end_time)",
              "dates.toml:33:3: error: trip 't' stop 2: date 2025-02-18 is before stop 1 (2025-02-19) (list the stops "
              "in the order they happened)",
              "dates.toml:36:3: error: trip 't' stop 3: date 2025-02-25" + outside,
              "dates.toml:39:3: error: trip 't' stop 4: date 2025-02-25" + outside,
              "dates.toml:43:3: error: trip 't' stop 5: date 2025-02-25" + outside,
              "dates.toml:43:3: error: trip 't' stop 5: starts at 14:30, before stop 4 (15:00) on the same day (list "
              "the stops in the order they happened)",
              "dates.toml:48:1: error: partnership 'p' needs at least 2 different parties, has 1 (list the site ids of "
              "every side: parties = [\"site-a\", \"site-b\"])",
              "dates.toml:54:10: error: partnership 'p' milestone 1: '2017/09' is not a year or a year-month (when the "
              "day is known write a date without quotes, like 2017-05-01; else \"2017\" or \"2017-05\")",
              "dates.toml:57:10: error: partnership 'p' milestone 2: '2017-13' is not a year or a year-month (when the "
              "day is known write a date without quotes, like 2017-05-01; else \"2017\" or \"2017-05\")",
          });
}

TEST_CASE("coordinates out of range or NaN", "[briefing]") {
    const auto result = loadFixture("coordinates.toml");
    CHECK(messages(result) ==
          Lines{
              "coordinates.toml:10:7: error: site 'east': lon 230.5 is out of range (lon runs east–west from -180 to 180)",
              "coordinates.toml:19:7: error: site 'swapped': lat 130.7417 is out of range (lat runs north–south from "
              "-90 to 90; were lon and lat swapped?)",
              "coordinates.toml:26:7: error: site 'nan': lon is nan, not a number (write the degrees, e.g. lon = "
              "130.7417)",
          });
    // Sites that cannot be placed are left out, and so are stops at them, without a second message.
    CHECK(result.briefing.sites.empty());
    REQUIRE(result.briefing.trips.size() == 1);
    CHECK(result.briefing.trips[0].stops.empty());
}

TEST_CASE("unknown source ids", "[briefing]") {
    CHECK(messages(loadFixture("sources.toml")) ==
          Lines{
              "sources.toml:17:23: error: site 'fukuoka': unknown source 'hsp-2025-kyushuu' (did you mean "
              "'hsp-2025-kyushu'?)",
              "sources.toml:17:71: error: site 'fukuoka': unknown source 'nycu-2025' (no [[source]] has id = "
              "\"nycu-2025\")",
              "sources.toml:29:14: error: trip 't' stop 1: unknown source 'taichung-2025' (no [[source]] has id = "
              "\"taichung-2025\")",
          });
}

TEST_CASE("unknown keys and tables are warnings", "[briefing]") {
    const auto result = loadFixture("unknown_keys.toml");
    const std::string known = "known: schema, title, title_en, source, site, trip, partnership, story";
    CHECK(messages(result) ==
          Lines{
              "unknown_keys.toml:4:1: warning: unknown key 'subtitle' is ignored (" + known + ")",
              "unknown_keys.toml:10:1: warning: unknown key 'nmae_en' in [[site]] is ignored (did you mean 'name_en'?)",
              "unknown_keys.toml:14:1: warning: unknown key 'colour' in [[site]] is ignored (known keys: id, kind, "
              "city, name_zh, name_ja, name_en, lon, lat, notes, notes_en, sources, major)",
              "unknown_keys.toml:16:1: warning: unknown table [[sites]] is ignored (did you mean 'site'?)",
              // [[story]] is a known table now (see story_load_test.cpp), checked as such.
              "unknown_keys.toml:19:1: error: [[story]] is missing required key 'id' (add a line like id = \"…\")",
              "unknown_keys.toml:19:1: error: [[story]] has no steps (add [[story.step]] tables after it, each with "
              "a caption and what the map shows)",
              "unknown_keys.toml:22:1: warning: unknown table [layout] is ignored (" + known + ")",
          });
    CHECK(result.briefing.sites.size() == 1);
    CHECK(result.briefing.stories.empty());
}

TEST_CASE("validateBriefing checks a briefing built in code", "[briefing]") {
    geo::Briefing b;
    geo::Site site = test::makeSite("fukuoka", 130.4017, 33.5902);
    site.kind = geo::SiteKind::City;
    b.sites.push_back(site);
    geo::Partnership p;
    p.id = "p";
    p.parties = {"fukuoka", "fukuoka"};
    b.partnerships.push_back(p);
    const auto diagnostics = geo::validateBriefing(b, "");
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].format() == "error: partnership 'p' needs at least 2 different parties, has 1 (list the site "
                                     "ids of every side: parties = [\"site-a\", \"site-b\"])");
}

TEST_CASE("a file cut off at any byte loads without crashing", "[briefing]") {
    // What a hot reload sees when it polls while the editor is still writing.
    std::ifstream in(kFixtureDir + "valid_minimal.toml", std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    const std::string full = text.str();
    REQUIRE(full.size() > 1000);
    std::size_t withErrors = 0;
    for (std::size_t size = 0; size < full.size(); ++size) {
        const auto result = geo::parseBriefing(std::string_view(full).substr(0, size), "cut.toml");
        if (geo::hasErrors(result.diagnostics)) ++withErrors;
        for (const geo::Diagnostic& d : result.diagnostics) CHECK(d.file == "cut.toml");
    }
    // Most cuts are errors; cuts at the end of a line that completes a table may be fine.
    CHECK(withErrors > full.size() * 9 / 10);
}

TEST_CASE("a briefing file far larger than a briefing is refused with a message, not read whole", "[briefing][bad-input]") {
    const auto dir = test::freshDir("huge_briefing");
    const auto file = dir / "huge.toml";
    {
        std::ofstream out(file, std::ios::binary);
        const std::string line(1023, '#');
        for (std::uintmax_t written = 0; written <= geo::kMaxBriefingFileBytes; written += 1024) out << line << '\n';
    }
    const auto result = geo::loadBriefingFile(file);
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].severity == geo::Severity::Error);
    CHECK(result.diagnostics[0].message == "the file is 16.0 MB; a briefing file may be at most 16 MB");
    CHECK(result.diagnostics[0].hint == "check that this is the briefing file (a briefing is usually under 1 MB)");
    CHECK(result.briefing.sites.empty());
}
