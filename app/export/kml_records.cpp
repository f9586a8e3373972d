#include "export/kml_records.hpp"

#include <geo/base/great_circle.hpp>
#include <geo/briefing/trip_route.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace app {

const char* kmlLayerName(KmlLayer layer) {
    static const char* const names[kKmlLayerCount] = {"sites", "stops", "legs", "partnerships", "captions"};
    return names[static_cast<std::size_t>(layer)];
}

namespace {

double wrapLongitude(double lon) { return lon - 360.0 * std::floor((lon + 180.0) / 360.0); }

std::vector<glm::dvec2> wrapped(std::vector<glm::dvec2> points) {
    for (glm::dvec2& p : points) p.x = wrapLongitude(p.x);
    return points;
}

// Great-circle arcs from party to party, longitudes continuous (wrapped when written).
std::vector<glm::dvec2> arcThrough(const std::vector<glm::dvec2>& points) {
    std::vector<glm::dvec2> line;
    for (std::size_t i = 1; i < points.size(); ++i) {
        glm::dvec2 from = points[i - 1];
        if (!line.empty()) from.x = line.back().x;
        const auto arc = geo::greatCircleArc(from, points[i]);
        line.insert(line.end(), line.empty() ? arc.begin() : arc.begin() + 1, arc.end());
    }
    return line;
}

std::string dayFolder(const geo::TripRoute& route, std::size_t stop) {
    const int day = route.stopDay[stop];
    if (day < 0 || static_cast<std::size_t>(day) >= route.days.size()) return "Undated";
    return "Day " + std::to_string(day + 1) + " · " + route.days[static_cast<std::size_t>(day)].toString();
}

std::string tripFolder(const geo::Trip& trip, const BalloonWriter& balloons) {
    std::string name = balloons.tripTitle(trip);
    if (trip.start.year != 0) name += " (" + trip.start.toString() + (trip.end.year ? " – " + trip.end.toString() : "") + ")";
    return name;
}

} // namespace

std::string KmlTime::toString() const {
    char text[40];
    if (dateOnly) {
        std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
        return text;
    }
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:00", year, month, day, hour, minute, second,
                  utcOffsetHours < 0 ? '-' : '+', std::abs(utcOffsetHours));
    return text;
}

std::optional<KmlTime> routeInstant(const std::vector<geo::PartialDate>& days, double tDays, double lon) {
    if (days.empty() || !std::isfinite(tDays) || !std::isfinite(lon)) return std::nullopt;
    // The end of the last day is its 23:59:59.
    const double clamped = std::clamp(tDays, 0.0, static_cast<double>(days.size()) - 1.0 / 86400.0);
    const auto dayIndex = static_cast<std::size_t>(std::floor(clamped));
    const geo::PartialDate& day = days[dayIndex];
    if (!day.isComplete()) return std::nullopt;
    const int seconds = std::min(86399, static_cast<int>(std::lround((clamped - std::floor(clamped)) * 86400.0)));
    KmlTime t;
    t.year = day.year;
    t.month = day.month;
    t.day = day.day;
    t.hour = seconds / 3600;
    t.minute = seconds / 60 % 60;
    t.second = seconds % 60;
    t.utcOffsetHours = static_cast<int>(std::lround(wrapLongitude(lon) / 15.0));
    return t;
}

std::vector<KmlRecord> kmlRecords(const geo::Briefing& b, const KmlStyles& styles, const BalloonWriter& balloons,
                                  const std::map<std::string, std::vector<TourView>>& views) {
    std::vector<KmlRecord> records;
    for (const geo::Site& site : b.sites) {
        KmlRecord r;
        r.layer = KmlLayer::Sites;
        r.id = "site-" + site.id;
        r.name = balloons.siteName(site.id);
        r.description = balloons.site(site);
        r.style = KmlStyles::siteStyle(site.kind);
        r.points = wrapped({{site.lon, site.lat}});
        r.folder = {"Sites", std::string(geo::siteKindName(site.kind))};
        records.push_back(std::move(r));
    }
    for (std::size_t t = 0; t < b.trips.size(); ++t) {
        const geo::Trip& trip = b.trips[t];
        const geo::TripRoute route = geo::buildTripRoute(b, trip);
        const std::string folder = tripFolder(trip, balloons);
        // A stop's time is what the file says: its day and start time, or its day alone (the
        // order within a day that the map's playback uses is not stated anywhere).
        auto dayOf = [&](std::size_t stop) -> std::optional<KmlTime> {
            const geo::PartialDate& d = trip.stops[stop].date;
            if (!d.isComplete()) return std::nullopt;
            KmlTime day;
            day.year = d.year;
            day.month = d.month;
            day.day = d.day;
            day.dateOnly = true;
            return day;
        };
        auto instant = [&](std::size_t stop) -> std::optional<KmlTime> {
            if (route.stopDay[stop] < 0) return std::nullopt;
            if (!trip.stops[stop].startTime) return dayOf(stop);
            return routeInstant(route.days, route.stopTime[stop], route.stopLonLat[stop].x);
        };
        for (std::size_t i = 0; i < trip.stops.size(); ++i) {
            if (!std::isfinite(route.stopLonLat[i].x)) continue; // a site the loader did not know
            // The leg arriving here, in the day of its arrival, before the stop.
            for (const geo::RouteLeg& leg : route.legs) {
                if (leg.toStop != i) continue;
                KmlRecord r;
                r.layer = KmlLayer::Legs;
                r.id = "leg-" + trip.id + "-" + std::to_string(i + 1);
                r.name = std::to_string(leg.fromStop + 1) + "→" + std::to_string(i + 1) + " " +
                         balloons.siteName(trip.stops[leg.fromStop].siteId) + " → " + balloons.siteName(trip.stops[i].siteId);
                r.description = balloons.leg(trip, leg.fromStop, i);
                r.style = styles.tripStyle(t);
                r.end = instant(i);
                if (r.end) {
                    // From the previous stop's end (when given, and not after the arrival), else its start, else its day.
                    const geo::Stop& from = trip.stops[leg.fromStop];
                    double begin = route.stopTime[leg.fromStop];
                    bool timed = from.startTime.has_value();
                    if (from.endTime) {
                        const double ends = std::floor(begin) + from.endTime->secondsSinceMidnight() / 86400.0;
                        if (ends > begin && ends <= route.stopTime[i]) {
                            begin = ends;
                            timed = true;
                        }
                    }
                    r.begin = timed ? routeInstant(route.days, begin, route.stopLonLat[leg.fromStop].x) : dayOf(leg.fromStop);
                }
                r.points = wrapped(leg.lonLat);
                r.folder = {"Trips", folder, dayFolder(route, i)};
                records.push_back(std::move(r));
            }
            KmlRecord r;
            r.layer = KmlLayer::Stops;
            r.id = "stop-" + trip.id + "-" + std::to_string(i + 1);
            r.name = std::to_string(i + 1) + ". " + balloons.siteName(trip.stops[i].siteId);
            r.description = balloons.stop(trip, i);
            r.style = styles.tripStyle(t);
            r.timestamp = instant(i);
            r.points = wrapped({route.stopLonLat[i]});
            r.folder = {"Trips", folder, dayFolder(route, i)};
            records.push_back(std::move(r));
        }
    }
    for (const geo::Partnership& p : b.partnerships) {
        std::vector<glm::dvec2> parties;
        for (const std::string& id : p.parties)
            if (const geo::Site* site = b.findSite(id)) parties.push_back({site->lon, site->lat});
        if (parties.size() < 2) continue;
        KmlRecord r;
        r.layer = KmlLayer::Partnerships;
        r.id = "partnership-" + p.id;
        r.name = balloons.partnershipName(p);
        r.description = balloons.partnership(p);
        r.style = KmlStyles::partnershipStyle(p.kind);
        r.points = wrapped(arcThrough(parties));
        r.folder = {"Partnerships", std::string(geo::partnershipKindName(p.kind))};
        records.push_back(std::move(r));
    }
    for (const geo::Story& story : b.stories) {
        const auto found = views.find(story.id);
        const std::string title = balloons.storyTitle(story);
        for (std::size_t i = 0; i < story.steps.size(); ++i) {
            if (!story.steps[i].hasCaption() || found == views.end() || i >= found->second.size()) continue;
            KmlRecord r;
            r.layer = KmlLayer::Captions;
            r.id = captionId(story, i);
            r.name = "Step " + std::to_string(i + 1);
            r.description = balloons.caption(story, i);
            r.style = KmlStyles::captionStyle();
            r.hidden = true;
            r.points = {{found->second[i].lon, found->second[i].lat}};
            r.folder = {"Stories", title, "Captions"}; // below the tour that shows them
            records.push_back(std::move(r));
        }
    }
    return records;
}

} // namespace app
