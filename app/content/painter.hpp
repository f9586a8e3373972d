#pragma once
// Painters: a display list (geo/view/display_list.hpp) onto the screen, in its order, into an
// ImGui draw list (the background one under every panel, or the foreground one above them).
// Layout in geo/ decides what goes where; a painter only paints. As libosmscout's MapPainter
// has one backend per output, ktmap has two: the ImGui painter draws everything with ImGui's
// shapes and text (where GLSL 3.30 is missing); the GL painter (gl/gl_painter.hpp) draws the
// lines, markers and covers with a GL program of its own and the rest as the ImGui painter does.

#include <geo/view/display_list.hpp>

#include <imgui.h>

namespace app {

class FontSet;

inline ImU32 toImGui(geo::Color c) { return IM_COL32(c.r, c.g, c.b, c.a); }
inline ImVec2 toImGui(glm::vec2 p) { return ImVec2(p.x, p.y); }

class Painter {
public:
    virtual ~Painter() = default;
    // Paints `list` into `drawList` (between ImGui::NewFrame and ImGui::Render).
    virtual void paint(const geo::DisplayList& list, ImDrawList* drawList) = 0;
};

class ImGuiPainter : public Painter {
public:
    explicit ImGuiPainter(const FontSet& fonts) : m_fonts(fonts) {}
    void paint(const geo::DisplayList& list, ImDrawList* drawList) override;

protected:
    // One item with ImGui's shapes and text.
    void paintItem(const geo::DisplayItem& item, ImDrawList* drawList);

private:
    const FontSet& m_fonts;
};

} // namespace app
