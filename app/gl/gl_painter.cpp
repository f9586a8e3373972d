#include "gl/gl_painter.hpp"

#include <geo/basemap/simplify.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>

#include <glm/common.hpp>

namespace app {

namespace {
constexpr float kAa = 1.0f;    // pixels of anti-aliasing room around every shape
constexpr double kFlat = 0.2;  // pixels a line's dropped vertices may lie off it
} // namespace

GlPainter::~GlPainter() = default; // the GL objects are released while the context is current (release())

bool GlPainter::init(const std::filesystem::path& shaderDir, std::string& message, bool sdfText) {
    release();
    std::string error;
    if (!m_program.load(shaderDir / "content.vert", shaderDir / "content.frag", error)) {
        message = error + " — the content is drawn with ImGui";
        return false;
    }
    m_stream.init();
    std::string why;
    if (sdfText && !m_text.init(shaderDir, why)) message = why; // lines and markers here, text with ImGui
    return true;
}

void GlPainter::release() {
    m_program.reset();
    m_stream.release();
    m_text.release();
    newFrame();
}

void GlPainter::newFrame() {
    m_textBoxes.clear();
    m_vertices.clear();
    m_indices.clear();
    m_batches.clear();
    m_batchStart = 0;
    m_textStart = 0;
    m_stream.invalidate();
    m_text.newFrame();
}

void GlPainter::paint(const geo::DisplayList& list, ImDrawList* dl) {
    if (!ready()) {
        ImGuiPainter::paint(list, dl);
        return;
    }
    const bool sdfText = m_text.ready();
    for (const geo::DisplayItem& item : list.items) {
        // Shapes and text are collected apart, each drawn in one go: the shapes, then the text
        // over them. A shape that comes after some of the text it would cover ends the batch,
        // so that what overlaps is drawn in the list's order (the rest cannot tell).
        if (const auto* l = std::get_if<geo::draw::Line>(&item)) {
            line(*l, dl);
        } else if (const auto* d = std::get_if<geo::draw::Disc>(&item)) {
            disc(*d, dl);
        } else if (const auto* c = std::get_if<geo::draw::Circle>(&item)) {
            circle(*c, dl);
        } else if (const auto* f = std::get_if<geo::draw::FilledCircle>(&item)) {
            geo::draw::Disc fill;
            fill.centre = f->centre;
            fill.style.fill = f->colour;
            fill.style.fillRadius = f->radius;
            disc(fill, dl);
        } else if (const auto* a = std::get_if<geo::draw::Arrow>(&item)) {
            arrow(*a, dl);
        } else if (const auto* r = std::get_if<geo::draw::Rect>(&item)) {
            rect(*r, dl);
        } else if (const auto* t = sdfText ? std::get_if<geo::draw::Text>(&item) : nullptr) {
            const GlText::Box box = m_text.add(*t);
            if (!box.empty()) m_textBoxes.push_back(box);
        } else if (const auto* cover = std::get_if<geo::draw::Cover>(&item)) {
            ImVec2 lo = toImGui(cover->min), hi = toImGui(cover->max);
            if (!cover->background) {
                // Inside a window's own rounded background: clear of its corners and border.
                const float inset = ImGui::GetStyle().WindowRounding + ImGui::GetStyle().WindowBorderSize;
                lo = ImVec2(lo.x + inset, lo.y + inset);
                hi = ImVec2(hi.x - inset, hi.y - inset);
            }
            opaqueRect(lo, hi, toImGui(cover->colour), dl);
        } else {
            flush(dl); // what was collected so far stays below this item
            paintItem(item, dl);
        }
    }
    flush(dl);
}

void GlPainter::beforeShape(glm::vec2 lo, glm::vec2 hi, ImDrawList* dl) {
    for (const GlText::Box& b : m_textBoxes)
        if (lo.x < b.hi.x && b.lo.x < hi.x && lo.y < b.hi.y && b.lo.y < hi.y) {
            flush(dl); // that text, and the shapes under it, first
            return;
        }
}

void GlPainter::line(const geo::draw::Line& l, ImDrawList* dl) {
    const geo::LineStyle& style = l.style;
    // Consecutive equal points give no direction: drop them.
    std::vector<glm::vec2> pts;
    pts.reserve(l.points.size());
    for (const glm::vec2& p : l.points)
        if (pts.empty() || std::abs(p.x - pts.back().x) + std::abs(p.y - pts.back().y) > 1e-3f) pts.push_back(p);
    if (pts.size() < 2) return;
    if (pts.size() > 2) {
        // Vertices that move no pixel (within kFlat of the line without them) are dropped:
        // a smooth arc at the regional zoom needs a fraction of its points, and vertices are
        // what a software rasterizer pays for.
        geo::LineString in;
        in.reserve(pts.size());
        for (const glm::vec2& p : pts) in.emplace_back(p.x, p.y);
        const geo::LineString out = geo::simplifyLine(in, kFlat);
        pts.clear();
        for (const glm::dvec2& p : out) pts.emplace_back(static_cast<float>(p.x), static_cast<float>(p.y));
    }
    const std::size_t n = pts.size();
    const float core = style.width * 0.5f;
    const float casing = style.casing.visible() ? style.casingWidth * 0.5f : 0.0f;
    const float half = std::max(core, casing) + kAa;
    const float period = style.dash > 0 ? style.dash + std::max(style.gap, 0.0f) : 0.0f;
    // Segment normals (unit, left of the direction of travel).
    std::vector<glm::vec2> normal(n - 1);
    std::vector<float> length(n - 1);
    for (std::size_t i = 0; i + 1 < n; ++i) {
        const float dx = pts[i + 1].x - pts[i].x, dy = pts[i + 1].y - pts[i].y;
        length[i] = std::hypot(dx, dy);
        normal[i] = glm::vec2(-dy / length[i], dx / length[i]);
    }
    // Text it would cover is drawn first (each segment's box, its miters' reach included).
    for (std::size_t i = 0; i + 1 < n && !m_textBoxes.empty(); ++i) {
        const glm::vec2 reach(2.0f * half);
        beforeShape(glm::min(pts[i], pts[i + 1]) - reach, glm::max(pts[i], pts[i + 1]) + reach, dl);
    }
    const ImU32 colour = toImGui(style.colour), casingColour = casing > 0 ? toImGui(style.casing) : 0;
    const auto base = static_cast<std::uint32_t>(m_vertices.size());
    float along = l.phase;
    for (std::size_t i = 0; i < n; ++i) {
        // The miter at a join (the sum of the two normals, lengthened so that both sides stay
        // `half` from their segments), limited at sharp turns as ImGui limits its own.
        glm::vec2 m = i == 0 ? normal[0] : i + 1 == n ? normal[n - 2] : glm::vec2(normal[i - 1].x + normal[i].x, normal[i - 1].y + normal[i].y);
        if (i > 0 && i + 1 < n) {
            const float len2 = std::max(m.x * m.x + m.y * m.y, 0.25f); // at most twice as long (a 120° turn)
            m = glm::vec2(m.x * 2.0f / len2, m.y * 2.0f / len2);
        }
        for (const float side : {1.0f, -1.0f}) {
            Vertex v{};
            v.x = pts[i].x + m.x * half * side;
            v.y = pts[i].y + m.y * half * side;
            v.u = along;
            v.v = half * side;
            v.colour = colour;
            v.casing = casingColour;
            v.p[0] = core;
            v.p[1] = casing;
            v.p[2] = style.dash > 0 ? style.dash : 0.0f;
            v.p[3] = period;
            v.mode = style.casingDashed ? 1.0f : 0.0f;
            m_vertices.push_back(v);
        }
        if (i + 1 < n) along += length[i];
    }
    for (std::uint32_t i = 0; i + 1 < n; ++i) {
        const std::uint32_t a = base + 2 * i;
        m_indices.insert(m_indices.end(), {a, a + 1, a + 2, a + 1, a + 3, a + 2});
    }
}

void GlPainter::disc(const geo::draw::Disc& d, ImDrawList* dl) {
    const geo::DiscStyle& style = d.style;
    const glm::vec2 c = d.centre;
    const float r = std::max({style.fillRadius, style.ringRadius, style.rimRadius, style.outerRadius}) + kAa;
    if (!m_textBoxes.empty()) beforeShape(c - glm::vec2(r), c + glm::vec2(r), dl);
    const auto base = static_cast<std::uint32_t>(m_vertices.size());
    for (int k = 0; k < 4; ++k) {
        const float sx = (k & 1) ? 1.0f : -1.0f, sy = (k & 2) ? 1.0f : -1.0f;
        Vertex v{};
        v.x = c.x + sx * r;
        v.y = c.y + sy * r;
        v.u = sx * r;
        v.v = sy * r;
        v.colour = toImGui(style.fill);
        v.casing = toImGui(style.ring);
        v.rim = toImGui(style.rim); // the outer ring is drawn in the rim's colour, opaque (content.frag)
        v.p[0] = style.fillRadius;
        v.p[1] = style.ringRadius;
        v.p[2] = style.rimRadius;
        v.p[3] = style.outerRadius;
        v.mode = 2.0f;
        m_vertices.push_back(v);
    }
    m_indices.insert(m_indices.end(), {base, base + 1, base + 2, base + 1, base + 3, base + 2});
}

void GlPainter::quad(glm::vec2 lo, glm::vec2 hi, glm::vec2 localLo, glm::vec2 localHi, const Vertex& style) {
    const auto base = static_cast<std::uint32_t>(m_vertices.size());
    for (int k = 0; k < 4; ++k) {
        Vertex v = style;
        v.x = (k & 1) ? hi.x : lo.x;
        v.y = (k & 2) ? hi.y : lo.y;
        v.u = (k & 1) ? localHi.x : localLo.x;
        v.v = (k & 2) ? localHi.y : localLo.y;
        m_vertices.push_back(v);
    }
    m_indices.insert(m_indices.end(), {base, base + 1, base + 2, base + 1, base + 3, base + 2});
}

void GlPainter::circle(const geo::draw::Circle& c, ImDrawList* dl) {
    if (!(c.radius > 0 && c.width > 0) || !c.colour.visible()) return;
    const float r = c.radius + c.width * 0.5f + kAa;
    if (!m_textBoxes.empty()) beforeShape(c.centre - glm::vec2(r), c.centre + glm::vec2(r), dl);
    Vertex v{};
    v.colour = toImGui(c.colour);
    v.p[0] = c.radius;
    v.p[1] = c.width;
    v.mode = 5.0f;
    quad(c.centre - glm::vec2(r), c.centre + glm::vec2(r), glm::vec2(-r), glm::vec2(r), v);
}

void GlPainter::rect(const geo::draw::Rect& r, ImDrawList* dl) {
    const bool outline = r.outlineWidth > 0 && r.outline.visible();
    if (!(r.max.x > r.min.x && r.max.y > r.min.y) || (!r.fill.visible() && !outline)) return;
    const float reach = kAa + (outline ? r.outlineWidth * 0.5f : 0.0f); // ImGui's outline: centred 0.5 px inside the edge
    const glm::vec2 lo = r.min - glm::vec2(reach), hi = r.max + glm::vec2(reach);
    if (!m_textBoxes.empty()) beforeShape(lo, hi, dl);
    const glm::vec2 centre = (r.min + r.max) * 0.5f, half = (r.max - r.min) * 0.5f;
    Vertex v{};
    v.colour = toImGui(r.fill);
    v.casing = outline ? toImGui(r.outline) : 0;
    v.p[0] = half.x;
    v.p[1] = half.y;
    v.p[2] = std::min({r.rounding, half.x, half.y});
    v.p[3] = outline ? r.outlineWidth : 0.0f;
    v.mode = 4.0f;
    quad(lo, hi, lo - centre, hi - centre, v);
}

void GlPainter::arrow(const geo::draw::Arrow& a, ImDrawList* dl) {
    // As the ImGui painter draws it: a triangle, and its outline over the edges (which hides
    // that the fill itself has no anti-aliasing).
    const glm::vec2 n(-a.direction.y, a.direction.x);
    const glm::vec2 back = a.tip - a.direction * a.size;
    const glm::vec2 p = back + n * (a.size * 0.55f), q = back - n * (a.size * 0.55f);
    const float width = std::max(1.0f, a.size * 0.12f);
    const glm::vec2 lo = glm::min(a.tip, glm::min(p, q)) - glm::vec2(width * 2.0f + kAa);
    const glm::vec2 hi = glm::max(a.tip, glm::max(p, q)) + glm::vec2(width * 2.0f + kAa);
    if (!m_textBoxes.empty()) beforeShape(lo, hi, dl);
    if (a.fill.visible()) {
        const auto base = static_cast<std::uint32_t>(m_vertices.size());
        for (const glm::vec2 corner : {a.tip, p, q}) {
            Vertex v{};
            v.x = corner.x;
            v.y = corner.y;
            v.colour = toImGui(a.fill);
            v.mode = 6.0f;
            m_vertices.push_back(v);
        }
        m_indices.insert(m_indices.end(), {base, base + 1, base + 2});
    }
    if (a.outline.visible()) {
        geo::draw::Line edge;
        edge.points = {q, a.tip, p, q, a.tip}; // closed, with a join at every corner
        edge.style.colour = a.outline;
        edge.style.width = width;
        line(edge, dl);
    }
}

void GlPainter::opaqueRect(ImVec2 lo, ImVec2 hi, ImU32 colour, ImDrawList* dl) {
    if (!(hi.x > lo.x && hi.y > lo.y)) return;
    flush(dl);
    const auto base = static_cast<std::uint32_t>(m_vertices.size());
    for (int k = 0; k < 4; ++k) {
        Vertex v{};
        v.x = (k & 1) ? hi.x : lo.x;
        v.y = (k & 2) ? hi.y : lo.y;
        v.colour = colour | IM_COL32_A_MASK;
        v.mode = 3.0f;
        m_vertices.push_back(v);
    }
    m_indices.insert(m_indices.end(), {base, base + 1, base + 2, base + 1, base + 3, base + 2});
    flush(dl, true);
}

void GlPainter::flush(ImDrawList* dl, bool opaque) {
    // The shapes collected, then the text over them.
    const auto end = static_cast<std::uint32_t>(m_indices.size());
    const std::uint32_t textEnd = m_text.indexCount();
    m_textBoxes.clear();
    if (end == m_batchStart && textEnd == m_textStart) return;
    if (end != m_batchStart) {
        m_batches.push_back({this, m_batchStart, end - m_batchStart, opaque, false, false});
        m_batchStart = end;
        dl->AddCallback(&GlPainter::drawCallback, &m_batches.back());
    }
    if (textEnd != m_textStart) {
        m_batches.push_back({this, m_textStart, textEnd - m_textStart, false, true, m_text.takeHalo()});
        m_textStart = textEnd;
        dl->AddCallback(&GlPainter::drawCallback, &m_batches.back());
    }
    dl->AddCallback(ImDrawCallback_ResetRenderState, nullptr); // ImGui's own state again for what follows
}

void GlPainter::drawCallback(const ImDrawList*, const ImDrawCmd* cmd) {
    const auto* batch = static_cast<const Batch*>(cmd->UserCallbackData);
    // ImGui's backend sets the scissor for its own commands only: a callback first in its list
    // would be clipped to whatever the list before it left (a panel's rectangle). This
    // command's clip rectangle instead, as the backend computes it.
    const ImDrawData* data = ImGui::GetDrawData();
    if (data) {
        GLint viewport[4] = {0, 0, 0, 0};
        glGetIntegerv(GL_VIEWPORT, viewport);
        const ImVec2 off = data->DisplayPos, scale = data->FramebufferScale;
        const float x0 = (cmd->ClipRect.x - off.x) * scale.x, y0 = (cmd->ClipRect.y - off.y) * scale.y;
        const float x1 = (cmd->ClipRect.z - off.x) * scale.x, y1 = (cmd->ClipRect.w - off.y) * scale.y;
        if (x1 > x0 && y1 > y0)
            glScissor(static_cast<GLint>(x0), static_cast<GLint>(static_cast<float>(viewport[3]) - y1), static_cast<GLsizei>(x1 - x0),
                      static_cast<GLsizei>(y1 - y0));
    }
    batch->painter->drawBatch(*batch);
}

void GlPainter::drawBatch(const Batch& batch) {
    const ImDrawData* data = ImGui::GetDrawData();
    if (!ready() || !data) return;
    if (batch.text) {
        m_text.draw(batch.firstIndex, batch.count, batch.halo, {data->DisplayPos.x, data->DisplayPos.y}, {data->DisplaySize.x, data->DisplaySize.y});
        return;
    }
    drawRange(batch.firstIndex, batch.count, batch.opaque, {data->DisplayPos.x, data->DisplayPos.y},
              {data->DisplaySize.x, data->DisplaySize.y});
}

void GlPainter::drawNow(const geo::DisplayList& list, glm::vec2 display) {
    if (!ready()) return;
    newFrame();
    for (const geo::DisplayItem& item : list.items) {
        if (const auto* l = std::get_if<geo::draw::Line>(&item)) line(*l, nullptr);
        else if (const auto* d = std::get_if<geo::draw::Disc>(&item)) disc(*d, nullptr);
    }
    if (!m_indices.empty()) drawRange(0, static_cast<std::uint32_t>(m_indices.size()), false, {0.0f, 0.0f}, display);
    newFrame(); // the interface's frame collects its own
}

void GlPainter::drawRange(std::uint32_t first, std::uint32_t count, bool opaque, glm::vec2 origin, glm::vec2 size) {
    m_stream.draw(m_vertices, m_indices, first,
                  {{2, GL_FLOAT, offsetof(Vertex, x)},
                   {2, GL_FLOAT, offsetof(Vertex, u)},
                   {4, GL_UNSIGNED_BYTE, offsetof(Vertex, colour)},
                   {4, GL_UNSIGNED_BYTE, offsetof(Vertex, casing)},
                   {4, GL_UNSIGNED_BYTE, offsetof(Vertex, rim)},
                   {4, GL_FLOAT, offsetof(Vertex, p)},
                   {1, GL_FLOAT, offsetof(Vertex, mode)}},
                  [&](const void* offset) {
                      m_program.use();
                      glUniform2f(m_program.uniform("u_origin"), origin.x, origin.y);
                      glUniform2f(m_program.uniform("u_size"), size.x, size.y);
                      if (opaque) {
                          glDisable(GL_BLEND);
                      } else {
                          glEnable(GL_BLEND);
                          glBlendEquation(GL_FUNC_ADD);
                          glBlendFuncSeparate(GL_ONE, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA); // premultiplied
                      }
                      glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(count), GL_UNSIGNED_INT, offset);
                  });
}

} // namespace app
