#include <geo/present/ink.hpp>

#include <geo/basemap/simplify.hpp>
#include <geo/view/screen_polyline.hpp>

#include <cmath>

namespace geo {

std::vector<glm::dvec2> smoothStroke(const std::vector<glm::dvec2>& points, int passes) {
    std::vector<glm::dvec2> out = points;
    for (int pass = 0; pass < passes && out.size() >= 3; ++pass) {
        std::vector<glm::dvec2> next;
        next.reserve(out.size() * 2);
        next.push_back(out.front());
        for (std::size_t i = 0; i + 1 < out.size(); ++i) {
            const glm::dvec2 a = out[i], b = out[i + 1];
            if (i > 0) next.push_back(a * 0.75 + b * 0.25);
            if (i + 2 < out.size()) next.push_back(a * 0.25 + b * 0.75);
        }
        next.push_back(out.back());
        out = std::move(next);
    }
    return out;
}

void InkBook::begin(InkTool tool, std::size_t colour, glm::dvec2 screen, const Camera& camera) {
    m_drawing = InkStroke{tool, colour, {}, {camera.screenToWorld(screen)}};
}

void InkBook::extend(glm::dvec2 screen, const Camera& camera) {
    if (!m_drawing) return;
    const glm::dvec2 world = camera.screenToWorld(screen);
    const glm::dvec2 last = m_drawing->world.back();
    if (std::hypot(world.x - last.x, world.y - last.y) < kMinStepPixels * camera.metersPerPixel()) return;
    m_drawing->world.push_back(world);
}

bool InkBook::finish(const InkPage& page, const Projection& projection, double tolerance) {
    if (!m_drawing) return false;
    InkStroke stroke = std::move(*m_drawing);
    m_drawing.reset();
    if (stroke.world.empty()) return false;
    if (stroke.world.size() == 1) stroke.world.push_back(stroke.world.front()); // a dot
    stroke.world = smoothStroke(stroke.world);
    if (tolerance > 0.0) stroke.world = simplifyLine(stroke.world, tolerance);
    stroke.lonLat.clear();
    stroke.lonLat.reserve(stroke.world.size());
    for (const glm::dvec2& w : stroke.world) {
        const glm::dvec2 ll = projection.inverse(w);
        if (!std::isfinite(ll.x) || !std::isfinite(ll.y)) return false; // off the projection's domain
        stroke.lonLat.push_back(ll);
    }
    m_pages[page].push_back(std::move(stroke));
    ++m_revision;
    return true;
}

const std::vector<InkStroke>& InkBook::strokes(const InkPage& page) const {
    static const std::vector<InkStroke> kNone;
    const auto it = m_pages.find(page);
    return it == m_pages.end() ? kNone : it->second;
}

bool InkBook::undo(const InkPage& page) {
    const auto it = m_pages.find(page);
    if (it == m_pages.end() || it->second.empty()) return false;
    it->second.pop_back();
    ++m_revision;
    return true;
}

bool InkBook::clear(const InkPage& page) {
    const auto it = m_pages.find(page);
    if (it == m_pages.end() || it->second.empty()) return false;
    it->second.clear();
    ++m_revision;
    return true;
}

std::size_t InkBook::total() const {
    std::size_t n = 0;
    for (const auto& [page, strokes] : m_pages) n += strokes.size();
    return n;
}

namespace {

void strokeLines(const InkStroke& stroke, const Camera& camera, const Palette::Tools& look, float scale, glm::vec2 display,
                 DisplayList& out) {
    const bool pen = stroke.tool == InkTool::Pen;
    const std::vector<Color>& colours = pen ? look.ink : look.highlighter;
    if (colours.empty()) return;
    std::vector<glm::vec2> pts;
    pts.reserve(stroke.world.size());
    for (const glm::dvec2& w : stroke.world) {
        const glm::dvec2 p = camera.worldToScreen(w);
        pts.emplace_back(static_cast<float>(p.x), static_cast<float>(p.y));
    }
    if (pts.size() == 1) pts.push_back(pts.front());
    LineStyle style;
    style.colour = colours[stroke.colour % colours.size()];
    if (pen) {
        style.width = 7.0f * scale;
        style.casing = look.inkCasing;
        style.casingWidth = 11.0f * scale;
    } else {
        style.width = 22.0f * scale;
        style.colour = style.colour.withAlpha(0.5f);
    }
    const float margin = 24.0f * scale;
    // A dot (both points the same) is a short line, so that the painters give it a round body.
    if (pts.size() == 2 && pts[0] == pts[1]) pts[1].x += 0.5f;
    for (ClippedRun& run : clipPolyline(pts, glm::vec2(-margin), display + glm::vec2(margin)))
        out.add(draw::Line{std::move(run.points), style, 0.0f});
}

} // namespace

void layoutInk(const std::vector<InkStroke>& strokes, const InkStroke* drawing, const Camera& camera, const Palette::Tools& look,
               float scale, glm::vec2 display, DisplayList& out) {
    // Highlighter under the pen, each in the order drawn.
    for (const InkTool tool : {InkTool::Highlighter, InkTool::Pen}) {
        for (const InkStroke& s : strokes)
            if (s.tool == tool) strokeLines(s, camera, look, scale, display, out);
        if (drawing && drawing->tool == tool) strokeLines(*drawing, camera, look, scale, display, out);
    }
}

} // namespace geo
