// The render tests' label contrast measurement (tests/support/label_contrast) on synthetic
// labels: glyph-like strokes with antialiased edges inside a halo, over the land or the sea,
// drawn as today's text draws them (hard-edged halo copies) and as SDF text does (a halo that
// fades out, strokes at subpixel positions).

#include "label_contrast.hpp"

#include <geo/base/colour_vision.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

namespace {

namespace colour = geo::colour;

sf::Color toSf(geo::Color c) { return {c.r, c.g, c.b, 255}; }
geo::Color hex(const char* text) { return *geo::Color::parse(text); }

// Coverage (0..1) of a pixel by a set of vertical strokes `width` px wide starting at `x0`,
// every `pitch` px, rows y0..y1: a stand-in for glyphs, whose ink is mostly vertical stems.
double strokeCoverage(double px, double py, double x0, double width, double pitch, int strokes, double y0, double y1) {
    if (py + 1.0 <= y0 || py >= y1) return 0.0;
    double cover = 0.0;
    for (int i = 0; i < strokes; ++i) {
        const double a = x0 + i * pitch, b = a + width;
        cover += std::max(0.0, std::min(px + 1.0, b) - std::max(px, a));
    }
    return std::min(1.0, cover);
}

// Distance from a pixel's centre to the nearest stroke (0 inside one).
double strokeDistance(double px, double py, double x0, double width, double pitch, int strokes, double y0, double y1) {
    const double cx = px + 0.5, cy = py + 0.5;
    double best = 1e9;
    for (int i = 0; i < strokes; ++i) {
        const double a = x0 + i * pitch, b = a + width;
        const double dx = std::max({a - cx, 0.0, cx - b}), dy = std::max({y0 - cy, 0.0, cy - y1});
        best = std::min(best, std::hypot(dx, dy));
    }
    return best;
}

geo::Color mix(geo::Color top, double alpha, geo::Color ground) {
    geo::Color t = top;
    t.a = static_cast<std::uint8_t>(std::lround(std::clamp(alpha, 0.0, 1.0) * top.a));
    return colour::over(t, ground);
}

struct Label {
    geo::Color ink, halo, ground;
    bool sdf = false;       // a soft, fading halo and strokes at subpixel positions
    double haloWidth = 2.0;
    double stem = 2.2;      // SDF stem width
};

// A 120x40 image of `ground` with one label whose box is (20,10)-(100,30).
sf::Image draw(const Label& l) {
    sf::Image image;
    image.create(120, 40, toSf(l.ground));
    // SDF stems sit at subpixel positions: 2.2 px wide from x = 24.3 still covers one pixel
    // column fully. (A stem too thin to cover any pixel fully shows, and measures, paler.)
    const double x0 = l.sdf ? 24.3 : 24.0, width = l.sdf ? l.stem : 2.0, pitch = 6.0, y0 = 13.0, y1 = 27.0;
    const int strokes = 12;
    for (unsigned y = 0; y < 40; ++y)
        for (unsigned x = 0; x < 120; ++x) {
            const double d = strokeDistance(x, y, x0, width, pitch, strokes, y0, y1);
            // Today's halo: hard-edged copies of the text around it; SDF: full to haloWidth, then a 1 px fade.
            const double haloAlpha = l.sdf ? std::clamp(l.haloWidth + 0.5 - d, 0.0, 1.0) : (d <= l.haloWidth ? 1.0 : 0.0);
            geo::Color c = mix(l.halo, haloAlpha, l.ground);
            c = mix(l.ink, strokeCoverage(x, y, x0, width, pitch, strokes, y0, y1), c);
            image.setPixel(x, y, toSf(c));
        }
    return image;
}

const test::PlacedBox kBox{"label", 20.0, 10.0, 100.0, 30.0};

// The contrast the palette gives: the ink against the halo composited over the ground.
double expected(const Label& l, bool washed) {
    const geo::Color halo = colour::over(l.halo, l.ground);
    return washed ? colour::contrastRatio(colour::washOut(l.ink), colour::washOut(halo)) : colour::contrastRatio(l.ink, halo);
}

} // namespace

TEST_CASE("label contrast: dark text on a light halo over the sea, as today's text draws it", "[label-contrast]") {
    const Label l{hex("#19232D"), hex("#FFFFFFEB"), hex("#8FBCDD")};
    const test::LabelContrast c = test::measureLabelContrast(draw(l), kBox);
    REQUIRE(c.measured);
    CHECK(c.pixels == 80u * 20u);
    CHECK(c.contrast == Approx(expected(l, false)).epsilon(0.01));
    CHECK(c.washedContrast == Approx(expected(l, true)).epsilon(0.01));
    CHECK(c.washedContrast < c.contrast);
    CHECK(test::labelContrastFailures(draw(l), {kBox}, 4.5, "synthetic").empty());
}

TEST_CASE("label contrast: light text on a dark halo over the land, and SDF text with a soft halo", "[label-contrast]") {
    const Label light{hex("#FFFFFF"), hex("#19232DF0"), hex("#FAF6EC")};
    const test::LabelContrast c = test::measureLabelContrast(draw(light), kBox);
    CHECK(c.contrast == Approx(expected(light, false)).epsilon(0.01));
    CHECK(c.washedContrast == Approx(expected(light, true)).epsilon(0.01));
    Label sdf{hex("#19232D"), hex("#FFFFFFEB"), hex("#5C97C9"), true, 1.5};
    const test::LabelContrast s = test::measureLabelContrast(draw(sdf), kBox);
    CHECK(s.contrast == Approx(expected(sdf, false)).epsilon(0.03));
    CHECK(s.washedContrast == Approx(expected(sdf, true)).epsilon(0.03));
    CHECK(test::labelContrastFailures(draw(sdf), {kBox}, 4.5, "synthetic").empty());
    // 1.6 px stems from x = 24.3 cover no pixel by more than 90%: the ink is seen, and measured, at 90%.
    sdf.stem = 1.6;
    const test::LabelContrast thin = test::measureLabelContrast(draw(sdf), kBox);
    const geo::Color halo = colour::over(sdf.halo, sdf.ground);
    CHECK(thin.contrast == Approx(colour::contrastRatio(mix(sdf.ink, 0.9, halo), halo)).epsilon(0.02));
    CHECK(thin.contrast < s.contrast);
}

TEST_CASE("label contrast: grey text on white fails, and text that passes as rendered can fail washed out", "[label-contrast]") {
    const Label grey{hex("#8A8A8A"), hex("#FFFFFF"), hex("#FAF6EC")};
    const std::vector<std::string> f = test::labelContrastFailures(draw(grey), {kBox}, 4.5, "synthetic");
    REQUIRE(f.size() == 1);
    CHECK(f[0] == "synthetic: label 0 (20.0,10.0)-(100.0,30.0): text against halo 3.45:1, needs 4.50:1");
    // #767676 on white is 4.54:1, and 3.86:1 once the projector has washed it out.
    const Label justPassing{hex("#767676"), hex("#FFFFFF"), hex("#FFFFFF")};
    const std::vector<std::string> w = test::labelContrastFailures(draw(justPassing), {kBox}, 4.5, "synthetic");
    REQUIRE(w.size() == 1);
    CHECK(w[0] == "synthetic: label 0 (20.0,10.0)-(100.0,30.0): text against halo 3.86:1 washed out (4.54:1 as rendered), needs 4.50:1");
}

TEST_CASE("label contrast: a stray pixel does not decide, and boxes that hold too little are named", "[label-contrast]") {
    const Label grey{hex("#8A8A8A"), hex("#FFFFFF"), hex("#FAF6EC")};
    sf::Image image = draw(grey);
    image.setPixel(50, 20, sf::Color::Black); // one pixel of a line's antialiased end, say
    CHECK(test::measureLabelContrast(image, kBox).contrast == Approx(expected(grey, false)).epsilon(0.01));
    // Only labels count; a box mostly off the image cannot be measured.
    const std::vector<std::string> f =
        test::labelContrastFailures(image, {{"marker", 20, 10, 100, 30}, {"label", 115, 35, 130, 45}}, 4.5, "synthetic");
    REQUIRE(f.size() == 1);
    CHECK(f[0] == "synthetic: label 0 (115.0,35.0)-(130.0,45.0) holds 25 pixels of the image, too few to measure its contrast");
}

TEST_CASE("label boxes are read in the viewer's format with kinds, and in the older one without", "[label-contrast]") {
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / "ktmap-label-contrast-test";
    std::filesystem::create_directories(dir);
    const std::filesystem::path newer = dir / "kinds.tsv", older = dir / "plain.tsv", bad = dir / "bad.tsv";
    std::ofstream(newer) << "label\t10\t20\t30.5\t40\nmarker 1 2 3 4\n\nbadge 5 6 7 8\n";
    std::ofstream(older) << "10\t20\t30.5\t40\n1.5 2 3 4\n";
    std::ofstream(bad) << "label 1 2 3\nlabel 1 2 3 4\n";
    std::string error;
    const std::vector<test::PlacedBox> a = test::readPlacedBoxes(newer, error);
    CHECK(error.empty());
    REQUIRE(a.size() == 3);
    CHECK(a[0].kind == "label");
    CHECK(a[0].x1 == 30.5);
    CHECK(a[1].kind == "marker");
    CHECK(a[2].kind == "badge");
    const std::vector<test::PlacedBox> b = test::readPlacedBoxes(older, error);
    CHECK(error.empty());
    REQUIRE(b.size() == 2);
    CHECK(b[1].kind == "label");
    CHECK(b[1].x0 == 1.5);
    const std::vector<test::PlacedBox> c = test::readPlacedBoxes(bad, error);
    CHECK(c.size() == 1);
    CHECK(error == bad.string() + ":1: expected \"kind x0 y0 x1 y1\", got \"label 1 2 3\"");
    error.clear();
    CHECK(test::readPlacedBoxes(dir / "missing.tsv", error).empty());
    CHECK(error == (dir / "missing.tsv").string() + ": cannot be read");
    std::filesystem::remove_all(dir);
}
