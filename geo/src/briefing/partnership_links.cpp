#include <geo/briefing/partnership_links.hpp>

#include <geo/base/great_circle.hpp>

#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <optional>
#include <string_view>
#include <utility>

namespace geo {

namespace {

constexpr double kSingleLaneBend = 0.2;
constexpr double kLaneStep = 0.3;
constexpr double kMaxBend = 0.45;
// Ends in one area: within this share of the shorter link's length, and within kAreaKm.
constexpr double kAreaShare = 0.3;
constexpr double kAreaKm = 400.0;
// A bundled line blends from its own chord into the trunk over this share of the way at each
// end; the trunk bows by this share of its length (as a lone link bows by 0.2).
constexpr double kFanShare = 0.3;
constexpr double kTrunkBend = 0.1;
constexpr int kBundleSegments = 48;

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

glm::dvec2 lonLat(const Site& site) { return {site.lon, site.lat}; }

std::size_t root(std::vector<std::size_t>& parent, std::size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
}

// Groups the links into bundles (see PartnershipLink::bundle) and orders each bundle's lanes.
void bundleLinks(const Briefing& briefing, std::vector<PartnershipLink>& links) {
    const std::size_t n = links.size();
    auto from = [&](std::size_t i) { return lonLat(briefing.sites[links[i].fromSite]); };
    auto to = [&](std::size_t i) { return lonLat(briefing.sites[links[i].toSite]); };
    auto km = [](glm::dvec2 a, glm::dvec2 b) { return greatCircleDistanceKm(a, b); };
    std::vector<double> length(n);
    for (std::size_t i = 0; i < n; ++i) length[i] = km(from(i), to(i));
    std::vector<std::size_t> parent(n);
    std::iota(parent.begin(), parent.end(), std::size_t{0});
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j) {
            const double reach = std::min(kAreaShare * std::min(length[i], length[j]), kAreaKm);
            const bool same = km(from(i), from(j)) <= reach && km(to(i), to(j)) <= reach;
            const bool crossed = km(from(i), to(j)) <= reach && km(to(i), from(j)) <= reach;
            if (same || crossed) parent[root(parent, j)] = root(parent, i);
        }
    std::map<std::size_t, std::vector<std::size_t>> groups; // by root, in link order
    for (std::size_t i = 0; i < n; ++i) groups[root(parent, i)].push_back(i);
    int number = 0;
    for (auto& [r, members] : groups) {
        if (members.size() < 2) continue;
        // Every member runs the way of the first: from the first's from-area to its to-area.
        const std::size_t first = members.front();
        for (std::size_t m : members)
            links[m].bundleReversed = km(from(m), to(first)) + km(to(m), from(first)) < km(from(m), from(first)) + km(to(m), to(first));
        // Lanes by the ends' offset to the left of the trunk, on a local plane (longitudes
        // unwrapped about the first's and shrunk by the cosine of the latitude).
        auto end = [&](std::size_t m, bool second) {
            glm::dvec2 p = (second != links[m].bundleReversed) ? to(m) : from(m);
            p.x += 360.0 * std::round((from(first).x - p.x) / 360.0);
            return p;
        };
        glm::dvec2 hubA{0.0}, hubB{0.0};
        for (std::size_t m : members) {
            hubA += end(m, false);
            hubB += end(m, true);
        }
        hubA /= static_cast<double>(members.size());
        hubB /= static_cast<double>(members.size());
        const double shrink = std::cos(glm::radians((hubA.y + hubB.y) * 0.5));
        auto plane = [&](glm::dvec2 p) { return glm::dvec2{p.x * shrink, p.y}; };
        glm::dvec2 axis = plane(hubB) - plane(hubA);
        axis = glm::length(axis) > 0.0 ? glm::normalize(axis) : glm::dvec2{1.0, 0.0};
        const glm::dvec2 left{-axis.y, axis.x};
        std::vector<std::pair<double, std::size_t>> order;
        for (std::size_t m : members)
            order.emplace_back(glm::dot(plane(end(m, false)) - plane(hubA), left) + glm::dot(plane(end(m, true)) - plane(hubB), left), m);
        std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        for (std::size_t lane = 0; lane < order.size(); ++lane) {
            PartnershipLink& link = links[order[lane].second];
            link.bundle = number;
            link.bundleSize = static_cast<int>(order.size());
            link.bundleLane = static_cast<int>(lane);
        }
        ++number;
    }
}

bool finitePoint(glm::dvec2 p) { return std::isfinite(p.x) && std::isfinite(p.y); }

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
    bundleLinks(briefing, links);
    return links;
}

std::vector<std::vector<glm::dvec2>> linkPaths(const std::vector<PartnershipLink>& links, const std::vector<glm::dvec2>& siteWorld) {
    std::vector<std::vector<glm::dvec2>> paths(links.size());
    auto at = [&](std::size_t site) {
        return site < siteWorld.size() ? siteWorld[site] : glm::dvec2{std::nan(""), std::nan("")};
    };
    // Each bundle's ends in its own direction; its trunk joins the means of its two areas' ends.
    struct Trunk {
        glm::dvec2 a{0.0}, b{0.0};
        int count = 0;
    };
    std::map<int, Trunk> trunks;
    for (const PartnershipLink& link : links) {
        const glm::dvec2 p = at(link.fromSite), q = at(link.toSite);
        if (link.bundle < 0 || !finitePoint(p) || !finitePoint(q)) continue;
        Trunk& t = trunks[link.bundle];
        t.a += link.bundleReversed ? q : p;
        t.b += link.bundleReversed ? p : q;
        ++t.count;
    }
    for (std::size_t i = 0; i < links.size(); ++i) {
        const PartnershipLink& link = links[i];
        const glm::dvec2 p = at(link.fromSite), q = at(link.toSite);
        if (!finitePoint(p) || !finitePoint(q)) continue;
        const auto trunk = trunks.find(link.bundle);
        if (link.bundle < 0 || trunk == trunks.end() || trunk->second.count < 2) {
            paths[i] = curvedArc(p, q, link.bend, 32); // smooth at any zoom: the bow is at most 0.45 chords
            continue;
        }
        const glm::dvec2 hubA = trunk->second.a / static_cast<double>(trunk->second.count);
        const glm::dvec2 hubB = trunk->second.b / static_cast<double>(trunk->second.count);
        const std::vector<glm::dvec2> spine = curvedArc(hubA, hubB, kTrunkBend, kBundleSegments);
        const glm::dvec2 a = link.bundleReversed ? q : p, b = link.bundleReversed ? p : q;
        std::vector<glm::dvec2>& path = paths[i];
        path.reserve(spine.size());
        for (std::size_t k = 0; k < spine.size(); ++k) {
            const double t = static_cast<double>(k) / kBundleSegments;
            // 0 at the ends, 1 along the middle; smoothstep, so that the line has no kink.
            const double x = std::clamp(std::min(t, 1.0 - t) / kFanShare, 0.0, 1.0);
            const double w = x * x * (3.0 - 2.0 * x);
            path.push_back(glm::mix(a + (b - a) * t, spine[k], w));
        }
        path.front() = a;
        path.back() = b;
        if (link.bundleReversed) std::reverse(path.begin(), path.end());
    }
    return paths;
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
