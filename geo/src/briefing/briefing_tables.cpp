// The briefing document and its [[source]], [[site]], [[trip]] (with [[trip.stop]]) and
// [[partnership]] (with [[partnership.milestone]]) tables.
#include "briefing/briefing_reader.hpp"

#include <cmath>
#include <cstdio>

namespace geo::briefing_toml {

Source Reader::readSource(const toml::table& t) {
    Ctx ctx{t, "[[source]]", keyList({"id", "file", "title", "title_en", "publisher", "date"})};
    checkUnknownKeys(ctx, "[[source]]");
    Source s;
    s.pos = posOf(t);
    s.id = readId(ctx, "source");
    s.file = readString(ctx, "file", true);
    s.title = readString(ctx, "title", true);
    s.titleEn = readString(ctx, "title_en", false);
    s.publisher = readString(ctx, "publisher", false);
    s.date = readDate(ctx, "date", false);
    return s;
}

Site Reader::readSite(const toml::table& t) {
    Ctx ctx{t, "[[site]]", keyList({"id", "kind", "city", "name_zh", "name_ja", "name_en", "lon", "lat", "notes",
                                    "notes_en", "sources", "major"})};
    checkUnknownKeys(ctx, "[[site]]");
    Site s;
    s.pos = posOf(t);
    s.id = readId(ctx, "site");
    s.kind = readKind<SiteKind>(ctx, "kind", "site kind", true, parseSiteKind, allSiteKindNames)
                 .value_or(SiteKind::Other);
    s.cityId = readString(ctx, "city", false);
    if (const toml::node* city = t.get("city")) s.cityPos = posOf(*city);
    s.nameZh = readString(ctx, "name_zh", true);
    s.nameJa = readString(ctx, "name_ja", false);
    s.nameEn = readString(ctx, "name_en", true);
    s.notes = readString(ctx, "notes", false);
    s.notesEn = readString(ctx, "notes_en", false);
    s.sources = readSources(ctx);
    s.major = readBool(ctx, "major").value_or(false);

    // A site with no usable position cannot be drawn; NaN marks it for removal.
    auto lon = readNumber(ctx, "lon");
    auto lat = readNumber(ctx, "lat");
    s.lon = lon.value_or(std::nan(""));
    s.lat = lat.value_or(std::nan(""));
    auto checkRange = [&](std::string_view key, std::optional<double>& value, double limit, std::string_view axis) {
        if (!value) return;
        const TextPos pos = posOf(*t.get(key));
        if (std::isnan(*value)) {
            error(pos, ctx.label + ": " + std::string(key) + " is nan, not a number",
                  "write the degrees, e.g. " + std::string(key) + " = " + (key == "lon" ? "130.7417" : "32.8032"));
        } else if (std::abs(*value) > limit) {
            char degrees[32];
            std::snprintf(degrees, sizeof degrees, "%.10g", *value);
            std::string hint = std::string(key) + " runs " + std::string(axis) + " from " +
                               std::to_string(static_cast<int>(-limit)) + " to " + std::to_string(static_cast<int>(limit));
            if (key == "lat" && lon && std::abs(*lon) <= 90.0 && std::abs(*value) <= 180.0)
                hint += "; were lon and lat swapped?";
            error(pos, ctx.label + ": " + std::string(key) + " " + degrees + " is out of range", hint);
        } else {
            return;
        }
        value.reset();
        (key == "lon" ? s.lon : s.lat) = std::nan("");
    };
    checkRange("lon", lon, 180.0, "east–west");
    checkRange("lat", lat, 90.0, "north–south");
    return s;
}

Stop Reader::readStop(const toml::table& t, const std::string& tripLabel, std::size_t index) {
    Ctx ctx{t, tripLabel + " stop " + std::to_string(index),
            keyList({"site", "date", "start_time", "end_time", "leg", "flight", "what", "what_en", "met", "met_en",
                     "sources"})};
    checkUnknownKeys(ctx, "[[trip.stop]]");
    Stop s;
    s.pos = posOf(t);
    s.siteId = readString(ctx, "site", true);
    if (const toml::node* site = t.get("site")) s.sitePos = posOf(*site);
    s.date = readDate(ctx, "date", true).value_or(PartialDate{});
    s.startTime = readTime(ctx, "start_time");
    s.endTime = readTime(ctx, "end_time");
    s.leg = readKind<LegMode>(ctx, "leg", "leg", false, parseLegMode, allLegModeNames).value_or(LegMode::None);
    s.flight = readString(ctx, "flight", false);
    s.what = readString(ctx, "what", false);
    s.whatEn = readString(ctx, "what_en", false);
    s.met = readString(ctx, "met", false);
    s.metEn = readString(ctx, "met_en", false);
    s.sources = readSources(ctx);
    return s;
}

Trip Reader::readTrip(const toml::table& t) {
    Ctx ctx{t, "[[trip]]", keyList({"id", "kind", "title", "title_en", "leader", "leader_en", "agency", "agency_en",
                                    "members", "start", "end", "notes", "notes_en", "sources", "stop"})};
    checkUnknownKeys(ctx, "[[trip]]");
    Trip trip;
    trip.pos = posOf(t);
    trip.id = readId(ctx, "trip");
    trip.kind = readKind<TripKind>(ctx, "kind", "trip kind", true, parseTripKind, allTripKindNames)
                    .value_or(TripKind::Trip);
    trip.title = readString(ctx, "title", true);
    trip.titleEn = readString(ctx, "title_en", true);
    trip.leader = readString(ctx, "leader", false);
    trip.leaderEn = readString(ctx, "leader_en", false);
    trip.agency = readString(ctx, "agency", false);
    trip.agencyEn = readString(ctx, "agency_en", false);
    trip.members = readStringList(ctx, "members", true, nullptr);
    trip.start = readDate(ctx, "start", true).value_or(PartialDate{});
    trip.end = readDate(ctx, "end", true).value_or(PartialDate{});
    if (const toml::node* end = t.get("end")) trip.endPos = posOf(*end);
    trip.notes = readString(ctx, "notes", false);
    trip.notesEn = readString(ctx, "notes_en", false);
    trip.sources = readSources(ctx);
    forEachTable(t, "stop", "[[trip.stop]]", [&](const toml::table& stop, std::size_t index) {
        trip.stops.push_back(readStop(stop, ctx.label, index));
    });
    return trip;
}

Milestone Reader::readMilestone(const toml::table& t, const std::string& label, std::size_t index) {
    Ctx ctx{t, label + " milestone " + std::to_string(index), keyList({"date", "what", "what_en", "sources"})};
    checkUnknownKeys(ctx, "[[partnership.milestone]]");
    Milestone m;
    m.pos = posOf(t);
    m.date = readPartialDate(ctx, "date").value_or(PartialDate{});
    m.what = readString(ctx, "what", true);
    m.whatEn = readString(ctx, "what_en", false);
    m.sources = readSources(ctx);
    return m;
}

Partnership Reader::readPartnership(const toml::table& t) {
    Ctx ctx{t, "[[partnership]]", keyList({"id", "kind", "parties", "name", "name_en", "notes", "notes_en",
                                           "sources", "milestone"})};
    checkUnknownKeys(ctx, "[[partnership]]");
    Partnership p;
    p.pos = posOf(t);
    p.id = readId(ctx, "partnership");
    p.kind = readKind<PartnershipKind>(ctx, "kind", "partnership kind", true, parsePartnershipKind,
                                       allPartnershipKindNames)
                 .value_or(PartnershipKind::Other);
    // A missing or short `parties` is reported by the validator ("needs at least 2").
    p.parties = readStringList(ctx, "parties", false, &p.partyPos);
    p.name = readString(ctx, "name", true);
    p.nameEn = readString(ctx, "name_en", false);
    p.notes = readString(ctx, "notes", false);
    p.notesEn = readString(ctx, "notes_en", false);
    p.sources = readSources(ctx);
    forEachTable(t, "milestone", "[[partnership.milestone]]", [&](const toml::table& m, std::size_t index) {
        p.milestones.push_back(readMilestone(m, ctx.label, index));
    });
    return p;
}

void Reader::readDocument(const toml::table& root, Briefing& out) {
    const std::vector<std::string> known =
        keyList({"schema", "title", "title_en", "source", "site", "trip", "partnership", "story"});
    for (auto&& [key, node] : root) {
        std::string name(key.str());
        if (std::find(known.begin(), known.end(), name) != known.end()) continue;
        std::string guess = closestMatch(name, known);
        bool isTable = node.is_table() || node.is_array_of_tables();
        std::string shown = !isTable ? "key '" + name + "'" : node.is_table() ? "table [" + name + "]" : "table [[" + name + "]]";
        warning(isTable ? posOf(node) : posOf(key), "unknown " + shown + " is ignored",
                guess.empty() ? "known: " + joined(known) : "did you mean '" + guess + "'?");
    }

    Ctx ctx{root, "the briefing", known};
    if (const toml::node* schema = get(ctx, "schema", true, "1")) {
        if (const auto* i = schema->as_integer()) {
            out.schema = static_cast<int>(i->get());
            if (out.schema != 1)
                error(posOf(*schema), "schema " + std::to_string(out.schema) + " is not supported",
                      "this version of the viewer reads schema = 1");
        } else {
            wrongType(ctx, "schema", *schema, "an integer", "write schema = 1");
        }
    }
    out.title = readString(ctx, "title", true);
    out.titleEn = readString(ctx, "title_en", true);

    forEachTable(root, "source", "[[source]]", [&](const toml::table& t, std::size_t) {
        out.sources.push_back(readSource(t));
    });
    forEachTable(root, "site", "[[site]]", [&](const toml::table& t, std::size_t) { out.sites.push_back(readSite(t)); });
    forEachTable(root, "trip", "[[trip]]", [&](const toml::table& t, std::size_t) { out.trips.push_back(readTrip(t)); });
    forEachTable(root, "partnership", "[[partnership]]", [&](const toml::table& t, std::size_t) {
        out.partnerships.push_back(readPartnership(t));
    });
    forEachTable(root, "story", "[[story]]", [&](const toml::table& t, std::size_t) {
        out.stories.push_back(readStory(t));
    });
}

} // namespace geo::briefing_toml
