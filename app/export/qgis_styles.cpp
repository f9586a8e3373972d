#include "export/qgis_styles.hpp"

#include <geo/basemap/layer_config.hpp>
#include <geo/base/web_zoom.hpp>
#include <geo/briefing/briefing.hpp>
#include <geo/briefing/vocabulary.hpp>
#include <geo/view/palette.hpp>

#include <algorithm>
#include <cstdio>

namespace app::qgis {

namespace {

// The map's widths (geo/src/view/link_layout.cpp, trip_layout.cpp, site_layout.cpp) at interface scale 1.
constexpr double kLinkWidth = 4.0, kLinkCasing = 3.5, kLinkGap = 6.0, kLinkDashScale = 1.6;
constexpr double kTripWidth = 3.5, kTripCasing = 3.0, kFlightDash = 16.0, kFlightGap = 7.0;
constexpr double kStopBadge = 16.0;

// A QGIS expression's double-quoted field name and single-quoted string.
std::string field(const std::string& name) { return "\"" + name + "\""; }
std::string literal(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

// A name field in `language`, then the others in the map's fallback order (geo::displayName).
std::string nameExpression(geo::Language language, const std::vector<std::pair<geo::Language, std::string>>& fields,
                           const std::string& last) {
    std::string args;
    for (geo::Language l : geo::fallbackOrder(language))
        for (const auto& [fl, name] : fields)
            if (fl == l) args += "nullif(" + field(name) + ", ''), ";
    return "coalesce(" + args + field(last) + ")";
}

std::string fontFor(geo::Language language) { return language == geo::Language::Ja ? "Noto Sans CJK JP" : "Noto Sans CJK TC"; }

SymbolPart line(geo::Color colour, double width, std::vector<double> dash = {}, std::string when = {}) {
    SymbolPart p;
    p.kind = SymbolPart::Line;
    p.stroke = colour;
    p.width = width;
    p.dash = std::move(dash);
    p.enabledWhen = std::move(when);
    return p;
}

SymbolPart circle(geo::Color fill, double size, geo::Color stroke = {0, 0, 0, 0}, double width = 0) {
    SymbolPart p;
    p.kind = SymbolPart::Circle;
    p.fill = fill;
    p.size = size;
    p.stroke = stroke;
    p.width = width;
    return p;
}

// A marker as the map draws it (geo::markerDisc): a thin dark rim, a white ring, the kind's fill;
// the briefing's main places (`majors`, a QGIS condition) 3 px larger in an opaque dark ring.
std::vector<SymbolPart> marker(const geo::Palette& pal, geo::SiteKind kind, const std::string& majors) {
    const double r = static_cast<double>(pal.marker(kind).radius), big = r + 3.0;
    std::vector<SymbolPart> parts;
    if (!majors.empty()) {
        geo::Color outer = pal.map.markerRim;
        outer.a = 255;
        SymbolPart ring = circle(outer, 2 * (big + 4.5));
        ring.enabledWhen = majors;
        parts.push_back(ring);
    }
    SymbolPart rim = circle(pal.map.markerRim, 2 * (r + 2.5));
    SymbolPart fill = circle(pal.marker(kind).fill, 2 * r + 1, pal.map.paper, 2.0);
    if (!majors.empty()) {
        rim.sizeExpression = "CASE WHEN " + majors + " THEN " + std::to_string(2 * (big + 2.5)) + " ELSE " + std::to_string(rim.size) + " END";
        fill.sizeExpression = "CASE WHEN " + majors + " THEN " + std::to_string(2 * big + 1) + " ELSE " + std::to_string(fill.size) + " END";
    }
    parts.push_back(rim);
    parts.push_back(fill);
    return parts;
}

// `"id" IN (...)` for the sites that pass `keep`; empty when none does.
template <class Keep>
std::string idsWhere(const geo::Briefing& b, Keep keep) {
    std::string ids;
    for (const geo::Site& s : b.sites)
        if (keep(s)) ids += (ids.empty() ? "" : ", ") + literal(s.id);
    return ids.empty() ? std::string() : field("id") + " IN (" + ids + ")";
}

LayerLook sitesLook(const geo::Briefing& b, const geo::Palette& pal, geo::Language language) {
    LayerLook look;
    look.table = "sites";
    look.name = "sites";
    look.geometry = Geometry::Point;
    look.attribute = "kind";
    for (std::size_t k = 0; k < geo::kSiteKindCount; ++k) {
        const auto kind = static_cast<geo::SiteKind>(k);
        if (std::none_of(b.sites.begin(), b.sites.end(), [&](const geo::Site& s) { return s.kind == kind; })) continue;
        const std::string majors = idsWhere(b, [&](const geo::Site& s) { return s.kind == kind && s.major; });
        look.categories.push_back({std::string(geo::siteKindName(kind)), geo::kindLabel(kind, language), marker(pal, kind, majors)});
    }
    Labels labels;
    labels.expression = nameExpression(language, {{geo::Language::Zh, "name_zh"}, {geo::Language::Ja, "name_ja"}, {geo::Language::En, "name_en"}}, "id");
    labels.colour = pal.map.ink;
    labels.halo = pal.map.labelHalo;
    labels.size = 9;
    labels.font = fontFor(language);
    // The map's label priority: the main places first, then by the kind's rank (cities above the places in them).
    const std::string majors = idsWhere(b, [](const geo::Site& s) { return s.major; });
    if (!majors.empty()) labels.sizeExpression = "CASE WHEN " + majors + " THEN 12 ELSE 9 END";
    std::string priority = "CASE";
    if (!majors.empty()) priority += " WHEN " + majors + " THEN 10";
    for (int rank = 3; rank >= 0; --rank) {
        std::string kinds;
        for (std::size_t k = 0; k < geo::kSiteKindCount; ++k)
            if (pal.sites[k].rank == rank) kinds += (kinds.empty() ? "" : ", ") + literal(std::string(geo::siteKindName(static_cast<geo::SiteKind>(k))));
        if (!kinds.empty()) priority += " WHEN " + field("kind") + " IN (" + kinds + ") THEN " + std::to_string(2 + 2 * rank);
    }
    labels.priorityExpression = priority + " ELSE 1 END";
    look.labels = labels;
    return look;
}

std::string tripName(const geo::Trip& t, geo::Language language) {
    const std::string& name = geo::pickText(t.title, t.titleEn, language);
    return name.empty() ? t.id : name;
}

LayerLook tripsLook(const geo::Briefing& b, const geo::Palette& pal, geo::Language language) {
    LayerLook look;
    look.table = "trips";
    look.name = "trips";
    look.geometry = Geometry::Line;
    look.attribute = "trip";
    // Flights are dashed great circles, the other legs solid (geo::layout::layoutRoute).
    const std::string flight = field("mode") + " = " + literal(std::string(geo::legModeName(geo::LegMode::Flight)));
    const std::string notFlight = "NOT (" + flight + ")";
    const std::vector<double> dash{kFlightDash, kFlightGap};
    for (std::size_t i = 0; i < b.trips.size(); ++i) {
        const geo::Color c = pal.tripColour(i);
        const double casing = kTripWidth + kTripCasing;
        look.categories.push_back({b.trips[i].id, tripName(b.trips[i], language),
                                   {line(pal.trips.casing, casing, {}, notFlight), line(pal.trips.casing, casing, dash, flight),
                                    line(c, kTripWidth, {}, notFlight), line(c, kTripWidth, dash, flight)}});
    }
    return look;
}

LayerLook stopsLook(const geo::Briefing& b, const geo::Palette& pal, geo::Language language) {
    LayerLook look;
    look.table = "stops";
    look.name = "stops";
    look.geometry = Geometry::Point;
    look.attribute = "trip";
    for (std::size_t i = 0; i < b.trips.size(); ++i)
        look.categories.push_back({b.trips[i].id, tripName(b.trips[i], language),
                                   {circle(pal.tripColour(i), kStopBadge, pal.map.paper, 1.5)}});
    Labels labels; // the stop's number on its badge
    labels.expression = field("order");
    labels.colour = pal.map.paper;
    labels.halo = {0, 0, 0, 0};
    labels.size = 7;
    labels.centred = true;
    labels.font = fontFor(language);
    look.labels = labels;
    return look;
}

LayerLook partnershipsLook(const geo::Briefing& b, const geo::Palette& pal, geo::Language language) {
    LayerLook look;
    look.table = "partnerships";
    look.name = "partnerships";
    look.geometry = Geometry::Line;
    look.attribute = "kind";
    for (std::size_t k = 0; k < geo::kPartnershipKindCount; ++k) {
        const auto kind = static_cast<geo::PartnershipKind>(k);
        if (std::none_of(b.partnerships.begin(), b.partnerships.end(), [&](const geo::Partnership& p) { return p.kind == kind; }))
            continue;
        const geo::LinkLook& link = pal.link(kind);
        std::vector<double> dash;
        if (link.dash > 0) dash = {static_cast<double>(link.dash) * kLinkDashScale, kLinkGap};
        // A white casing under every kind keeps the arcs readable over land and borders.
        look.categories.push_back({std::string(geo::partnershipKindName(kind)), geo::partnershipKindLabel(kind, language),
                                   {line(pal.partnerships.casing, kLinkWidth + kLinkCasing), line(link.colour, kLinkWidth, dash)}});
    }
    return look;
}

} // namespace

std::vector<LayerLook> briefingLooks(const geo::Briefing& briefing, const geo::Palette& palette, geo::Language language) {
    return {partnershipsLook(briefing, palette, language), tripsLook(briefing, palette, language),
            sitesLook(briefing, palette, language), stopsLook(briefing, palette, language)};
}

LayerLook baseLook(const geo::LayerSpec& spec, const std::string& table, Geometry geometry) {
    LayerLook look;
    look.table = table;
    look.name = spec.id;
    look.geometry = geometry;
    look.attribution = spec.attribution;
    const geo::LayerStyle& s = spec.style;
    SymbolPart part;
    if (geometry == Geometry::Polygon) {
        part.kind = SymbolPart::Fill;
        part.fill = s.fill.value_or(geo::Color{0, 0, 0, 0});
        if (s.stroke) {
            part.stroke = *s.stroke;
            part.width = static_cast<double>(s.strokeWidth);
        }
    } else if (geometry == Geometry::Line) {
        part = line(s.stroke.value_or(s.pointColor), static_cast<double>(s.strokeWidth));
    } else {
        part = circle(s.pointColor, static_cast<double>(s.pointSize));
    }
    look.symbol = {part};
    // The layer file's min_zoom as QGIS's scale limit: web-map zoom to 1:scale at 96 dpi.
    if (s.minZoom > 0) look.minScale = geo::zoomToMpp(s.minZoom) / (0.0254 / 96.0);
    return look;
}

std::string colourText(geo::Color c) {
    return std::to_string(c.r) + "," + std::to_string(c.g) + "," + std::to_string(c.b) + "," + std::to_string(c.a);
}

std::string hexColour(geo::Color c) {
    char text[8];
    std::snprintf(text, sizeof text, "#%02x%02x%02x", c.r, c.g, c.b);
    return text;
}

} // namespace app::qgis
