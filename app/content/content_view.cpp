#include "content/content_view.hpp"

#include "content/overlay.hpp"
#include "text/font_set.hpp"

namespace app {

ImVec4 toImGuiColour(geo::Color c) { return ImGui::ColorConvertU32ToFloat4(IM_COL32(c.r, c.g, c.b, c.a)); }

geo::PanelLayout ContentView::panels(glm::vec2 display, float uiScale) const {
    geo::PanelInput in;
    in.display = display;
    in.contentScale = contentScale(uiScale);
    in.fontScale = uiScale;
    in.presenting = state.presenting;
    in.sidebar = state.sidebar;
    in.notes = state.notesOpen();
    return geo::layoutPanels(in);
}

geo::ContentLayout ContentView::layout(const geo::MapDocument& document, const geo::Camera& camera, const geo::Projection& projection,
                                       const geo::Palette& palette, const FontSet& fonts, float uiScale,
                                       const std::vector<geo::ScreenBox>& blocked, std::optional<glm::dvec2> cursor) const {
    const glm::dvec2 vp = camera.viewport();
    const glm::vec2 display(static_cast<float>(vp.x), static_cast<float>(vp.y));
    const geo::ContentLayoutInput in{document.briefing(),       document.scene(), state,  camera,
                                     projection,                palette,          fonts,  contentScale(uiScale),
                                     panels(display, uiScale),  blocked,          cursor, overlayBoxes(document.map(), display, fonts),
                                     &document.map().places};
    return geo::layoutContent(in);
}

void ContentView::drawPanels(const PanelContext& ctx) {
    drawTooltip(ctx);
    drawNotes(ctx);
    if (state.sidebar && !state.presenting) drawSidebar(ctx);
}

void ContentView::request(std::optional<geo::FrameRequest> frame) {
    if (frame && !frame->box.empty()) m_frame = frame;
}

void ContentView::openSite(const PanelContext& ctx, const std::string& id, bool frame) {
    const geo::Briefing& b = ctx.document.briefing();
    if (!geo::select(state, b, id)) return;
    if (frame)
        if (const geo::Site* site = b.findSite(id)) request(geo::siteFrame(b, ctx.document.scene(), *site));
}

void ContentView::openPartnership(const PanelContext& ctx, const std::string& id) {
    if (geo::select(state, ctx.document.briefing(), id)) request(geo::selectionFrame(state, ctx.document.briefing(), ctx.document.scene()));
}

std::optional<geo::FrameRequest> ContentView::takeFrameRequest() {
    auto r = m_frame;
    m_frame.reset();
    return r;
}

std::optional<std::string> ContentView::takePresentRequest() {
    auto r = m_present;
    m_present.reset();
    return r;
}

} // namespace app
