#pragma once
// Web-map zoom levels: mpp = 156543.034 / 2^zoom metres per pixel, so that a layer's
// min_zoom and "--view 130.7,32.8,12" mean what map users expect. The camera, the layer
// styles and the levels of detail all count zoom this way.

namespace geo {

inline constexpr double kZoomZeroMpp = 156543.03392804097; // web-map zoom 0, metres per pixel at the equator

double zoomToMpp(double zoom);
double mppToZoom(double mpp);

} // namespace geo
