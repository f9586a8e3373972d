#include "gl/gl_copy.hpp"

namespace app {

void CopyTexture::ensure(int width, int height) {
    if (m_texture && width == m_width && height == m_height) return;
    release();
    glGenTextures(1, &m_texture);
    glBindTexture(GL_TEXTURE_2D, m_texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glBindTexture(GL_TEXTURE_2D, 0);
    m_width = width;
    m_height = height;
}

GLuint CopyTexture::bindFramebuffer(GLenum target) const {
    if (!m_texture) return 0;
    GLuint fbo = 0;
    glGenFramebuffers(1, &fbo);
    glBindFramebuffer(target, fbo);
    glFramebufferTexture2D(target, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, m_texture, 0);
    if (glCheckFramebufferStatus(target) != GL_FRAMEBUFFER_COMPLETE) {
        glDeleteFramebuffers(1, &fbo);
        return 0;
    }
    return fbo;
}

bool CopyTexture::blitTo(GLuint target, int x0, int y0, int x1, int y1) const {
    const GLuint fbo = bindFramebuffer(GL_READ_FRAMEBUFFER);
    if (fbo) {
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, target);
        const ScissorOff off; // the blit obeys the scissor test
        glBlitFramebuffer(0, 0, m_width, m_height, x0, y0, x1, y1, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    }
    glBindFramebuffer(GL_FRAMEBUFFER, target);
    if (fbo) glDeleteFramebuffers(1, &fbo);
    return fbo != 0;
}

void CopyTexture::release() {
    if (m_texture) glDeleteTextures(1, &m_texture);
    m_texture = 0;
    m_width = m_height = 0;
}

} // namespace app
