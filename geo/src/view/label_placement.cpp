#include <geo/view/label_placement.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

namespace geo {

bool ScreenBox::overlaps(const ScreenBox& other, double padding) const {
    return min.x < other.max.x + padding && other.min.x < max.x + padding && min.y < other.max.y + padding &&
           other.min.y < max.y + padding;
}

const char* boxKindName(BoxKind kind) {
    switch (kind) {
    case BoxKind::Label: return "label";
    case BoxKind::Marker: return "marker";
    case BoxKind::Badge: return "badge";
    case BoxKind::Callout: return "callout";
    case BoxKind::Caption: return "caption";
    case BoxKind::Panel: return "panel";
    }
    return "marker";
}

namespace {

bool isFinite(glm::dvec2 p) { return std::isfinite(p.x) && std::isfinite(p.y); }

constexpr std::array<LabelAnchor, 8> kAnchorOrder{LabelAnchor::Right,      LabelAnchor::Left,
                                                  LabelAnchor::Above,      LabelAnchor::Below,
                                                  LabelAnchor::AboveRight, LabelAnchor::AboveLeft,
                                                  LabelAnchor::BelowRight, LabelAnchor::BelowLeft};

// `reach` times the gap away (1, or 2 for a required label's second ring).
ScreenBox candidateBox(const LabelRequest& r, LabelAnchor anchor, double reach = 1.0) {
    const glm::dvec2 a = r.anchor;
    const glm::dvec2 s = r.size;
    const double g = r.gap * reach;
    // Diagonals: the corner sits at the gap on both axes, so that the box clears the square
    // around the marker (what the tests and --labels-out see) and not just its disc.
    const double d = g;
    glm::dvec2 min{0.0, 0.0};
    switch (anchor) {
    case LabelAnchor::Right: min = {a.x + g, a.y - s.y * 0.5}; break;
    case LabelAnchor::Left: min = {a.x - g - s.x, a.y - s.y * 0.5}; break;
    case LabelAnchor::Above: min = {a.x - s.x * 0.5, a.y - g - s.y}; break;
    case LabelAnchor::Below: min = {a.x - s.x * 0.5, a.y + g}; break;
    case LabelAnchor::AboveRight: min = {a.x + d, a.y - d - s.y}; break;
    case LabelAnchor::AboveLeft: min = {a.x - d - s.x, a.y - d - s.y}; break;
    case LabelAnchor::BelowRight: min = {a.x + d, a.y + d}; break;
    case LabelAnchor::BelowLeft: min = {a.x - d - s.x, a.y + d}; break;
    case LabelAnchor::Centre: min = a - s * 0.5; break;
    }
    return ScreenBox{min, min + s};
}

bool insideViewport(const ScreenBox& b, glm::dvec2 viewport) {
    return b.min.x >= 0.0 && b.min.y >= 0.0 && b.max.x <= viewport.x && b.max.y <= viewport.y;
}

bool overlapsAny(const ScreenBox& b, const std::vector<ScreenBox>& boxes) {
    return std::any_of(boxes.begin(), boxes.end(), [&](const ScreenBox& o) { return b.overlaps(o); });
}

// Uniform grid over the placed boxes: each box is listed in every cell it (with padding)
// touches. Cell indices are clamped to the grid, so boxes partly or wholly outside the
// viewport (a required label's fallback) are still found by any box they overlap.
class BoxGrid {
public:
    BoxGrid(glm::dvec2 viewport, double padding) : padding_(padding) {
        const double w = std::isfinite(viewport.x) ? std::max(viewport.x, 0.0) : 0.0;
        const double h = std::isfinite(viewport.y) ? std::max(viewport.y, 0.0) : 0.0;
        constexpr double kCellPx = 64.0;
        constexpr double kMaxCellsPerAxis = 256.0; // a huge viewport gets larger cells, not a huge grid
        cell_ = std::max({kCellPx, w / kMaxCellsPerAxis, h / kMaxCellsPerAxis});
        cols_ = static_cast<int>(std::ceil(w / cell_)) + 1;
        rows_ = static_cast<int>(std::ceil(h / cell_)) + 1;
        cells_.resize(static_cast<std::size_t>(cols_) * static_cast<std::size_t>(rows_));
    }

    bool overlapsPlaced(const ScreenBox& b) const {
        bool hit = false;
        forCells(b, [&](std::vector<std::size_t>& cell) {
            for (std::size_t i : cell)
                if (!hit && b.overlaps(boxes_[i], padding_)) hit = true;
        });
        return hit;
    }

    void insert(const ScreenBox& b) {
        const std::size_t index = boxes_.size();
        boxes_.push_back(b);
        forCells(b, [&](std::vector<std::size_t>& cell) { cell.push_back(index); });
    }

private:
    int cellIndex(double v, int count) const {
        const double c = std::floor(v / cell_);
        if (!(c >= 0.0)) return 0;
        if (c >= static_cast<double>(count - 1)) return count - 1;
        return static_cast<int>(c);
    }

    template <typename F> void forCells(const ScreenBox& b, F&& f) const {
        const int x0 = cellIndex(b.min.x - padding_, cols_), x1 = cellIndex(b.max.x + padding_, cols_);
        const int y0 = cellIndex(b.min.y - padding_, rows_), y1 = cellIndex(b.max.y + padding_, rows_);
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x)
                f(cells_[static_cast<std::size_t>(y) * static_cast<std::size_t>(cols_) + static_cast<std::size_t>(x)]);
    }

    double padding_ = 0.0;
    double cell_ = 64.0;
    int cols_ = 1;
    int rows_ = 1;
    std::vector<ScreenBox> boxes_;
    mutable std::vector<std::vector<std::size_t>> cells_;
};

// Does the segment, widened by its half width, cross the box? (Liang–Barsky against the box
// grown by the half width: conservative at the caps, which the stroke's round ends fill anyway.)
bool crosses(const LineSegment& seg, const ScreenBox& box) {
    const double w = seg.halfWidth;
    const glm::dvec2 lo = box.min - glm::dvec2(w, w), hi = box.max + glm::dvec2(w, w);
    double t0 = 0.0, t1 = 1.0;
    const glm::dvec2 d = seg.b - seg.a;
    const double p[4] = {-d.x, d.x, -d.y, d.y};
    const double q[4] = {seg.a.x - lo.x, hi.x - seg.a.x, seg.a.y - lo.y, hi.y - seg.a.y};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0.0) {
            if (q[i] < 0.0) return false;
            continue;
        }
        const double t = q[i] / p[i];
        if (p[i] < 0.0) t0 = std::max(t0, t);
        else t1 = std::min(t1, t);
        if (t0 > t1) return false;
    }
    return true;
}

// The lines' segments by grid cell, so that a candidate is tested against the few near it.
class SegmentGrid {
public:
    SegmentGrid(const std::vector<LineSegment>& segments, glm::dvec2 viewport) : m_segments(segments) {
        const double w = std::isfinite(viewport.x) ? std::max(viewport.x, 1.0) : 1.0;
        const double h = std::isfinite(viewport.y) ? std::max(viewport.y, 1.0) : 1.0;
        m_cell = std::max({64.0, w / 128.0, h / 128.0});
        m_cols = static_cast<int>(std::ceil(w / m_cell)) + 1;
        m_rows = static_cast<int>(std::ceil(h / m_cell)) + 1;
        m_cells.resize(static_cast<std::size_t>(m_cols) * static_cast<std::size_t>(m_rows));
        for (std::size_t i = 0; i < segments.size(); ++i) {
            const LineSegment& sg = segments[i];
            if (!isFinite(sg.a) || !isFinite(sg.b)) continue;
            ScreenBox b{glm::dvec2(std::min(sg.a.x, sg.b.x), std::min(sg.a.y, sg.b.y)) - sg.halfWidth,
                        glm::dvec2(std::max(sg.a.x, sg.b.x), std::max(sg.a.y, sg.b.y)) + sg.halfWidth};
            if (b.max.x < 0 || b.max.y < 0 || b.min.x > w || b.min.y > h) continue; // no label goes there
            forCells(b, [&](std::vector<std::size_t>& cell) { cell.push_back(i); });
        }
    }
    bool crossesAny(const ScreenBox& b) const {
        bool hit = false;
        forCells(b, [&](std::vector<std::size_t>& cell) {
            for (std::size_t i : cell)
                if (!hit && crosses(m_segments[i], b)) hit = true;
        });
        return hit;
    }

private:
    int cellIndex(double v, int count) const {
        const double c = std::floor(v / m_cell);
        if (!(c >= 0.0)) return 0;
        if (c >= static_cast<double>(count - 1)) return count - 1;
        return static_cast<int>(c);
    }
    template <typename F> void forCells(const ScreenBox& b, F&& f) const {
        const int x0 = cellIndex(b.min.x, m_cols), x1 = cellIndex(b.max.x, m_cols);
        const int y0 = cellIndex(b.min.y, m_rows), y1 = cellIndex(b.max.y, m_rows);
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x)
                f(m_cells[static_cast<std::size_t>(y) * static_cast<std::size_t>(m_cols) + static_cast<std::size_t>(x)]);
    }
    const std::vector<LineSegment>& m_segments;
    double m_cell = 64.0;
    int m_cols = 1, m_rows = 1;
    mutable std::vector<std::vector<std::size_t>> m_cells;
};

ScreenBox grown(const ScreenBox& b, double by) { return ScreenBox{b.min - glm::dvec2(by, by), b.max + glm::dvec2(by, by)}; }

} // namespace

std::vector<PlacedLabel> placeLabels(const std::vector<LabelRequest>& requests, const LabelPlacementOptions& options) {
    std::vector<std::size_t> order;
    order.reserve(requests.size());
    for (std::size_t i = 0; i < requests.size(); ++i) {
        const LabelRequest& r = requests[i];
        if (!isFinite(r.anchor) || !isFinite(r.size) || !std::isfinite(r.gap)) continue;
        if (r.size.x < 0.0 || r.size.y < 0.0) continue;
        order.push_back(i);
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return requests[a].priority > requests[b].priority; });

    const double padding = std::isfinite(options.padding) ? std::max(options.padding, 0.0) : 0.0;
    BoxGrid grid(options.viewport, padding);
    for (const ScreenBox& b : options.placed) grid.insert(b);
    BoxGrid obstacles(options.viewport, 0.0); // `avoid`: markers, badges, callouts
    for (const ScreenBox& b : options.avoid) obstacles.insert(b);
    const SegmentGrid lines(options.lines, options.viewport);
    std::vector<PlacedLabel> placed;
    placed.reserve(order.size());

    constexpr std::size_t kRing = kAnchorOrder.size();
    for (std::size_t index : order) {
        const LabelRequest& r = requests[index];
        // The candidates: the ring at the gap, and for a required label two more, at twice and
        // three times the gap, so that it finds a free place among crowded markers.
        constexpr std::size_t kRings = 3;
        const std::size_t count = r.centred ? 1 : r.required ? kRings * kRing : kRing;
        std::array<ScreenBox, kRings * kRing> boxes;
        std::array<bool, kRings * kRing> usable{}; // inside the viewport and clear of `blocked`
        std::array<bool, kRings * kRing> clear{};  // ... and clear of `avoid`
        std::array<bool, kRings * kRing> free{};   // ... and of the placed labels
        const double c = std::isfinite(r.clearance) ? std::max(r.clearance, 0.0) : 0.0;
        for (std::size_t k = 0; k < count; ++k) {
            boxes[k] = candidateBox(r, r.centred ? LabelAnchor::Centre : kAnchorOrder[k % kRing], static_cast<double>(k / kRing + 1));
            const ScreenBox wide = grown(boxes[k], c);
            usable[k] = insideViewport(boxes[k], options.viewport) && !overlapsAny(wide, options.blocked);
            clear[k] = usable[k] && !obstacles.overlapsPlaced(wide);
            free[k] = clear[k] && !grid.overlapsPlaced(wide);
        }
        std::optional<std::size_t> chosen;
        bool crossing = false;
        for (std::size_t k = 0; k < count && !chosen; ++k) // clear of everything, lines too
            if (free[k] && !lines.crossesAny(grown(boxes[k], c))) chosen = k;
        if (!chosen && r.mayCrossLines) // over a line, which is then knocked out under it
            for (std::size_t k = 0; k < count && !chosen; ++k)
                if (free[k]) chosen = k, crossing = true;
        if (!chosen && r.required) { // overlapping other labels, but still clear of `avoid` if it can be
            for (std::size_t k = 0; k < count && !chosen; ++k)
                if (clear[k]) chosen = k;
            for (std::size_t k = 0; k < count && !chosen; ++k)
                if (usable[k]) chosen = k;
            if (!chosen) chosen = 0; // Right, whatever it covers
            crossing = lines.crossesAny(boxes[*chosen]);
        }
        if (!chosen) continue;
        grid.insert(boxes[*chosen]);
        placed.push_back(PlacedLabel{r.id, boxes[*chosen], r.centred ? LabelAnchor::Centre : kAnchorOrder[*chosen % kRing], crossing});
    }
    return placed;
}

} // namespace geo
