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

namespace {

bool isFinite(glm::dvec2 p) { return std::isfinite(p.x) && std::isfinite(p.y); }

constexpr std::array<LabelAnchor, 8> kAnchorOrder{LabelAnchor::Right,      LabelAnchor::Left,
                                                  LabelAnchor::Above,      LabelAnchor::Below,
                                                  LabelAnchor::AboveRight, LabelAnchor::AboveLeft,
                                                  LabelAnchor::BelowRight, LabelAnchor::BelowLeft};

ScreenBox candidateBox(const LabelRequest& r, LabelAnchor anchor) {
    const glm::dvec2 a = r.anchor;
    const glm::dvec2 s = r.size;
    const double g = r.gap;
    const double d = r.gap * 0.7; // diagonals: the corner sits at this offset on both axes
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
    std::vector<PlacedLabel> placed;
    placed.reserve(order.size());

    for (std::size_t index : order) {
        const LabelRequest& r = requests[index];
        std::array<ScreenBox, kAnchorOrder.size()> boxes;
        std::array<bool, kAnchorOrder.size()> usable{}; // inside the viewport and clear of `blocked`
        for (std::size_t k = 0; k < kAnchorOrder.size(); ++k) {
            boxes[k] = candidateBox(r, kAnchorOrder[k]);
            usable[k] = insideViewport(boxes[k], options.viewport) && !overlapsAny(boxes[k], options.blocked);
        }

        std::optional<std::size_t> chosen;
        std::array<bool, kAnchorOrder.size()> free{}; // usable and clear of placed labels
        for (std::size_t k = 0; k < kAnchorOrder.size(); ++k) free[k] = usable[k] && !grid.overlapsPlaced(boxes[k]);
        for (std::size_t k = 0; k < kAnchorOrder.size() && !chosen; ++k) // pass 1: clear of `avoid` too
            if (free[k] && !overlapsAny(boxes[k], options.avoid)) chosen = k;
        for (std::size_t k = 0; k < kAnchorOrder.size() && !chosen; ++k) // pass 2: covering an `avoid` box
            if (free[k]) chosen = k;
        if (!chosen && r.required) { // overlapping other labels, but still clear of `avoid` if it can be
            for (std::size_t k = 0; k < kAnchorOrder.size() && !chosen; ++k)
                if (usable[k] && !overlapsAny(boxes[k], options.avoid)) chosen = k;
            for (std::size_t k = 0; k < kAnchorOrder.size() && !chosen; ++k)
                if (usable[k]) chosen = k;
            if (!chosen) chosen = 0; // Right, whatever it covers
        }
        if (!chosen) continue;
        grid.insert(boxes[*chosen]);
        placed.push_back(PlacedLabel{r.id, boxes[*chosen], kAnchorOrder[*chosen]});
    }
    return placed;
}

} // namespace geo
