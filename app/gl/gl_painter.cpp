#include "gl/gl_painter.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>

namespace app {

namespace {
constexpr float kAa = 1.0f; // pixels of anti-aliasing room around every shape
} // namespace

GlPainter::~GlPainter() = default; // the GL objects are released while the context is current (release())

bool GlPainter::init(const std::filesystem::path& shaderDir, std::string& message, bool sdfText) {
    release();
    std::string error;
    if (!m_program.load(shaderDir / "content.vert", shaderDir / "content.frag", error)) {
        message = error + " — the content is drawn with ImGui";
        return false;
    }
    glGenBuffers(1, &m_vbo);
    glGenBuffers(1, &m_ebo);
    std::string why;
    if (sdfText && !m_text.init(shaderDir, why)) message = why; // lines and markers here, text with ImGui
    return true;
}

void GlPainter::release() {
    m_program.reset();
    if (m_vbo) glDeleteBuffers(1, &m_vbo);
    if (m_ebo) glDeleteBuffers(1, &m_ebo);
    m_vbo = m_ebo = 0;
    m_text.release();
    newFrame();
}

void GlPainter::newFrame() {
    m_vertices.clear();
    m_indices.clear();
    m_batches.clear();
    m_batchStart = 0;
    m_textStart = 0;
    m_uploaded = false;
    m_text.newFrame();
}

void GlPainter::paint(const geo::DisplayList& list, ImDrawList* dl) {
    if (!ready()) {
        ImGuiPainter::paint(list, dl);
        return;
    }
    const bool sdfText = m_text.ready();
    for (const geo::DisplayItem& item : list.items) {
        // Lines and discs, and text, are collected apart: switching from one to the other ends
        // a batch, so that each is drawn in the list's order.
        if (const auto* l = std::get_if<geo::draw::Line>(&item)) {
            if (m_text.indexCount() != m_textStart) flush(dl);
            line(*l);
        } else if (const auto* d = std::get_if<geo::draw::Disc>(&item)) {
            if (m_text.indexCount() != m_textStart) flush(dl);
            disc(*d);
        } else if (const auto* t = sdfText ? std::get_if<geo::draw::Text>(&item) : nullptr) {
            if (m_indices.size() != m_batchStart) flush(dl);
            m_text.add(*t);
        } else if (const auto* c = std::get_if<geo::draw::Cover>(&item)) {
            ImVec2 lo = toImGui(c->min), hi = toImGui(c->max);
            if (!c->background) {
                // Inside a window's own rounded background: clear of its corners and border.
                const float inset = ImGui::GetStyle().WindowRounding + ImGui::GetStyle().WindowBorderSize;
                lo = ImVec2(lo.x + inset, lo.y + inset);
                hi = ImVec2(hi.x - inset, hi.y - inset);
            }
            opaqueRect(lo, hi, toImGui(c->colour), dl);
        } else {
            flush(dl); // what was collected so far stays below this item
            paintItem(item, dl);
        }
    }
    flush(dl);
}

void GlPainter::line(const geo::draw::Line& l) {
    const geo::LineStyle& style = l.style;
    // Consecutive equal points give no direction: drop them.
    std::vector<glm::vec2> pts;
    pts.reserve(l.points.size());
    for (const glm::vec2& p : l.points)
        if (pts.empty() || std::abs(p.x - pts.back().x) + std::abs(p.y - pts.back().y) > 1e-3f) pts.push_back(p);
    if (pts.size() < 2) return;
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

void GlPainter::disc(const geo::draw::Disc& d) {
    const geo::DiscStyle& style = d.style;
    const glm::vec2 c = d.centre;
    const float r = std::max({style.fillRadius, style.ringRadius, style.rimRadius, style.outerRadius}) + kAa;
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
    // At most one of the two has something (paint() flushes when it switches).
    const auto end = static_cast<std::uint32_t>(m_indices.size());
    const std::uint32_t textEnd = m_text.indexCount();
    if (end != m_batchStart) {
        m_batches.push_back({this, m_batchStart, end - m_batchStart, opaque, false, false});
        m_batchStart = end;
    } else if (textEnd != m_textStart) {
        m_batches.push_back({this, m_textStart, textEnd - m_textStart, false, true, m_text.takeHalo()});
        m_textStart = textEnd;
    } else {
        return;
    }
    dl->AddCallback(&GlPainter::drawCallback, &m_batches.back());
    dl->AddCallback(ImDrawCallback_ResetRenderState, nullptr); // ImGui's own state again for what follows
}

void GlPainter::drawCallback(const ImDrawList*, const ImDrawCmd* cmd) {
    const auto* batch = static_cast<const Batch*>(cmd->UserCallbackData);
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
        if (const auto* l = std::get_if<geo::draw::Line>(&item)) line(*l);
        else if (const auto* d = std::get_if<geo::draw::Disc>(&item)) disc(*d);
    }
    if (!m_indices.empty()) drawRange(0, static_cast<std::uint32_t>(m_indices.size()), false, {0.0f, 0.0f}, display);
    newFrame(); // the interface's frame collects its own
}

void GlPainter::drawRange(std::uint32_t first, std::uint32_t count, bool opaque, glm::vec2 origin, glm::vec2 size) {
    if (!m_uploaded) {
        glBindBuffer(GL_ARRAY_BUFFER, m_vbo);
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(m_vertices.size() * sizeof(Vertex)), m_vertices.data(), GL_STREAM_DRAW);
        m_uploaded = true;
    }
    // A vertex array of our own for this draw: arrays are not shared between GL contexts
    // (ImGui's backend makes its own each frame for the same reason).
    GLuint vao = 0;
    glGenVertexArrays(1, &vao);
    glBindVertexArray(vao);
    glBindBuffer(GL_ARRAY_BUFFER, m_vbo);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, m_ebo);
    // This batch's indices (a few thousand at most: cheaper than offsets into one upload per frame).
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(count * sizeof(std::uint32_t)), m_indices.data() + first, GL_STREAM_DRAW);
    const auto stride = static_cast<GLsizei>(sizeof(Vertex));
    auto at = [](std::size_t offset) { return reinterpret_cast<const void*>(offset); };
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, at(offsetof(Vertex, x)));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, at(offsetof(Vertex, u)));
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, at(offsetof(Vertex, colour)));
    glEnableVertexAttribArray(3);
    glVertexAttribPointer(3, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, at(offsetof(Vertex, casing)));
    glEnableVertexAttribArray(4);
    glVertexAttribPointer(4, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, at(offsetof(Vertex, rim)));
    glEnableVertexAttribArray(5);
    glVertexAttribPointer(5, 4, GL_FLOAT, GL_FALSE, stride, at(offsetof(Vertex, p)));
    glEnableVertexAttribArray(6);
    glVertexAttribPointer(6, 1, GL_FLOAT, GL_FALSE, stride, at(offsetof(Vertex, mode)));

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
    glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(count), GL_UNSIGNED_INT, nullptr);
    glBindVertexArray(0);
    glDeleteVertexArrays(1, &vao);
}

} // namespace app
