#include "gl/panel_cache.hpp"

#include <catch2/catch.hpp>

#include <imgui.h>

namespace {

// An ImGui context for draw lists (no frame, no GL).
struct Context {
    Context() : ctx(ImGui::CreateContext()) {}
    ~Context() { ImGui::DestroyContext(ctx); }
    ImGuiContext* ctx;
};

void panel(ImDrawList& dl, float x, ImU32 colour = IM_COL32(20, 40, 60, 255)) {
    dl._ResetForNewFrame();
    dl.PushClipRect(ImVec2(0, 0), ImVec2(400, 900));
    dl.AddRectFilled(ImVec2(x, 10), ImVec2(x + 100, 30), colour);
    dl.AddLine(ImVec2(x, 40), ImVec2(x + 80, 60), IM_COL32(200, 0, 0, 255), 2.0f);
    dl.PopClipRect();
}

app::DrawListSnapshot snapshot(const ImDrawList& dl) {
    app::DrawListSnapshot s;
    s.addList(dl);
    return s;
}

} // namespace

TEST_CASE("the same draw list gives the same snapshot; any change to what it draws gives another", "[panel-cache]") {
    Context context;
    ImDrawList a(ImGui::GetDrawListSharedData()), b(ImGui::GetDrawListSharedData());
    panel(a, 10);
    panel(b, 10);
    CHECK(snapshot(a).bytes == snapshot(b).bytes);
    CHECK_FALSE(snapshot(a).hasCallback);

    panel(b, 10.25f); // moved by a quarter pixel
    CHECK(snapshot(a).bytes != snapshot(b).bytes);
    panel(b, 10, IM_COL32(20, 40, 61, 255)); // one colour one step apart
    CHECK(snapshot(a).bytes != snapshot(b).bytes);

    // The same vertices under another clip rectangle draw other pixels.
    panel(b, 10);
    b.CmdBuffer[0].ClipRect.z = 300;
    CHECK(snapshot(a).bytes != snapshot(b).bytes);
    panel(b, 10);
    b.CmdBuffer[0].TextureId = reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(7));
    CHECK(snapshot(a).bytes != snapshot(b).bytes);
}

TEST_CASE("a draw list with a user callback is marked: the comparison cannot see what the callback draws", "[panel-cache]") {
    Context context;
    ImDrawList dl(ImGui::GetDrawListSharedData());
    panel(dl, 10);
    dl.AddCallback([](const ImDrawList*, const ImDrawCmd*) {}, nullptr);
    CHECK(snapshot(dl).hasCallback);
}

TEST_CASE("the panel's draw lists are its window's and its child windows'", "[panel-cache]") {
    Context context;
    ImDrawList dl(ImGui::GetDrawListSharedData());
    dl._OwnerName = "Taiwan–Kyushu cooperation briefing###sidebar";
    CHECK(app::ownedByPanel(dl, "###sidebar"));
    dl._OwnerName = "Taiwan–Kyushu cooperation briefing###sidebar/notes_1A2B3C4D";
    CHECK(app::ownedByPanel(dl, "###sidebar"));
    dl._OwnerName = "##Tooltip_00";
    CHECK_FALSE(app::ownedByPanel(dl, "###sidebar"));
    dl._OwnerName = nullptr;
    CHECK_FALSE(app::ownedByPanel(dl, "###sidebar"));
    CHECK_FALSE(app::ownedByPanel(dl, ""));
}

TEST_CASE("what lies above the sidebar is known to touch it or not, triangle by triangle", "[panel-cache]") {
    Context context;
    ImDrawList dl(ImGui::GetDrawListSharedData());
    const ImVec2 lo(10, 10), hi(400, 900); // the panel
    auto fresh = [&](ImVec2 clipLo = ImVec2(0, 0), ImVec2 clipHi = ImVec2(1920, 1080)) {
        dl._ResetForNewFrame();
        dl.PushClipRect(clipLo, clipHi);
    };
    fresh();
    dl.AddRectFilled(ImVec2(1500, 1000), ImVec2(1900, 1060), IM_COL32(0, 0, 0, 255)); // the attribution's corner
    CHECK_FALSE(app::overlaps(dl, lo, hi));
    fresh();
    dl.AddRectFilled(ImVec2(390, 500), ImVec2(600, 560), IM_COL32(0, 0, 0, 255)); // a tooltip over its edge
    CHECK(app::overlaps(dl, lo, hi));
    fresh();
    dl.AddRectFilled(ImVec2(0, 0), ImVec2(1920, 1080), IM_COL32(0, 0, 0, 255)); // every corner outside it, yet over it all
    CHECK(app::overlaps(dl, lo, hi));
    fresh(ImVec2(800, 0), ImVec2(1920, 1080)); // the same, clipped to the right of it
    dl.AddRectFilled(ImVec2(0, 0), ImVec2(1920, 1080), IM_COL32(0, 0, 0, 255));
    CHECK_FALSE(app::overlaps(dl, lo, hi));
    fresh();
    dl.AddRectFilled(ImVec2(400, 100), ImVec2(500, 200), IM_COL32(0, 0, 0, 255)); // touching its edge only
    CHECK_FALSE(app::overlaps(dl, lo, hi));
    fresh();
    dl.AddCallback([](const ImDrawList*, const ImDrawCmd*) {}, nullptr); // draws who knows what
    dl.AddRectFilled(ImVec2(1500, 1000), ImVec2(1900, 1060), IM_COL32(0, 0, 0, 255));
    CHECK(app::overlaps(dl, lo, hi));
}
