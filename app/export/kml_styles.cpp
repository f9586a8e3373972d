#include "export/kml_styles.hpp"

#include <geo/view/content_layout.hpp>

#include <cstdio>

namespace app {

namespace {

constexpr const char* kStockDot = "http://maps.google.com/mapfiles/kml/shapes/shaded_dot.png";
constexpr double kEarthIconPixels = 32.0; // Google Earth draws an icon of scale 1 this wide

} // namespace

std::string ogrColour(geo::Color c) {
    char text[16];
    std::snprintf(text, sizeof text, "#%02X%02X%02X%02X", c.r, c.g, c.b, c.a);
    return text;
}

KmlStyles::KmlStyles(const geo::Palette& palette, bool ownIcons) : m_palette(palette), m_ownIcons(ownIcons) {
    for (std::size_t k = 0; k < geo::kSiteKindCount; ++k) {
        const auto kind = static_cast<geo::SiteKind>(k);
        const geo::DiscStyle disc = geo::markerDisc(palette, kind, false, 1.0f);
        // As wide as on the map at interface scale 1, a little larger (× 1.4): Google Earth's
        // imagery is busier than the map's flat colours.
        add(siteStyle(kind), "", disc, 2.0 * static_cast<double>(disc.rimRadius) / kEarthIconPixels * 1.4);
    }
    for (std::size_t t = 0; t < palette.trips.colours.size(); ++t) {
        // The stops: a small marker in the trip's colour; the legs: its line.
        const geo::Color c = palette.trips.colours[t];
        geo::DiscStyle disc = geo::markerDisc(palette, geo::SiteKind::Other, false, 1.0f);
        disc.fill = c;
        add("trip-" + std::to_string(t + 1), "PEN(c:" + ogrColour(c) + ",w:4px)", disc, 0.7);
    }
    for (std::size_t k = 0; k < geo::kPartnershipKindCount; ++k) {
        const auto kind = static_cast<geo::PartnershipKind>(k);
        add(partnershipStyle(kind), "PEN(c:" + ogrColour(palette.link(kind).colour) + ",w:3px)", {}, 0.0);
    }
    // The story captions' placemarks: a balloon, no marker or label of their own.
    add(captionStyle(), "SYMBOL(id:\"" + std::string(kStockDot) + "\",s:0);LABEL(c:#00000000)", {}, 0.0);
}

void KmlStyles::add(std::string id, std::string ogrStyle, const geo::DiscStyle& icon, double scale) {
    KmlStyle style;
    style.id = std::move(id);
    if (icon.rimRadius > 0.0f) {
        char size[32];
        std::snprintf(size, sizeof size, ",s:%.2f)", scale);
        std::string symbol;
        if (m_ownIcons) {
            style.iconFile = "files/" + style.id + ".png";
            style.icon = icon;
            symbol = "SYMBOL(id:\"" + style.iconFile + "\"" + size;
        } else {
            symbol = "SYMBOL(id:\"" + std::string(kStockDot) + "\",c:" + ogrColour(icon.fill) + size;
        }
        ogrStyle = ogrStyle.empty() ? symbol : ogrStyle + ";" + symbol;
    }
    style.ogrStyle = std::move(ogrStyle);
    m_styles.push_back(std::move(style));
}

std::string KmlStyles::siteStyle(geo::SiteKind kind) { return "site-" + std::string(geo::siteKindName(kind)); }

std::string KmlStyles::tripStyle(std::size_t tripIndex) const {
    return "trip-" + std::to_string(tripIndex % m_palette.trips.colours.size() + 1);
}

std::string KmlStyles::partnershipStyle(geo::PartnershipKind kind) {
    return "partnership-" + std::string(geo::partnershipKindName(kind));
}

} // namespace app
