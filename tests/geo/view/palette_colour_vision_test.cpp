// The shipped colours, checked by number (issue #17): trips and partnership kinds stay apart
// for viewers with a colour-vision deficiency, and routes, arcs, markers and labels keep
// their WCAG 2.2 contrast on the land and the sea of both themes, also once a washed-out
// projector has halved the contrast (geo/base/colour_vision.hpp says how each is measured).

#include <geo/base/colour_vision.hpp>
#include <geo/basemap/layer_config.hpp>
#include <geo/view/palette.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace colour = geo::colour;

namespace {

constexpr double kMinDeltaE = 10.0;     // every pair, under every vision
constexpr double kDashDeltaE = 15.0;    // a pair closer than this must also differ in dash
constexpr double kGraphicContrast = 3.0; // WCAG 2.2, 1.4.11 non-text contrast
constexpr double kTextContrast = 4.5;    // WCAG 2.2, 1.4.3 text

struct Swatch {
    std::string name;
    geo::Color colour;
    float dash = 0.0f; // 0: solid
};

std::string hex(geo::Color c) {
    char s[16];
    std::snprintf(s, sizeof s, "#%02X%02X%02X", c.r, c.g, c.b);
    return s;
}

std::string twoDecimals(double v) {
    char s[32];
    std::snprintf(s, sizeof s, "%.2f", v);
    return s;
}

std::string shortest(double v) {
    char s[32];
    std::snprintf(s, sizeof s, "%g", v);
    return s;
}

std::string ratio(double r) { return twoDecimals(r) + ":1"; }

// Two dash patterns read apart from the back of the room when one is solid and the other is
// not, or when one dash is at least half as long again as the other (the gap is the same for
// every kind; lengths closer than that look alike at 2 m per pixel of the projected image).
bool dashesDiffer(float a, float b) {
    if ((a <= 0.0f) != (b <= 0.0f)) return true;
    if (a <= 0.0f) return false;
    return std::max(a, b) >= 1.5f * std::min(a, b);
}

struct Worst {
    double deltaE = 1e9;
    colour::Vision vision = colour::Vision::Normal;
};

Worst worstDeltaE(geo::Color x, geo::Color y) {
    Worst w;
    for (colour::Vision v : colour::kVisions) {
        const double d = colour::deltaE2000(x, y, v);
        if (d < w.deltaE) w = {d, v};
    }
    return w;
}

// The pair rules; one message per pair that breaks them.
std::vector<std::string> pairFailures(const std::vector<Swatch>& set, const std::string& what) {
    std::vector<std::string> failures;
    for (std::size_t i = 0; i < set.size(); ++i)
        for (std::size_t j = i + 1; j < set.size(); ++j) {
            const Swatch &x = set[i], &y = set[j];
            const Worst w = worstDeltaE(x.colour, y.colour);
            const std::string pair = what + " " + x.name + " (" + hex(x.colour) + ") and " + y.name + " (" + hex(y.colour) + "): CIEDE2000 " +
                                     twoDecimals(w.deltaE) + " under " + std::string(colour::visionName(w.vision));
            if (w.deltaE < kMinDeltaE) failures.push_back(pair + ", needs at least 10");
            else if (w.deltaE < kDashDeltaE && !dashesDiffer(x.dash, y.dash))
                failures.push_back(pair + " is under 15, and their dashes (" + shortest(x.dash) + " and " + shortest(y.dash) + ") do not differ");
        }
    return failures;
}

std::vector<Swatch> tripSwatches(const geo::Palette& p) {
    std::vector<Swatch> set;
    // A trip's legs are dashed by mode, not by trip: trips differ by colour alone.
    for (std::size_t i = 0; i < p.trips.colours.size(); ++i) set.push_back({"colour " + std::to_string(i + 1), p.trips.colours[i], 0.0f});
    return set;
}

std::vector<Swatch> partnershipSwatches(const geo::Palette& p) {
    std::vector<Swatch> set;
    for (std::size_t i = 0; i < geo::kPartnershipKindCount; ++i) {
        const auto kind = static_cast<geo::PartnershipKind>(i);
        set.push_back({std::string(geo::partnershipKindName(kind)), p.link(kind).colour, p.link(kind).dash});
    }
    return set;
}

struct Ground {
    std::string name;
    geo::Color colour;
};

// The land and the sea of both themes, as the layer file gives them.
std::vector<Ground> grounds(const geo::LayerConfig& layers) {
    const auto land = std::find_if(layers.layers.begin(), layers.layers.end(), [](const geo::LayerSpec& l) { return l.id == "land"; });
    REQUIRE(land != layers.layers.end());
    REQUIRE(land->style.fill.has_value());
    const geo::LayerStyle projector = geo::projectorStyle(land->style);
    return {{"the land", *land->style.fill},
            {"the sea", layers.background},
            {"the projector theme's land", projector.fill.value_or(*land->style.fill)},
            {"the projector theme's sea", layers.projectorBackground.value_or(layers.background)}};
}

// The contrast an object keeps against what surrounds it: each layer of it, from the outside
// in, composited over the ground and set against the colour just outside it. WCAG 2.2 counts
// a contrasting boundary: a line whose casing does not stand out from the ground is seen by
// the line against its casing, a marker on a pale ground by its dark rim, on a dark ground by
// its white ring against the rim. The best edge is what identifies the object.
double objectContrast(const std::vector<geo::Color>& layersOutsideIn, geo::Color ground, bool washed) {
    auto shown = [&](geo::Color c) { return washed ? colour::washOut(c) : c; };
    double best = 0.0;
    geo::Color outside = ground;
    for (geo::Color layer : layersOutsideIn) {
        const geo::Color here = colour::over(layer, outside);
        best = std::max(best, colour::contrastRatio(shown(here), shown(outside)));
        outside = here;
    }
    return best;
}

struct ContrastCase {
    std::string what;
    std::vector<geo::Color> layers; // outside in
    double minimum;
    bool text = false;              // the last layer against the one before only (text against its halo)
};

std::vector<ContrastCase> contrastCases(const geo::Palette& p) {
    std::vector<ContrastCase> cases;
    for (const Swatch& t : tripSwatches(p)) cases.push_back({"the route of the trips' " + t.name + " (" + hex(t.colour) + ")", {p.trips.casing, t.colour}, kGraphicContrast});
    for (const Swatch& k : partnershipSwatches(p))
        cases.push_back({"the arc of " + k.name + " (" + hex(k.colour) + ")", {p.partnerships.casing, k.colour}, kGraphicContrast});
    cases.push_back({"a site marker (rim " + hex(p.map.markerRim) + ", ring " + hex(p.map.paper) + ")", {p.map.markerRim, p.map.paper}, kGraphicContrast});
    cases.push_back({"label ink " + hex(p.map.ink) + " on its halo", {p.map.labelHalo, p.map.ink}, kTextContrast, true});
    return cases;
}

double measure(const ContrastCase& c, geo::Color ground, bool washed) {
    if (!c.text) return objectContrast(c.layers, ground, washed);
    const geo::Color halo = colour::over(c.layers[0], ground), ink = colour::over(c.layers[1], halo);
    return washed ? colour::contrastRatio(colour::washOut(ink), colour::washOut(halo)) : colour::contrastRatio(ink, halo);
}

std::vector<std::string> contrastFailures(const geo::Palette& p, const std::vector<Ground>& gs) {
    std::vector<std::string> failures;
    for (const ContrastCase& c : contrastCases(p))
        for (const Ground& g : gs)
            for (bool washed : {false, true}) {
                const double r = measure(c, g.colour, washed);
                if (r < c.minimum)
                    failures.push_back(c.what + " on " + g.name + " (" + hex(g.colour) + ")" + (washed ? ", washed out," : "") + ": " + ratio(r) +
                                       ", needs " + ratio(c.minimum));
            }
    return failures;
}

struct Shipped {
    geo::Palette palette;
    geo::LayerConfig layers;
};

Shipped shipped() {
    const std::filesystem::path assets(KTMAP_ASSETS_DIR);
    const geo::PaletteLoad palette = geo::loadPalette(assets / "palette.toml");
    REQUIRE(palette.diagnostics.empty());
    const geo::LayerConfigResult layers = geo::loadLayerConfig(assets / "layers.toml");
    REQUIRE(layers.diagnostics.empty());
    return {palette.palette, layers.config};
}

} // namespace

TEST_CASE("the shipped trip colours stay apart under normal vision, protanopia, deuteranopia and tritanopia", "[palette][colour][assets]") {
    const Shipped s = shipped();
    REQUIRE(s.palette.trips.colours.size() >= 2);
    for (const std::string& f : pairFailures(tripSwatches(s.palette), "the trips'")) FAIL_CHECK(f);
}

TEST_CASE("the shipped partnership kinds stay apart by colour, and by dash where the colours come close", "[palette][colour][assets]") {
    const Shipped s = shipped();
    for (const std::string& f : pairFailures(partnershipSwatches(s.palette), "partnership kinds")) FAIL_CHECK(f);
}

TEST_CASE("routes, arcs, markers and labels keep their contrast on the land and the sea of both themes, also washed out",
          "[palette][colour][assets]") {
    const Shipped s = shipped();
    const std::vector<Ground> gs = grounds(s.layers);
    for (const std::string& f : contrastFailures(s.palette, gs)) FAIL_CHECK(f);
    // The targets are reachable under the wash-out at all.
    CHECK(colour::bestWashedOutContrast() >= kTextContrast);
}

TEST_CASE("the colour checks catch the palette of before #17", "[palette][colour]") {
    // The partnership colours and the two lightest trip colours shipped until #17.
    geo::Palette before = geo::shippedPalette();
    auto set = [&](geo::PartnershipKind k, const char* c, float dash) { before.partnerships.kinds[static_cast<std::size_t>(k)] = {*geo::Color::parse(c), dash}; };
    set(geo::PartnershipKind::SisterCities, "#BE1E3C", 0.0f);
    set(geo::PartnershipKind::AssociationAgreement, "#8C5A1E", 0.0f);
    const std::vector<std::string> pairs = pairFailures(partnershipSwatches(before), "partnership kinds");
    CHECK(std::any_of(pairs.begin(), pairs.end(), [](const std::string& f) {
        return f.find("sister-cities (#BE1E3C) and association-agreement (#8C5A1E): CIEDE2000 4.0") != std::string::npos &&
               f.find("under deuteranopia, needs at least 10") != std::string::npos;
    }));
    before.trips.colours = {*geo::Color::parse("#E69F00"), *geo::Color::parse("#56B4E9")};
    const std::vector<Ground> gs{{"the land", *geo::Color::parse("#FAF6EC")}, {"the sea", *geo::Color::parse("#8FBCDD")}};
    const std::vector<std::string> contrast = contrastFailures(before, gs);
    CHECK(std::any_of(contrast.begin(), contrast.end(), [](const std::string& f) {
        return f.find("the route of the trips' colour 1 (#E69F00) on the sea (#8FBCDD): 2.") != std::string::npos;
    }));
    CHECK_FALSE(dashesDiffer(10.0f, 12.0f));
    CHECK(dashesDiffer(0.0f, 4.0f));
    CHECK(dashesDiffer(4.0f, 7.0f));
}
