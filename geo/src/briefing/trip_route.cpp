#include <geo/briefing/trip_route.hpp>

#include <geo/base/great_circle.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace geo {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kSamePlaceKm = 0.010;        // stops within 10 m are at one place
constexpr double kUnstatedFlightKm = 300.0;   // an unstated leg longer than this is drawn as a flight
constexpr double kArcSegmentKm = 50.0;
constexpr double kHour = 1.0 / 24.0;          // in days
constexpr double kNudge = 15.0 / (24.0 * 60); // 15 minutes, in days
constexpr double kDayStartHours = 8.0;        // untimed stops are spread over 08:00–20:00
constexpr double kDayLengthHours = 12.0;
constexpr long kMaxTripDays = 3660;           // a longer span is a typo, not a trip

bool isFinite(glm::dvec2 p) { return std::isfinite(p.x) && std::isfinite(p.y); }

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "chrono-Compatible
// Low-Level Date Algorithms", days_from_civil).
long daysFromCivil(int year, int month, int day) {
    const long y = static_cast<long>(year) - (month <= 2 ? 1 : 0);
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;                                  // [0, 399]
    const long mp = (month + 9) % 12;                                // March = 0
    const long doy = (153 * mp + 2) / 5 + day - 1;                   // [0, 365]
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;          // [0, 146096]
    return era * 146097 + doe - 719468;
}

// The inverse (civil_from_days).
PartialDate civilFromDays(long z) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;                                   // [0, 146096]
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; // [0, 399]
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);            // [0, 365]
    const long mp = (5 * doy + 2) / 153;                                 // [0, 11]
    PartialDate date;
    date.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    date.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    date.year = static_cast<int>(yoe + era * 400 + (date.month <= 2 ? 1 : 0));
    return date;
}

// Only dates that exist (2025-02-30 is not one).
std::optional<long> dayNumber(const PartialDate& date) {
    if (!date.isComplete() || date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31) return std::nullopt;
    const long n = daysFromCivil(date.year, date.month, date.day);
    if (civilFromDays(n) != date) return std::nullopt;
    return n;
}

double hoursOf(const TimeOfDay& time) { return time.secondsSinceMidnight() / 3600.0; }

// Stop instants (see trip_route.hpp). `day` is -1 for stops without a usable date.
std::vector<double> stopInstants(const Trip& trip, const std::vector<int>& day) {
    const std::size_t n = trip.stops.size();
    std::vector<double> instant(n, 0.0);
    const bool anyDated = std::any_of(day.begin(), day.end(), [](int d) { return d >= 0; });
    if (!anyDated) {
        for (std::size_t i = 0; i < n; ++i) instant[i] = static_cast<double>(i);
        return instant;
    }

    // The even slot of every untimed dated stop among the untimed ones of its day.
    std::vector<double> slot(n, 0.0);
    {
        std::vector<std::size_t> untimed;
        for (std::size_t i = 0; i < n; ++i)
            if (day[i] >= 0 && !trip.stops[i].startTime) untimed.push_back(i);
        for (std::size_t i : untimed) {
            std::size_t count = 0;
            std::size_t rank = 0;
            for (std::size_t j : untimed) {
                if (day[j] != day[i]) continue;
                if (j < i) ++rank;
                ++count;
            }
            const double hours =
                kDayStartHours + kDayLengthHours * (static_cast<double>(rank) + 0.5) / static_cast<double>(count);
            slot[i] = day[i] + hours * kHour;
        }
    }

    double previous = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const Stop& stop = trip.stops[i];
        double t = previous;
        if (day[i] < 0) {
            t = previous; // undated: where the previous stop was (0 for the first)
        } else if (stop.startTime) {
            t = std::max(previous, day[i] + hoursOf(*stop.startTime) * kHour);
        } else {
            // Bounds: after the previous stop, before the next timed stop of this day
            // (or the end of the day). `waiting` counts this and the untimed stops up to it.
            const double low = std::max(previous, static_cast<double>(day[i]));
            double high = day[i] + 1.0;
            std::size_t waiting = 1;
            for (std::size_t j = i + 1; j < n && day[j] == day[i]; ++j) {
                if (trip.stops[j].startTime) {
                    high = day[j] + hoursOf(*trip.stops[j].startTime) * kHour;
                    break;
                }
                ++waiting;
            }
            if (!(high > low)) {
                t = low;
            } else if (slot[i] > low && slot[i] < high) {
                t = slot[i];
            } else if (slot[i] <= low) {
                t = low + kNudge < high ? low + kNudge : (low + high) / 2.0;
            } else { // the slot is at or past the next timed stop: just before it
                t = std::max(low, high - static_cast<double>(waiting) * kNudge);
            }
        }
        instant[i] = std::max(t, previous);
        previous = instant[i];
    }
    return instant;
}

// The point at `fraction` (0..1) of the polyline's length, measured along the great
// circle between consecutive points (linear in lon/lat within a segment).
glm::dvec2 pointAlong(const std::vector<glm::dvec2>& line, double fraction) {
    if (line.empty()) return {kNaN, kNaN};
    if (line.size() == 1 || fraction <= 0.0) return line.front();
    if (fraction >= 1.0) return line.back();
    std::vector<double> segment(line.size() - 1);
    double total = 0.0;
    for (std::size_t i = 1; i < line.size(); ++i) {
        segment[i - 1] = greatCircleDistanceKm(line[i - 1], line[i]);
        total += segment[i - 1];
    }
    if (!(total > 0.0)) return line.front();
    double remaining = fraction * total;
    for (std::size_t i = 0; i < segment.size(); ++i) {
        if (remaining <= segment[i] || i + 1 == segment.size()) {
            const double f = segment[i] > 0.0 ? std::clamp(remaining / segment[i], 0.0, 1.0) : 0.0;
            return line[i] + (line[i + 1] - line[i]) * f;
        }
        remaining -= segment[i];
    }
    return line.back();
}

} // namespace

TripRoute buildTripRoute(const Briefing& briefing, const Trip& trip) {
    TripRoute route;
    const std::size_t n = trip.stops.size();

    route.stopLonLat.reserve(n);
    for (const Stop& stop : trip.stops) {
        const Site* site = briefing.findSite(stop.siteId);
        route.stopLonLat.push_back(site ? glm::dvec2{site->lon, site->lat} : glm::dvec2{kNaN, kNaN});
    }

    // The days: the trip's own start..end when both are real dates in order, else the span of the stops' dates.
    bool haveDays = false;
    long first = 0;
    long last = -1;
    {
        const auto start = dayNumber(trip.start);
        const auto end = dayNumber(trip.end);
        if (start && end && *end >= *start && *end - *start < kMaxTripDays) {
            haveDays = true;
            first = *start;
            last = *end;
        }
    }
    if (!haveDays) {
        for (const Stop& stop : trip.stops) {
            if (const auto d = dayNumber(stop.date)) {
                first = haveDays ? std::min(first, *d) : *d;
                last = haveDays ? std::max(last, *d) : *d;
                haveDays = true;
            }
        }
        if (haveDays && last - first >= kMaxTripDays) last = first + kMaxTripDays - 1;
    }
    if (haveDays)
        for (long d = first; d <= last; ++d) route.days.push_back(civilFromDays(d));

    route.stopDay.reserve(n);
    for (const Stop& stop : trip.stops) {
        int index = -1;
        if (const auto d = dayNumber(stop.date); d && haveDays && *d >= first && *d <= last)
            index = static_cast<int>(*d - first);
        route.stopDay.push_back(index);
    }
    route.stopTime = stopInstants(trip, route.stopDay);

    for (std::size_t i = 1; i < n; ++i) {
        const glm::dvec2 from = route.stopLonLat[i - 1];
        const glm::dvec2 to = route.stopLonLat[i];
        if (!isFinite(from) || !isFinite(to)) continue;
        if (trip.stops[i - 1].siteId == trip.stops[i].siteId) continue;
        const double km = greatCircleDistanceKm(from, to);
        if (km < kSamePlaceKm) continue;
        RouteLeg leg;
        leg.fromStop = i - 1;
        leg.toStop = i;
        leg.mode = trip.stops[i].leg;
        leg.greatCircle = leg.mode == LegMode::Flight || (leg.mode == LegMode::None && km > kUnstatedFlightKm);
        leg.lonLat = leg.greatCircle ? greatCircleArc(from, to, kArcSegmentKm) : std::vector<glm::dvec2>{from, to};
        leg.lengthKm = km;
        route.legs.push_back(std::move(leg));
    }
    return route;
}

RoutePosition positionAt(const TripRoute& route, double tDays) {
    RoutePosition position;
    const std::size_t n = route.stopTime.size();
    if (n == 0) {
        position.lonLat = {kNaN, kNaN};
        return position;
    }

    double low = route.stopTime.front();
    double high = route.stopTime.back();
    if (!route.days.empty()) {
        low = 0.0;
        high = static_cast<double>(route.days.size());
    }
    const double t = std::isnan(tDays) ? low : std::clamp(tDays, low, high);

    if (!route.days.empty()) {
        const double day = std::floor(t);
        position.day = static_cast<int>(std::clamp(day, 0.0, static_cast<double>(route.days.size() - 1)));
    }

    // The last stop reached: instants are non-decreasing, so the last one ≤ t.
    std::size_t last = 0;
    for (std::size_t i = 0; i < n; ++i)
        if (route.stopTime[i] <= t) last = i;
    position.lastStop = last;

    if (last + 1 < n && t > route.stopTime[last]) {
        for (std::size_t k = 0; k < route.legs.size(); ++k) {
            const RouteLeg& leg = route.legs[k];
            if (leg.fromStop != last || leg.toStop != last + 1) continue;
            const double span = route.stopTime[last + 1] - route.stopTime[last];
            position.travelling = true;
            position.leg = k;
            position.legFraction = span > 0.0 ? std::clamp((t - route.stopTime[last]) / span, 0.0, 1.0) : 1.0;
            position.lonLat = pointAlong(leg.lonLat, position.legFraction);
            return position;
        }
    }

    // At a stop (or waiting there): its position, else the nearest earlier, else later, one known.
    position.lonLat = {kNaN, kNaN};
    if (last < route.stopLonLat.size()) {
        for (std::size_t i = last + 1; i-- > 0;) {
            if (isFinite(route.stopLonLat[i])) {
                position.lonLat = route.stopLonLat[i];
                return position;
            }
        }
        for (std::size_t i = last + 1; i < route.stopLonLat.size(); ++i) {
            if (isFinite(route.stopLonLat[i])) {
                position.lonLat = route.stopLonLat[i];
                return position;
            }
        }
    }
    return position;
}

std::vector<std::size_t> framedStops(const TripRoute& route, const LonLatBox& region) {
    std::vector<std::size_t> inside;
    std::vector<std::size_t> located;
    for (std::size_t i = 0; i < route.stopLonLat.size(); ++i) {
        const glm::dvec2 p = route.stopLonLat[i];
        if (!isFinite(p)) continue;
        located.push_back(i);
        if (region.contains(p)) inside.push_back(i);
    }
    return inside.empty() ? located : inside;
}

std::vector<StopGroup> stopsByPlace(const Trip& trip) {
    std::vector<StopGroup> groups;
    for (std::size_t i = 0; i < trip.stops.size(); ++i) {
        const std::string& id = trip.stops[i].siteId;
        auto group = std::find_if(groups.begin(), groups.end(), [&](const StopGroup& g) { return g.siteId == id; });
        if (group == groups.end()) {
            groups.push_back({id, {}});
            group = groups.end() - 1;
        }
        group->stops.push_back(i);
    }
    return groups;
}

} // namespace geo
