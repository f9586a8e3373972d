#pragma once
// The KMZ's own marker icons: the map's round marker (the kind's fill, the palette's rim),
// drawn with cairo into PNG bytes.

#include <geo/base/color.hpp>

#include <string>

namespace app {

inline constexpr int kIconPixels = 64; // drawn at twice Google Earth's 32 px icon, for crisp high-DPI screens

// A PNG of `kIconPixels` square: a disc of `fill` with a `rim` ring, on transparency.
// Empty when cairo could not encode it.
std::string renderMarkerIcon(geo::Color fill, geo::Color rim);

} // namespace app
