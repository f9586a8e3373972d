#include "text/imgui_text.hpp"

#include "text/font_set.hpp"

#include <geo/view/text_measure.hpp>

#include <algorithm>

namespace app {

void wrapped(const std::string& text) {
    const float width = std::max(ImGui::GetContentRegionAvail().x, 40.0f);
    const FontMeasure measure(ImGui::GetFont());
    for (std::string_view line : geo::wrapLines(measure, geo::FontRole::Ui, geo::Face::Interface, text, width))
        ImGui::TextUnformatted(line.data(), line.data() + line.size());
}

void wrappedColoured(const ImVec4& colour, const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    wrapped(text);
    ImGui::PopStyleColor();
}

} // namespace app
