// The notes model: what the notes panel, the presenter window and "Copy all" say about a
// site, a partnership or a story step.
#include <geo/briefing/notes.hpp>

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

// A step's notes as the presenter reads them: a heading, then its paragraphs one a line.
struct Section {
    std::string heading, text;
};
std::vector<Section> sections(const geo::Notes& notes) {
    std::vector<Section> out;
    for (const geo::NoteBlock& b : notes.blocks) {
        if (b.style == geo::NoteBlock::Style::Heading) {
            out.push_back({b.text, ""});
            continue;
        }
        REQUIRE(b.style == geo::NoteBlock::Style::Body);
        REQUIRE(!out.empty());
        if (!out.back().text.empty()) out.back().text += '\n';
        out.back().text += b.text;
    }
    return out;
}

std::vector<Section> presenterNotes(const geo::Briefing& b, const geo::StoryStep& step, geo::Language language) {
    return sections(geo::stepNotes(b, step, language));
}

} // namespace

TEST_CASE("a trip day's notes: its stops with their times, places and what happened", "[notes]") {
    const geo::Briefing b = briefing();
    geo::StoryStep step;
    step.tripId = "visit";
    step.day = 2;
    const auto en = presenterNotes(b, step, Language::En);
    REQUIRE(en.size() == 1);
    CHECK(en[0].heading == "Day 2  2025-02-18");
    CHECK(en[0].text == "09:00–09:30  Kitakyushu City Hall — Call on the mayor\n"
                        "10:00–12:30  Kitakyushu Science and Research Park — Visit to the sister park\n"
                        "Kitakyushu Science and Research Park");
    // Chinese and Japanese: the documents' text and the Chinese names; the day in the interface's words.
    const auto zh = presenterNotes(b, step, Language::Zh);
    REQUIRE(zh.size() == 1);
    CHECK(zh[0].heading == "第2天  2025-02-18");
    CHECK(zh[0].text.rfind("09:00–09:30  北九州市政府 — 拜會市長\n", 0) == 0);
    const auto ja = presenterNotes(b, step, Language::Ja);
    REQUIRE(ja.size() == 1);
    CHECK(ja[0].heading == "2日目  2025-02-18");
}

TEST_CASE("a step on a whole trip: its dates and leader", "[notes]") {
    geo::StoryStep step;
    step.tripId = "visit";
    const auto notes = presenterNotes(briefing(), step, Language::En);
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].heading == "Hsinchu Science Park visit to Kyushu");
    CHECK(notes[0].text == "2025-02-17 – 2025-02-19\nLeader: Director-General Chen");
}

TEST_CASE("a step's site, notes and highlighted partnerships, each told once", "[notes]") {
    geo::StoryStep step;
    step.siteId = "park";
    step.notesId = "sister-parks";
    step.partnerships = {"sister-parks", "no-such-partnership"};
    const auto notes = presenterNotes(briefing(), step, Language::En);
    REQUIRE(notes.size() == 2);
    CHECK(notes[0].heading == "Kitakyushu Science and Research Park");
    CHECK(notes[0].text == "Hsinchu Science Park's sister park.");
    CHECK(notes[1].heading == "Sister parks");
    CHECK(notes[1].text == "Since 2005.\n2005  The parks became sister parks.");
}

TEST_CASE("a step on nothing the briefing knows has no notes", "[notes]") {
    geo::StoryStep step;
    step.tripId = "gone";
    step.siteId = "gone";
    CHECK(geo::stepNotes(briefing(), step, Language::En).empty());
    CHECK(geo::stepNotes(briefing(), geo::StoryStep{}, Language::Zh).empty());
}

TEST_CASE("a site's notes: its names each in its own face, kind, city, position, notes, stops, partnerships", "[notes]") {
    geo::Briefing b = briefing();
    b.sites[1].nameJa = "北九州学術研究都市";
    b.sites[1].cityId = "city-hall"; // (a venue as its city, for the test)
    geo::SourceRef ref;
    ref.source = "report";
    ref.section = "3.2";
    b.sites[1].sources.push_back(ref);
    geo::Source report;
    report.id = "report";
    report.title = "出國報告";
    report.titleEn = "Trip report";
    b.sources.push_back(report);
    const geo::Notes notes = geo::siteNotes(b, b.sites[1], Language::Zh);
    CHECK(notes.title == "北九州學術研究都市");
    CHECK(notes.id == "park");
    using S = geo::NoteBlock::Style;
    REQUIRE(notes.blocks.size() >= 6);
    CHECK(notes.blocks[0].style == S::Title);
    CHECK(notes.blocks[0].face == geo::Face::Chinese);
    // Every name, Chinese in the Chinese face, Japanese in the Japanese one, English in the interface's.
    CHECK(notes.blocks[1].text == "北九州學術研究都市");
    CHECK(notes.blocks[1].face == geo::Face::Chinese);
    CHECK(notes.blocks[2].text == "北九州学術研究都市");
    CHECK(notes.blocks[2].face == geo::Face::Japanese);
    CHECK(notes.blocks[3].text == "Kitakyushu Science and Research Park");
    CHECK(notes.blocks[3].face == geo::Face::Interface);
    const std::string text = geo::plainText(notes);
    // The headings and fields in the interface language; the document's text first, the English muted after it.
    CHECK(text.find("類型: 會場\n") != std::string::npos);
    CHECK(text.find("所屬城市: 北九州市政府\n") != std::string::npos);
    CHECK(text.find("位置: 33.8900°N 130.7100°E\n") != std::string::npos);
    CHECK(text.find("\n說明\n竹科姐妹園區。\n") != std::string::npos);
    CHECK(text.find("\n說明（英文）\nHsinchu Science Park's sister park.\n") != std::string::npos);
    // Its trip stops, with their dates and times, and what happened there.
    CHECK(text.find("\n行程\n竹科訪問九州\nHsinchu Science Park visit to Kyushu\n2025-02-18  10:00–12:30\n  參訪姐妹園區\n  Visit to the sister park\n") !=
          std::string::npos);
    // The partnerships it is a party to, with the other parties and the milestones.
    CHECK(text.find("\n合作關係\n竹科–北九州學研都市姊妹園區\nSister parks\n") != std::string::npos);
    CHECK(text.find("夥伴: 新竹科學園區\n") != std::string::npos);
    CHECK(text.find("  2005  締結姊妹園區。\n") != std::string::npos);
    // Its sources, by the document's title and section.
    CHECK(text.find("\n資料來源\n  出國報告  (章節 3.2)\n") != std::string::npos);
    // A heading's Copy button copies its text.
    const auto heading = std::find_if(notes.blocks.begin(), notes.blocks.end(), [](const geo::NoteBlock& block) {
        return block.style == geo::NoteBlock::Style::Heading && block.text == "說明";
    });
    REQUIRE(heading != notes.blocks.end());
    CHECK(heading->label == "竹科姐妹園區。");
}

TEST_CASE("a site's notes in English put the English text first", "[notes]") {
    const geo::Briefing b = briefing();
    const std::string text = geo::plainText(geo::siteNotes(b, b.sites[1], Language::En));
    CHECK(text.find("\nNotes (English)\nHsinchu Science Park's sister park.\n\nNotes\n竹科姐妹園區。\n") != std::string::npos);
    CHECK(text.find("Hsinchu Science Park visit to Kyushu\n竹科訪問九州\n") != std::string::npos);
}

TEST_CASE("a partnership's notes: name, kind, parties as links, notes, milestones", "[notes]") {
    const geo::Briefing b = briefing();
    const geo::Notes notes = geo::partnershipNotes(b, b.partnerships[0], Language::En);
    CHECK(notes.title == "Sister parks");
    CHECK(notes.id == "sister-parks");
    std::vector<std::string> links;
    for (const geo::NoteBlock& block : notes.blocks)
        if (block.style == geo::NoteBlock::Style::Link) links.push_back(block.text + " -> " + block.label);
    CHECK(links == std::vector<std::string>{"Hsinchu Science Park -> hsp", "Kitakyushu Science and Research Park -> park"});
    CHECK(geo::plainText(notes) == "Sister parks\n竹科–北九州學研都市姊妹園區\nOther cooperation\n\nParties\n  Hsinchu Science Park\n"
                                   "  Kitakyushu Science and Research Park\n\nNotes\nSince 2005.\n自2005年。\n\nMilestones\n"
                                   "2005  The parks became sister parks.\n締結姊妹園區。\n");
}
