#pragma once
// The KMZ's own marker icons: the map's round marker (geo::markerDisc: the kind's fill inside
// the paper ring and the palette's rim), drawn with cairo into PNG bytes.

#include <geo/view/display_list.hpp>

#include <string>

namespace app {

inline constexpr int kIconPixels = 64; // drawn at twice Google Earth's 32 px icon, for crisp high-DPI screens

// A PNG of `kIconPixels` square: the disc's circles, largest first, scaled so that the
// outermost fills the icon, on transparency. Empty when cairo could not encode it.
std::string renderMarkerIcon(const geo::DiscStyle& disc);

} // namespace app
