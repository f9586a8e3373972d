#include <geo/view/palette.hpp>

#include "committed_files.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

namespace {
const geo::Color kInk{25, 35, 45, 255};
}

TEST_CASE("the shipped palette file is the one built in, and reads without a message", "[palette][assets]") {
    const std::filesystem::path file = std::filesystem::path(KTMAP_ASSETS_DIR) / "palette.toml";
    REQUIRE(std::filesystem::exists(file));
    CHECK(test::readFile(file) == geo::shippedPaletteText());
    const geo::PaletteLoad load = geo::loadPalette(file);
    CHECK(load.diagnostics.empty());
    const geo::Palette& p = load.palette;
    CHECK(p.map.ink == kInk);
    CHECK(p.marker(geo::SiteKind::City).fill == geo::Color{200, 30, 45, 255});
    CHECK(p.marker(geo::SiteKind::City).radius == 10.0f);
    CHECK(p.trips.colours.size() == 6);
    CHECK(p.link(geo::PartnershipKind::UniversityMou).dash == 7.0f);
    CHECK(p.interface.panel == geo::Color{240, 240, 240, 255});
}

TEST_CASE("a site's marker: its kind's, larger and ranked higher for the main places", "[palette]") {
    const geo::Palette p = geo::shippedPalette();
    geo::Site site;
    site.kind = geo::SiteKind::City;
    CHECK(p.marker(site).radius == 10.0f);
    CHECK(p.marker(site).rank == 3);
    site.major = true;
    CHECK(p.marker(site).radius == 13.0f);
    CHECK(p.marker(site).rank == 4);
    CHECK(p.tripColour(6) == p.tripColour(0)); // the colours repeat after the last
}

TEST_CASE("a user's palette changes what it gives and keeps the rest", "[palette]") {
    const geo::PaletteLoad load = geo::parsePalette("[map]\nselection = \"#FF0000\"\n[sites]\nfab = { radius = 12 }\n", "mine.toml");
    CHECK(load.diagnostics.empty());
    CHECK(load.palette.map.selection == geo::Color{255, 0, 0, 255});
    CHECK(load.palette.map.ink == kInk);
    CHECK(load.palette.marker(geo::SiteKind::Fab).radius == 12.0f);
    CHECK(load.palette.marker(geo::SiteKind::Fab).fill == geo::Color{240, 125, 0, 255});
}

TEST_CASE("a palette's mistakes are named by file, line and column, and the shipped values stay", "[palette][bad-input]") {
    const geo::PaletteLoad load = geo::parsePalette("[map]\nink = \"navy\"\nselction = \"#FF0000\"\n[trips]\ncolors = []\n"
                                                    "[sites]\ncity = { radius = 400 }\n",
                                                    "mine.toml");
    const std::vector<std::string> messages = test::formatWithout(load.diagnostics, "");
    CHECK(messages == std::vector<std::string>{
                          "mine.toml:2:7: error: 'ink' in [map] must be a colour (write it as \"#RRGGBB\" or \"#RRGGBBAA\"; the shipped colour is used)",
                          "mine.toml:3:1: warning: unknown key 'selction' in [map]; it is ignored (did you mean 'selection'?)",
                          "mine.toml:5:10: error: 'colors' in [trips] must be a list of colours (write it as [\"#D55E00\", \"#0072B2\", ...]; the shipped colours are used)",
                          "mine.toml:7:19: error: 'radius' in [sites].city must be a number from 1 to 40 (the shipped value is used)"});
    CHECK(load.palette.map.ink == kInk);
    CHECK(load.palette.trips.colours.size() == 6);
    CHECK(load.palette.marker(geo::SiteKind::City).radius == 10.0f);
}

TEST_CASE("a palette file that is missing or not TOML keeps the shipped palette, and says so", "[palette][bad-input]") {
    const geo::PaletteLoad missing = geo::loadPalette(test::freshDir("palette") / "none.toml");
    REQUIRE(missing.diagnostics.size() == 1);
    CHECK(missing.diagnostics[0].severity == geo::Severity::Warning);
    CHECK(missing.palette.map.ink == kInk);
    const geo::PaletteLoad broken = geo::parsePalette("[map\n", "broken.toml");
    REQUIRE(broken.diagnostics.size() == 1);
    CHECK(broken.diagnostics[0].severity == geo::Severity::Error);
    CHECK(broken.diagnostics[0].line == 1);
    CHECK(broken.palette.map.ink == kInk);
}

TEST_CASE("the palette example in assets/FORMAT.md reads without a message and changes what it says", "[palette][assets]") {
    const std::vector<test::FencedBlock> examples = test::fencedBlocks(test::committedAsset("FORMAT.md"), "toml palette");
    REQUIRE(examples.size() == 1);
    const geo::PaletteLoad load = geo::parsePalette(examples[0].text, "FORMAT.md palette example");
    CHECK(load.diagnostics.empty());
    CHECK(load.palette.marker(geo::SiteKind::City).fill == geo::Color{0x9E, 0x10, 0x20, 255});
    CHECK(load.palette.marker(geo::SiteKind::City).radius == 11.0f);
    CHECK(load.palette.tripColour(0) == geo::Color{0xB0, 0x4A, 0x00, 255});
    CHECK(load.palette.tripColour(1) == geo::shippedPalette().tripColour(1));
}

TEST_CASE("partnership links grow from quiet to full strength between two zooms the palette gives", "[palette]") {
    const geo::Palette shipped = geo::shippedPalette();
    CHECK(shipped.partnerships.quietZoom == 7.0f);
    CHECK(shipped.partnerships.fullZoom == 9.0f);
    CHECK(shipped.partnerships.quietWidth == 0.5f);
    CHECK(shipped.partnerships.quietOpacity == 0.55f);
    CHECK(shipped.partnerships.laneGap == 2.0f);
    CHECK(shipped.partnerships.strength(5.0) == 0.0f);
    CHECK(shipped.partnerships.strength(7.0) == 0.0f);
    CHECK(shipped.partnerships.strength(8.0) == Approx(0.5f));
    CHECK(shipped.partnerships.strength(9.0) == 1.0f);
    CHECK(shipped.partnerships.strength(12.0) == 1.0f);
    const geo::PaletteLoad load = geo::parsePalette(
        "[partnerships]\nquiet_zoom = 4\nfull_zoom = 6\nquiet_width = 0.25\nquiet_opacity = 0.4\nlane_gap = 3\n", "mine.toml");
    CHECK(load.diagnostics.empty());
    CHECK(load.palette.partnerships.strength(5.0) == Approx(0.5f));
    CHECK(load.palette.partnerships.quietWidth == 0.25f);
    CHECK(load.palette.partnerships.quietOpacity == 0.4f);
    CHECK(load.palette.partnerships.laneGap == 3.0f);
    CHECK(load.palette.link(geo::PartnershipKind::UniversityMou).dash == 7.0f); // the kinds kept
}

TEST_CASE("a full zoom below the quiet zoom, or a width out of range, is named and links stay readable", "[palette][bad-input]") {
    const geo::PaletteLoad load =
        geo::parsePalette("[partnerships]\nquiet_zoom = 9\nfull_zoom = 7\nquiet_width = 2\nlane_gap = -1\n", "mine.toml");
    const std::vector<std::string> messages = test::formatWithout(load.diagnostics, "");
    CHECK(messages == std::vector<std::string>{
                          "mine.toml:3:13: error: 'full_zoom' in [partnerships] is below 'quiet_zoom' (make full_zoom at least quiet_zoom; "
                          "links are drawn at full strength at every zoom)",
                          "mine.toml:4:15: error: 'quiet_width' in [partnerships] must be a number from 0.1 to 1 (the shipped value is used)",
                          "mine.toml:5:12: error: 'lane_gap' in [partnerships] must be a number from 0 to 20 (the shipped value is used)"});
    CHECK(load.palette.partnerships.strength(1.0) == 1.0f); // full strength everywhere
    CHECK(load.palette.partnerships.quietWidth == 0.5f);
    CHECK(load.palette.partnerships.laneGap == 2.0f);
}

TEST_CASE("a label halo's softness is read from [map], and a wrong one keeps the shipped value", "[palette][bad-input]") {
    CHECK(geo::shippedPalette().map.labelHaloSoftness == 1.0f);
    const geo::PaletteLoad soft = geo::parsePalette("[map]\nlabel_halo_softness = 2.5\n", "mine.toml");
    CHECK(soft.diagnostics.empty());
    CHECK(soft.palette.map.labelHaloSoftness == 2.5f);
    const geo::PaletteLoad wrong = geo::parsePalette("[map]\nlabel_halo_softness = 20\n", "mine.toml");
    CHECK(test::formatWithout(wrong.diagnostics, "") ==
          std::vector<std::string>{"mine.toml:2:23: error: 'label_halo_softness' in [map] must be a number from 0 to 8 (the shipped value is used)"});
    CHECK(wrong.palette.map.labelHaloSoftness == 1.0f);
    // The halo's width, likewise.
    CHECK(geo::shippedPalette().map.labelHaloWidth == 2.0f);
    CHECK(geo::parsePalette("[map]\nlabel_halo_width = 3\n", "mine.toml").palette.map.labelHaloWidth == 3.0f);
    const geo::PaletteLoad thin = geo::parsePalette("[map]\nlabel_halo_width = 0\n", "mine.toml");
    CHECK(test::formatWithout(thin.diagnostics, "") ==
          std::vector<std::string>{"mine.toml:2:20: error: 'label_halo_width' in [map] must be a number from 0.5 to 6 (the shipped value is used)"});
    CHECK(thin.palette.map.labelHaloWidth == 2.0f);
}
