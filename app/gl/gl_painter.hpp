#pragma once
// The GL painter: a display list's lines (partnership arcs, trip routes), marker discs and
// covers drawn with a GL program of our own (shaders/content.*) instead of ImGui's
// anti-aliased polylines and circles: a line is one strip of two triangles per segment
// whatever its casing and dashes (ImGui made six per segment and layer, and a polyline per
// dash), a marker one square; the casing, the dashes and a marker's rings are composited in
// the fragment shader, so every pixel is filled once instead of once per layer, with no
// texture lookup. Text is drawn by GlText (gl/gl_text.hpp) from signed distance fields, glyph
// and halo in one quad per glyph. Everything else (badges' boxes, arrows) it paints as the
// ImGui painter does; text too when the text program or the CJK font is missing.
//
// What it collects between two ImGui items is drawn at that point of the draw list's order,
// through a callback: panels stay above it, what ImGui drew before stays below. When the
// program cannot be built (no GLSL 3.30, a broken shader file, --no-shaders), ready() is
// false and the viewer paints with the ImGui painter instead.

#include "content/painter.hpp"
#include "gl/gl_program.hpp"
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
    void line(const geo::draw::Line& line);
    void disc(const geo::draw::Disc& disc);
    // An opaque rectangle, drawn without blending: llvmpipe then drops everything drawn
    // before it in the screen tiles it covers whole. A batch of its own.
    void opaqueRect(ImVec2 lo, ImVec2 hi, ImU32 colour, ImDrawList* dl);
    // Draws what was collected since the last flush at this point of `dl`'s order.
    void flush(ImDrawList* dl, bool opaque = false);
    static void drawCallback(const ImDrawList* list, const ImDrawCmd* cmd);
    void drawBatch(const Batch& batch);
    void drawRange(std::uint32_t first, std::uint32_t count, bool opaque, glm::vec2 origin, glm::vec2 size);

    GlProgram m_program;
    GLuint m_vbo = 0, m_ebo = 0;
    std::vector<Vertex> m_vertices;
    std::vector<std::uint32_t> m_indices;
    std::deque<Batch> m_batches; // stable addresses: the draw list's callbacks point at them
    std::uint32_t m_batchStart = 0; // first index of the batch being built
    std::uint32_t m_textStart = 0;  // the same in m_text's indices
    GlText m_text;
    bool m_uploaded = false;
};

} // namespace app
