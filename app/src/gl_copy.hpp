#pragma once
// A texture that a part of the frame is drawn into once and then copied from with
// glBlitFramebuffer (a memory copy on llvmpipe) while it stays the same: the sidebar's
// copy (panel_cache) and the map's (map_cache).

#include <epoxy/gl.h>

namespace app {

class CopyTexture {
public:
    // A width x height RGBA8 texture; made again when the size changes (its pixels are
    // then undefined: `made` says so). GL context current.
    void ensure(int width, int height, bool& made);
    // A framebuffer on the texture, bound to `target`, or 0 if GL cannot make one. Made for
    // each use: framebuffer objects are not shared between GL contexts (the window is made
    // again by F11 or a display change), textures are. Delete it with glDeleteFramebuffers.
    GLuint bindFramebuffer(GLenum target) const;
    // Frees the texture (GL context current).
    void release();
    bool valid() const { return m_texture != 0; }
    int width() const { return m_width; }
    int height() const { return m_height; }

private:
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
