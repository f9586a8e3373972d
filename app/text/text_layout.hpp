#pragma once
// Text on the map and in panels: line breaking that understands Chinese and Japanese
// (ImGui wraps only at spaces), and labels with a halo that stays legible over any fill.

#include <glm/vec2.hpp>
#include <imgui.h>

#include <cmath>
#include <string>
#include <string_view>
#include <vector>

namespace app {

// Splits text into lines no wider than `width` pixels: at spaces, at line feeds, and
// between CJK characters, never starting a line with closing punctuation (simplified kinsoku).
std::vector<std::string_view> wrapLines(const ImFont* font, float size, std::string_view text, float width);

// ImGui text wrapped to the available width with wrapLines.
void wrapped(const std::string& text);
void wrappedColoured(const ImVec4& colour, const std::string& text);

// Text with a light halo (8 offset copies), drawn to `dl`.
void haloText(ImDrawList* dl, ImFont* font, float size, ImVec2 p, const std::string& text, float halo,
              ImU32 ink = IM_COL32(25, 35, 45, 255), ImU32 haloColour = IM_COL32(255, 255, 255, 235));

inline bool isFinite(glm::dvec2 p) { return std::isfinite(p.x) && std::isfinite(p.y); }
inline ImVec2 toIm(glm::dvec2 p) { return ImVec2(static_cast<float>(p.x), static_cast<float>(p.y)); }

} // namespace app
