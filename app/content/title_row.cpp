#include "content/title_row.hpp"

#include "text/font_set.hpp"

#include <geo/view/text_measure.hpp>

#include <imgui_internal.h>

namespace app {

namespace {

constexpr const char* kEllipsis = "\xE2\x80\xA6"; // "…": baked, so that ImGui ends a cut title with it, not with three dots

} // namespace

bool titleRow(FontSet& fonts, const std::string& title, bool selected, const std::string& tooltip) {
    fonts.require(title);
    fonts.require(kEllipsis);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float right = at.x + ImGui::GetContentRegionAvail().x;
    const char* begin = title.c_str();
    const char* end = begin + title.size();
    const ImVec2 size = ImGui::CalcTextSize(begin, end);
    // The row is the selectable (its label hidden); the title is drawn over it, cut at the edge.
    const bool clicked = ImGui::Selectable("##title", selected);
    ImGui::RenderTextEllipsis(ImGui::GetWindowDrawList(), at, ImVec2(right, at.y + size.y), right, right, begin, end, &size);
    const bool cut = at.x + size.x > right;
    if (ImGui::IsItemHovered() && (cut || !tooltip.empty())) {
        const std::string& full = tooltip.empty() ? title : tooltip;
        fonts.require(full);
        wrappedTooltip(full, fonts.uiScale());
    }
    return clicked;
}

void wrappedTooltip(const std::string& text, float scale) {
    ImGui::BeginTooltip();
    const FontMeasure measure(ImGui::GetFont());
    for (std::string_view line : geo::wrapLines(measure, geo::FontRole::Ui, geo::Face::Interface, text, 480.0f * scale))
        ImGui::TextUnformatted(line.data(), line.data() + line.size());
    ImGui::EndTooltip();
}

} // namespace app
