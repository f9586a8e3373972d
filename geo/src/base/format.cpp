#include <geo/base/format.hpp>

#include <cmath>
#include <cstdio>

namespace geo {

double niceScaleLength(double maxMetres) {
    if (!(maxMetres > 0)) return 0;
    const double p = std::pow(10.0, std::floor(std::log10(maxMetres)));
    for (double m : {5.0, 2.0, 1.0})
        if (m * p <= maxMetres) return m * p;
    return p;
}

std::string formatDistance(double metres) {
    char buf[32];
    if (metres >= 1000.0) std::snprintf(buf, sizeof buf, "%g km", metres / 1000.0);
    else std::snprintf(buf, sizeof buf, "%g m", metres);
    return buf;
}

std::string formatLonLat(glm::dvec2 ll) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.4f°%c %.4f°%c", std::abs(ll.y), ll.y >= 0 ? 'N' : 'S', std::abs(ll.x),
                  ll.x >= 0 ? 'E' : 'W');
    return buf;
}

std::string formatKm(double km) {
    char buf[48];
    if (km >= 100) std::snprintf(buf, sizeof buf, "%.0f km", std::round(km / 10.0) * 10.0);
    else std::snprintf(buf, sizeof buf, "%.0f km", km);
    std::string s = buf;
    const auto space = s.find(' ');
    for (int i = static_cast<int>(space) - 3; i > 0; i -= 3) s.insert(static_cast<std::size_t>(i), ",");
    return s;
}

} // namespace geo
