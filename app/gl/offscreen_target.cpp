#include "gl/offscreen_target.hpp"

#include <cstring>

#include <vector>

namespace app {

OffscreenTarget::~OffscreenTarget() { release(); }

bool OffscreenTarget::create(int width, int height, bool texture) {
    release();
    m_width = width;
    m_height = height;
    glGenFramebuffers(1, &m_fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, m_fbo);
    if (texture) {
        glGenTextures(1, &m_texture);
        glBindTexture(GL_TEXTURE_2D, m_texture);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, m_texture, 0);
        return glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    }
    glGenRenderbuffers(1, &m_colour);
    glBindRenderbuffer(GL_RENDERBUFFER, m_colour);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, m_colour);
    return glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
}

sf::Image OffscreenTarget::read() const {
    const auto w = static_cast<std::size_t>(m_width), h = static_cast<std::size_t>(m_height);
    std::vector<sf::Uint8> pixels(w * h * 4);
    glFinish();
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, m_width, m_height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    // GL's rows go bottom-up, images' top-down. The map is opaque on screen.
    std::vector<sf::Uint8> flipped(pixels.size());
    for (std::size_t y = 0; y < h; ++y)
        for (std::size_t x = 0; x < w; ++x) {
            const sf::Uint8* p = &pixels[((h - 1 - y) * w + x) * 4];
            sf::Uint8* q = &flipped[(y * w + x) * 4];
            q[0] = p[0];
            q[1] = p[1];
            q[2] = p[2];
            q[3] = 255;
        }
    sf::Image image;
    image.create(static_cast<unsigned>(m_width), static_cast<unsigned>(m_height), flipped.data());
    return image;
}

void OffscreenTarget::readRgba(std::vector<std::uint8_t>& rgba) const {
    const auto w = static_cast<std::size_t>(m_width), h = static_cast<std::size_t>(m_height);
    std::vector<std::uint8_t> rows(w * h * 4);
    glFinish();
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, m_width, m_height, GL_RGBA, GL_UNSIGNED_BYTE, rows.data());
    rgba.resize(rows.size());
    const std::size_t stride = w * 4;
    for (std::size_t y = 0; y < h; ++y) std::memcpy(&rgba[y * stride], &rows[(h - 1 - y) * stride], stride); // GL's rows go bottom-up
}

void OffscreenTarget::release() {
    if (!m_fbo) return;
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (m_colour) glDeleteRenderbuffers(1, &m_colour);
    if (m_texture) glDeleteTextures(1, &m_texture);
    glDeleteFramebuffers(1, &m_fbo);
    m_fbo = m_colour = m_texture = 0;
}

} // namespace app
