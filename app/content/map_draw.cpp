#include "content/map_draw.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace app {

namespace {
float dist(ImVec2 a, ImVec2 b) { return std::hypot(b.x - a.x, b.y - a.y); }
ImVec2 g_clipLo(-1e9f, -1e9f), g_clipHi(1e9f, 1e9f);

// Clips segment a→b to the box; false when nothing is inside. t0/t1 are the kept parameters.
bool clipSegment(ImVec2 a, ImVec2 b, ImVec2 lo, ImVec2 hi, float& t0, float& t1) {
    t0 = 0.0f;
    t1 = 1.0f;
    const float d[2] = {b.x - a.x, b.y - a.y};
    const float p0[2] = {a.x, a.y};
    const float mins[2] = {lo.x, lo.y}, maxs[2] = {hi.x, hi.y};
    for (int k = 0; k < 2; ++k) {
        if (d[k] == 0.0f) {
            if (p0[k] < mins[k] || p0[k] > maxs[k]) return false;
            continue;
        }
        float ta = (mins[k] - p0[k]) / d[k], tb = (maxs[k] - p0[k]) / d[k];
        if (ta > tb) std::swap(ta, tb);
        t0 = std::max(t0, ta);
        t1 = std::min(t1, tb);
        if (t0 > t1) return false;
    }
    return true;
}
} // namespace

void setClipBox(ImVec2 lo, ImVec2 hi) {
    g_clipLo = lo;
    g_clipHi = hi;
}

std::vector<ClippedRun> clipToScreen(const std::vector<ImVec2>& pts) { return clipPolyline(pts, g_clipLo, g_clipHi); }

std::vector<ClippedRun> clipPolyline(const std::vector<ImVec2>& pts, ImVec2 lo, ImVec2 hi) {
    std::vector<ClippedRun> runs;
    float along = 0.0f;
    bool open = false;
    for (std::size_t i = 1; i < pts.size(); ++i) {
        const ImVec2 a = pts[i - 1], b = pts[i];
        const float len = dist(a, b);
        float t0 = 0, t1 = 0;
        if (clipSegment(a, b, lo, hi, t0, t1)) {
            const ImVec2 p(a.x + (b.x - a.x) * t0, a.y + (b.y - a.y) * t0);
            const ImVec2 q(a.x + (b.x - a.x) * t1, a.y + (b.y - a.y) * t1);
            if (!open || t0 > 0.0f) {
                runs.push_back({{p}, along + len * t0});
                open = true;
            }
            runs.back().points.push_back(q);
            open = t1 >= 1.0f; // the run goes on only if the segment ended inside
        } else {
            open = false;
        }
        along += len;
    }
    return runs;
}

std::string formatKm(double km) {
    char buf[48];
    if (km >= 100) std::snprintf(buf, sizeof buf, "%.0f km", std::round(km / 10.0) * 10.0);
    else std::snprintf(buf, sizeof buf, "%.0f km", km);
    // Thousands separator for the audience: 11,680 km.
    std::string s = buf;
    const auto space = s.find(' ');
    for (int i = static_cast<int>(space) - 3; i > 0; i -= 3) s.insert(static_cast<std::size_t>(i), ",");
    return s;
}

ImU32 withAlpha(ImU32 colour, float alpha) {
    const auto a = static_cast<unsigned>(static_cast<float>((colour >> IM_COL32_A_SHIFT) & 0xFF) * std::clamp(alpha, 0.0f, 1.0f));
    return (colour & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

void drawCasedLine(ImDrawList* dl, const std::vector<ImVec2>& pts, ImU32 colour, float width, ImU32 casing, float casingWidth) {
    if (pts.size() < 2) return;
    for (const ClippedRun& run : clipPolyline(pts, g_clipLo, g_clipHi)) {
        const int n = static_cast<int>(run.points.size());
        if (n < 2) continue;
        if (casingWidth > 0) dl->AddPolyline(run.points.data(), n, casing, ImDrawFlags_None, casingWidth);
        dl->AddPolyline(run.points.data(), n, colour, ImDrawFlags_None, width);
    }
}

namespace {
void dashRun(ImDrawList* dl, const std::vector<ImVec2>& pts, ImU32 colour, float width, float dash, float gap, float phase);
} // namespace

void drawDashedLine(ImDrawList* dl, const std::vector<ImVec2>& pts, ImU32 colour, float width, float dash, float gap,
                    float phase) {
    if (pts.size() < 2 || dash <= 0) return;
    for (const ClippedRun& run : clipPolyline(pts, g_clipLo, g_clipHi))
        if (run.points.size() >= 2) dashRun(dl, run.points, colour, width, dash, gap, phase + run.startLength);
}

namespace {
void dashRun(ImDrawList* dl, const std::vector<ImVec2>& pts, ImU32 colour, float width, float dash, float gap, float start) {
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
                if (run.size() >= 2) dl->AddPolyline(run.data(), static_cast<int>(run.size()), colour, ImDrawFlags_None, width);
                run.clear();
            }
        }
    }
    if (run.size() >= 2) dl->AddPolyline(run.data(), static_cast<int>(run.size()), colour, ImDrawFlags_None, width);
}
} // namespace

float polylineLength(const std::vector<ImVec2>& pts) {
    float total = 0;
    for (std::size_t i = 1; i < pts.size(); ++i) total += dist(pts[i - 1], pts[i]);
    return total;
}

std::vector<ImVec2> polylineHead(const std::vector<ImVec2>& pts, float fraction) {
    std::vector<ImVec2> head;
    if (pts.empty()) return head;
    float want = std::clamp(fraction, 0.0f, 1.0f) * polylineLength(pts);
    head.push_back(pts[0]);
    for (std::size_t i = 1; i < pts.size() && want > 0; ++i) {
        const float d = dist(pts[i - 1], pts[i]);
        if (d >= want) {
            const float f = want / d;
            head.push_back(ImVec2(pts[i - 1].x + (pts[i].x - pts[i - 1].x) * f, pts[i - 1].y + (pts[i].y - pts[i - 1].y) * f));
            break;
        }
        head.push_back(pts[i]);
        want -= d;
    }
    return head;
}

bool pointAlong(const std::vector<ImVec2>& pts, float fraction, ImVec2& at, ImVec2& dir) {
    const float total = polylineLength(pts);
    if (pts.size() < 2 || !(total > 0)) return false;
    float want = std::clamp(fraction, 0.0f, 1.0f) * total;
    for (std::size_t i = 1; i < pts.size(); ++i) {
        const float d = dist(pts[i - 1], pts[i]);
        if (d <= 0) continue;
        if (want <= d || i + 1 == pts.size()) {
            const float f = std::min(want / d, 1.0f);
            at = ImVec2(pts[i - 1].x + (pts[i].x - pts[i - 1].x) * f, pts[i - 1].y + (pts[i].y - pts[i - 1].y) * f);
            dir = ImVec2((pts[i].x - pts[i - 1].x) / d, (pts[i].y - pts[i - 1].y) / d);
            return true;
        }
        want -= d;
    }
    return false;
}

void drawArrowhead(ImDrawList* dl, ImVec2 tip, ImVec2 dir, float size, ImU32 fill, ImU32 outline) {
    const ImVec2 n(-dir.y, dir.x);
    const ImVec2 back(tip.x - dir.x * size, tip.y - dir.y * size);
    const ImVec2 a(back.x + n.x * size * 0.55f, back.y + n.y * size * 0.55f);
    const ImVec2 b(back.x - n.x * size * 0.55f, back.y - n.y * size * 0.55f);
    dl->AddTriangleFilled(tip, a, b, fill);
    dl->AddTriangle(tip, a, b, outline, std::max(1.0f, size * 0.12f));
}

ImVec2 drawBadge(ImDrawList* dl, ImFont* font, float fontSize, ImVec2 centre, const std::string& text, ImU32 fill, ImU32 ink,
                 ImU32 outline, float minRadius) {
    const ImVec2 ext = font->CalcTextSizeA(fontSize, 1e9f, 0.0f, text.c_str(), text.c_str() + text.size());
    const float h = std::max(minRadius, ext.y * 0.5f + 1.0f);
    const float w = std::max(h, ext.x * 0.5f + h * 0.45f);
    const ImVec2 p0(centre.x - w, centre.y - h), p1(centre.x + w, centre.y + h);
    dl->AddRectFilled(ImVec2(p0.x - 1.5f, p0.y - 1.5f), ImVec2(p1.x + 1.5f, p1.y + 1.5f), outline, h + 1.5f);
    dl->AddRectFilled(p0, p1, fill, h);
    dl->AddText(font, fontSize, ImVec2(centre.x - ext.x * 0.5f, centre.y - ext.y * 0.5f), ink, text.c_str(),
                text.c_str() + text.size());
    return ImVec2(w, h);
}

} // namespace app
