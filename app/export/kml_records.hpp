#pragma once
// What the Google Earth export writes, before any format: one record per placemark (sites,
// trip stops and legs, partnerships, story captions) with its balloon, style, time and the
// folder it goes in.

#include "export/kml_balloons.hpp"
#include "export/kml_styles.hpp"
#include "export/kml_tours.hpp"

#include <geo/briefing/briefing.hpp>

#include <glm/vec2.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace app {

enum class KmlLayer : std::size_t { Sites, Stops, Legs, Partnerships, Captions };
inline constexpr std::size_t kKmlLayerCount = 5;
const char* kmlLayerName(KmlLayer layer);

// A local time with its offset from UTC, as GDAL's date-time fields hold it.
struct KmlTime {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    int utcOffsetHours = 0;
    bool dateOnly = false;        // the file gives the day, not the time: "2025-02-17"
    std::string toString() const; // "2025-02-17T09:30:00+08:00", or "2025-02-17"
};

struct KmlRecord {
    KmlLayer layer = KmlLayer::Sites;
    std::string id;          // the Placemark id ("site-taipei", "stop-trip-3", …)
    std::string name;
    std::string description; // the balloon (HTML)
    std::string style;       // a KmlStyles id
    std::optional<KmlTime> timestamp;  // stops: the TimeStamp
    std::optional<KmlTime> begin, end; // legs: the TimeSpan
    bool hidden = false;     // captions: shown by their tour
    std::vector<glm::dvec2> points; // one: a Point; more: a LineString (tessellated), lon in [-180, 180]
    std::vector<std::string> folder; // the folder names from the document down
};

// Every placemark of the export, in document order. `views`: each story's tour views
// (a caption sits where its step looks).
std::vector<KmlRecord> kmlRecords(const geo::Briefing& briefing, const KmlStyles& styles, const BalloonWriter& balloons,
                                  const std::map<std::string, std::vector<TourView>>& views);

// Playback instant `tDays` of a trip route (geo::TripRoute::stopTime), at the offset of the
// place's time zone, approximated from its longitude (UTC+8 in Taiwan, +9 in Kyushu, −7 in Arizona);
// none when the day is not a complete date.
std::optional<KmlTime> routeInstant(const std::vector<geo::PartialDate>& days, double tDays, double lon);

} // namespace app
