#pragma once
// The map's text for the GL painter: every draw::Text as one quad per glyph from FontSet's
// signed-distance-field atlas (text/sdf_text.hpp), drawn by shaders/text.* with its halo in
// the same pass (ImGui's bitmap text needed four more copies of the text for a halo). The
// atlas's pixels are uploaded to a single-channel texture when glyphs were added.

#include "gl/gl_program.hpp"
#include "gl/gl_stream.hpp"

#include <geo/view/display_list.hpp>

#include <epoxy/gl.h>
#include <glm/vec2.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace app {

class FontSet;

class GlText {
public:
    explicit GlText(const FontSet& fonts) : m_fonts(fonts) {}
    ~GlText();
    GlText(const GlText&) = delete;
    GlText& operator=(const GlText&) = delete;

    // Builds the program (GL context current); false, with `message`, if it cannot.
    bool init(const std::filesystem::path& shaderDir, std::string& message);
    void release();
    // The program runs and the fonts have SDF faces: text can be drawn here.
    bool ready() const;
    // The halo's softness, px (the palette's label_halo_softness at the content's scale).
    void setHaloSoftness(float px) { m_softness = px; }

    // Call once per frame before adding text.
    void newFrame();
    // A box in screen pixels: what a draw covers.
    struct Box {
        glm::vec2 lo{0.0f}, hi{0.0f};
        bool empty() const { return !(hi.x > lo.x && hi.y > lo.y); }
    };
    // Adds `text`'s glyph quads; the pixels they cover, halo included.
    Box add(const geo::draw::Text& text);
    std::uint32_t indexCount() const { return static_cast<std::uint32_t>(m_indices.size()); }
    std::size_t vertexCount() const { return m_vertices.size(); }
    // Whether text with a halo was added since the last call (a batch's halo pass is drawn only then).
    bool takeHalo() { return std::exchange(m_halo, false); }
    // Draws indices [first, first + count) into the bound framebuffer (blending premultiplied):
    // the halos first when `halo`, then the glyphs.
    void draw(std::uint32_t first, std::uint32_t count, bool halo, glm::vec2 origin, glm::vec2 size);

private:
    struct Vertex {
        float x, y;
        float u, v;
        std::uint32_t ink, halo; // RGBA bytes
        float p[4];
    };
    void upload();

    const FontSet& m_fonts;
    GlProgram m_program;
    GlStream m_stream;
    GLuint m_texture = 0;
    unsigned m_textureGeneration = 0;
    glm::ivec2 m_textureSize{0};
    float m_softness = 1.0f;
    std::vector<Vertex> m_vertices;
    std::vector<std::uint32_t> m_indices;
    bool m_halo = false;
};

} // namespace app
