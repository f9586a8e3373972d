#include <geo/briefing/briefing.hpp>

#include <catch2/catch.hpp>

#include <algorithm>

TEST_CASE("displayName falls back to the other Han name before English", "[briefing]") {
    geo::Site site;
    site.id = "kumamoto";
    site.nameZh = "熊本市";
    site.nameJa = "熊本市（くまもとし）";
    site.nameEn = "Kumamoto";
    CHECK(geo::displayName(site, geo::Language::Zh) == "熊本市");
    CHECK(geo::displayName(site, geo::Language::Ja) == "熊本市（くまもとし）");
    CHECK(geo::displayName(site, geo::Language::En) == "Kumamoto");
    site.nameJa.clear();
    CHECK(geo::displayName(site, geo::Language::Ja) == "熊本市"); // ja → zh before en
    site.nameEn.clear();
    CHECK(geo::displayName(site, geo::Language::En) == "熊本市"); // en → zh
    site.nameZh.clear();
    site.nameJa = "熊本";
    CHECK(geo::displayName(site, geo::Language::En) == "熊本"); // en → zh → ja
    CHECK(geo::displayName(site, geo::Language::Zh) == "熊本"); // zh → ja
    site.nameJa.clear();
    site.nameEn = "Kumamoto";
    CHECK(geo::displayName(site, geo::Language::Zh) == "Kumamoto"); // zh → ja → en
    site.nameEn.clear();
    CHECK(geo::displayName(site, geo::Language::Zh) == "kumamoto"); // last resort: the id
}

TEST_CASE("a site may be marked major, with true or false only", "[briefing]") {
    const auto ok = geo::parseBriefing(R"(schema = 1
[[site]]
id = "fukuoka"
kind = "city"
major = true
name_zh = "福岡市"
name_en = "Fukuoka"
lon = 130.4017
lat = 33.5902

[[site]]
id = "kikuyo"
kind = "city"
name_zh = "菊陽町"
name_en = "Kikuyo"
lon = 130.8283
lat = 32.8628
)",
                                       "major.toml");
    REQUIRE(ok.briefing.sites.size() == 2);
    CHECK(ok.briefing.sites[0].major);
    CHECK_FALSE(ok.briefing.sites[1].major); // not written: not major
    const auto bad = geo::parseBriefing(R"(schema = 1
[[site]]
id = "fukuoka"
kind = "city"
major = "yes"
name_zh = "福岡市"
name_en = "Fukuoka"
lon = 130.4017
lat = 33.5902
)",
                                        "major.toml");
    const auto it = std::find_if(bad.diagnostics.begin(), bad.diagnostics.end(),
                                 [](const geo::Diagnostic& d) { return d.message.find("'major'") != std::string::npos; });
    REQUIRE(it != bad.diagnostics.end());
    CHECK(it->severity == geo::Severity::Error);
    CHECK(it->line == 5);
    CHECK(it->hint.find("major = true") != std::string::npos);
}

TEST_CASE("displayLanguage says which language the shown name is in", "[briefing]") {
    using L = geo::Language;
    geo::Site site;
    site.id = "kikuyo";
    site.nameJa = "菊陽町";
    // Only a Japanese name: every language shows it, and it is Japanese (drawn in the JP face).
    CHECK(geo::displayLanguage(site, L::Zh) == L::Ja);
    CHECK(geo::displayLanguage(site, L::En) == L::Ja);
    site.nameZh = "菊陽町";
    CHECK(geo::displayLanguage(site, L::Zh) == L::Zh);
    CHECK(geo::displayLanguage(site, L::Ja) == L::Ja);
    CHECK(geo::displayLanguage(site, L::En) == L::Zh); // no English name: en falls back to zh before ja
    site.nameEn = "Kikuyo";
    CHECK(geo::displayLanguage(site, L::En) == L::En);
    site.nameJa.clear();
    CHECK(geo::displayLanguage(site, L::Ja) == L::Zh); // ja falls back to the Chinese name before English
    site.nameZh.clear();
    CHECK(geo::displayLanguage(site, L::Ja) == L::En);
    CHECK(geo::displayName(site, L::Ja) == "Kikuyo");
}

TEST_CASE("kind names round-trip", "[briefing]") {
    for (auto kind : {geo::SiteKind::City, geo::SiteKind::SciencePark, geo::SiteKind::Other})
        CHECK(geo::parseSiteKind(geo::siteKindName(kind)) == kind);
    CHECK(geo::siteKindName(geo::SiteKind::SciencePark) == "science-park");
    CHECK_FALSE(geo::parseSiteKind("City").has_value());
    CHECK(geo::partnershipKindName(geo::PartnershipKind::SisterScienceParks) == "sister-science-parks");
    CHECK(geo::parsePartnershipKind("university-mou") == geo::PartnershipKind::UniversityMou);
    CHECK(geo::legModeName(geo::LegMode::Flight) == "flight");
    CHECK(geo::legModeName(geo::LegMode::None).empty());
    CHECK_FALSE(geo::parseLegMode("").has_value());
    CHECK(geo::parseTripKind("event") == geo::TripKind::Event);
    CHECK(geo::allTripKindNames() == "trip, event");
    CHECK(geo::allLegModeNames() == "flight, bus, car, train, ship, walk");
}

TEST_CASE("PartialDate orders and prints partial dates", "[briefing]") {
    const geo::PartialDate year{2017, 0, 0};
    const geo::PartialDate month{2017, 9, 0};
    const geo::PartialDate day{2017, 9, 1};
    CHECK(year.toString() == "2017");
    CHECK(month.toString() == "2017-09");
    CHECK(day.toString() == "2017-09-01");
    CHECK(year < month);
    CHECK(month < day);
    CHECK(day < geo::PartialDate{2018, 0, 0});
    CHECK_FALSE(day < day);
    CHECK(day.isComplete());
    CHECK_FALSE(month.isComplete());
    CHECK(geo::TimeOfDay{16, 0, 0}.toString() == "16:00");
    CHECK(geo::TimeOfDay{9, 5, 30}.toString() == "09:05:30");
}

TEST_CASE("ids and typo suggestions", "[briefing]") {
    CHECK(geo::isValidId("fukuoka-airport"));
    CHECK(geo::isValidId("hsp-2025"));
    CHECK_FALSE(geo::isValidId(""));
    CHECK_FALSE(geo::isValidId("Fukuoka"));
    CHECK_FALSE(geo::isValidId("fukuoka_airport"));
    CHECK(geo::editDistance("kitten", "sitting") == 3);
    CHECK(geo::editDistance("", "abc") == 3);
    const std::vector<std::string> keys{"name_zh", "name_ja", "name_en", "notes"};
    CHECK(geo::closestMatch("nmae_en", keys) == "name_en");
    CHECK(geo::closestMatch("colour", keys).empty());
    CHECK(geo::closestMatch("x", {"y"}) == "y"); // one edit is always allowed
}

TEST_CASE("Briefing finds entities by id", "[briefing]") {
    geo::Briefing b;
    b.sites.push_back({});
    b.sites.back().id = "fukuoka";
    b.sources.push_back({});
    b.sources.back().id = "hsp";
    CHECK(b.findSite("fukuoka") == &b.sites[0]);
    CHECK(b.findSite("kumamoto") == nullptr);
    CHECK(b.findSource("hsp") == &b.sources[0]);
    CHECK(b.findTrip("hsp") == nullptr);
    CHECK(b.findPartnership("") == nullptr);
}
