#include <geo/base/colour_vision.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <cmath>

using namespace geo::colour;

namespace {

struct SharmaPair {
    Lab x, y;
    double deltaE;
};

// G. Sharma, W. Wu, E. N. Dalal (2005), Table 1: all 34 test pairs (L*, a*, b* of each colour and
// their CIEDE2000 difference, to 4 decimals). They exercise the formula's discontinuities: hue
// angles either side of 0°/360°, achromatic colours, and the mean hue's wrap at 180°.
const std::array<SharmaPair, 34> kSharma{{
    {{50.0000, 2.6772, -79.7751}, {50.0000, 0.0000, -82.7485}, 2.0425},
    {{50.0000, 3.1571, -77.2803}, {50.0000, 0.0000, -82.7485}, 2.8615},
    {{50.0000, 2.8361, -74.0200}, {50.0000, 0.0000, -82.7485}, 3.4412},
    {{50.0000, -1.3802, -84.2814}, {50.0000, 0.0000, -82.7485}, 1.0000},
    {{50.0000, -1.1848, -84.8006}, {50.0000, 0.0000, -82.7485}, 1.0000},
    {{50.0000, -0.9009, -85.5211}, {50.0000, 0.0000, -82.7485}, 1.0000},
    {{50.0000, 0.0000, 0.0000}, {50.0000, -1.0000, 2.0000}, 2.3669},
    {{50.0000, -1.0000, 2.0000}, {50.0000, 0.0000, 0.0000}, 2.3669},
    {{50.0000, 2.4900, -0.0010}, {50.0000, -2.4900, 0.0009}, 7.1792},
    {{50.0000, 2.4900, -0.0010}, {50.0000, -2.4900, 0.0010}, 7.1792},
    {{50.0000, 2.4900, -0.0010}, {50.0000, -2.4900, 0.0011}, 7.2195},
    {{50.0000, 2.4900, -0.0010}, {50.0000, -2.4900, 0.0012}, 7.2195},
    {{50.0000, -0.0010, 2.4900}, {50.0000, 0.0009, -2.4900}, 4.8045},
    {{50.0000, -0.0010, 2.4900}, {50.0000, 0.0010, -2.4900}, 4.8045},
    {{50.0000, -0.0010, 2.4900}, {50.0000, 0.0011, -2.4900}, 4.7461},
    {{50.0000, 2.5000, 0.0000}, {50.0000, 0.0000, -2.5000}, 4.3065},
    {{50.0000, 2.5000, 0.0000}, {73.0000, 25.0000, -18.0000}, 27.1492},
    {{50.0000, 2.5000, 0.0000}, {61.0000, -5.0000, 29.0000}, 22.8977},
    {{50.0000, 2.5000, 0.0000}, {56.0000, -27.0000, -3.0000}, 31.9030},
    {{50.0000, 2.5000, 0.0000}, {58.0000, 24.0000, 15.0000}, 19.4535},
    {{50.0000, 2.5000, 0.0000}, {50.0000, 3.1736, 0.5854}, 1.0000},
    {{50.0000, 2.5000, 0.0000}, {50.0000, 3.2972, 0.0000}, 1.0000},
    {{50.0000, 2.5000, 0.0000}, {50.0000, 1.8634, 0.5757}, 1.0000},
    {{50.0000, 2.5000, 0.0000}, {50.0000, 3.2592, 0.3350}, 1.0000},
    {{60.2574, -34.0099, 36.2677}, {60.4626, -34.1751, 39.4387}, 1.2644},
    {{63.0109, -31.0961, -5.8663}, {62.8187, -29.7946, -4.0864}, 1.2630},
    {{61.2901, 3.7196, -5.3901}, {61.4292, 2.2480, -4.9620}, 1.8731},
    {{35.0831, -44.1164, 3.7933}, {35.0232, -40.0716, 1.5901}, 1.8645},
    {{22.7233, 20.0904, -46.6940}, {23.0331, 14.9730, -42.5619}, 2.0373},
    {{36.4612, 47.8580, 18.3852}, {36.2715, 50.5065, 21.2231}, 1.4146},
    {{90.8027, -2.0831, 1.4410}, {91.1528, -1.6435, 0.0447}, 1.4441},
    {{90.9257, -0.5406, -0.9208}, {88.6381, -0.8985, -0.7239}, 1.5381},
    {{6.7747, -0.2908, -2.4247}, {5.8714, -0.0985, -2.2286}, 0.6377},
    {{2.0776, 0.0795, -1.1350}, {0.9033, -0.0636, -0.5514}, 0.9082},
}};

geo::Color hex(const char* text) { return *geo::Color::parse(text); }

} // namespace

TEST_CASE("CIEDE2000 gives Sharma, Wu and Dalal's 34 published differences to 4 decimals, either way round", "[colour]") {
    for (std::size_t i = 0; i < kSharma.size(); ++i) {
        const SharmaPair& p = kSharma[i];
        INFO("pair " << i + 1);
        // Rounded to 4 decimals, as the table gives them.
        CHECK(std::round(deltaE2000(p.x, p.y) * 1e4) / 1e4 == Approx(p.deltaE).margin(1e-9));
        CHECK(std::round(deltaE2000(p.y, p.x) * 1e4) / 1e4 == Approx(p.deltaE).margin(1e-9));
    }
    CHECK(deltaE2000(Lab{50, 10, -10}, Lab{50, 10, -10}) == 0.0);
}

TEST_CASE("sRGB decodes to linear light and back, every 8-bit value", "[colour]") {
    CHECK(srgbToLinear(0.0) == 0.0);
    CHECK(srgbToLinear(1.0) == Approx(1.0).margin(1e-12));
    CHECK(srgbToLinear(0.04045) == Approx(0.04045 / 12.92));
    CHECK(srgbToLinear(0.5) == Approx(0.2140411).margin(1e-7));
    for (int v = 0; v < 256; ++v) {
        const geo::Color c{static_cast<std::uint8_t>(v), static_cast<std::uint8_t>(255 - v), static_cast<std::uint8_t>(v / 2), 200};
        CHECK(fromLinear(toLinear(c), c.a) == c);
    }
    CHECK(linearToSrgb(-0.5) == 0.0); // clamped
    CHECK(linearToSrgb(2.0) == Approx(1.0));
}

TEST_CASE("CIELAB of the sRGB primaries and white, D65", "[colour]") {
    // Published by B. Lindbloom's calculator for sRGB, D65 reference white.
    const Lab red = toLab(hex("#FF0000")), green = toLab(hex("#00FF00")), blue = toLab(hex("#0000FF")), white = toLab(hex("#FFFFFF"));
    CHECK(red.l == Approx(53.2408).margin(1e-4));
    CHECK(red.a == Approx(80.0925).margin(1e-4));
    CHECK(red.b == Approx(67.2032).margin(1e-4));
    CHECK(green.l == Approx(87.7347).margin(1e-4));
    CHECK(green.a == Approx(-86.1827).margin(1e-4));
    CHECK(green.b == Approx(83.1793).margin(1e-4));
    CHECK(blue.l == Approx(32.2970).margin(1e-4));
    CHECK(blue.b == Approx(-107.8602).margin(1e-4));
    CHECK(white.l == Approx(100.0).margin(1e-4));
    CHECK(std::abs(white.a) < 1e-3);
    CHECK(std::abs(white.b) < 1e-3);
}

TEST_CASE("the dichromacy simulations are Machado's severity 1.0 matrices, in linear RGB, clamped", "[colour]") {
    const LinearRgb red{1.0, 0.0, 0.0};
    const LinearRgb p = simulate(Vision::Protanopia, red);
    CHECK(p.r == Approx(0.152286));
    CHECK(p.g == Approx(0.114503));
    CHECK(p.b == 0.0); // -0.003882, clamped
    const LinearRgb d = simulate(Vision::Deuteranopia, LinearRgb{0.0, 1.0, 0.0});
    CHECK(d.r == Approx(0.860646));
    CHECK(d.g == Approx(0.672501));
    CHECK(d.b == Approx(0.042940));
    const LinearRgb t = simulate(Vision::Tritanopia, LinearRgb{0.0, 0.0, 1.0});
    CHECK(t.r == 0.0); // -0.178779, clamped
    CHECK(t.g == Approx(0.147602));
    CHECK(t.b == Approx(0.303900));
    // Each row sums to 1: greys look the same to everyone.
    for (Vision v : kVisions) {
        const LinearRgb g = simulate(v, LinearRgb{0.3, 0.3, 0.3});
        CHECK(g.r == Approx(0.3).margin(1e-6));
        CHECK(g.g == Approx(0.3).margin(1e-6));
        CHECK(g.b == Approx(0.3).margin(1e-6));
    }
    CHECK(simulate(Vision::Normal, hex("#D55E00")) == hex("#D55E00"));
    CHECK(simulate(Vision::Deuteranopia, hex("#D55E0080")).a == 0x80);
}

TEST_CASE("red and green that differ to everyone else fall together under deuteranopia and protanopia, not tritanopia", "[colour]") {
    const geo::Color red = hex("#D03030"), green = hex("#3A8A3A");
    CHECK(deltaE2000(red, green) > 50.0);
    CHECK(deltaE2000(red, green, Vision::Deuteranopia) < 8.0);
    CHECK(deltaE2000(red, green, Vision::Protanopia) < 0.3 * deltaE2000(red, green));
    CHECK(deltaE2000(red, green, Vision::Tritanopia) > 30.0);
    CHECK(visionName(Vision::Tritanopia) == "tritanopia");
}

TEST_CASE("WCAG 2.2 relative luminance and contrast ratio", "[colour]") {
    CHECK(relativeLuminance(hex("#FFFFFF")) == Approx(1.0));
    CHECK(relativeLuminance(hex("#000000")) == 0.0);
    CHECK(relativeLuminance(hex("#808080")) == Approx(0.2158605).margin(1e-7));
    CHECK(contrastRatio(hex("#000000"), hex("#FFFFFF")) == Approx(21.0));
    CHECK(contrastRatio(hex("#FFFFFF"), hex("#000000")) == Approx(21.0));
    // #767676 is the lightest grey that passes 4.5:1 on white; #777777 fails it.
    CHECK(contrastRatio(hex("#767676"), hex("#FFFFFF")) >= 4.5);
    CHECK(contrastRatio(hex("#777777"), hex("#FFFFFF")) < 4.5);
    CHECK(contrastRatio(hex("#777777"), hex("#FFFFFF")) == Approx(4.478).margin(1e-3));
}

TEST_CASE("a translucent colour over a ground blends as the viewer's GL blending does", "[colour]") {
    CHECK(over(hex("#FFFFFF80"), hex("#000000")) == geo::Color{128, 128, 128, 255});
    CHECK(over(hex("#19232D"), hex("#8FBCDD")) == hex("#19232D"));
    CHECK(over(hex("#19232D00"), hex("#8FBCDD")) == hex("#8FBCDD"));
    // 0xEB of white over the sea: 235/255 white, 20/255 sea, per encoded channel.
    CHECK(over(hex("#FFFFFFEB"), hex("#8FBCDD")) == geo::Color{246, 250, 252, 255});
}

TEST_CASE("the projector wash-out lifts black to 20% grey and halves white on black to 10.5:1", "[colour]") {
    CHECK(kWashOutBlack == Approx(srgbToLinear(0.2)).epsilon(1e-12));
    CHECK(washOut(hex("#000000")) == hex("#333333"));
    CHECK(bestWashedOutContrast() == Approx(10.5));
    CHECK(contrastRatio(relativeLuminance(washOut(toLinear(hex("#FFFFFF")))), relativeLuminance(washOut(toLinear(hex("#000000"))))) ==
          Approx(10.5));
    // Every contrast falls, none rises, and the order of luminances stays.
    const geo::Color greys[] = {hex("#000000"), hex("#19232D"), hex("#767676"), hex("#8FBCDD"), hex("#FFFFFF")};
    for (std::size_t i = 0; i + 1 < std::size(greys); ++i) {
        const double y0 = relativeLuminance(greys[i]), y1 = relativeLuminance(greys[i + 1]);
        CHECK(washOutLuminance(y0) < washOutLuminance(y1));
        CHECK(contrastRatio(washOutLuminance(y0), washOutLuminance(y1)) < contrastRatio(y0, y1));
        CHECK(relativeLuminance(washOut(toLinear(greys[i]))) == Approx(washOutLuminance(y0)));
    }
    CHECK(washOut(hex("#FFFFFF80")).a == 0x80);
}
