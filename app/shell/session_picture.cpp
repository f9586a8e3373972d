// Session: the presenter window's picture of the next story step.
#include "shell/session.hpp"

#include "gl/gl_copy.hpp"

#include <backends/imgui_impl_opengl3.h>
#include <epoxy/gl.h>
#include <imgui.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>

namespace app {

void Session::updateNextPicture() {
    if (!m_presentation.active() || !m_imguiReady || !m_document.hasContent()) {
        m_nextPictureShown = false;
        return;
    }
    const geo::Story* story = m_presentation.story(m_document.briefing());
    const std::size_t next = m_presentation.navigator().current() + 1;
    if (!story || next >= story->steps.size()) {
        m_nextPictureShown = false;
        return;
    }
    const std::pair<std::string, std::size_t> key{story->id, next};
    if (key == m_nextPictureOf && m_nextPicture.valid()) return;
    const auto t0 = std::chrono::steady_clock::now();

    // The projector's frame, at most 1920 wide (the presenter window shows it smaller).
    const glm::dvec2 display = camera().viewport();
    const double shrink = std::min(1.0, 1920.0 / std::max(display.x, 1.0));
    const glm::ivec2 size(std::max(16, static_cast<int>(display.x * shrink)), std::max(16, static_cast<int>(display.y * shrink)));
    if (!m_nextPicture.valid() || m_nextPicture.width() != size.x || m_nextPicture.height() != size.y) {
        if (!m_nextPicture.create(size.x, size.y, true)) {
            spdlog::warn("presenter window: no framebuffer for the next step's picture");
            m_nextPicture.release();
            glBindFramebuffer(GL_FRAMEBUFFER, 0);
            m_nextPictureShown = false;
            return;
        }
    }
    // The next step as presenting would show it: its highlights and framing, on a copy of the
    // view state (the loaded model and what is on screen do not change).
    const geo::StoryStep& step = story->steps[next];
    const geo::ContentState now = m_content.state;
    geo::ContentState shown = now;
    const auto request = geo::applyStep(shown, m_document.briefing(), m_document.scene(), m_projection, step);
    const geo::CameraView target = request ? geo::enclosingView(*request, display, padding(), static_cast<double>(m_uiScale))
                                           : m_view.destination(); // the step keeps the camera where the last one left it
    const geo::CameraView here{camera().center(), camera().metersPerPixel()};
    const float scale = m_uiScale * static_cast<float>(shrink);
    camera().setViewport(glm::dvec2(size));
    camera().setMetersPerPixel(target.metersPerPixel / shrink);
    camera().setCenter(target.center);

    m_nextPicture.bind();
    glViewport(0, 0, size.x, size.y);
    const geo::Color bg = m_mapView.background(m_document.map());
    {
        const ScissorOff off;
        glClearColor(bg.r / 255.0f, bg.g / 255.0f, bg.b / 255.0f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
    }
    m_renderer.draw(m_document.map(), camera(), m_mapView, scale);
    m_content.state = shown;
    geo::ContentLayout layout = m_content.layout(m_document, camera(), m_projection, m_palette, m_fonts, scale, {}, std::nullopt);
    // Names this frame had not needed: their glyphs baked (between frames), then laid out again.
    if (m_fonts.rebuildIfNeeded()) layout = m_content.layout(m_document, camera(), m_projection, m_palette, m_fonts, scale, {}, std::nullopt);
    m_content.state = now;
    // The content with ImGui's shapes into a draw list of its own, drawn by ImGui's renderer.
    ImDrawList list(ImGui::GetDrawListSharedData());
    list._ResetForNewFrame();
    list.PushTextureID(ImGui::GetIO().Fonts->TexID);
    list.PushClipRect(ImVec2(0, 0), ImVec2(static_cast<float>(size.x), static_cast<float>(size.y)));
    m_imguiPainter.paint(layout.list, &list);
    ImDrawList* lists[] = {&list};
    ImDrawData data;
    data.Valid = true;
    data.CmdLists = lists;
    data.CmdListsCount = 1;
    data.TotalVtxCount = list.VtxBuffer.Size;
    data.TotalIdxCount = list.IdxBuffer.Size;
    data.DisplayPos = ImVec2(0, 0);
    data.DisplaySize = ImVec2(static_cast<float>(size.x), static_cast<float>(size.y));
    data.FramebufferScale = ImVec2(1, 1);
    ImGui_ImplOpenGL3_RenderDrawData(&data);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    // Shown at a third of its size or so: mipmaps, so that it is smoothed rather than aliased.
    glBindTexture(GL_TEXTURE_2D, m_nextPicture.texture());
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_LINEAR);
    glGenerateMipmap(GL_TEXTURE_2D);
    glBindTexture(GL_TEXTURE_2D, 0);

    camera().setViewport(display);
    camera().setMetersPerPixel(here.metersPerPixel);
    camera().setCenter(here.center);
    m_nextPictureOf = key;
    m_nextPictureShown = true;
    spdlog::debug("presenter window: the picture of step {} in {:.1f} ms", next + 1,
                  std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
}

} // namespace app
