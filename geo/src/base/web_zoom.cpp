#include <geo/base/web_zoom.hpp>

#include <cmath>

namespace geo {

double zoomToMpp(double zoom) { return kZoomZeroMpp / std::exp2(zoom); }
double mppToZoom(double mpp) { return std::log2(kZoomZeroMpp / mpp); }

} // namespace geo
