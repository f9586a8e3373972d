#pragma once
// The briefing content model: the places, trips and partnerships the map tells
// about, loaded from assets/briefing.toml (format: assets/FORMAT.md).
//
// Plain value types. Positions are WGS84 longitude/latitude in degrees, as
// doubles. Every entity remembers where it was written (TextPos) so that the
// validator and the viewer can point the author at the exact line.

#include <geo/base/diagnostic.hpp>
#include <geo/base/language.hpp> // Language, which used to be declared here
#include <geo/base/text_match.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace geo {

enum class SiteKind {
    City, Prefecture, County, SciencePark, Fab, Company, University, Government,
    Venue, Market, Station, Airport, Office, Other
};

enum class TripKind { Trip, Event };

// How a delegation came to a stop from the previous one. None: not stated.
enum class LegMode { None, Flight, Bus, Car, Train, Ship, Walk };

enum class PartnershipKind {
    SisterScienceParks, SisterCities, FriendshipCities, UniversityMou, SisterStations,
    AssociationAgreement, TrilateralMou, CooperationMou, Other
};

// 1-based line and column in the source file; 0 when unknown (built in code).
struct TextPos {
    int line = 0;
    int column = 0;
};

// A calendar date whose month and day may be unknown (0): "2017", "2017-09", "2017-09-01".
struct PartialDate {
    int year = 0;
    int month = 0; // 1..12, 0 = unknown
    int day = 0;   // 1..31, 0 = unknown

    bool isComplete() const { return year != 0 && month != 0 && day != 0; }
    std::string toString() const; // "2017", "2017-09" or "2017-09-01"
};
// Orders by year, then month, then day; an unknown part sorts before any known one.
bool operator<(const PartialDate& a, const PartialDate& b);
bool operator==(const PartialDate& a, const PartialDate& b);
inline bool operator!=(const PartialDate& a, const PartialDate& b) { return !(a == b); }

struct TimeOfDay {
    int hour = 0;
    int minute = 0;
    int second = 0;

    int secondsSinceMidnight() const { return (hour * 60 + minute) * 60 + second; }
    std::string toString() const; // "16:00", or "16:00:30" when seconds are set
};

struct SourceRef {
    std::string source; // id of a Source
    std::string section;
    TextPos pos;
};

struct Source {
    std::string id;
    std::string file;
    std::string title;
    std::string titleEn;
    std::string publisher;
    std::optional<PartialDate> date;
    TextPos pos;
};

struct Site {
    std::string id;
    SiteKind kind = SiteKind::Other;
    std::string cityId; // id of a site of kind City it belongs to; may be empty
    std::string nameZh;
    std::string nameJa;
    std::string nameEn;
    double lon = 0.0;
    double lat = 0.0;
    std::string notes;
    std::string notesEn;
    std::vector<SourceRef> sources;
    bool major = false; // one of the briefing's main places (the seven cities): drawn most prominently
    TextPos pos;     // the [[site]] header; pos.line is the line where it was defined
    TextPos cityPos; // the value of `city`
};

struct Stop {
    std::string siteId;
    PartialDate date;
    std::optional<TimeOfDay> startTime;
    std::optional<TimeOfDay> endTime;
    LegMode leg = LegMode::None;
    std::string flight;
    std::string what;
    std::string whatEn;
    std::string met;
    std::string metEn;
    std::vector<SourceRef> sources;
    TextPos pos;     // the [[trip.stop]] header
    TextPos sitePos; // the value of `site`
};

struct Trip {
    std::string id;
    TripKind kind = TripKind::Trip;
    std::string title;
    std::string titleEn;
    std::string leader;
    std::string leaderEn;
    std::string agency;
    std::string agencyEn;
    std::vector<std::string> members;
    PartialDate start;
    PartialDate end;
    std::string notes;
    std::string notesEn;
    std::vector<SourceRef> sources;
    std::vector<Stop> stops;
    TextPos pos;
    TextPos endPos;
};

struct Milestone {
    PartialDate date;
    std::string what;
    std::string whatEn;
    std::vector<SourceRef> sources;
    TextPos pos;
};

struct Partnership {
    std::string id;
    PartnershipKind kind = PartnershipKind::Other;
    std::vector<std::string> parties; // site ids
    std::vector<TextPos> partyPos;    // one per party
    std::string name;
    std::string nameEn;
    std::string notes;
    std::string notesEn;
    std::vector<SourceRef> sources;
    std::vector<Milestone> milestones;
    TextPos pos;
};

// A presentation: steps the presenter clicks through, each with a large caption for
// the projector and what the map shows. Format: assets/FORMAT.md, "[[story]]".
struct StoryView {
    double lon = 0.0;  // centre, degrees east (-180..180)
    double lat = 0.0;  // centre, degrees north (-85..85, the Web Mercator limit)
    double zoom = 0.0; // web-map zoom level (0 = the whole world .. 22)

    static constexpr double kMaxLon = 180.0;
    static constexpr double kMaxLat = 85.0; // beyond it Web Mercator has no map
    static constexpr double kMaxZoom = 22.0;
    // All three are numbers within their ranges (NaN is not).
    bool isValid() const {
        return lon >= -kMaxLon && lon <= kMaxLon && lat >= -kMaxLat && lat <= kMaxLat && zoom >= 0.0 && zoom <= kMaxZoom;
    }
};

// Ink kept with a story step ([[story.step.annotation]], written by the presenter's "keep"):
// drawn whenever the step is shown, and in the story's exports.
struct StepAnnotation {
    bool highlighter = false; // tool = "pen" (default) or "highlighter"
    int colour = 0;           // color = 1.. in the file: the palette's [tools] ink (or highlighter) colours
    std::vector<std::pair<double, double>> points; // [[lon, lat], ...]
    TextPos pos;              // the [[story.step.annotation]] header
};

struct StoryStep {
    std::string caption;   // shown large on the projector
    std::string captionEn; // the same in English
    // The camera target: at most one of siteId / tripId / partnershipId / view
    // (the loader keeps the first one written). None: the camera stays where the
    // previous step left it.
    std::string siteId;        // frame this site
    std::string tripId;        // show this trip and frame it (its stops, or with `day` that day's stops)
    int day = 0;               // with tripId: the trip up to the end of this day (1-based); 0 = whole trip
    std::string partnershipId; // frame this partnership's parties
    std::optional<StoryView> view; // an explicit view
    std::vector<std::string> sites;        // sites highlighted (ids)
    std::vector<std::string> partnerships; // partnerships highlighted (ids); see allPartnerships
    bool allPartnerships = false;          // highlight every partnership (the network story)
    std::string notesId; // open the notes panel of this site or partnership ("" = none)
    std::vector<StepAnnotation> annotations; // kept ink
    // `hold`: how long a video or a Google Earth tour stays on the step once it is there (seconds).
    static constexpr double kDefaultHold = 6.0, kMinHold = 1.0, kMaxHold = 120.0;
    double hold = kDefaultHold;

    TextPos pos;             // the [[story.step]] header
    TextPos sitePos;         // the value of `site`
    TextPos tripPos;         // the value of `trip`
    TextPos dayPos;          // the value of `day` (line 0: not written)
    TextPos partnershipPos;  // the value of `partnership`
    TextPos viewPos;         // the value of `view`
    TextPos viewLonPos, viewLatPos, viewZoomPos; // its members
    std::vector<TextPos> sitesPos;        // one per element of `sites`
    std::vector<TextPos> partnershipsPos; // one per element of `partnerships`
    TextPos allPartnershipsPos; // the value of `all_partnerships`
    TextPos notesPos;           // the value of `notes`

    bool hasCaption() const { return !caption.empty() || !captionEn.empty(); }
    int targetCount() const {
        return int(!siteId.empty()) + int(!tripId.empty()) + int(!partnershipId.empty()) + int(view.has_value());
    }
};

struct Story {
    std::string id;
    std::string title;
    std::string titleEn;
    std::vector<StoryStep> steps; // in the order they are shown
    TextPos pos;                  // the [[story]] header
};

struct Briefing {
    int schema = 0;
    std::string title;
    std::string titleEn;
    std::vector<Source> sources;
    std::vector<Site> sites;
    std::vector<Trip> trips;
    std::vector<Partnership> partnerships;
    std::vector<Story> stories;
    std::filesystem::path path; // the file it was loaded from; empty when parsed from text
    std::size_t textHash = 0;   // of the text it was parsed from: a writer checks the file is still that text

    // Lookup by id; nullptr when absent. Linear: a briefing has dozens of entities.
    const Site* findSite(std::string_view id) const;
    const Source* findSource(std::string_view id) const;
    const Trip* findTrip(std::string_view id) const;
    const Partnership* findPartnership(std::string_view id) const;
    const Story* findStory(std::string_view id) const;
};

// The number of days of a trip, start and end included (2025-02-17..2025-02-22 is 6);
// 0 when start or end is not a complete date or the trip ends before it starts.
int tripDayCount(const Trip& trip);

struct BriefingLoadResult {
    Briefing briefing;       // whatever was good
    Diagnostics diagnostics; // sorted by line, then column
};

// The largest briefing file read (a briefing is usually under 1 MB); a larger one is an error.
inline constexpr std::uintmax_t kMaxBriefingFileBytes = 16u * 1024u * 1024u;

// Never throws: problems come back as diagnostics, labelled with the path as given.
BriefingLoadResult loadBriefingFile(const std::filesystem::path& path);
BriefingLoadResult parseBriefing(std::string_view text, std::string fileLabel);

// Cross-reference checks on a parsed briefing (ids, dates, distances). parseBriefing
// runs them already; exposed for briefings built in code.
Diagnostics validateBriefing(const Briefing& briefing, const std::string& fileLabel);

// The name to show in `language`; when it is missing, the first of the others in
// fallbackOrder(language) (zh → ja → en, ja → zh → en, en → zh → ja: geo/base/language.hpp),
// and the id when the site has no name at all.
std::string_view displayName(const Site& site, Language language);
// The language of the name displayName shows (En when it shows the id): labels pick
// their font face from it (Japanese names in the Japanese face).
Language displayLanguage(const Site& site, Language language);

std::string_view siteKindName(SiteKind kind); // "science-park"
std::optional<SiteKind> parseSiteKind(std::string_view name);
std::string_view tripKindName(TripKind kind);
std::optional<TripKind> parseTripKind(std::string_view name);
std::string_view legModeName(LegMode mode); // "" for None
std::optional<LegMode> parseLegMode(std::string_view name);
std::string_view partnershipKindName(PartnershipKind kind);
std::optional<PartnershipKind> parsePartnershipKind(std::string_view name);

// Comma-separated names of all values, for hints: "city, prefecture, …".
std::string allSiteKindNames();
std::string allTripKindNames();
std::string allLegModeNames();
std::string allPartnershipKindNames();

// Ids are lowercase ASCII letters, digits and '-', not empty.
bool isValidId(std::string_view id);
} // namespace geo
