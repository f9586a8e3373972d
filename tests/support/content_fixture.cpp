#include "content_fixture.hpp"

namespace test {

namespace {

geo::Site site(const char* id, geo::SiteKind kind, const char* zh, const char* en, double lon, double lat, bool major = false) {
    geo::Site s;
    s.id = id;
    s.kind = kind;
    s.nameZh = zh;
    s.nameEn = en;
    s.lon = lon;
    s.lat = lat;
    s.major = major;
    return s;
}

geo::Stop stop(const char* siteId, int day, geo::LegMode leg = geo::LegMode::None) {
    geo::Stop s;
    s.siteId = siteId;
    s.date = geo::PartialDate{2026, 3, day};
    s.leg = leg;
    return s;
}

geo::Milestone milestone(int year, const char* what) {
    geo::Milestone m;
    m.date = geo::PartialDate{year, 0, 0};
    m.whatEn = what;
    return m;
}

} // namespace

geo::Briefing contentFixture() {
    geo::Briefing b;
    b.sites = {site("kumamoto", geo::SiteKind::City, "熊本市", "Kumamoto", 130.7417, 32.8031, true),
               site("kumamoto-venue", geo::SiteKind::Venue, "熊本城ホール", "Kumamoto Castle Hall", 130.7460, 32.8040),
               site("kaohsiung", geo::SiteKind::City, "高雄市", "Kaohsiung", 120.3014, 22.6273, true),
               site("phoenix", geo::SiteKind::City, "鳳凰城", "Phoenix", -112.0740, 33.4484),
               site("kumamoto-university", geo::SiteKind::University, "熊本大學", "Kumamoto University", 130.7282, 32.8136)};
    b.sites[1].cityId = "kumamoto";
    b.sites[4].cityId = "kumamoto";
    geo::Trip t;
    t.id = "delegation";
    t.title = "高雄市訪問團";
    t.titleEn = "Kaohsiung delegation";
    t.start = {2026, 3, 1};
    t.end = {2026, 3, 4};
    t.stops = {stop("kaohsiung", 1), stop("kumamoto", 2, geo::LegMode::Flight), stop("kumamoto-university", 2),
               stop("phoenix", 4, geo::LegMode::Flight)};
    b.trips.push_back(t);
    geo::Partnership sister;
    sister.id = "sister";
    sister.kind = geo::PartnershipKind::SisterCities;
    sister.parties = {"kaohsiung", "kumamoto"};
    sister.nameEn = "Kaohsiung–Kumamoto friendship";
    sister.milestones = {milestone(2015, "Friendship agreement")};
    geo::Partnership arizona;
    arizona.id = "arizona";
    arizona.kind = geo::PartnershipKind::CooperationMou;
    arizona.parties = {"kumamoto", "phoenix"};
    arizona.nameEn = "Kumamoto–Arizona MOU";
    arizona.milestones = {milestone(2024, "MOU signed")};
    b.partnerships = {sister, arizona};
    geo::Story story;
    story.id = "tour";
    geo::StoryStep day;
    day.tripId = "delegation";
    day.day = 2;
    day.sites = {"kumamoto-university"};
    geo::StoryStep view;
    view.view = geo::StoryView{130.7, 32.8, 11.0};
    geo::StoryStep link;
    link.partnershipId = "arizona";
    link.notesId = "arizona";
    story.steps = {day, view, link};
    b.stories.push_back(story);
    return b;
}

} // namespace test
