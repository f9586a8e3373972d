#include "export/kml_styles.hpp"

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
    const geo::Color rim = palette.map.markerRim;
    for (std::size_t k = 0; k < geo::kSiteKindCount; ++k) {
        const auto kind = static_cast<geo::SiteKind>(k);
        const geo::MarkerLook& look = palette.marker(kind);
        // The marker's diameter with its 2.5 px rim as on the map at interface scale 1, a little
        // larger (× 1.4): Google Earth's imagery is busier than the map's flat colours.
        add(siteStyle(kind), "", look.fill, rim, (2.0 * static_cast<double>(look.radius) + 5.0) / kEarthIconPixels * 1.4, true);
    }
    for (std::size_t t = 0; t < palette.trips.colours.size(); ++t) {
        const geo::Color c = palette.trips.colours[t];
        add("trip-" + std::to_string(t + 1), "PEN(c:" + ogrColour(c) + ",w:4px)", c, rim, 0.7, true);
    }
    for (std::size_t k = 0; k < geo::kPartnershipKindCount; ++k) {
        const auto kind = static_cast<geo::PartnershipKind>(k);
        add(partnershipStyle(kind), "PEN(c:" + ogrColour(palette.link(kind).colour) + ",w:3px)", {}, {}, 0.0, false);
    }
    // The story captions' placemarks: a balloon, no marker of their own.
    add(captionStyle(), "SYMBOL(id:\"" + std::string(kStockDot) + "\",s:0);LABEL(c:#00000000)", {}, {}, 0.0, false);
}

void KmlStyles::add(std::string id, std::string ogrStyle, geo::Color fill, geo::Color rim, double scale, bool icon) {
    KmlStyle style;
    style.id = std::move(id);
    if (icon) {
        char size[32];
        std::snprintf(size, sizeof size, ",s:%.2f)", scale);
        std::string symbol;
        if (m_ownIcons) {
            style.iconFile = "files/" + style.id + ".png";
            style.iconFill = fill;
            style.iconRim = rim;
            symbol = "SYMBOL(id:\"" + style.iconFile + "\"" + size;
        } else {
            symbol = "SYMBOL(id:\"" + std::string(kStockDot) + "\",c:" + ogrColour(fill) + size;
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
