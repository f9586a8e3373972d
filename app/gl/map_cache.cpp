#include "gl/map_cache.hpp"

#include <utility>

namespace app {

void MapCache::release() {
    m_copy.release();
    m_valid = false;
}

MapRenderer::Stats MapCache::render(glm::ivec2 size, std::vector<unsigned char>& signature, const std::function<MapRenderer::Stats()>& draw) {
    m_last = Last::Drawn;
    const bool usable = m_enabled && size.x > 0 && size.y > 0 && epoxy_gl_version() >= 30;
    const bool unchanged = usable && signature == m_signature;
    m_steadyFrames = unchanged ? m_steadyFrames + 1 : 0;
    if (!unchanged) {
        std::swap(m_signature, signature);
        m_valid = false;
    }
    if (m_steadyFrames < kSteadyFrames) return draw(); // moving: a copy would be made for nothing

    GLint bound = 0;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &bound);
    const auto target = static_cast<GLuint>(bound);
    MapRenderer::Stats stats;
    const bool same = m_valid && m_copy.valid() && m_copy.width() == size.x && m_copy.height() == size.y;
    if (!same) {
        m_copy.ensure(size.x, size.y);
        if (!m_copy.drawInto(target, [&] { stats = draw(); })) return draw();
        m_valid = true;
    }
    if (!m_copy.blitTo(target, 0, 0, size.x, size.y)) { // (it could be made a moment ago)
        m_valid = false;
        return draw();
    }
    if (same) m_last = Last::Copied;
    return stats;
}

} // namespace app
