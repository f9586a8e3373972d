#include <geo/view/screen_polyline.hpp>

#include <algorithm>
#include <cmath>
#include <utility>

namespace geo {

namespace {

float dist(glm::vec2 a, glm::vec2 b) { return std::hypot(b.x - a.x, b.y - a.y); }

// Clips segment a→b to the box; false when nothing is inside. t0/t1 are the kept parameters.
bool clipSegment(glm::vec2 a, glm::vec2 b, glm::vec2 lo, glm::vec2 hi, float& t0, float& t1) {
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

std::vector<ClippedRun> clipPolyline(const std::vector<glm::vec2>& pts, glm::vec2 lo, glm::vec2 hi) {
    std::vector<ClippedRun> runs;
    float along = 0.0f;
    bool open = false;
    for (std::size_t i = 1; i < pts.size(); ++i) {
        const glm::vec2 a = pts[i - 1], b = pts[i];
        const float len = dist(a, b);
        float t0 = 0, t1 = 0;
        if (clipSegment(a, b, lo, hi, t0, t1)) {
            const glm::vec2 p(a.x + (b.x - a.x) * t0, a.y + (b.y - a.y) * t0);
            const glm::vec2 q(a.x + (b.x - a.x) * t1, a.y + (b.y - a.y) * t1);
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

std::vector<ClippedRun> knockOutPolyline(const std::vector<glm::vec2>& pts, const std::vector<std::pair<glm::vec2, glm::vec2>>& boxes,
                                         float startLength) {
    std::vector<ClippedRun> runs;
    ClippedRun run;
    run.startLength = startLength;
    float along = startLength;
    auto flush = [&]() {
        if (run.points.size() >= 2) runs.push_back(std::move(run));
        run = ClippedRun{};
    };
    for (std::size_t i = 1; i < pts.size(); ++i) {
        const glm::vec2 a = pts[i - 1], b = pts[i];
        const float len = dist(a, b);
        // The parameter intervals of a→b inside the boxes, merged.
        std::vector<std::pair<float, float>> cut;
        for (const auto& [lo, hi] : boxes) {
            float t0 = 0.0f, t1 = 1.0f;
            if (clipSegment(a, b, lo, hi, t0, t1) && t1 > t0) cut.emplace_back(t0, t1);
        }
        std::sort(cut.begin(), cut.end());
        float t = 0.0f;
        auto keep = [&](float from, float to) {
            if (to <= from) return;
            const glm::vec2 p = a + (b - a) * from, q = a + (b - a) * to;
            if (run.points.empty()) {
                run.startLength = along + len * from;
                run.points.push_back(p);
            } else if (from > 0.0f) { // a gap was cut before `from`
                flush();
                run.startLength = along + len * from;
                run.points.push_back(p);
            }
            run.points.push_back(q);
        };
        for (const auto& [c0, c1] : cut) {
            if (c0 > t) keep(t, c0);
            if (c1 > t) {
                t = c1;
                flush();
            }
        }
        if (t < 1.0f) {
            if (t > 0.0f) { // resuming after a cut
                flush();
                run.startLength = along + len * t;
                run.points.push_back(a + (b - a) * t);
                run.points.push_back(b);
            } else keep(0.0f, 1.0f);
        }
        along += len;
    }
    flush();
    return runs;
}

float polylineLength(const std::vector<glm::vec2>& pts) {
    float total = 0;
    for (std::size_t i = 1; i < pts.size(); ++i) total += dist(pts[i - 1], pts[i]);
    return total;
}

std::vector<glm::vec2> polylineHead(const std::vector<glm::vec2>& pts, float fraction) {
    std::vector<glm::vec2> head;
    if (pts.empty()) return head;
    float want = std::clamp(fraction, 0.0f, 1.0f) * polylineLength(pts);
    head.push_back(pts[0]);
    for (std::size_t i = 1; i < pts.size() && want > 0; ++i) {
        const float d = dist(pts[i - 1], pts[i]);
        if (d >= want) {
            const float f = want / d;
            head.push_back(glm::vec2(pts[i - 1].x + (pts[i].x - pts[i - 1].x) * f, pts[i - 1].y + (pts[i].y - pts[i - 1].y) * f));
            break;
        }
        head.push_back(pts[i]);
        want -= d;
    }
    return head;
}

bool pointAlong(const std::vector<glm::vec2>& pts, float fraction, glm::vec2& at, glm::vec2& dir) {
    const float total = polylineLength(pts);
    if (pts.size() < 2 || !(total > 0)) return false;
    float want = std::clamp(fraction, 0.0f, 1.0f) * total;
    for (std::size_t i = 1; i < pts.size(); ++i) {
        const float d = dist(pts[i - 1], pts[i]);
        if (d <= 0) continue;
        if (want <= d || i + 1 == pts.size()) {
            const float f = std::min(want / d, 1.0f);
            at = glm::vec2(pts[i - 1].x + (pts[i].x - pts[i - 1].x) * f, pts[i - 1].y + (pts[i].y - pts[i - 1].y) * f);
            dir = glm::vec2((pts[i].x - pts[i - 1].x) / d, (pts[i].y - pts[i - 1].y) / d);
            return true;
        }
        want -= d;
    }
    return false;
}

} // namespace geo
