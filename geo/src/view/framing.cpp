#include <geo/view/framing.hpp>

#include <geo/view/content_layout.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace geo {

namespace {

// One axis of the fit: positions (world units, growing the way screen pixels grow), their
// radii, and the pixel span [lo, hi] they must stay in.
struct Axis {
    std::vector<double> at, radius;
    double lo = 0.0, hi = 0.0;
    bool discs = true; // false: the radii are left out (the span is too small for them)

    double r(std::size_t i) const { return discs ? radius[i] : 0.0; }
    // The smallest metres per pixel at which every pair fits: for a pair i left of j,
    // (at_j − at_i) / mpp ≤ (hi − r_j) − (lo + r_i).
    double minMpp() const {
        double mpp = 0.0;
        for (std::size_t i = 0; i < at.size(); ++i)
            for (std::size_t j = 0; j < at.size(); ++j) {
                const double d = at[j] - at[i];
                if (d <= 0.0) continue;
                const double room = (hi - lo) - r(i) - r(j);
                if (room <= 0.0) return -1.0; // cannot fit with the discs
                mpp = std::max(mpp, d / room);
            }
        return mpp;
    }
    // The world position at the span's pixel 0, centring what room is left: each point's
    // pixel is (at − origin) / mpp.
    double origin(double mpp) const {
        double from = -std::numeric_limits<double>::infinity(), to = std::numeric_limits<double>::infinity();
        for (std::size_t i = 0; i < at.size(); ++i) {
            from = std::max(from, at[i] - (hi - r(i)) * mpp); // at[i] lands at or left of hi − r
            to = std::min(to, at[i] - (lo + r(i)) * mpp);     // and at or right of lo + r
        }
        return (from + to) * 0.5;
    }
};

} // namespace

FreeArea freeArea(glm::dvec2 vp, const EdgePadding& padding, double margin) {
    FreeArea a;
    a.min = {padding.left + margin * vp.x, padding.top + margin * vp.y};
    a.max = {vp.x - padding.right - margin * vp.x, vp.y - padding.bottom - margin * vp.y};
    return a;
}

CameraView fitInArea(const Box& box, const std::vector<FramedPoint>& points, glm::dvec2 vp, const FreeArea& area, double minMpp,
                     const CameraView& fallback) {
    Axis x, y;
    x.lo = area.min.x;
    x.hi = area.max.x;
    // Screen y grows downwards, world y upwards: the y axis is fitted on −y.
    y.lo = area.min.y;
    y.hi = area.max.y;
    auto add = [&](glm::dvec2 w, double r) {
        if (!std::isfinite(w.x) || !std::isfinite(w.y)) return;
        x.at.push_back(w.x);
        y.at.push_back(-w.y);
        x.radius.push_back(r);
        y.radius.push_back(r);
    };
    if (!box.empty()) {
        add(box.min, 0.0);
        add(box.max, 0.0);
    }
    for (const FramedPoint& p : points) add(p.world, std::max(p.radius, 0.0));
    if (x.at.empty() || x.hi - x.lo < 1.0 || y.hi - y.lo < 1.0) return fallback;

    double mppX = x.minMpp(), mppY = y.minMpp();
    if (mppX < 0.0 || mppY < 0.0) {
        x.discs = y.discs = false;
        mppX = x.minMpp();
        mppY = y.minMpp();
    }
    const double mpp = std::max({mppX, mppY, minMpp});
    if (!(mpp > 0.0) || !std::isfinite(mpp)) return fallback;
    // The camera's centre is the world point at the viewport's middle pixel.
    const double cx = x.origin(mpp) + vp.x * 0.5 * mpp;
    const double cy = -(y.origin(mpp) + vp.y * 0.5 * mpp);
    return {{cx, cy}, mpp};
}

std::vector<FramedPoint> homeMarkers(const Briefing& briefing, const ContentScene& scene, const ContentState& state,
                                     const Palette& palette, const Box& home, float scale) {
    std::vector<FramedPoint> out;
    for (std::size_t i = 0; i < briefing.sites.size() && i < scene.siteWorld.size(); ++i) {
        const Site& site = briefing.sites[i];
        const glm::dvec2 w = scene.siteWorld[i];
        if (!std::isfinite(w.x) || !std::isfinite(w.y) || !home.contains(w)) continue;
        const auto k = static_cast<std::size_t>(site.kind);
        if (k < state.siteKinds.size() && !state.siteKinds[k]) continue;
        const DiscStyle d = markerDisc(palette, site.kind, site.major, scale);
        out.push_back({w, static_cast<double>(std::max({d.fillRadius, d.ringRadius, d.rimRadius, d.outerRadius}))});
    }
    return out;
}

} // namespace geo
