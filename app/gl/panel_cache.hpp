#pragma once
// ImGui's frame with one opaque panel (the sidebar) drawn from a copy while it does not
// change. On llvmpipe the sidebar's ~1,500 glyphs cost more than the whole map during a
// flight (a texture lookup and a blend per pixel, in 4x4 blocks), yet while the presenter
// flies the map nothing in it changes. So its draw lists are compared with the frame's
// before (byte for byte: vertices, indices, commands, the font texture); once they have
// not changed for a few frames, the panel is drawn into a framebuffer of its own, and its
// pixels are then copied from there with glBlitFramebuffer (a memory copy) for as long as
// they stay the same. While it keeps changing it is drawn as usual.
// The picture is the same either way (to 1/255 on anti-aliased edges, since the copy is
// drawn at an offset): the panel is opaque and square, and drawn into the copy on its own
// background colour, as it is drawn on the screen.
//
// The panel is the window whose name contains `marker` (its "###id"), with its child
// windows; it must be opaque over its whole rectangle and lie below every other window.
// Without framebuffer objects, or when a panel's list holds a user callback (which the
// comparison cannot see into), everything is drawn as usual.

#include "gl/gl_copy.hpp"

#include <epoxy/gl.h>
#include <imgui.h>

#include <cstdint>
#include <string>
#include <vector>

namespace app {

// What a set of draw lists would put on screen, as bytes: equal bytes, equal pixels.
// Also records whether any list holds a user callback.
struct DrawListSnapshot {
    std::vector<unsigned char> bytes;
    bool hasCallback = false;
    void clear() {
        bytes.clear();
        hasCallback = false;
    }
    void add(const void* data, std::size_t size);
    void addList(const ImDrawList& list);
};

// Whether anything the draw list draws may touch the rectangle lo-hi: a triangle whose
// bounding box, within its command's clip rectangle, meets it (or a user callback).
bool overlaps(const ImDrawList& list, ImVec2 lo, ImVec2 hi);

// Whether the draw list belongs to the window named with `marker` or one of its children.
bool ownedByPanel(const ImDrawList& list, const char* marker);

class PanelCache {
public:
    // Renders ImGui's draw data (after ImGui::Render()) into the bound framebuffer.
    // `rect`: the panel's rectangle in pixels this frame (empty: no panel); `background`:
    // its opaque background colour; `textureGeneration`: changes whenever the font texture's
    // pixels do.
    void render(ImDrawData* data, const char* marker, ImVec2 rectMin, ImVec2 rectMax, ImU32 background,
                unsigned textureGeneration);
    // Frees the copy (GL context current).
    void release();
    void setEnabled(bool on) { m_enabled = on; }
    // How the last frame drew the panel.
    enum class Last { NoPanel, Drawn, Copied };
    Last last() const { return m_last; }

private:
    void drawLists(ImDrawData* data, const std::vector<ImDrawList*>& lists, ImVec2 pos, ImVec2 size);

    bool m_enabled = true;
    Last m_last = Last::NoPanel;
    CopyTexture m_copy;
    static constexpr int kSteadyFrames = 12;
    int m_steadyFrames = 0; // frames the panel has not changed
    bool m_valid = false;   // the copy holds what m_snapshot describes
    DrawListSnapshot m_snapshot, m_next;
    std::vector<ImDrawList*> m_before, m_panel, m_after;
};

} // namespace app
