#pragma once
// A texture that a part of the frame is drawn into once and then copied from with
// glBlitFramebuffer (a memory copy on llvmpipe) while it stays the same: the sidebar's
// copy (panel_cache) and the map's (map_cache).

#include <epoxy/gl.h>

namespace app {

class CopyTexture {
public:
    // A width x height RGBA8 texture; made again when the size changes (its pixels are
    // then undefined). GL context current.
    void ensure(int width, int height);
    // Runs `draw` with the texture as the framebuffer, then binds `target` (the frame's
    // framebuffer) again; false, drawing nothing, if GL cannot make a framebuffer on it.
    template <typename F> bool drawInto(GLuint target, F&& draw) {
        const GLuint fbo = bindFramebuffer(GL_FRAMEBUFFER);
        if (fbo) draw();
        glBindFramebuffer(GL_FRAMEBUFFER, target);
        if (fbo) glDeleteFramebuffers(1, &fbo);
        return fbo != 0;
    }
    // Copies the whole texture to x0,y0-x1,y1 (GL's bottom-up pixels) of `target`, the
    // scissor test off, and binds `target` again; false if GL cannot make a framebuffer.
    bool blitTo(GLuint target, int x0, int y0, int x1, int y1) const;
    // Frees the texture (GL context current).
    void release();
    bool valid() const { return m_texture != 0; }
    int width() const { return m_width; }
    int height() const { return m_height; }

private:
    // A framebuffer on the texture, bound to `target`, or 0. Made for each use: framebuffer
    // objects are not shared between GL contexts (the window is made again by F11 or a
    // display change), textures are.
    GLuint bindFramebuffer(GLenum target) const;
    GLuint m_texture = 0;
    int m_width = 0, m_height = 0;
};

// The scissor test off for a clear or a blit, and as it was afterwards.
struct ScissorOff {
    const bool was = glIsEnabled(GL_SCISSOR_TEST) == GL_TRUE;
    ScissorOff() { glDisable(GL_SCISSOR_TEST); }
    ~ScissorOff() {
        if (was) glEnable(GL_SCISSOR_TEST);
    }
    ScissorOff(const ScissorOff&) = delete;
    ScissorOff& operator=(const ScissorOff&) = delete;
};

} // namespace app
