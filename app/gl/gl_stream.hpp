#pragma once
// Vertices and indices made anew every frame (the content's shapes, the map's text), uploaded
// once a frame and drawn in ranges: one upload of each, not one per draw. A driver that cannot
// rename a buffer still in use (llvmpipe) waits for the rasterizer before overwriting it, so
// an upload per draw would serialise the frame.
//
// Each draw gets a vertex array of its own: arrays are not shared between GL contexts (ImGui's
// backend makes its own each frame for the same reason), and the viewer draws into two.

#include <epoxy/gl.h>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <vector>

namespace app {

class GlStream {
public:
    struct Attribute {
        GLint components;
        GLenum type;          // GL_FLOAT or GL_UNSIGNED_BYTE (normalised)
        std::size_t offset;   // in the vertex, bytes
    };

    GlStream() = default;
    GlStream(const GlStream&) = delete;
    GlStream& operator=(const GlStream&) = delete;

    void init();    // GL context current
    void release(); // GL context current
    // A new frame: the next draw uploads again.
    void invalidate() { m_uploaded = false; }

    // Binds a new vertex array with `layout` over this frame's data (uploaded by the first call
    // of the frame), runs `draw` with the byte offset of index `first`, and deletes the array.
    template <class Vertex, class Draw>
    void draw(const std::vector<Vertex>& vertices, const std::vector<std::uint32_t>& indices, std::uint32_t first,
              std::initializer_list<Attribute> layout, Draw&& draw) {
        const GLuint vao = bind(vertices.data(), vertices.size() * sizeof(Vertex), indices, sizeof(Vertex), layout);
        draw(reinterpret_cast<const void*>(static_cast<std::uintptr_t>(first) * sizeof(std::uint32_t)));
        unbind(vao);
    }

private:
    GLuint bind(const void* vertices, std::size_t bytes, const std::vector<std::uint32_t>& indices, std::size_t stride,
                std::initializer_list<Attribute> layout);
    static void unbind(GLuint vao);

    GLuint m_vbo = 0, m_ebo = 0;
    bool m_uploaded = false;
};

} // namespace app
