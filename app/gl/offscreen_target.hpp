#pragma once
// A framebuffer to render into without a window (screenshots, benchmark, exports).

#include <SFML/Graphics/Image.hpp>
#include <epoxy/gl.h>

#include <cstdint>
#include <vector>

namespace app {

class OffscreenTarget {
public:
    OffscreenTarget() = default;
    ~OffscreenTarget();
    OffscreenTarget(const OffscreenTarget&) = delete;
    OffscreenTarget& operator=(const OffscreenTarget&) = delete;

    // Makes a width x height RGBA framebuffer and binds it. False if GL cannot. `texture`:
    // its colour is a texture that other contexts and ImGui can draw (texture()).
    bool create(int width, int height, bool texture = false);
    void bind() const { glBindFramebuffer(GL_FRAMEBUFFER, m_fbo); }
    bool valid() const { return m_fbo != 0; }
    int width() const { return m_width; }
    int height() const { return m_height; }
    // The colour texture (0 unless made with `texture`); its rows go bottom-up, as GL's.
    GLuint texture() const { return m_texture; }
    // The pixels, top row first, opaque.
    sf::Image read() const;
    // The pixels as RGBA bytes, top row first, into `rgba` (resized); alpha as drawn. Cheaper
    // than read(): a video reads every frame.
    void readRgba(std::vector<std::uint8_t>& rgba) const;
    // Unbinds and deletes; needs the GL context current (the destructor calls it too).
    void release();

private:
    GLuint m_fbo = 0, m_colour = 0, m_texture = 0;
    int m_width = 0, m_height = 0;
};

} // namespace app
