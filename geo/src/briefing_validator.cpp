// Cross-reference checks on a parsed Briefing: unique ids, references that
// resolve, dates in order, sites near the city they claim.

#include <geo/briefing.hpp>
#include <geo/great_circle.hpp>

#include <algorithm>
#include <cmath>
#include <string>

namespace geo {

namespace {

// Beyond this, a site is unlikely to belong to the city it claims (Kumamoto's
// distributed science park reaches ~30 km out); a swapped digit usually lands far further.
constexpr double kMaxKmFromCity = 60.0;

class Validator {
public:
    Validator(const Briefing& briefing, const std::string& file, Diagnostics& out)
        : m_b(briefing), m_file(file), m_out(out) {
        for (const Site& s : m_b.sites) m_siteIds.push_back(s.id);
        for (const Source& s : m_b.sources) m_sourceIds.push_back(s.id);
    }

    void run() {
        checkDuplicates(m_b.sources, "source", "sources");
        checkDuplicates(m_b.sites, "site", "sites");
        checkDuplicates(m_b.trips, "trip", "trips");
        checkDuplicates(m_b.partnerships, "partnership", "partnerships");
        for (const Site& s : m_b.sites) checkSite(s);
        for (const Trip& t : m_b.trips) checkTrip(t);
        for (const Partnership& p : m_b.partnerships) checkPartnership(p);
    }

private:
    void error(TextPos pos, std::string message, std::string hint) {
        m_out.push_back({Severity::Error, m_file, pos.line, pos.column, std::move(message), std::move(hint)});
    }

    template <typename T>
    void checkDuplicates(const std::vector<T>& items, const char* entity, const char* plural) {
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (items[i].id.empty()) continue;
            for (std::size_t j = 0; j < i; ++j) {
                if (items[j].id != items[i].id) continue;
                error(items[i].pos, std::string("duplicate ") + entity + " id '" + items[i].id + "'",
                      "first defined at line " + std::to_string(items[j].pos.line) + "; ids must be unique among " + plural);
                break;
            }
        }
    }

    std::string unknownSiteHint(const std::string& id) const {
        std::string guess = closestMatch(id, m_siteIds);
        if (!guess.empty()) return "did you mean '" + guess + "'?";
        return "no [[site]] has id = \"" + id + "\"";
    }

    void checkSources(const std::vector<SourceRef>& refs, const std::string& label) {
        for (const SourceRef& ref : refs) {
            if (std::find(m_sourceIds.begin(), m_sourceIds.end(), ref.source) != m_sourceIds.end()) continue;
            std::string guess = closestMatch(ref.source, m_sourceIds);
            error(ref.pos, label + ": unknown source '" + ref.source + "'",
                  guess.empty() ? "no [[source]] has id = \"" + ref.source + "\"" : "did you mean '" + guess + "'?");
        }
    }

    void checkSite(const Site& site) {
        const std::string label = "site '" + site.id + "'";
        checkSources(site.sources, label);
        if (site.cityId.empty()) return;
        const Site* city = m_b.findSite(site.cityId);
        if (!city) {
            error(site.cityPos, label + ": unknown city '" + site.cityId + "'", unknownSiteHint(site.cityId));
            return;
        }
        if (city->kind != SiteKind::City) {
            error(site.cityPos,
                  label + ": '" + city->id + "' is a " + std::string(siteKindName(city->kind)) + ", not a city",
                  "city must be the id of a site with kind = \"city\"");
            return;
        }
        if (std::isnan(site.lon) || std::isnan(site.lat) || std::isnan(city->lon) || std::isnan(city->lat)) return;
        const double km = greatCircleDistanceKm({site.lon, site.lat}, {city->lon, city->lat});
        if (km > kMaxKmFromCity) {
            error(site.pos,
                  label + " is " + std::to_string(static_cast<long>(std::lround(km))) + " km from its city '" +
                      city->id + "'",
                  "a site more than " + std::to_string(static_cast<int>(kMaxKmFromCity)) +
                      " km away is probably misplaced: check lon and lat, or the city");
        }
    }

    void checkTrip(const Trip& trip) {
        const std::string label = "trip '" + trip.id + "'";
        checkSources(trip.sources, label);
        const bool datesKnown = trip.start.year != 0 && trip.end.year != 0;
        if (datesKnown && trip.end < trip.start) {
            error(trip.endPos,
                  label + " ends (" + trip.end.toString() + ") before it starts (" + trip.start.toString() + ")",
                  "check start and end");
        }
        const Stop* previous = nullptr;
        std::size_t previousIndex = 0;
        for (std::size_t i = 0; i < trip.stops.size(); ++i) {
            const Stop& stop = trip.stops[i];
            const std::string stopLabel = label + " stop " + std::to_string(i + 1);
            checkSources(stop.sources, stopLabel);
            if (!stop.siteId.empty() && !m_b.findSite(stop.siteId))
                error(stop.sitePos, stopLabel + ": unknown site '" + stop.siteId + "'", unknownSiteHint(stop.siteId));
            if (stop.startTime && stop.endTime &&
                stop.endTime->secondsSinceMidnight() < stop.startTime->secondsSinceMidnight()) {
                error(stop.pos,
                      stopLabel + ": ends at " + stop.endTime->toString() + ", before it starts at " +
                          stop.startTime->toString(),
                      "times are on a 24-hour clock: check start_time and end_time");
            }
            if (stop.date.year == 0) continue; // missing date: reported by the parser
            if (datesKnown && !(trip.end < trip.start) && (stop.date < trip.start || trip.end < stop.date)) {
                error(stop.pos,
                      stopLabel + ": date " + stop.date.toString() + " is outside the trip (" +
                          trip.start.toString() + " to " + trip.end.toString() + ")",
                      "fix the stop's date, or the trip's start and end");
            }
            if (previous) {
                const std::string previousLabel = "stop " + std::to_string(previousIndex + 1);
                if (stop.date < previous->date) {
                    error(stop.pos,
                          stopLabel + ": date " + stop.date.toString() + " is before " + previousLabel + " (" +
                              previous->date.toString() + ")",
                          "list the stops in the order they happened");
                } else if (stop.date == previous->date && stop.startTime && previous->startTime &&
                           stop.startTime->secondsSinceMidnight() < previous->startTime->secondsSinceMidnight()) {
                    error(stop.pos,
                          stopLabel + ": starts at " + stop.startTime->toString() + ", before " + previousLabel +
                              " (" + previous->startTime->toString() + ") on the same day",
                          "list the stops in the order they happened");
                }
            }
            previous = &stop;
            previousIndex = i;
        }
    }

    void checkPartnership(const Partnership& p) {
        const std::string label = "partnership '" + p.id + "'";
        checkSources(p.sources, label);
        std::vector<std::string> distinct;
        for (std::size_t i = 0; i < p.parties.size(); ++i) {
            const std::string& party = p.parties[i];
            if (!m_b.findSite(party))
                error(i < p.partyPos.size() ? p.partyPos[i] : p.pos, label + ": unknown site '" + party + "'",
                      unknownSiteHint(party));
            if (std::find(distinct.begin(), distinct.end(), party) == distinct.end()) distinct.push_back(party);
        }
        if (distinct.size() < 2) {
            error(p.pos,
                  label + " needs at least 2 different parties, has " + std::to_string(distinct.size()),
                  "list the site ids of every side: parties = [\"site-a\", \"site-b\"]");
        }
        for (std::size_t i = 0; i < p.milestones.size(); ++i)
            checkSources(p.milestones[i].sources, label + " milestone " + std::to_string(i + 1));
    }

    const Briefing& m_b;
    const std::string& m_file;
    Diagnostics& m_out;
    std::vector<std::string> m_siteIds;
    std::vector<std::string> m_sourceIds;
};

} // namespace

Diagnostics validateBriefing(const Briefing& briefing, const std::string& fileLabel) {
    Diagnostics out;
    Validator(briefing, fileLabel, out).run();
    return out;
}

} // namespace geo
