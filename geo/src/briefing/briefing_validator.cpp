// Cross-reference checks on a parsed Briefing: unique ids, references that
// resolve, dates in order, sites near the city they claim.

#include <geo/briefing/briefing.hpp>
#include <geo/base/great_circle.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <tuple>
#include <vector>

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
        for (const Trip& t : m_b.trips) m_tripIds.push_back(t.id);
        for (const Partnership& p : m_b.partnerships) m_partnershipIds.push_back(p.id);
    }

    void run() {
        checkDuplicates(m_b.sources, "source", "sources");
        checkDuplicates(m_b.sites, "site", "sites");
        checkDuplicates(m_b.trips, "trip", "trips");
        checkDuplicates(m_b.partnerships, "partnership", "partnerships");
        checkDuplicates(m_b.stories, "story", "stories");
        for (const Site& s : m_b.sites) checkSite(s);
        for (const Trip& t : m_b.trips) checkTrip(t);
        for (const Partnership& p : m_b.partnerships) checkPartnership(p);
        for (const Story& s : m_b.stories) checkStory(s);
    }

private:
    void error(TextPos pos, std::string message, std::string hint) {
        m_out.push_back({Severity::Error, m_file, pos.line, pos.column, std::move(message), std::move(hint)});
    }

    void warning(TextPos pos, std::string message, std::string hint) {
        m_out.push_back({Severity::Warning, m_file, pos.line, pos.column, std::move(message), std::move(hint)});
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

    static std::string unknownHint(const std::string& id, const std::vector<std::string>& ids, const char* table) {
        std::string guess = closestMatch(id, ids);
        if (!guess.empty()) return "did you mean '" + guess + "'?";
        return std::string("no ") + table + " has id = \"" + id + "\"";
    }

    void checkStory(const Story& story) {
        const std::string label = story.id.empty() ? "[[story]]" : "story '" + story.id + "'";
        if (story.steps.empty())
            error(story.pos, label + " has no steps",
                  "add [[story.step]] tables after it, each with a caption and what the map shows");
        for (std::size_t i = 0; i < story.steps.size(); ++i)
            checkStep(story.steps[i], label + " step " + std::to_string(i + 1));
    }

    void checkStep(const StoryStep& step, const std::string& label) {
        const bool highlights = !step.sites.empty() || !step.partnerships.empty() || step.allPartnerships;
        if (!step.hasCaption() && step.targetCount() == 0 && !highlights && step.notesId.empty()) {
            error(step.pos, label + " is empty",
                  "add a caption, a site, trip, partnership or view to frame, or sites or partnerships "
                  "to highlight");
            return;
        }
        if (!step.hasCaption() && step.targetCount() > 0)
            warning(step.pos, label + " has no caption: the audience sees no text",
                    "add caption = \"…\" and caption_en = \"…\"");

        // More than one camera target: name them in the order written, report at the second.
        if (step.targetCount() > 1) {
            struct Target { const char* key; TextPos pos; };
            std::vector<Target> targets;
            if (!step.siteId.empty()) targets.push_back({"site", step.sitePos});
            if (!step.tripId.empty()) targets.push_back({"trip", step.tripPos});
            if (!step.partnershipId.empty()) targets.push_back({"partnership", step.partnershipPos});
            if (step.view) targets.push_back({"view", step.viewPos});
            std::stable_sort(targets.begin(), targets.end(), [](const Target& a, const Target& b) {
                return std::tie(a.pos.line, a.pos.column) < std::tie(b.pos.line, b.pos.column);
            });
            std::string keys;
            for (const Target& t : targets) keys += (keys.empty() ? "" : ", ") + std::string(t.key);
            error(targets[1].pos, label + " has more than one camera target: " + keys,
                  "keep one of site, trip, partnership and view, the first is used; highlight the others with "
                  "sites = [...] or partnerships = [...]");
        }

        if (!step.siteId.empty() && !m_b.findSite(step.siteId))
            error(step.sitePos, label + ": unknown site '" + step.siteId + "'", unknownSiteHint(step.siteId));
        if (!step.partnershipId.empty() && !m_b.findPartnership(step.partnershipId))
            error(step.partnershipPos, label + ": unknown partnership '" + step.partnershipId + "'",
                  unknownHint(step.partnershipId, m_partnershipIds, "[[partnership]]"));
        const Trip* trip = step.tripId.empty() ? nullptr : m_b.findTrip(step.tripId);
        if (!step.tripId.empty() && !trip)
            error(step.tripPos, label + ": unknown trip '" + step.tripId + "'",
                  unknownHint(step.tripId, m_tripIds, "[[trip]]"));
        checkDay(step, label, trip);
        if (step.view) checkView(step, label);

        for (std::size_t i = 0; i < step.sites.size(); ++i) {
            if (m_b.findSite(step.sites[i])) continue;
            error(i < step.sitesPos.size() ? step.sitesPos[i] : step.pos,
                  label + ": unknown site '" + step.sites[i] + "' in sites", unknownSiteHint(step.sites[i]));
        }
        for (std::size_t i = 0; i < step.partnerships.size(); ++i) {
            if (m_b.findPartnership(step.partnerships[i])) continue;
            error(i < step.partnershipsPos.size() ? step.partnershipsPos[i] : step.pos,
                  label + ": unknown partnership '" + step.partnerships[i] + "' in partnerships",
                  unknownHint(step.partnerships[i], m_partnershipIds, "[[partnership]]"));
        }
        if (step.allPartnerships && !step.partnerships.empty())
            warning(step.partnershipsPos.empty() ? step.pos : step.partnershipsPos.front(),
                    label + ": all_partnerships highlights every partnership; the partnerships list is ignored",
                    "remove partnerships = [...], or all_partnerships");

        if (!step.notesId.empty() && !m_b.findSite(step.notesId) && !m_b.findPartnership(step.notesId)) {
            std::vector<std::string> ids = m_siteIds;
            ids.insert(ids.end(), m_partnershipIds.begin(), m_partnershipIds.end());
            std::string guess = closestMatch(step.notesId, ids);
            error(step.notesPos, label + ": notes '" + step.notesId + "' is neither a site nor a partnership",
                  guess.empty() ? "notes opens the notes of the site or partnership with that id"
                                : "did you mean '" + guess + "'?");
        }
    }

    void checkDay(const StoryStep& step, const std::string& label, const Trip* trip) {
        const bool written = step.day != 0 || step.dayPos.line != 0;
        if (!written) return;
        const TextPos pos = step.dayPos.line != 0 ? step.dayPos : step.pos;
        if (step.tripId.empty()) {
            error(pos, label + ": day " + std::to_string(step.day) + " without a trip",
                  "day counts the days of a trip: add trip = \"…\", or remove day");
            return;
        }
        if (!trip) return; // unknown trip: reported above
        const int days = tripDayCount(*trip);
        if (step.day >= 1 && (days == 0 || step.day <= days)) return;
        if (days == 0) {
            error(pos, label + ": day " + std::to_string(step.day) + " is not a day of trip '" + trip->id + "'",
                  "days count from 1, the trip's first day");
            return;
        }
        error(pos,
              label + ": day " + std::to_string(step.day) + " is outside trip '" + trip->id + "', which has " +
                  std::to_string(days) + (days == 1 ? " day" : " days"),
              "day 1 is " + trip->start.toString() + ", day " + std::to_string(days) + " is " + trip->end.toString());
    }

    void checkView(const StoryStep& step, const std::string& label) {
        auto check = [&](const char* key, double value, TextPos pos, double low, double high, const char* meaning) {
            if (std::isnan(value)) return; // missing or not a number: reported by the parser
            if (value >= low && value <= high) return;
            char shown[32];
            std::snprintf(shown, sizeof shown, "%.10g", value);
            char range[64];
            std::snprintf(range, sizeof range, "%g to %g", low, high);
            error(pos.line != 0 ? pos : step.viewPos, label + ": view " + key + " " + shown + " is out of range",
                  std::string(key) + " runs from " + range + ", " + meaning);
        };
        const StoryView& v = *step.view;
        check("lon", v.lon, step.viewLonPos, -StoryView::kMaxLon, StoryView::kMaxLon, "degrees east");
        check("lat", v.lat, step.viewLatPos, -StoryView::kMaxLat, StoryView::kMaxLat,
              "degrees north: the map ends at 85");
        check("zoom", v.zoom, step.viewZoomPos, 0.0, StoryView::kMaxZoom,
              "0 shows the whole world and each step up doubles the scale");
    }

    const Briefing& m_b;
    const std::string& m_file;
    Diagnostics& m_out;
    std::vector<std::string> m_siteIds;
    std::vector<std::string> m_sourceIds;
    std::vector<std::string> m_tripIds;
    std::vector<std::string> m_partnershipIds;
};

} // namespace

Diagnostics validateBriefing(const Briefing& briefing, const std::string& fileLabel) {
    Diagnostics out;
    Validator(briefing, fileLabel, out).run();
    return out;
}

} // namespace geo
