#pragma once
// The colours of the content over the map and of the panels, read from a palette file
// (assets/palette.toml; the base map's colours are the layer file's). The shipped file is
// built into the program as well, so that a key missing from a user's file, or a value that
// cannot be read, keeps the shipped value (with a message naming the file and line).

#include <geo/base/color.hpp>
#include <geo/base/diagnostic.hpp>
#include <geo/briefing/briefing.hpp>

#include <array>
#include <filesystem>
#include <string>
#include <vector>

namespace geo {

// How a site kind's marker looks: fill, radius at interface scale 1, rank (hit-test tie-break
// and label priority: cities above the places in them).
struct MarkerLook {
    Color fill;
    float radius = 7.0f;
    int rank = 1;
};

struct LinkLook {
    Color colour;
    float dash = 0.0f; // pixels on; 0: solid
};

inline constexpr std::size_t kSiteKindCount = 14;       // geo::SiteKind values
inline constexpr std::size_t kPartnershipKindCount = 9; // geo::PartnershipKind values

struct Palette {
    struct Map {
        Color ink, paper, markerRim, selection, highlight, labelHalo, callout;
        // Pixels (at interface scale 1) over which a label's halo fades out at its edge.
        float labelHaloSoftness = 1.0f;
        // Pixels (at interface scale 1) of halo around a label's glyphs.
        float labelHaloWidth = 2.0f;
    } map;
    std::array<MarkerLook, kSiteKindCount> sites{};
    struct Trips {
        std::vector<Color> colours; // never empty
        Color casing;
    } trips;
    struct Partnerships {
        Color casing, emphasis;
        // At the regional zoom links are quiet: thinner (quietWidth × the full width) and fainter
        // (quietOpacity); from quietZoom to fullZoom (zoom at interface scale 1) they grow to full
        // strength, which a link also has when hovered, selected, filtered for, or a story
        // step's. laneGap: pixels between the lines of a bundle (at interface scale 1).
        float quietZoom = 7.0f, fullZoom = 9.0f, quietWidth = 0.5f, quietOpacity = 0.55f, laneGap = 2.0f;
        std::array<LinkLook, kPartnershipKindCount> kinds{};
        // 0 at quietZoom and below, 1 at fullZoom and above, linear between.
        float strength(double zoom) const;
    } partnerships;
    struct Interface {
        Color panel, overlay, muted, accent, error, warning, info;
    } interface;
    struct Presentation {
        Color caption, counter, flash;
    } presentation;
    struct Presenter {
        Color background, text, muted, accent, alarm, rule;
    } presenter;
    // The presenter's live tools (laser, spotlight, ink, zoom box); the ink lists are never empty.
    struct Tools {
        Color laser, laserRing, laserRim, spotlight, inkCasing, zoomBox;
        std::vector<Color> ink, highlighter;
    } tools;

    // A site's marker: its kind's, 3 px larger and a rank higher for the briefing's main places.
    MarkerLook marker(const Site& site) const;
    const MarkerLook& marker(SiteKind kind) const;
    Color tripColour(std::size_t tripIndex) const { return trips.colours[tripIndex % trips.colours.size()]; }
    const LinkLook& link(PartnershipKind kind) const;
};

struct PaletteLoad {
    Palette palette;
    Diagnostics diagnostics;
};

// The shipped palette (assets/palette.toml as built into the program).
Palette shippedPalette();
// The text of the shipped palette file.
const char* shippedPaletteText();
// Reads a palette file over the shipped palette. A missing file keeps the shipped palette with
// a warning; a file that is not valid TOML keeps it with an error.
PaletteLoad loadPalette(const std::filesystem::path& file);
PaletteLoad parsePalette(const std::string& text, const std::string& fileLabel);

} // namespace geo
