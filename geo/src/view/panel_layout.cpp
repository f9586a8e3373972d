#include <geo/view/panel_layout.hpp>

#include <algorithm>

namespace geo {

namespace {
ScreenBox box(float x0, float y0, float x1, float y1) {
    ScreenBox b;
    b.min = {static_cast<double>(x0), static_cast<double>(y0)};
    b.max = {static_cast<double>(x1), static_cast<double>(y1)};
    return b;
}
} // namespace

PanelLayout layoutPanels(const PanelInput& in) {
    PanelLayout out;
    const float s = in.contentScale;
    const float margin = 14.0f * s;
    const float w = in.display.x, h = in.display.y;
    out.bottomReserve = in.presenting ? 170.0f * in.fontScale : 0.0f;
    if (in.sidebar && !in.presenting) {
        const float width = std::min(380.0f * s, w * 0.4f);
        const float height = std::max(h - 2 * margin - 86.0f * s, 160.0f * s);
        out.sidebar = box(margin, margin, margin + width, margin + height);
        out.leftInset = 14.0f * s + std::min(380.0f * s, w * 0.4f);
    }
    if (in.notes) {
        const float width = std::min(std::max(w * 0.3f, 320.0f * s), w - 2 * margin);
        const float height = std::max(h - 2 * margin - 48.0f * s - out.bottomReserve, 120.0f * s);
        out.notes = box(w - margin - width, margin, w - margin, margin + height);
        out.rightInset = 14.0f * s + std::min(std::max(w * 0.3f, 320.0f * s), w - 28.0f * s);
    }
    return out;
}

} // namespace geo
