#pragma once
// The content's lines (partnership arcs, trip routes) and marker discs, drawn with a GL
// program of our own (shaders/content.*) instead of ImGui's anti-aliased polylines and
// circles: a line is one strip of two triangles per segment whatever its casing and dashes
// (ImGui made six per segment and layer, and a polyline per dash), a marker one square;
// the casing, the dashes and a marker's rings are composited in the fragment shader, so
// every pixel is filled once instead of once per layer, with no texture lookup.
//
// What is added between two flush() calls is drawn at that point of ImGui's draw order,
// through a callback in the draw list: panels stay above it, ImGui content drawn before
// the flush stays below. When the program cannot be built (no GLSL 3.30, a broken
// shader file, --no-shaders), active() is false and callers draw with ImGui as before.

#include <epoxy/gl.h>
#include <imgui.h>

#include "gl/gl_program.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace app {

struct LineStyle {
    ImU32 colour = 0;
    float width = 0.0f;        // pixels
    ImU32 casing = 0;          // under the line; alpha 0: none
    float casingWidth = 0.0f;  // pixels, the whole casing
    float dash = 0.0f;         // pixels on; 0: solid
    float gap = 0.0f;          // pixels off
    bool casingDashed = false; // the casing has the dashes too (else it runs under the gaps)
};

// A site marker: a fill inside a white ring inside a dark, translucent rim; `outerRadius`
// (0: none) adds an opaque ring of the rim's colour around it all.
struct DiscStyle {
    ImU32 fill = 0;
    float fillRadius = 0.0f;
    ImU32 ring = 0;
    float ringRadius = 0.0f;
    ImU32 rim = 0;
    float rimRadius = 0.0f;
    float outerRadius = 0.0f;
};

class ContentRenderer {
public:
    // The one the views draw through (its GL objects live with the map renderer's).
    static ContentRenderer& instance();

    // Builds the program and buffers (GL context current). `message`: why not, if it failed.
    void init(const std::filesystem::path& shaderDir, std::string& message);
    // Frees the GL objects (GL context current).
    void release();
    bool active() const { return m_program.valid(); }

    // A polyline in screen pixels, clipped to the screen box (map_draw's setClipBox);
    // dashes are measured from its first point plus `phase`.
    void line(const std::vector<ImVec2>& pts, const LineStyle& style, float phase = 0.0f);
    void disc(ImVec2 centre, const DiscStyle& style);
    // An opaque rectangle, drawn without blending: llvmpipe then drops everything drawn
    // before it in the screen tiles it covers whole (under a panel that hides them anyway).
    // It is a batch of its own: flush() first.
    void opaqueRect(ImVec2 lo, ImVec2 hi, ImU32 colour, ImDrawList* dl);
    // Inside an opaque window's Begin/End: an opaqueRect within it, at the end of the
    // background draw list (the window's own background is drawn over it: no pixel changes).
    void coverCurrentWindow();
    // A window's background (rounded at the bottom, under its title bar), opaque, at the end
    // of the background draw list, for a window that draws none itself (background alpha 0)
    // and lies below every other window (ImGuiWindowFlags_NoBringToFrontOnFocus).
    void windowBackground(ImVec2 pos, ImVec2 size, ImU32 colour);
    // Draws what was added since the last flush at this point of `dl`'s order.
    void flush(ImDrawList* dl);

    // Vertices and batches of this frame (for the benchmark).
    std::size_t vertexCount() const { return m_vertices.size(); }

private:
    struct Vertex {
        float x, y;
        float u, v;
        ImU32 colour, casing, rim;
        float p[4];
        float mode;
    };
    struct Batch {
        std::uint32_t firstIndex = 0, count = 0;
        bool opaque = false;
    };
    void startFrame();
    void addBatch(ImDrawList* dl, bool opaque);
    void run(const ImVec2* pts, std::size_t n, const LineStyle& style, float start);
    static void drawCallback(const ImDrawList* list, const ImDrawCmd* cmd);
    void drawBatch(std::size_t batch);

    GlProgram m_program;
    GLuint m_vbo = 0, m_ebo = 0;
    std::vector<Vertex> m_vertices;
    std::vector<std::uint32_t> m_indices;
    std::vector<Batch> m_batches;
    std::uint32_t m_batchStart = 0; // first index of the batch being built
    int m_frame = -1;               // the ImGui frame the data is for
    bool m_uploaded = false;
};

} // namespace app
