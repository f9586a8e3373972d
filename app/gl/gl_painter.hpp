#pragma once
// The GL painter: a display list's shapes (partnership arcs, trip routes, marker discs and
// rings, badges' and callouts' boxes, arrowheads, covers) drawn with a GL program of our own
// (shaders/content.*) instead of ImGui's anti-aliased polylines and circles: a line is one
// strip of two triangles per segment whatever its casing and dashes (ImGui made six per
// segment and layer, and a polyline per dash), with the vertices that move no pixel dropped;
// a marker, ring or box one square; the casing, the dashes, a marker's rings and a box's
// rounded corners and outline are composited in the fragment shader, so every pixel is filled
// once instead of once per layer, with no texture lookup. Text is drawn by GlText
// (gl/gl_text.hpp) from signed distance fields, glyph and halo in one quad per glyph. The
// spotlight's shade it paints as the ImGui painter does; text too when the text program or
// the CJK font is missing.
//
// Shapes and text are each collected into one batch and drawn in one go, the text over the
// shapes: a shape that comes after text it would cover (by their boxes) ends the batch, so
// what overlaps keeps the list's order and a frame's content is a handful of draws, not one
// per switch between a marker and its label. A batch is drawn at its point of the draw
// list's order, through a callback: panels stay above it, what ImGui drew before stays below.
// When the program cannot be built (no GLSL 3.30, a broken shader file, --no-shaders),
// ready() is false and the viewer paints with the ImGui painter instead.

#include "content/painter.hpp"
#include "gl/gl_program.hpp"
#include "gl/gl_stream.hpp"
#include "gl/gl_text.hpp"

#include <epoxy/gl.h>
#include <imgui.h>

#include <cstdint>
#include <deque>
#include <filesystem>
#include <string>
#include <vector>

namespace app {

class GlPainter : public ImGuiPainter {
public:
    explicit GlPainter(const FontSet& fonts) : ImGuiPainter(fonts), m_text(fonts) {}
    ~GlPainter() override;
    GlPainter(const GlPainter&) = delete;
    GlPainter& operator=(const GlPainter&) = delete;

    // Builds the program and buffers (GL context current). `message`: why not, if it failed.
    // `sdfText` false: the text program is not built, text is drawn as the ImGui painter does.
    bool init(const std::filesystem::path& shaderDir, std::string& message, bool sdfText = true);
    // Frees the GL objects (GL context current).
    void release();
    bool ready() const { return m_program.valid(); }
    // The map's text is drawn from signed distance fields (else with ImGui's bitmaps).
    bool textReady() const { return ready() && m_text.ready(); }
    // The halo's softness, px.
    void setHaloSoftness(float px) { m_text.setHaloSoftness(px); }

    // Call once per ImGui frame before painting (after ImGui::NewFrame).
    void newFrame();
    void paint(const geo::DisplayList& list, ImDrawList* drawList) override;

    // Draws `list`'s lines and discs at once into the bound framebuffer of `display` pixels
    // (with the map, before the interface's frame: into the map's copy). Other items are left out.
    void drawNow(const geo::DisplayList& list, glm::vec2 display);

    // Vertices of this frame (for the benchmark).
    std::size_t vertexCount() const { return m_vertices.size() + m_text.vertexCount(); }
    // GL draws of this frame's batches (a text batch with halos is two).
    std::size_t drawCount() const {
        std::size_t n = 0;
        for (const Batch& b : m_batches) n += b.text && b.halo ? 2 : 1;
        return n;
    }

private:
    struct Vertex {
        float x, y;
        float u, v;
        ImU32 colour, casing, rim;
        float p[4];
        float mode;
    };
    struct Batch {
        GlPainter* painter = nullptr;
        std::uint32_t firstIndex = 0, count = 0;
        bool opaque = false;
        bool text = false; // indices of m_text's, not of this painter's
        bool halo = false; // text: some of it has a halo
    };
    // Each shape first draws the text collected since the last flush that it would cover.
    void line(const geo::draw::Line& line, ImDrawList* dl);
    void disc(const geo::draw::Disc& disc, ImDrawList* dl);
    void circle(const geo::draw::Circle& circle, ImDrawList* dl);
    void rect(const geo::draw::Rect& rect, ImDrawList* dl);
    void arrow(const geo::draw::Arrow& arrow, ImDrawList* dl);
    // A quad over [lo, hi] with `style`'s colours and parameters, `local` its corners' a_local.
    void quad(glm::vec2 lo, glm::vec2 hi, glm::vec2 localLo, glm::vec2 localHi, const Vertex& style);
    // A shape over [lo, hi] is about to be added: text collected that it overlaps is drawn first.
    void beforeShape(glm::vec2 lo, glm::vec2 hi, ImDrawList* dl);
    // An opaque rectangle, drawn without blending: llvmpipe then drops everything drawn
    // before it in the screen tiles it covers whole. A batch of its own.
    void opaqueRect(ImVec2 lo, ImVec2 hi, ImU32 colour, ImDrawList* dl);
    // Draws what was collected since the last flush at this point of `dl`'s order.
    void flush(ImDrawList* dl, bool opaque = false);
    static void drawCallback(const ImDrawList* list, const ImDrawCmd* cmd);
    void drawBatch(const Batch& batch);
    void drawRange(std::uint32_t first, std::uint32_t count, bool opaque, glm::vec2 origin, glm::vec2 size);

    GlProgram m_program;
    GlStream m_stream;
    std::vector<Vertex> m_vertices;
    std::vector<std::uint32_t> m_indices;
    std::deque<Batch> m_batches; // stable addresses: the draw list's callbacks point at them
    std::uint32_t m_batchStart = 0; // first index of the batch being built
    std::uint32_t m_textStart = 0;  // the same in m_text's indices
    std::vector<GlText::Box> m_textBoxes; // the text collected since the last flush
    GlText m_text;
};

} // namespace app
