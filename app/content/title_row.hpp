#pragma once
// A sidebar row whose title is a single line: cut with "…" at the panel's edge when it is
// too long (ImGui's own RenderTextEllipsis), the whole title in a tooltip on hover.

#include <imgui.h>

#include <string>

namespace app {

class FontSet;

// A selectable row spanning the width left on the line, showing `title` in the current font
// and text colour, ending in "…" where it does not fit. Hovered, it shows a tooltip: `tooltip`
// when given, else the whole title when it was cut. True when clicked.
bool titleRow(FontSet& fonts, const std::string& title, bool selected, const std::string& tooltip = {});

// A tooltip of `text`, wrapped (as Chinese and Japanese need) at 480 px × `scale`.
void wrappedTooltip(const std::string& text, float scale);

} // namespace app
