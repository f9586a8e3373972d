#include <geo/briefing/briefing.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <tuple>
#include <utility>

namespace geo {

namespace {

template <typename Enum, std::size_t N>
using NameTable = std::array<std::pair<Enum, std::string_view>, N>;

constexpr NameTable<SiteKind, 14> kSiteKinds{{
    {SiteKind::City, "city"}, {SiteKind::Prefecture, "prefecture"}, {SiteKind::County, "county"},
    {SiteKind::SciencePark, "science-park"}, {SiteKind::Fab, "fab"}, {SiteKind::Company, "company"},
    {SiteKind::University, "university"}, {SiteKind::Government, "government"}, {SiteKind::Venue, "venue"},
    {SiteKind::Market, "market"}, {SiteKind::Station, "station"}, {SiteKind::Airport, "airport"},
    {SiteKind::Office, "office"}, {SiteKind::Other, "other"},
}};

constexpr NameTable<TripKind, 2> kTripKinds{{{TripKind::Trip, "trip"}, {TripKind::Event, "event"}}};

constexpr NameTable<LegMode, 6> kLegModes{{
    {LegMode::Flight, "flight"}, {LegMode::Bus, "bus"}, {LegMode::Car, "car"},
    {LegMode::Train, "train"}, {LegMode::Ship, "ship"}, {LegMode::Walk, "walk"},
}};

constexpr NameTable<PartnershipKind, 9> kPartnershipKinds{{
    {PartnershipKind::SisterScienceParks, "sister-science-parks"},
    {PartnershipKind::SisterCities, "sister-cities"},
    {PartnershipKind::FriendshipCities, "friendship-cities"},
    {PartnershipKind::UniversityMou, "university-mou"},
    {PartnershipKind::SisterStations, "sister-stations"},
    {PartnershipKind::AssociationAgreement, "association-agreement"},
    {PartnershipKind::TrilateralMou, "trilateral-mou"},
    {PartnershipKind::CooperationMou, "cooperation-mou"},
    {PartnershipKind::Other, "other"},
}};

template <typename Enum, std::size_t N>
std::string_view nameOf(const NameTable<Enum, N>& table, Enum value) {
    for (const auto& [e, name] : table)
        if (e == value) return name;
    return {};
}

template <typename Enum, std::size_t N>
std::optional<Enum> parseName(const NameTable<Enum, N>& table, std::string_view name) {
    for (const auto& [e, n] : table)
        if (n == name) return e;
    return std::nullopt;
}

template <typename Enum, std::size_t N>
std::string joinNames(const NameTable<Enum, N>& table) {
    std::string out;
    for (const auto& entry : table) {
        if (!out.empty()) out += ", ";
        out += entry.second;
    }
    return out;
}

template <typename T>
const T* findById(const std::vector<T>& items, std::string_view id) {
    auto it = std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
    return it == items.end() ? nullptr : &*it;
}

std::string twoDigits(int value) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d", value);
    return buf;
}

} // namespace

std::string PartialDate::toString() const {
    std::string out = std::to_string(year);
    if (month == 0) return out;
    out += '-' + twoDigits(month);
    if (day == 0) return out;
    return out + '-' + twoDigits(day);
}

bool operator<(const PartialDate& a, const PartialDate& b) {
    return std::tie(a.year, a.month, a.day) < std::tie(b.year, b.month, b.day);
}

bool operator==(const PartialDate& a, const PartialDate& b) {
    return a.year == b.year && a.month == b.month && a.day == b.day;
}

std::string TimeOfDay::toString() const {
    std::string out = twoDigits(hour) + ':' + twoDigits(minute);
    if (second != 0) out += ':' + twoDigits(second);
    return out;
}

const Site* Briefing::findSite(std::string_view id) const { return findById(sites, id); }
const Source* Briefing::findSource(std::string_view id) const { return findById(sources, id); }
const Trip* Briefing::findTrip(std::string_view id) const { return findById(trips, id); }
const Partnership* Briefing::findPartnership(std::string_view id) const { return findById(partnerships, id); }
const Story* Briefing::findStory(std::string_view id) const { return findById(stories, id); }

int tripDayCount(const Trip& trip) {
    if (!trip.start.isComplete() || !trip.end.isComplete() || trip.end < trip.start) return 0;
    // Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
    auto days = [](const PartialDate& d) {
        const long y = d.year - (d.month <= 2 ? 1 : 0);
        const long era = (y >= 0 ? y : y - 399) / 400;
        const long yoe = y - era * 400;
        const long doy = (153L * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
        const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    };
    return static_cast<int>(days(trip.end) - days(trip.start) + 1);
}

Language displayLanguage(const Site& site, Language language) {
    return pickFallback(site.nameZh, site.nameJa, site.nameEn, language).language;
}

std::string_view displayName(const Site& site, Language language) {
    const std::string& name = *pickFallback(site.nameZh, site.nameJa, site.nameEn, language).text;
    return name.empty() ? std::string_view(site.id) : std::string_view(name);
}

std::string_view siteKindName(SiteKind kind) { return nameOf(kSiteKinds, kind); }
std::optional<SiteKind> parseSiteKind(std::string_view name) { return parseName(kSiteKinds, name); }
std::string_view tripKindName(TripKind kind) { return nameOf(kTripKinds, kind); }
std::optional<TripKind> parseTripKind(std::string_view name) { return parseName(kTripKinds, name); }
std::string_view legModeName(LegMode mode) { return nameOf(kLegModes, mode); }
std::optional<LegMode> parseLegMode(std::string_view name) { return parseName(kLegModes, name); }
std::string_view partnershipKindName(PartnershipKind kind) { return nameOf(kPartnershipKinds, kind); }
std::optional<PartnershipKind> parsePartnershipKind(std::string_view name) {
    return parseName(kPartnershipKinds, name);
}

std::string allSiteKindNames() { return joinNames(kSiteKinds); }
std::string allTripKindNames() { return joinNames(kTripKinds); }
std::string allLegModeNames() { return joinNames(kLegModes); }
std::string allPartnershipKindNames() { return joinNames(kPartnershipKinds); }

bool isValidId(std::string_view id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

std::size_t editDistance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string closestMatch(std::string_view word, const std::vector<std::string>& candidates) {
    // A typo changes a few characters; allow one edit per three characters, at least one.
    const std::size_t limit = std::max<std::size_t>(1, word.size() / 3);
    std::string best;
    std::size_t bestDistance = limit + 1;
    for (const std::string& candidate : candidates) {
        std::size_t d = editDistance(word, candidate);
        if (d < bestDistance) {
            bestDistance = d;
            best = candidate;
        }
    }
    return best;
}

BriefingLoadResult loadBriefingFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        BriefingLoadResult result;
        std::error_code ec;
        bool exists = std::filesystem::exists(path, ec);
        result.diagnostics.push_back({Severity::Error, path.string(), 0, 0,
                                      exists ? "cannot read the file" : "the file does not exist",
                                      exists ? "check its permissions" : "check the path"});
        return result;
    }
    // A briefing is text of well under a megabyte; a file far larger is the wrong file, and
    // reading it whole would only use up memory.
    std::error_code sizeError;
    const auto size = std::filesystem::file_size(path, sizeError);
    if (!sizeError && size > kMaxBriefingFileBytes) {
        BriefingLoadResult result;
        char mb[32];
        std::snprintf(mb, sizeof mb, "%.1f", static_cast<double>(size) / (1024.0 * 1024.0));
        result.diagnostics.push_back({Severity::Error, path.string(), 0, 0,
                                      std::string("the file is ") + mb + " MB; a briefing file may be at most " +
                                          std::to_string(kMaxBriefingFileBytes / (1024 * 1024)) + " MB",
                                      "check that this is the briefing file (a briefing is usually under 1 MB)"});
        return result;
    }
    std::ostringstream text;
    text << in.rdbuf();
    BriefingLoadResult result = parseBriefing(text.str(), path.string());
    result.briefing.path = path;
    return result;
}

} // namespace geo
