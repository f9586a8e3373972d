#include "gl/panel_cache.hpp"

#include "gl/gl_copy.hpp"

#include <backends/imgui_impl_opengl3.h>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace app {

void DrawListSnapshot::add(const void* data, std::size_t size) {
    const auto* p = static_cast<const unsigned char*>(data);
    bytes.insert(bytes.end(), p, p + size);
}

void DrawListSnapshot::addList(const ImDrawList& list) {
    const auto vertices = static_cast<std::size_t>(list.VtxBuffer.Size), indices = static_cast<std::size_t>(list.IdxBuffer.Size);
    const auto commands = static_cast<std::size_t>(list.CmdBuffer.Size);
    add(&vertices, sizeof vertices);
    add(&indices, sizeof indices);
    add(&commands, sizeof commands);
    if (vertices) add(list.VtxBuffer.Data, vertices * sizeof(ImDrawVert));
    if (indices) add(list.IdxBuffer.Data, indices * sizeof(ImDrawIdx));
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
        // Field by field: the struct's padding is not to be compared.
        add(&cmd.ClipRect, sizeof cmd.ClipRect);
        add(&cmd.TextureId, sizeof cmd.TextureId);
        add(&cmd.VtxOffset, sizeof cmd.VtxOffset);
        add(&cmd.IdxOffset, sizeof cmd.IdxOffset);
        add(&cmd.ElemCount, sizeof cmd.ElemCount);
        if (cmd.UserCallback) hasCallback = true;
    }
}

bool overlaps(const ImDrawList& list, ImVec2 lo, ImVec2 hi) {
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
        if (cmd.UserCallback) {
            if (cmd.UserCallback == ImDrawCallback_ResetRenderState) continue; // draws nothing
            return true;                                                      // draws who knows what
        }
        if (cmd.ElemCount == 0) continue;
        // A triangle draws within its bounding box, clipped to the command's rectangle.
        const float cx0 = std::max(cmd.ClipRect.x, lo.x), cy0 = std::max(cmd.ClipRect.y, lo.y);
        const float cx1 = std::min(cmd.ClipRect.z, hi.x), cy1 = std::min(cmd.ClipRect.w, hi.y);
        if (cx0 >= cx1 || cy0 >= cy1) continue;
        const ImDrawIdx* idx = list.IdxBuffer.Data + cmd.IdxOffset;
        const ImDrawVert* vtx = list.VtxBuffer.Data + cmd.VtxOffset;
        for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
            const ImVec2 a = vtx[idx[i]].pos, b = vtx[idx[i + 1]].pos, c = vtx[idx[i + 2]].pos;
            if (std::max({a.x, b.x, c.x}) > cx0 && std::min({a.x, b.x, c.x}) < cx1 && std::max({a.y, b.y, c.y}) > cy0 &&
                std::min({a.y, b.y, c.y}) < cy1)
                return true;
        }
    }
    return false;
}

bool ownedByPanel(const ImDrawList& list, const char* marker) {
    // A window's list is named after it; a child window's name starts with its parent's.
    return list._OwnerName && marker && *marker && std::strstr(list._OwnerName, marker) != nullptr;
}

void PanelCache::release() {
    m_copy.release();
    m_valid = false;
}

void PanelCache::drawLists(ImDrawData* data, const std::vector<ImDrawList*>& lists, ImVec2 pos, ImVec2 size) {
    if (lists.empty()) return;
    ImDrawData part = *data;
    part.CmdLists = const_cast<ImDrawList**>(lists.data());
    part.CmdListsCount = static_cast<int>(lists.size());
    part.TotalVtxCount = part.TotalIdxCount = 0;
    for (const ImDrawList* l : lists) {
        part.TotalVtxCount += l->VtxBuffer.Size;
        part.TotalIdxCount += l->IdxBuffer.Size;
    }
    part.DisplayPos = pos;
    part.DisplaySize = size;
    ImGui_ImplOpenGL3_RenderDrawData(&part);
}

void PanelCache::render(ImDrawData* data, const char* marker, ImVec2 rectMin, ImVec2 rectMax, ImU32 background,
                        unsigned textureGeneration) {
    m_last = Last::NoPanel;
    if (!data || !data->Valid) return;
    m_before.clear();
    m_panel.clear();
    m_after.clear();
    for (int i = 0; i < data->CmdListsCount; ++i) {
        ImDrawList* list = data->CmdLists[i];
        if (ownedByPanel(*list, marker)) m_panel.push_back(list);
        else (m_panel.empty() ? m_before : m_after).push_back(list);
    }
    // The panel's pixels, clamped to the framebuffer (ImGui's display).
    const float scaleX = data->FramebufferScale.x, scaleY = data->FramebufferScale.y;
    const float fbW = data->DisplaySize.x * scaleX, fbH = data->DisplaySize.y * scaleY;
    const int x0 = static_cast<int>(std::lround(std::max(rectMin.x - data->DisplayPos.x, 0.0f) * scaleX));
    const int y0 = static_cast<int>(std::lround(std::max(rectMin.y - data->DisplayPos.y, 0.0f) * scaleY));
    const int x1 = static_cast<int>(std::lround(std::min((rectMax.x - data->DisplayPos.x) * scaleX, fbW)));
    const int y1 = static_cast<int>(std::lround(std::min((rectMax.y - data->DisplayPos.y) * scaleY, fbH)));
    const bool usable = m_enabled && !m_panel.empty() && x1 > x0 && y1 > y0 && epoxy_gl_version() >= 30;
    m_next.clear();
    if (usable) {
        for (const ImDrawList* l : m_panel) m_next.addList(*l);
        const int rect[4] = {x0, y0, x1, y1};
        m_next.add(rect, sizeof rect);
        m_next.add(&background, sizeof background);
        m_next.add(&textureGeneration, sizeof textureGeneration);
        m_next.add(&data->FramebufferScale, sizeof data->FramebufferScale);
    }
    // Changing (playback moving the day slider every few frames, a hover): drawn as usual,
    // since a copy would be made for nothing; unchanged for kSteadyFrames: copied from then on.
    const bool unchanged = usable && !m_next.hasCallback && m_next.bytes == m_snapshot.bytes;
    m_steadyFrames = unchanged ? m_steadyFrames + 1 : 0;
    if (m_steadyFrames < kSteadyFrames) {
        m_valid = false;
        if (!unchanged) std::swap(m_snapshot, m_next);
        ImGui_ImplOpenGL3_RenderDrawData(data);
        m_last = m_panel.empty() ? Last::NoPanel : Last::Drawn;
        return;
    }
    GLint bound = 0;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &bound);
    const auto target = static_cast<GLuint>(bound);
    const int w = x1 - x0, h = y1 - y0;
    const bool same = m_valid && m_copy.valid() && w == m_copy.width() && h == m_copy.height();
    if (!same) {
        m_copy.ensure(w, h);
        // The panel alone, on its own background, into its copy.
        const bool made = m_copy.drawInto(target, [&] {
            {
                const ScissorOff off;
                glClearColor(static_cast<float>(background & 0xFF) / 255.0f, static_cast<float>((background >> 8) & 0xFF) / 255.0f,
                             static_cast<float>((background >> 16) & 0xFF) / 255.0f, 1.0f);
                glClear(GL_COLOR_BUFFER_BIT);
            }
            drawLists(data, m_panel,
                      ImVec2(data->DisplayPos.x + static_cast<float>(x0) / scaleX, data->DisplayPos.y + static_cast<float>(y0) / scaleY),
                      ImVec2(static_cast<float>(w) / scaleX, static_cast<float>(h) / scaleY));
        });
        if (!made) {
            ImGui_ImplOpenGL3_RenderDrawData(data);
            m_last = Last::Drawn;
            return;
        }
        m_valid = true;
    }
    // What lies below the panel, the panel's copy, then what lies above it. The copy is a
    // memory copy, for which llvmpipe first finishes drawing what came before it (its
    // threads then wait for the next batch): last in the frame, after what lies above the
    // panel where none of that overlaps it, the frame is drawn in one go.
    drawLists(data, m_before, data->DisplayPos, data->DisplaySize);
    // (The pixels the copy covers, which are the panel's rectangle rounded.)
    const ImVec2 lo(data->DisplayPos.x + static_cast<float>(x0) / scaleX, data->DisplayPos.y + static_cast<float>(y0) / scaleY);
    const ImVec2 hi(data->DisplayPos.x + static_cast<float>(x1) / scaleX, data->DisplayPos.y + static_cast<float>(y1) / scaleY);
    const bool copyLast = std::none_of(m_after.begin(), m_after.end(), [&](const ImDrawList* l) { return overlaps(*l, lo, hi); });
    if (copyLast) drawLists(data, m_after, data->DisplayPos, data->DisplaySize);
    const auto fbHeight = static_cast<int>(std::lround(fbH));
    const bool copied = m_copy.blitTo(target, x0, fbHeight - y1, x1, fbHeight - y0);
    if (!copied) { // (it could be made a moment ago)
        drawLists(data, m_panel, data->DisplayPos, data->DisplaySize);
        m_valid = false;
    }
    if (!copyLast) drawLists(data, m_after, data->DisplayPos, data->DisplaySize);
    m_last = copied && same ? Last::Copied : Last::Drawn;
}

} // namespace app
