#include "export/kml_styles.hpp"

#include <geo/view/content_layout.hpp>

#include <ogr_featurestyle.h>

#include <cstdio>

namespace app {

namespace {

// Quoted: OGRStyleTool writes a value as given, and the ':' of a URL must not end it.
constexpr const char* kStockDot = "\"http://maps.google.com/mapfiles/kml/shapes/shaded_dot.png\"";
constexpr double kEarthIconPixels = 32.0; // Google Earth draws an icon of scale 1 this wide

// OGR style strings through OGR's own style tools (the syntax LIBKML reads).
std::string penStyle(geo::Color colour, double widthPixels) {
    OGRStyleMgr style;
    OGRStylePen pen;
    pen.SetColor(ogrColour(colour).c_str());
    pen.SetUnit(OGRSTUPixel);
    pen.SetWidth(widthPixels);
    style.AddPart(&pen);
    return style.GetStyleString();
}

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
        add("trip-" + std::to_string(t + 1), penStyle(c, 4.0), disc, 0.7);
    }
    for (std::size_t k = 0; k < geo::kPartnershipKindCount; ++k) {
        const auto kind = static_cast<geo::PartnershipKind>(k);
        add(partnershipStyle(kind), penStyle(palette.link(kind).colour, 3.0), {}, 0.0);
    }
    // The story captions' placemarks: a balloon, no marker (scale 0) or label (transparent) of their own.
    OGRStyleMgr caption;
    OGRStyleSymbol symbol;
    symbol.SetId(kStockDot);
    symbol.SetSize(0.0);
    caption.AddPart(&symbol);
    OGRStyleLabel label;
    label.SetForColor("#00000000");
    caption.AddPart(&label);
    KmlStyle style;
    style.id = captionStyle();
    style.ogrStyle = caption.GetStyleString();
    m_styles.push_back(std::move(style));
}

void KmlStyles::add(std::string id, std::string ogrStyle, const geo::DiscStyle& icon, double scale) {
    KmlStyle style;
    style.id = std::move(id);
    OGRStyleMgr manager;
    if (!ogrStyle.empty()) manager.InitStyleString(ogrStyle.c_str());
    if (icon.rimRadius > 0.0f) {
        OGRStyleSymbol symbol;
        if (m_ownIcons) {
            style.iconFile = "files/" + style.id + ".png";
            style.icon = icon;
            symbol.SetId(style.iconFile.c_str());
        } else {
            symbol.SetId(kStockDot);
            symbol.SetColor(ogrColour(icon.fill).c_str()); // Google Earth tints the white dot
        }
        symbol.SetSize(scale);
        manager.AddPart(&symbol);
    }
    const char* text = manager.GetStyleString();
    style.ogrStyle = text ? text : "";
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
