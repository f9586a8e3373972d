#include "content/overlay.hpp"

#include "content/painter.hpp"
#include "text/font_set.hpp"

#include <geo/base/format.hpp>
#include <geo/base/projection.hpp>

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace app {

namespace {

constexpr float kScaleBarMax = 180.0f; // px at scale 1: the longest scale bar

std::string attributionText(const geo::BaseMap& map) {
    std::string attribution;
    for (const auto& a : map.attributions()) attribution += (attribution.empty() ? "" : " · ") + a;
    return attribution;
}

void scaleBar(const OverlayInput& in, ImDrawList* dl, float margin, float scale) {
    const ImU32 kPanel = toImGui(in.palette.interface.overlay), kInk = toImGui(in.palette.map.ink);
    const glm::dvec2 vp = in.camera.viewport();
    // Ground metres per pixel at the screen centre: map metres divided by the projection's scale factor there.
    const glm::dvec2 centreLonLat = in.projection.inverse(in.camera.center());
    if (!std::isfinite(centreLonLat.y)) return;
    const double k = in.projection.scaleFactor(centreLonLat.y);
    const double groundMpp = in.camera.metersPerPixel() / k;
    const double maxPx = static_cast<double>(kScaleBarMax * scale);
    const double length = geo::niceScaleLength(groundMpp * maxPx);
    const auto px = static_cast<float>(length / groundMpp);
    const std::string label = geo::formatDistance(length);
    const ImVec2 textSize = ImGui::CalcTextSize(label.c_str());
    const float x0 = margin, y1 = static_cast<float>(vp.y) - margin;
    const float h = 6.0f * scale;
    dl->AddRectFilled(ImVec2(x0 - 8 * scale, y1 - h - textSize.y - 12 * scale), ImVec2(x0 + px + 8 * scale, y1 + 4 * scale), kPanel,
                      4.0f * scale);
    // Alternating black/white bar: readable on any background.
    dl->AddRectFilled(ImVec2(x0, y1 - h), ImVec2(x0 + px / 2, y1), kInk);
    dl->AddRectFilled(ImVec2(x0 + px / 2, y1 - h), ImVec2(x0 + px, y1), toImGui(in.palette.map.paper));
    dl->AddRect(ImVec2(x0, y1 - h), ImVec2(x0 + px, y1), kInk, 0, 0, 1.5f * scale);
    dl->AddText(ImVec2(x0 + px / 2 - textSize.x / 2, y1 - h - textSize.y - 4 * scale), kInk, label.c_str());
}

} // namespace

std::vector<geo::ScreenBox> overlayBoxes(const geo::BaseMap& map, glm::vec2 display, const FontSet& fonts) {
    const float s = fonts.uiScale(), margin = 14.0f * s;
    auto box = [](float x0, float y0, float x1, float y1) {
        return geo::ScreenBox{{static_cast<double>(x0), static_cast<double>(y0)}, {static_cast<double>(x1), static_cast<double>(y1)}};
    };
    std::vector<geo::ScreenBox> boxes;
    const float line = fonts.size(geo::FontRole::Ui, geo::Face::Interface);
    // The scale bar (see scaleBar): its panel at the longest bar.
    const float x0 = margin + 8 * s, y1 = display.y - margin - 8 * s;
    boxes.push_back(box(x0 - 8 * s, y1 - 6 * s - line - 12 * s, x0 + kScaleBarMax * s + 8 * s, y1 + 4 * s));
    // The attribution, wrapped as drawOverlay wraps it.
    if (const std::string text = attributionText(map); !text.empty()) {
        const float wrap = std::min(display.x * 0.6f, 900.0f * s);
        const glm::vec2 size = fonts.measure(text, geo::FontRole::Ui, geo::Face::Interface);
        const float w = std::min(size.x, wrap), h = size.y * std::ceil(std::max(size.x, 1.0f) / std::max(wrap, 1.0f));
        const float px = display.x - w - margin, py = display.y - h - margin * 0.6f;
        boxes.push_back(box(px - 6 * s, py - 3 * s, px + w + 6 * s, py + h + 3 * s));
    }
    return boxes;
}

void drawOverlay(const OverlayInput& in, geo::MapView& view, OverlayState& state) {
    const geo::BaseMap& map = in.map;
    const ImU32 kPanel = toImGui(in.palette.interface.overlay), kInk = toImGui(in.palette.map.ink);
    const float s = in.fonts.uiScale();
    const ImGuiIO& io = ImGui::GetIO();
    const float margin = 14.0f * s;
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    ImGui::PushFont(in.fonts.ui());

    // Attribution, bottom right, always.
    const std::string attribution = attributionText(map);
    if (!attribution.empty()) {
        in.fonts.require(attribution);
        const float wrap = std::min(io.DisplaySize.x * 0.6f, 900.0f * s);
        const ImVec2 size = ImGui::CalcTextSize(attribution.c_str(), nullptr, false, wrap);
        const ImVec2 p(io.DisplaySize.x - size.x - margin, io.DisplaySize.y - size.y - margin * 0.6f);
        dl->AddRectFilled(ImVec2(p.x - 6 * s, p.y - 3 * s), ImVec2(p.x + size.x + 6 * s, p.y + size.y + 3 * s), kPanel, 3 * s);
        dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), p, kInk, attribution.c_str(), nullptr, wrap);
    }

    scaleBar(in, dl, margin + 8 * s, s);

    // Cursor position, above the scale bar.
    if (in.cursor) {
        const glm::dvec2 ll = in.projection.inverse(in.camera.screenToWorld(*in.cursor));
        if (std::isfinite(ll.x)) {
            const std::string text = geo::formatLonLat(ll);
            const ImVec2 size = ImGui::CalcTextSize(text.c_str());
            const ImVec2 p(margin + 8 * s, io.DisplaySize.y - margin - 6 * s - 2 * size.y - 26 * s);
            dl->AddRectFilled(ImVec2(p.x - 8 * s, p.y - 3 * s), ImVec2(p.x + size.x + 8 * s, p.y + size.y + 3 * s), kPanel, 3 * s);
            dl->AddText(p, kInk, text.c_str());
        }
    }

    // Messages about the files: shown in the window, not only on stderr. Its size is worked out
    // here rather than by ImGui's auto-fit, which hides a new window for a frame to measure it:
    // a screenshot shows the messages on its first frame.
    if (!in.messages.empty() && state.showMessages) {
        std::size_t errors = 0;
        for (const auto& d : in.messages) errors += d.severity == geo::Severity::Error;
        const std::string e = std::to_string(errors), o = std::to_string(in.messages.size() - errors);
        const std::string titleText = in.language == geo::Language::Zh   ? "訊息：" + e + " 個錯誤、" + o + " 個其他（M 隱藏）###messages"
                                      : in.language == geo::Language::Ja ? "メッセージ：エラー " + e + " 件、その他 " + o + " 件（M で隠す）###messages"
                                                                         : "Messages: " + e + " error(s), " + o + " other (M hides)###messages";
        in.fonts.require(titleText);
        const ImGuiStyle& style = ImGui::GetStyle();
        const float wrap = std::min(740.0f * s, io.DisplaySize.x * 0.68f);
        const float maxWidth = std::min(760.0f * s, io.DisplaySize.x * 0.7f), maxHeight = io.DisplaySize.y * 0.5f;
        std::vector<std::string> lines;
        float textWidth = ImGui::CalcTextSize(titleText.c_str(), titleText.c_str() + titleText.find("###")).x + style.FramePadding.x * 2 +
                          ImGui::GetFontSize() + style.ItemInnerSpacing.x; // the title, its close button
        float textHeight = 0;
        for (const auto& d : in.messages) {
            lines.push_back(d.format());
            in.fonts.require(lines.back());
            const ImVec2 size = ImGui::CalcTextSize(lines.back().c_str(), nullptr, false, wrap - style.WindowPadding.x);
            textWidth = std::max(textWidth, size.x);
            textHeight += size.y + (textHeight > 0 ? style.ItemSpacing.y : 0.0f);
        }
        const ImVec2 size(std::clamp(textWidth + style.WindowPadding.x * 2, 200.0f * s, maxWidth),
                          std::min(textHeight + style.WindowPadding.y * 2 + ImGui::GetFrameHeight(), maxHeight));
        // Top centre: the sidebar owns the left side and the notes panel the right.
        ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, margin), ImGuiCond_Always, ImVec2(0.5f, 0.0f));
        ImGui::SetNextWindowSize(size, ImGuiCond_Always);
        ImGui::SetNextWindowBgAlpha(0.94f);
        // Its title looks the same whether ImGui has given it the focus yet or not.
        ImGui::PushStyleColor(ImGuiCol_TitleBg, ImGui::GetStyleColorVec4(ImGuiCol_TitleBgActive));
        const bool open = ImGui::Begin(titleText.c_str(), &state.showMessages, ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoResize);
        ImGui::PopStyleColor();
        if (open) {
            ImGui::PushTextWrapPos(wrap);
            for (std::size_t i = 0; i < lines.size(); ++i) {
                const geo::Severity severity = in.messages[i].severity;
                const geo::Color colour = severity == geo::Severity::Error     ? in.palette.interface.error
                                          : severity == geo::Severity::Warning ? in.palette.interface.warning
                                                                               : in.palette.interface.info;
                ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(toImGui(colour)));
                ImGui::TextUnformatted(lines[i].c_str());
                ImGui::PopStyleColor();
            }
            ImGui::PopTextWrapPos();
        }
        ImGui::End();
    }

    // Layer switches (L), top left.
    if (state.showLayers) {
        ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, margin), ImGuiCond_FirstUseEver, ImVec2(0.5f, 0.0f));
        if (ImGui::Begin("Layers", &state.showLayers, ImGuiWindowFlags_AlwaysAutoResize)) {
            for (const geo::MapLayer& layer : map.layers) {
                in.fonts.require(layer.spec.id);
                bool on = view.visible(layer);
                if (ImGui::Checkbox(layer.spec.id.c_str(), &on)) view.setVisible(layer, on);
            }
        }
        ImGui::End();
    }

    if (state.showHelp) {
        ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
        static constexpr const char* kHelp[3] = {
            "拖曳：移動    滾輪：以游標為中心縮放\n"
            "方向鍵：移動    + / -：縮放    Home：臺灣與九州\n"
            "Tab：側欄    Space：播放／暫停行程    Esc：關閉說明\n"
            "P 或 F5：簡報模式（PageDown／PageUp 切換步驟，B 黑畫面，O 講者資訊）\n"
            "Ctrl+= / Ctrl+-：介面放大／縮小    Ctrl+0：原始大小\n"
            "F11：全螢幕    L：圖層    M：訊息    F1：本說明    Ctrl+Q：結束\n"
            "簡報時：L 雷射筆　S 聚光燈　D 畫筆　H 螢光筆　C 顏色　U 復原　X 清除　K 存入簡報\n"
            "　　　　Shift＋拖曳 框選放大　Z 返回步驟　W 講者視窗（單一螢幕）",
            "ドラッグ：移動    ホイール：カーソル位置でズーム\n"
            "矢印キー：移動    + / -：ズーム    Home：台湾と九州\n"
            "Tab：サイドバー    Space：日程の再生／一時停止    Esc：メモを閉じる\n"
            "P または F5：プレゼン（PageDown／PageUp で移動、B 黒画面、O 発表者情報）\n"
            "Ctrl+= / Ctrl+-：表示の拡大／縮小    Ctrl+0：元の大きさ\n"
            "F11：全画面    L：レイヤー    M：メッセージ    F1：このヘルプ    Ctrl+Q：終了\n"
            "プレゼン中：L レーザー　S スポットライト　D ペン　H 蛍光ペン　C 色　U 元に戻す　X 消去　K 保存\n"
            "　　　　　Shift＋ドラッグ 範囲ズーム　Z ステップに戻る　W 発表者ウィンドウ（1画面）",
            "Drag: pan    Wheel: zoom at the pointer\n"
            "Arrows: pan    + / -: zoom    Home: Taiwan and Kyushu\n"
            "Tab: sidebar    Space: play / pause the trip    Esc: close the notes\n"
            "P or F5: present a story (PageDown / PageUp steps, B black screen, O presenter overlay)\n"
            "Ctrl+= / Ctrl+-: interface larger / smaller    Ctrl+0: 1x\n"
            "F11: full screen    L: layers    M: messages    F1: this help    Ctrl+Q: quit\n"
            "Presenting: L laser  S spotlight  D pen  H highlighter  C colour  U undo  X clear  K keep in the briefing\n"
            "            Shift+drag zoom box  Z back to the step  W presenter window (one display)"};
        const char* help = kHelp[in.language == geo::Language::Zh ? 0 : in.language == geo::Language::Ja ? 1 : 2];
        in.fonts.require(help);
        if (ImGui::Begin("Keys###keys", &state.showHelp, ImGuiWindowFlags_AlwaysAutoResize)) ImGui::TextUnformatted(help);
        ImGui::End();
    }
    ImGui::PopFont();
}

} // namespace app
