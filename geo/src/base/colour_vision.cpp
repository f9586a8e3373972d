#include <geo/base/colour_vision.hpp>

#include <algorithm>
#include <cmath>

namespace geo::colour {

namespace {

constexpr double kPi = 3.14159265358979323846;

using Matrix = std::array<std::array<double, 3>, 3>;

// Machado, Oliveira & Fernandes 2009, Table 1, severity 1.0 (rows give R', G', B').
constexpr Matrix kProtanopia{{{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}};
constexpr Matrix kDeuteranopia{{{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}};
constexpr Matrix kTritanopia{{{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}}};

// Linear sRGB to CIE XYZ (IEC 61966-2-1 primaries, D65), and the D65 white it maps white to.
constexpr Matrix kToXyz{{{0.4124564, 0.3575761, 0.1804375}, {0.2126729, 0.7151522, 0.0721750}, {0.0193339, 0.1191920, 0.9503041}}};
constexpr double kWhiteX = 0.95047, kWhiteY = 1.0, kWhiteZ = 1.08883;

LinearRgb apply(const Matrix& m, const LinearRgb& c) {
    return {m[0][0] * c.r + m[0][1] * c.g + m[0][2] * c.b, m[1][0] * c.r + m[1][1] * c.g + m[1][2] * c.b,
            m[2][0] * c.r + m[2][1] * c.g + m[2][2] * c.b};
}

double clamp01(double v) { return std::clamp(v, 0.0, 1.0); }

std::uint8_t toByte(double encoded) { return static_cast<std::uint8_t>(std::lround(clamp01(encoded) * 255.0)); }

double degrees(double radians) { return radians * 180.0 / kPi; }
double radians(double degrees) { return degrees * kPi / 180.0; }

} // namespace

double srgbToLinear(double encoded) {
    return encoded <= 0.04045 ? encoded / 12.92 : std::pow((encoded + 0.055) / 1.055, 2.4);
}

double linearToSrgb(double linear) {
    linear = clamp01(linear);
    return linear <= 0.0031308 ? linear * 12.92 : 1.055 * std::pow(linear, 1.0 / 2.4) - 0.055;
}

LinearRgb toLinear(Color c) { return {srgbToLinear(c.r / 255.0), srgbToLinear(c.g / 255.0), srgbToLinear(c.b / 255.0)}; }

Color fromLinear(const LinearRgb& c, std::uint8_t alpha) {
    return {toByte(linearToSrgb(c.r)), toByte(linearToSrgb(c.g)), toByte(linearToSrgb(c.b)), alpha};
}

std::string_view visionName(Vision vision) {
    switch (vision) {
    case Vision::Normal: return "normal vision";
    case Vision::Protanopia: return "protanopia";
    case Vision::Deuteranopia: return "deuteranopia";
    case Vision::Tritanopia: return "tritanopia";
    }
    return "normal vision";
}

LinearRgb simulate(Vision vision, const LinearRgb& c) {
    LinearRgb s = c;
    switch (vision) {
    case Vision::Normal: return c;
    case Vision::Protanopia: s = apply(kProtanopia, c); break;
    case Vision::Deuteranopia: s = apply(kDeuteranopia, c); break;
    case Vision::Tritanopia: s = apply(kTritanopia, c); break;
    }
    return {clamp01(s.r), clamp01(s.g), clamp01(s.b)};
}

Color simulate(Vision vision, Color c) {
    if (vision == Vision::Normal) return c;
    return fromLinear(simulate(vision, toLinear(c)), c.a);
}

Lab toLab(const LinearRgb& c) {
    const LinearRgb xyz = apply(kToXyz, c);
    // CIE's exact constants (epsilon 216/24389, kappa 24389/27) rather than the rounded 0.008856 / 903.3.
    auto f = [](double t) { return t > 216.0 / 24389.0 ? std::cbrt(t) : (24389.0 / 27.0 * t + 16.0) / 116.0; };
    const double fx = f(xyz.r / kWhiteX), fy = f(xyz.g / kWhiteY), fz = f(xyz.b / kWhiteZ);
    return {116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)};
}

Lab toLab(Color c) { return toLab(toLinear(c)); }

// Step by step as Sharma, Wu & Dalal (2005) write it, equations (2) to (22).
double deltaE2000(const Lab& x, const Lab& y) {
    const double c1 = std::hypot(x.a, x.b), c2 = std::hypot(y.a, y.b);
    const double cMean7 = std::pow((c1 + c2) / 2.0, 7.0);
    const double g = 0.5 * (1.0 - std::sqrt(cMean7 / (cMean7 + std::pow(25.0, 7.0))));
    const double a1 = (1.0 + g) * x.a, a2 = (1.0 + g) * y.a;
    const double cp1 = std::hypot(a1, x.b), cp2 = std::hypot(a2, y.b);
    auto hue = [](double b, double a) {
        if (a == 0.0 && b == 0.0) return 0.0;
        const double h = degrees(std::atan2(b, a));
        return h < 0.0 ? h + 360.0 : h;
    };
    const double h1 = hue(x.b, a1), h2 = hue(y.b, a2);

    const double dL = y.l - x.l, dC = cp2 - cp1;
    double dh = 0.0;
    if (cp1 * cp2 != 0.0) {
        dh = h2 - h1;
        if (dh > 180.0) dh -= 360.0;
        else if (dh < -180.0) dh += 360.0;
    }
    const double dH = 2.0 * std::sqrt(cp1 * cp2) * std::sin(radians(dh / 2.0));

    const double lMean = (x.l + y.l) / 2.0, cpMean = (cp1 + cp2) / 2.0;
    double hMean = h1 + h2;
    if (cp1 * cp2 != 0.0) {
        if (std::abs(h1 - h2) <= 180.0) hMean = (h1 + h2) / 2.0;
        else if (h1 + h2 < 360.0) hMean = (h1 + h2 + 360.0) / 2.0;
        else hMean = (h1 + h2 - 360.0) / 2.0;
    }
    const double t = 1.0 - 0.17 * std::cos(radians(hMean - 30.0)) + 0.24 * std::cos(radians(2.0 * hMean)) +
                     0.32 * std::cos(radians(3.0 * hMean + 6.0)) - 0.20 * std::cos(radians(4.0 * hMean - 63.0));
    const double dTheta = 30.0 * std::exp(-std::pow((hMean - 275.0) / 25.0, 2.0));
    const double cpMean7 = std::pow(cpMean, 7.0);
    const double rC = 2.0 * std::sqrt(cpMean7 / (cpMean7 + std::pow(25.0, 7.0)));
    const double l50 = (lMean - 50.0) * (lMean - 50.0);
    const double sL = 1.0 + 0.015 * l50 / std::sqrt(20.0 + l50);
    const double sC = 1.0 + 0.045 * cpMean;
    const double sH = 1.0 + 0.015 * cpMean * t;
    const double rT = -std::sin(radians(2.0 * dTheta)) * rC;
    const double l = dL / sL, c = dC / sC, h = dH / sH;
    return std::sqrt(l * l + c * c + h * h + rT * c * h);
}

double deltaE2000(Color x, Color y, Vision vision) {
    return deltaE2000(toLab(simulate(vision, toLinear(x))), toLab(simulate(vision, toLinear(y))));
}

double relativeLuminance(const LinearRgb& c) { return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b; }

double relativeLuminance(Color c) { return relativeLuminance(toLinear(c)); }

double contrastRatio(double luminanceX, double luminanceY) {
    const double lighter = std::max(luminanceX, luminanceY), darker = std::min(luminanceX, luminanceY);
    return (lighter + 0.05) / (darker + 0.05);
}

double contrastRatio(Color x, Color y) { return contrastRatio(relativeLuminance(x), relativeLuminance(y)); }

Color over(Color top, Color ground) {
    const double a = top.a / 255.0, b = ground.a / 255.0;
    const double out = a + b * (1.0 - a);
    if (out <= 0.0) return {0, 0, 0, 0};
    auto mix = [&](std::uint8_t t, std::uint8_t g) {
        return static_cast<std::uint8_t>(std::lround((t * a + g * b * (1.0 - a)) / out));
    };
    return {mix(top.r, ground.r), mix(top.g, ground.g), mix(top.b, ground.b), static_cast<std::uint8_t>(std::lround(out * 255.0))};
}

LinearRgb washOut(const LinearRgb& c) {
    return {kWashOutBlack + kWashOutGain * c.r, kWashOutBlack + kWashOutGain * c.g, kWashOutBlack + kWashOutGain * c.b};
}

Color washOut(Color c) { return fromLinear(washOut(toLinear(c)), c.a); }

double washOutLuminance(double luminance) { return kWashOutBlack + kWashOutGain * luminance; }

double bestWashedOutContrast() { return contrastRatio(washOutLuminance(1.0), washOutLuminance(0.0)); }

} // namespace geo::colour
