#pragma once
// How colours look to the audience: colour-vision deficiencies simulated, perceived colour
// differences (CIEDE2000), WCAG contrast, and the washed-out projector of a meeting room.
// The palette test and the render tests' pixel measurement use these to check colours by
// number rather than by eye (issue #17).
//
// Colours are sRGB (IEC 61966-2-1). Channel values are 0..1; "linear" means linear light.

#include <geo/base/color.hpp>

#include <array>
#include <string_view>

namespace geo::colour {

struct LinearRgb {
    double r = 0.0, g = 0.0, b = 0.0;
};

// CIE 1976 L*a*b*, D65 white (the sRGB white point), 2° observer.
struct Lab {
    double l = 0.0, a = 0.0, b = 0.0;
};

// The sRGB transfer function and its inverse (IEC 61966-2-1), for one channel in 0..1.
double srgbToLinear(double encoded);
double linearToSrgb(double linear); // clamped to 0..1

LinearRgb toLinear(Color c); // alpha ignored
// Rounded to the nearest 8-bit value, clamped to 0..1.
Color fromLinear(const LinearRgb& c, std::uint8_t alpha = 255);

// Dichromacy at severity 1.0, as Machado, Oliveira & Fernandes simulate it.
enum class Vision { Normal, Protanopia, Deuteranopia, Tritanopia };
inline constexpr std::array<Vision, 4> kVisions{Vision::Normal, Vision::Protanopia, Vision::Deuteranopia,
                                                Vision::Tritanopia};
std::string_view visionName(Vision vision); // "normal vision", "protanopia", ...

// G. M. Machado, M. M. Oliveira, L. A. F. Fernandes, "A Physiologically-based Model for
// Simulation of Color Vision Deficiency", IEEE TVCG 15(6), 2009, Table 1 (severity 1.0 of
// protanomaly, deuteranomaly and tritanomaly), applied to linear RGB as the paper's matrices
// expect; the result is clamped to 0..1 (a matrix row can leave the gamut).
LinearRgb simulate(Vision vision, const LinearRgb& c);
Color simulate(Vision vision, Color c); // the alpha is kept

Lab toLab(const LinearRgb& c);
Lab toLab(Color c);

// CIEDE2000 (CIE 142-2001) with kL = kC = kH = 1, as G. Sharma, W. Wu, E. N. Dalal, "The
// CIEDE2000 Color-Difference Formula: Implementation Notes, Supplementary Test Data, and
// Mathematical Observations", Color Res. Appl. 30(1), 2005, give it (their test pairs are in
// tests/geo/base/colour_vision_test.cpp). About 1 is a just-noticeable difference.
double deltaE2000(const Lab& x, const Lab& y);
// The difference of two opaque colours as someone with `vision` sees them.
double deltaE2000(Color x, Color y, Vision vision = Vision::Normal);

// WCAG 2.2 relative luminance (0 black, 1 white) and contrast ratio (1 to 21), e.g. 4.5:1
// for text (1.4.3) and 3:1 for graphical objects (1.4.11). WCAG 2.2 gives the sRGB
// linearisation threshold as 0.04045, the same as srgbToLinear.
double relativeLuminance(const LinearRgb& c);
double relativeLuminance(Color c);
double contrastRatio(double luminanceX, double luminanceY);
double contrastRatio(Color x, Color y); // alpha ignored: composite first

// `top` (straight alpha) drawn over `ground`, blended in the sRGB-encoded values as the
// viewer's GL blending does (no sRGB framebuffer), and so as the audience sees it. The
// result has the ground's alpha when the ground is opaque.
Color over(Color top, Color ground);

// A washed-out projector in a lit meeting room. Light adds in linear light: the room's
// light on the screen and the projector's own black level lift every pixel by the same
// amount, and a dim lamp (eco mode, an old bulb) scales the image's own light down. So the
// transform is affine in linear light, per channel:  v' = kWashOutBlack + kWashOutGain * v.
//   - black is lifted to 20% grey: kWashOutBlack is the linear value of sRGB 0.2 (#333333);
//   - contrast is halved: WCAG's white on black falls from 21:1 to 10.5:1, which sets the gain.
// Applying "contrast -50%, black +20%" to the sRGB-encoded values instead (v' = 0.2 + 0.5 v,
// an image editor's sliders) is not how light mixes, and it caps every contrast at 6.0:1.
// Here the best possible contrast is 10.5:1 (bestWashedOutContrast), so 4.5:1 text and 3:1
// graphics stay reachable. Luminance maps the same way (Y' = black + gain * Y), so the
// transform keeps the order of luminances: the darkest pixel stays the darkest.
inline constexpr double kWashOutContrast = 10.5; // white on black after the wash-out
inline constexpr double kWashOutBlack = 0.033104766570885055; // srgbToLinear(0.2), #333333
inline constexpr double kWashOutGain = (kWashOutContrast - 1.0) * (kWashOutBlack + 0.05); // 0.7895
LinearRgb washOut(const LinearRgb& c);
Color washOut(Color c); // the alpha is kept
double washOutLuminance(double luminance);
double bestWashedOutContrast(); // white against black, washed out: 10.5

} // namespace geo::colour
