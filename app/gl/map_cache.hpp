#pragma once
// The base map drawn from a copy while it does not change. Held still (trip playback,
// a story step once its flight has landed, a presenter talking over a view), the map is
// the same frame after frame while the content over it moves; on llvmpipe drawing it
// costs 3-8 ms a frame (the land fill's pixels, ~30,000 triangles of coast in a view of
// the China coast or of Kyushu). So each frame says what it would draw (the renderer's
// signature: camera, layers, styles, levels, what is uploaded, the background); once that
// has stayed the same for a frame, the map is drawn into a texture of its own and copied
// from there with glBlitFramebuffer for as long as it stays the same. While the camera
// moves it is drawn as usual. Offscreen (screenshots, exports, tests) the copy is the
// same picture, pixel for pixel: the same clear and the same draws into the same RGBA8
// pixels. In a window a few anti-aliased edge pixels may differ by a few 1/255 (llvmpipe
// rasterizes a window's framebuffer with y flipped, a texture's not; measured on the
// default view at 1600x900: 264 of 1.44 M pixels, at most 12/255), which no one can see
// when the map comes to rest.

#include "gl/gl_copy.hpp"
#include "gl/map_renderer.hpp"

#include <functional>
#include <vector>

namespace app {

class MapCache {
public:
    // Draws the map (`draw`: clear and draw into the bound framebuffer, size x its
    // viewport) or copies it; `signature` says what it would draw (taken: swapped out).
    MapRenderer::Stats render(glm::ivec2 size, std::vector<unsigned char>& signature, const std::function<MapRenderer::Stats()>& draw);
    // Frees the copy (GL context current).
    void release();
    void setEnabled(bool on) { m_enabled = on; }
    enum class Last { Drawn, Copied };
    // How the last frame drew the map (benchmark, tests).
    Last last() const { return m_last; }

private:
    static constexpr int kSteadyFrames = 1; // unchanged frames before a copy is made
    bool m_enabled = true;
    Last m_last = Last::Drawn;
    CopyTexture m_copy;
    bool m_valid = false; // the copy holds what m_signature describes
    int m_steadyFrames = 0;
    std::vector<unsigned char> m_signature;
};

} // namespace app
