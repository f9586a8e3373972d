#pragma once
// The shared styles of the Google Earth export, matching the map: one per site kind (its
// marker fill), per trip colour (its line and its stops) and per partnership kind (its link
// colour), as OGR style strings that GDAL's LIBKML driver writes as the document's <Style>s.

#include <geo/briefing/briefing.hpp>
#include <geo/view/display_list.hpp>
#include <geo/view/palette.hpp>

#include <string>
#include <vector>

namespace app {

struct KmlStyle {
    std::string id;       // the <Style id>, e.g. "site-city", "trip-2", "partnership-sister-cities"
    std::string ogrStyle; // "SYMBOL(...)", "PEN(...)", …
    std::string iconFile; // KMZ only: "files/site-city.png" (empty: no icon of our own)
    geo::DiscStyle icon;  // how kml_icons draws it (the map's marker)
};

class KmlStyles {
public:
    // `ownIcons`: the KMZ's icons (files/*.png); else Google's stock dot tinted with the colour.
    KmlStyles(const geo::Palette& palette, bool ownIcons);

    const std::vector<KmlStyle>& all() const { return m_styles; }
    static std::string siteStyle(geo::SiteKind kind);
    std::string tripStyle(std::size_t tripIndex) const; // the trip's colour, as the map picks it
    static std::string partnershipStyle(geo::PartnershipKind kind);
    static std::string captionStyle() { return "caption"; }

private:
    // `icon`: a marker icon of that look (none when its radii are 0), at `scale` in Google Earth.
    void add(std::string id, std::string ogrStyle, const geo::DiscStyle& icon, double scale);

    const geo::Palette& m_palette;
    bool m_ownIcons;
    std::vector<KmlStyle> m_styles;
};

// "#RRGGBBAA", as OGR style strings write colours.
std::string ogrColour(geo::Color colour);

} // namespace app
