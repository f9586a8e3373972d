#include "gl/gl_text.hpp"

#include "content/painter.hpp"
#include "text/font_set.hpp"

#include <algorithm>
#include <cstddef>

#include <glm/common.hpp>

namespace app {

GlText::~GlText() = default; // the GL objects are released while the context is current (release())

bool GlText::init(const std::filesystem::path& shaderDir, std::string& message) {
    release();
    std::string error;
    if (!m_program.load(shaderDir / "text.vert", shaderDir / "text.frag", error)) {
        message = error + " — the map's text is drawn with ImGui";
        return false;
    }
    m_stream.init();
    glGenTextures(1, &m_texture);
    return true;
}

void GlText::release() {
    m_program.reset();
    m_stream.release();
    if (m_texture) glDeleteTextures(1, &m_texture);
    m_texture = 0;
    m_textureGeneration = 0;
    newFrame();
}

bool GlText::ready() const { return m_program.valid() && m_fonts.sdf().ready(); }

void GlText::newFrame() {
    m_vertices.clear();
    m_indices.clear();
    m_stream.invalidate();
    m_halo = false;
    m_fonts.sdf().newFrame(); // a full atlas starts again, between frames
}

GlText::Box GlText::add(const geo::draw::Text& t) {
    Box box{glm::vec2(1e30f), glm::vec2(-1e30f)};
    const SdfText& sdf = m_fonts.sdf();
    const std::size_t slot = m_fonts.sdfSlot(t.face);
    const float em = sdf.emPixels(m_fonts.pixelSize(t.role), slot);
    const int tier = sdf.tier(em);
    const float scale = em / sdf.baseSize(tier); // screen px per atlas texel
    const float reach = sdf.spread(tier) * scale; // how far out of the outline the field reaches, px
    // The halo inside the quad (the field's reach), its soft edge included.
    const float softness = t.halo > 0 ? std::max(m_softness, 1.0f) : 0.0f;
    const float halo = t.halo > 0 ? std::min(t.halo, std::max(reach - softness * 0.5f - 0.5f, 0.0f)) : 0.0f;
    const std::uint32_t ink = toImGui(t.ink), haloColour = halo > 0 ? toImGui(t.haloColour) : 0;
    m_halo = m_halo || (halo > 0 && t.haloColour.visible());
    // The baseline where ImGui's font of the same size puts it: the ascender below the top.
    const float baseline = t.at.y + sdf.ascender(slot) * em;
    for (const SdfText::Placed& p : sdf.shape(t.text, slot).glyphs) {
        const SdfText::Glyph& g = sdf.glyph(slot, p.glyph, tier);
        if (g.size.x == 0) continue;
        const float x0 = t.at.x + p.x * em + static_cast<float>(g.bearing.x) * scale;
        const float y0 = baseline - p.y * em - static_cast<float>(g.bearing.y) * scale;
        const float w = static_cast<float>(g.size.x) * scale, h = static_cast<float>(g.size.y) * scale;
        box.lo = glm::min(box.lo, glm::vec2(x0, y0));
        box.hi = glm::max(box.hi, glm::vec2(x0 + w, y0 + h));
        const auto base = static_cast<std::uint32_t>(m_vertices.size());
        for (int k = 0; k < 4; ++k) {
            const float cx = (k & 1) ? 1.0f : 0.0f, cy = (k & 2) ? 1.0f : 0.0f;
            Vertex v{};
            v.x = x0 + cx * w;
            v.y = y0 + cy * h;
            v.u = static_cast<float>(g.texel.x) + cx * static_cast<float>(g.size.x);
            v.v = static_cast<float>(g.texel.y) + cy * static_cast<float>(g.size.y);
            v.ink = ink;
            v.halo = haloColour;
            v.p[0] = reach;
            v.p[1] = halo;
            v.p[2] = softness;
            v.p[3] = scale;
            m_vertices.push_back(v);
        }
        m_indices.insert(m_indices.end(), {base, base + 1, base + 2, base + 1, base + 3, base + 2});
    }
    return box;
}

void GlText::upload() {
    const SdfAtlas& atlas = m_fonts.sdf().atlas();
    if (atlas.generation() == m_textureGeneration) return;
    GLint alignment = 4;
    glGetIntegerv(GL_UNPACK_ALIGNMENT, &alignment);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glBindTexture(GL_TEXTURE_2D, m_texture);
    if (m_textureSize != glm::ivec2(atlas.width(), atlas.height())) {
        m_textureSize = {atlas.width(), atlas.height()};
        glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, atlas.width(), atlas.height(), 0, GL_RED, GL_UNSIGNED_BYTE, atlas.pixels().data());
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    } else {
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, atlas.width(), atlas.height(), GL_RED, GL_UNSIGNED_BYTE, atlas.pixels().data());
    }
    glPixelStorei(GL_UNPACK_ALIGNMENT, alignment);
    m_textureGeneration = atlas.generation();
}

void GlText::draw(std::uint32_t first, std::uint32_t count, bool halo, glm::vec2 origin, glm::vec2 size) {
    if (!ready() || count == 0) return;
    glActiveTexture(GL_TEXTURE0);
    upload();
    m_stream.draw(m_vertices, m_indices, first,
                  {{2, GL_FLOAT, offsetof(Vertex, x)},
                   {2, GL_FLOAT, offsetof(Vertex, u)},
                   {4, GL_UNSIGNED_BYTE, offsetof(Vertex, ink)},
                   {4, GL_UNSIGNED_BYTE, offsetof(Vertex, halo)},
                   {4, GL_FLOAT, offsetof(Vertex, p)}},
                  [&](const void* offset) {
                      m_program.use();
                      glUniform2f(m_program.uniform("u_origin"), origin.x, origin.y);
                      glUniform2f(m_program.uniform("u_size"), size.x, size.y);
                      glUniform2f(m_program.uniform("u_atlasSize"), static_cast<float>(m_textureSize.x), static_cast<float>(m_textureSize.y));
                      glUniform1i(m_program.uniform("u_atlas"), 0);
                      glBindTexture(GL_TEXTURE_2D, m_texture);
                      glEnable(GL_BLEND);
                      glBlendEquation(GL_FUNC_ADD);
                      glBlendFuncSeparate(GL_ONE, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA); // premultiplied
                      if (halo) {
                          glUniform1i(m_program.uniform("u_pass"), 0);
                          glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(count), GL_UNSIGNED_INT, offset);
                      }
                      glUniform1i(m_program.uniform("u_pass"), 1);
                      glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(count), GL_UNSIGNED_INT, offset);
                  });
}

} // namespace app
