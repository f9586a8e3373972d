#include <geo/briefing/partnership_links.hpp>

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string_view>
#include <utility>

namespace geo {

namespace {

constexpr double kSingleLaneBend = 0.2;
constexpr double kLaneStep = 0.3;
constexpr double kMaxBend = 0.45;

std::optional<std::size_t> siteIndex(const Briefing& briefing, std::string_view id) {
    for (std::size_t i = 0; i < briefing.sites.size(); ++i)
        if (briefing.sites[i].id == id) return i;
    return std::nullopt;
}

// The site's city: its `city` when that names a site, else the site itself.
std::size_t cityOf(const Briefing& briefing, std::size_t site) {
    const std::string& city = briefing.sites[site].cityId;
    if (city.empty()) return site;
    return siteIndex(briefing, city).value_or(site);
}

} // namespace

double laneBend(int lane, int laneCount) {
    if (laneCount <= 1) return kSingleLaneBend;
    lane = std::clamp(lane, 0, laneCount - 1);
    // Half-integer offsets from the middle: even counts are symmetric (±0.5, ±1.5, ...);
    // odd counts are shifted half a step so that no lane is straight.
    const bool odd = laneCount % 2 == 1;
    const double offset = lane - (laneCount - 1) / 2.0 + (odd ? 0.5 : 0.0);
    const double widest = odd ? laneCount / 2.0 : (laneCount - 1) / 2.0;
    const double step = std::min(kLaneStep, kMaxBend / widest);
    return std::clamp(step * offset, -kMaxBend, kMaxBend);
}

std::vector<PartnershipLink> partnershipLinks(const Briefing& briefing) {
    std::vector<PartnershipLink> links;
    std::map<std::pair<std::size_t, std::size_t>, std::vector<std::size_t>> corridors; // city pair -> links
    std::vector<std::pair<std::size_t, std::size_t>> corridorOf;

    for (std::size_t p = 0; p < briefing.partnerships.size(); ++p) {
        std::vector<std::size_t> parties;
        for (const std::string& id : briefing.partnerships[p].parties) {
            const auto index = siteIndex(briefing, id);
            if (index && std::find(parties.begin(), parties.end(), *index) == parties.end()) parties.push_back(*index);
        }
        for (std::size_t i = 0; i < parties.size(); ++i) {
            for (std::size_t j = i + 1; j < parties.size(); ++j) {
                // Canonical order: by (city index, site index), so that every link of a
                // corridor between two cities runs the same way round.
                std::size_t a = parties[i];
                std::size_t b = parties[j];
                std::size_t cityA = cityOf(briefing, a);
                std::size_t cityB = cityOf(briefing, b);
                if (std::make_pair(cityB, b) < std::make_pair(cityA, a)) {
                    std::swap(a, b);
                    std::swap(cityA, cityB);
                }
                PartnershipLink link;
                link.partnership = p;
                link.fromSite = a;
                link.toSite = b;
                const auto corridor = std::make_pair(cityA, cityB);
                corridors[corridor].push_back(links.size());
                corridorOf.push_back(corridor);
                links.push_back(link);
            }
        }
    }

    for (const auto& [corridor, members] : corridors) {
        const int count = static_cast<int>(members.size());
        for (int lane = 0; lane < count; ++lane) {
            PartnershipLink& link = links[members[static_cast<std::size_t>(lane)]];
            link.lane = lane;
            link.laneCount = count;
            link.bend = laneBend(lane, count);
        }
    }
    return links;
}

std::vector<glm::dvec2> curvedArc(glm::dvec2 a, glm::dvec2 b, double bend, int segments) {
    segments = std::max(segments, 1);
    const std::size_t count = static_cast<std::size_t>(segments) + 1;
    if (a == b) return std::vector<glm::dvec2>(count, a);

    const glm::dvec2 chord = b - a;
    const double length = glm::length(chord);
    const glm::dvec2 leftNormal = glm::dvec2{-chord.y, chord.x} / length;
    const glm::dvec2 control = (a + b) * 0.5 + leftNormal * (bend * length);

    std::vector<glm::dvec2> points;
    points.reserve(count);
    points.push_back(a);
    for (int i = 1; i < segments; ++i) {
        const double t = static_cast<double>(i) / segments;
        const double u = 1.0 - t;
        points.push_back(a * (u * u) + control * (2.0 * u * t) + b * (t * t));
    }
    points.push_back(b);
    return points;
}

int firstYear(const Partnership& partnership) {
    int first = 0;
    for (const Milestone& milestone : partnership.milestones) {
        const int year = milestone.date.year;
        if (year != 0 && (first == 0 || year < first)) first = year;
    }
    return first;
}

bool activeInYear(const Partnership& partnership, int year) {
    const int first = firstYear(partnership);
    return first == 0 || first <= year;
}

YearSpan milestoneYears(const Briefing& briefing) {
    YearSpan span;
    for (const Partnership& partnership : briefing.partnerships) {
        for (const Milestone& milestone : partnership.milestones) {
            const int year = milestone.date.year;
            if (year == 0) continue;
            if (span.first == 0 || year < span.first) span.first = year;
            if (span.last == 0 || year > span.last) span.last = year;
        }
    }
    return span;
}

} // namespace geo
