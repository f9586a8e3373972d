#pragma once
// A trip as a route on the map: its stops in order, the legs between them (flights
// as great-circle arcs, ground legs as straight lines), its days, and where a
// delegation is at any moment of a day-by-day playback.
//
// Everything is in WGS84 {lon, lat} degrees; the viewer projects it. Playback time
// is measured in days from the trip's first day: t = 0 is 00:00 of day 0, t = 1.5 is
// noon of day 1, t = days.size() is the end of the last day.

#include <geo/base/lon_lat_box.hpp>
#include <geo/briefing/briefing.hpp>

#include <glm/vec2.hpp>

#include <cstddef>
#include <vector>

namespace geo {

struct RouteLeg {
    std::size_t fromStop = 0; // indices into Trip::stops
    std::size_t toStop = 0;
    LegMode mode = LegMode::None;     // the `leg` of the stop it arrives at
    bool greatCircle = false;         // drawn as a great-circle arc (flights)
    std::vector<glm::dvec2> lonLat;   // polyline from the first stop to the second; straight legs have their 2 ends
    double lengthKm = 0.0;            // great-circle distance between the two ends
};

struct TripRoute {
    // One entry per Trip::stops, same order.
    std::vector<glm::dvec2> stopLonLat; // NaN when the stop's site is unknown
    std::vector<int> stopDay;           // 0-based day index from Trip::start; -1 when the date is not usable
    std::vector<double> stopTime;       // playback instant of the stop, in days (see above)
    // Legs between consecutive stops that both have positions and are at different places
    // (two stops at the same site, or within 10 m, make no leg).
    std::vector<RouteLeg> legs;
    // Every day from start to end inclusive (complete dates), at least one when stops have dates.
    // When start or end is not a complete, real date (or end < start), the span of the stops'
    // complete dates instead; empty when there is none.
    std::vector<PartialDate> days;
};

// Builds the route. Stop instants: a stop with a start time is at that time of its day;
// the others are spread evenly over 08:00–20:00 of their day around the timed ones,
// keeping trip order (an instant never precedes the previous stop's). Never throws;
// a trip without dated stops gets stopDay -1 and stopTime in stop order (0, 1, 2, ...).
//
// In detail: the k-th of the n untimed stops of a day gets the slot 08:00 + 12 h × (k + ½) / n
// (one: 14:00; two: 11:00, 17:00). When the slot is not after the previous stop's instant it
// is 15 min after it; when it is not before the next timed stop of the same day, it is
// 15 min × (untimed stops left until then) before that one; either way kept within the day
// and between its neighbours where possible. A timed stop earlier than the previous
// stop's instant (out of order in the file) moves up to it. A stop whose date is
// incomplete or outside the days, in a trip with dated stops, takes the previous stop's
// instant (0 for the first). Legs: `mode` is the arriving stop's `leg`; a flight, or a leg
// without a stated mode longer than 300 km, is a great-circle arc (50 km segments).
TripRoute buildTripRoute(const Briefing& briefing, const Trip& trip);

// Where the delegation is at playback time `tDays` (clamped to the trip).
struct RoutePosition {
    glm::dvec2 lonLat{0.0, 0.0};
    std::size_t lastStop = 0;  // the last stop reached at tDays (0 before the first one)
    bool travelling = false;   // between two stops, on leg `leg`
    std::size_t leg = 0;       // index into TripRoute::legs when travelling
    double legFraction = 0.0;  // 0..1 along that leg, by length
    int day = 0;               // day index of tDays
};
//
// tDays is clamped to [0, days.size()], or to the first..last stop instant when there are no
// days (NaN counts as the lowest). Before the first stop's instant the delegation is at the
// first stop; from stop i's instant until stop i+1's it travels along the leg between them,
// if there is one, at the fraction of the time elapsed, measured by length along the leg's
// polyline (great-circle lengths of its segments, linear in lon/lat within a segment: a
// position on a leg crossing the antimeridian has the polyline's continued longitude, e.g.
// 200°); with no leg (same place, or a position unknown) it waits at stop i. After the last
// instant: at the last stop. A stop without a position shows the nearest earlier known one
// (else the next). day = floor(t) clamped to the days (0 when there are none). A route
// without stops gives NaN lonLat.
RoutePosition positionAt(const TripRoute& route, double tDays);

// Stops worth framing on screen: those inside `region` (the layer file's [view] region: places
// outside it, such as Arizona, are left out when the camera frames a trip); when none is, all
// with a position. Stop indices, ascending.
std::vector<std::size_t> framedStops(const TripRoute& route, const LonLatBox& region);

// Stops of the route grouped by place: for each distinct site (in order of first visit),
// the stop indices there. Used for numbered stop markers ("1 · 14" at the airport).
struct StopGroup {
    std::string siteId;
    std::vector<std::size_t> stops;
};
std::vector<StopGroup> stopsByPlace(const Trip& trip);

} // namespace geo
