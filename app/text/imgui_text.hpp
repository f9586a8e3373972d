#pragma once
// Text in ImGui panels wrapped as Chinese and Japanese need (geo::wrapLines: ImGui wraps only
// at spaces, so a paragraph of Chinese is one "word" to it).

#include <imgui.h>

#include <string>

namespace app {

// ImGui text in the current font, wrapped to the available width.
void wrapped(const std::string& text);
void wrappedColoured(const ImVec4& colour, const std::string& text);

} // namespace app
