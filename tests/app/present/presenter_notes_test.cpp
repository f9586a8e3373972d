#include "present/presentation.hpp"

#include <catch2/catch.hpp>

using geo::Language;

namespace {

geo::Site site(const char* id, const char* zh, const char* en, double lon, double lat, const char* notes = "",
               const char* notesEn = "") {
    geo::Site s;
    s.id = id;
    s.kind = geo::SiteKind::Venue;
    s.nameZh = zh;
    s.nameEn = en;
    s.lon = lon;
    s.lat = lat;
    s.notes = notes;
    s.notesEn = notesEn;
    return s;
}

geo::Stop stop(const char* siteId, int day, const char* what, const char* whatEn, int hour = -1, int endHour = -1) {
    geo::Stop s;
    s.siteId = siteId;
    s.date = geo::PartialDate{2025, 2, day};
    s.what = what;
    s.whatEn = whatEn;
    if (hour >= 0) s.startTime = geo::TimeOfDay{hour, 0, 0};
    if (endHour >= 0) s.endTime = geo::TimeOfDay{endHour, 30, 0};
    return s;
}

geo::Briefing briefing() {
    geo::Briefing b;
    b.sites = {site("city-hall", "北九州市政府", "Kitakyushu City Hall", 130.88, 33.88),
               site("park", "北九州學術研究都市", "Kitakyushu Science and Research Park", 130.71, 33.89, "竹科姐妹園區。",
                    "Hsinchu Science Park's sister park."),
               site("hsp", "新竹科學園區", "Hsinchu Science Park", 121.0, 24.78)};
    geo::Trip t;
    t.id = "visit";
    t.title = "竹科訪問九州";
    t.titleEn = "Hsinchu Science Park visit to Kyushu";
    t.leader = "陳局長";
    t.leaderEn = "Director-General Chen";
    t.start = {2025, 2, 17};
    t.end = {2025, 2, 19};
    t.stops = {stop("city-hall", 17, "抵達", "Arrival"), stop("city-hall", 18, "拜會市長", "Call on the mayor", 9, 9),
               stop("park", 18, "參訪姐妹園區", "Visit to the sister park", 10, 12), stop("park", 18, "", "")};
    b.trips.push_back(t);
    geo::Partnership p;
    p.id = "sister-parks";
    p.parties = {"hsp", "park"};
    p.name = "竹科–北九州學研都市姊妹園區";
    p.nameEn = "Sister parks";
    p.notes = "自2005年。";
    p.notesEn = "Since 2005.";
    geo::Milestone m;
    m.date = geo::PartialDate{2005, 0, 0};
    m.what = "締結姊妹園區。";
    m.whatEn = "The parks became sister parks.";
    p.milestones.push_back(m);
    b.partnerships.push_back(p);
    return b;
}

} // namespace

TEST_CASE("a trip day's notes: its stops with their times, places and what happened", "[presenter]") {
    const geo::Briefing b = briefing();
    geo::StoryStep step;
    step.tripId = "visit";
    step.day = 2;
    const auto en = app::stepNotes(b, step, Language::En);
    REQUIRE(en.size() == 1);
    CHECK(en[0].heading == "Day 2  2025-02-18");
    CHECK(en[0].text == "09:00–09:30  Kitakyushu City Hall — Call on the mayor\n"
                        "10:00–12:30  Kitakyushu Science and Research Park — Visit to the sister park\n"
                        "Kitakyushu Science and Research Park");
    // Chinese and Japanese: the documents' text and the Chinese names; the day in the interface's words.
    const auto zh = app::stepNotes(b, step, Language::Zh);
    REQUIRE(zh.size() == 1);
    CHECK(zh[0].heading == "第2天  2025-02-18");
    CHECK(zh[0].text.rfind("09:00–09:30  北九州市政府 — 拜會市長\n", 0) == 0);
    const auto ja = app::stepNotes(b, step, Language::Ja);
    REQUIRE(ja.size() == 1);
    CHECK(ja[0].heading == "2日目  2025-02-18");
}

TEST_CASE("a step on a whole trip: its dates and leader", "[presenter]") {
    geo::StoryStep step;
    step.tripId = "visit";
    const auto notes = app::stepNotes(briefing(), step, Language::En);
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].heading == "Hsinchu Science Park visit to Kyushu");
    CHECK(notes[0].text == "2025-02-17 – 2025-02-19\nLeader: Director-General Chen");
}

TEST_CASE("a step's site, notes and highlighted partnerships, each told once", "[presenter]") {
    geo::StoryStep step;
    step.siteId = "park";
    step.notesId = "sister-parks";
    step.partnerships = {"sister-parks", "no-such-partnership"};
    const auto notes = app::stepNotes(briefing(), step, Language::En);
    REQUIRE(notes.size() == 2);
    CHECK(notes[0].heading == "Kitakyushu Science and Research Park");
    CHECK(notes[0].text == "Hsinchu Science Park's sister park.");
    CHECK(notes[1].heading == "Sister parks");
    CHECK(notes[1].text == "Since 2005.\n2005  The parks became sister parks.");
}

TEST_CASE("a step on nothing the briefing knows has no notes", "[presenter]") {
    geo::StoryStep step;
    step.tripId = "gone";
    step.siteId = "gone";
    CHECK(app::stepNotes(briefing(), step, Language::En).empty());
    CHECK(app::stepNotes(briefing(), geo::StoryStep{}, Language::Zh).empty());
}
