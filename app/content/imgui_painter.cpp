#include "content/painter.hpp"

#include "text/font_set.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace app {

namespace {

float dist(ImVec2 a, ImVec2 b) { return std::hypot(b.x - a.x, b.y - a.y); }

std::vector<ImVec2> toImGui(const std::vector<glm::vec2>& points) {
    std::vector<ImVec2> out;
    out.reserve(points.size());
    for (const glm::vec2& p : points) out.push_back(ImVec2(p.x, p.y));
    return out;
}

void polyline(ImDrawList* dl, const std::vector<ImVec2>& pts, ImU32 colour, float width) {
    if (pts.size() >= 2) dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), colour, ImDrawFlags_None, width);
}

// `dash` px on, `gap` px off, measured along the line from `start`.
void dashed(ImDrawList* dl, const std::vector<ImVec2>& pts, ImU32 colour, float width, float dash, float gap, float start) {
    const float period = dash + std::max(gap, 0.0f);
    float phase = std::fmod(std::max(start, 0.0f), period); // distance into the current period
    std::vector<ImVec2> run;
    for (std::size_t i = 1; i < pts.size(); ++i) {
        ImVec2 a = pts[i - 1];
        const ImVec2 b = pts[i];
        float len = dist(a, b);
        while (len > 0) {
            const bool on = phase < dash;
            const float room = on ? dash - phase : period - phase;
            const float step = std::min(room, len);
            const ImVec2 next(a.x + (b.x - a.x) * (step / len), a.y + (b.y - a.y) * (step / len));
            if (on) {
                if (run.empty()) run.push_back(a);
                run.push_back(next);
            }
            phase += step;
            len -= step;
            a = next;
            if (phase >= period - 1e-4f) phase = 0;
            if (!on || phase >= dash) {
                polyline(dl, run, colour, width);
                run.clear();
            }
        }
    }
    polyline(dl, run, colour, width);
}

// The spotlight's dimming. Outside the square around its circle, four rectangles; inside it,
// a ring from the clear circle to the end of the soft edge (colours interpolated by ImGui) and
// a fan from there to the square's edge. Long thin triangles across the screen cost llvmpipe
// twice what rectangles of the same area do, so only the square has triangles.
void shade(ImDrawList* dl, const geo::draw::Shade& s) {
    constexpr int kSegments = 96;
    const ImVec2 lo = dl->GetClipRectMin(), hi = dl->GetClipRectMax();
    const ImVec2 c = app::toImGui(s.centre);
    const float inner = std::max(s.radius, 0.0f), mid = inner + std::max(s.softness, 0.5f);
    const ImU32 full = app::toImGui(s.colour), clear = full & ~IM_COL32_A_MASK;
    // The square [c - mid, c + mid], clipped to the screen; the bands around it.
    // On whole pixels, as the scissor rectangle that clips the square is: no seam between them.
    const ImVec2 sqLo(std::clamp(std::floor(c.x - mid), lo.x, hi.x), std::clamp(std::floor(c.y - mid), lo.y, hi.y));
    const ImVec2 sqHi(std::clamp(std::ceil(c.x + mid), lo.x, hi.x), std::clamp(std::ceil(c.y + mid), lo.y, hi.y));
    if (sqLo.y > lo.y) dl->AddRectFilled(lo, ImVec2(hi.x, sqLo.y), full);
    if (sqHi.y < hi.y) dl->AddRectFilled(ImVec2(lo.x, sqHi.y), hi, full);
    if (sqLo.x > lo.x && sqHi.y > sqLo.y) dl->AddRectFilled(ImVec2(lo.x, sqLo.y), ImVec2(sqLo.x, sqHi.y), full);
    if (sqHi.x < hi.x && sqHi.y > sqLo.y) dl->AddRectFilled(ImVec2(sqHi.x, sqLo.y), ImVec2(hi.x, sqHi.y), full);
    if (!(sqHi.x > sqLo.x && sqHi.y > sqLo.y)) return; // the circle is off the screen
    // Inside the square: the ring (clear to full) and the fan to the square's edge (full).
    const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
    dl->PushClipRect(sqLo, sqHi, true);
    dl->PrimReserve(kSegments * 12, kSegments * 3);
    const ImDrawIdx base = static_cast<ImDrawIdx>(dl->_VtxCurrentIdx);
    for (int i = 0; i < kSegments; ++i) {
        const float a = 2.0f * 3.14159265f * static_cast<float>(i) / kSegments;
        const ImVec2 d(std::cos(a), std::sin(a));
        // Beyond the square's edge in this direction (the scissor cuts it there).
        const float out = (mid + 2.0f) / std::max(std::abs(d.x), std::abs(d.y));
        dl->PrimWriteVtx(ImVec2(c.x + d.x * inner, c.y + d.y * inner), uv, clear);
        dl->PrimWriteVtx(ImVec2(c.x + d.x * mid, c.y + d.y * mid), uv, full);
        dl->PrimWriteVtx(ImVec2(c.x + d.x * out, c.y + d.y * out), uv, full);
    }
    for (int i = 0; i < kSegments; ++i) {
        const int j = (i + 1) % kSegments;
        for (int ring = 0; ring < 2; ++ring) {
            const auto v = [&](int k, int r) { return static_cast<ImDrawIdx>(base + k * 3 + r); };
            dl->PrimWriteIdx(v(i, ring));
            dl->PrimWriteIdx(v(i, ring + 1));
            dl->PrimWriteIdx(v(j, ring + 1));
            dl->PrimWriteIdx(v(i, ring));
            dl->PrimWriteIdx(v(j, ring + 1));
            dl->PrimWriteIdx(v(j, ring));
        }
    }
    dl->PopClipRect();
}

template <class... Ts> struct Overloaded : Ts... { using Ts::operator()...; };
template <class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;

} // namespace

void ImGuiPainter::paint(const geo::DisplayList& list, ImDrawList* drawList) {
    for (const geo::DisplayItem& item : list.items) paintItem(item, drawList);
}

void ImGuiPainter::paintItem(const geo::DisplayItem& item, ImDrawList* dl) {
    std::visit(Overloaded{
                   [&](const geo::draw::Line& l) {
                       const std::vector<ImVec2> pts = toImGui(l.points);
                       const geo::LineStyle& s = l.style;
                       if (s.casing.visible()) {
                           if (s.dash > 0 && s.casingDashed) dashed(dl, pts, toImGui(s.casing), s.casingWidth, s.dash, s.gap, l.phase);
                           else polyline(dl, pts, toImGui(s.casing), s.casingWidth);
                       }
                       if (s.dash > 0) dashed(dl, pts, toImGui(s.colour), s.width, s.dash, s.gap, l.phase);
                       else polyline(dl, pts, toImGui(s.colour), s.width);
                   },
                   [&](const geo::draw::Disc& d) {
                       const ImVec2 p = toImGui(d.centre);
                       const geo::DiscStyle& s = d.style;
                       geo::Color outer = s.rim;
                       outer.a = 255; // the outer ring is the rim's colour, opaque
                       if (s.outerRadius > 0) dl->AddCircleFilled(p, s.outerRadius, toImGui(outer), 40);
                       dl->AddCircleFilled(p, s.rimRadius, toImGui(s.rim), 32);
                       dl->AddCircleFilled(p, s.ringRadius, toImGui(s.ring), 32);
                       dl->AddCircleFilled(p, s.fillRadius, toImGui(s.fill), 32);
                   },
                   [&](const geo::draw::Circle& c) { dl->AddCircle(toImGui(c.centre), c.radius, toImGui(c.colour), 48, c.width); },
                   [&](const geo::draw::FilledCircle& c) { dl->AddCircleFilled(toImGui(c.centre), c.radius, toImGui(c.colour), 32); },
                   [&](const geo::draw::Arrow& a) {
                       const ImVec2 tip = toImGui(a.tip), dir = toImGui(a.direction);
                       const ImVec2 n(-dir.y, dir.x);
                       const ImVec2 back(tip.x - dir.x * a.size, tip.y - dir.y * a.size);
                       const ImVec2 p(back.x + n.x * a.size * 0.55f, back.y + n.y * a.size * 0.55f);
                       const ImVec2 q(back.x - n.x * a.size * 0.55f, back.y - n.y * a.size * 0.55f);
                       dl->AddTriangleFilled(tip, p, q, toImGui(a.fill));
                       dl->AddTriangle(tip, p, q, toImGui(a.outline), std::max(1.0f, a.size * 0.12f));
                   },
                   [&](const geo::draw::Rect& r) {
                       if (r.fill.visible()) dl->AddRectFilled(toImGui(r.min), toImGui(r.max), toImGui(r.fill), r.rounding);
                       if (r.outlineWidth > 0) dl->AddRect(toImGui(r.min), toImGui(r.max), toImGui(r.outline), r.rounding, 0, r.outlineWidth);
                   },
                   [&](const geo::draw::Text& t) {
                       ImFont* font = m_fonts.font(t.role, t.face);
                       const char* begin = t.text.c_str();
                       const char* end = begin + t.text.size();
                       if (t.halo > 0) {
                           // Four diagonal copies: half the fill of eight, and at a halo of 2 px no gap
                           // shows (a glyph's strokes are wider than the space between the copies).
                           static constexpr float kDirections[4][2] = {{-1, -1}, {1, -1}, {-1, 1}, {1, 1}};
                           for (const auto& d : kDirections)
                               dl->AddText(font, font->FontSize, ImVec2(t.at.x + d[0] * t.halo, t.at.y + d[1] * t.halo),
                                           toImGui(t.haloColour), begin, end);
                       }
                       dl->AddText(font, font->FontSize, toImGui(t.at), toImGui(t.ink), begin, end);
                   },
                   [&](const geo::draw::Shade& sh) { shade(dl, sh); },
                   [&](const geo::draw::Cover& c) {
                       // Under a panel without a background of its own, this is its background;
                       // under one with a background, it would change no pixel.
                       if (c.background) dl->AddRectFilled(toImGui(c.min), toImGui(c.max), toImGui(c.colour) | IM_COL32_A_MASK);
                   },
               },
               item);
}

} // namespace app
