#pragma once
// The fonts ImGui draws with: Noto Sans CJK found through fontconfig, baked only
// for the glyphs the texts on screen use (baking all of CJK at projector sizes
// does not fit a texture). New text (a hot reload, a message) triggers a re-bake
// before the next frame.

#include <set>
#include <string>
#include <string_view>

struct ImFont;

namespace app {

class FontSet {
public:
    // Finds the fonts; `message` is set when the CJK font is missing (the UI then uses ImGui's built-in Latin font).
    void init(float uiScale, std::string& message);
    // Registers text that will be drawn, so that its glyphs get baked.
    void require(std::string_view utf8);
    // Re-bakes the atlas if text needing new glyphs was registered. Call between frames.
    bool rebuildIfNeeded();

    ImFont* ui() const { return m_ui; }
    ImFont* uiBold() const { return m_uiBold ? m_uiBold : m_ui; }
    ImFont* large() const { return m_large ? m_large : m_ui; }
    bool hasCjk() const { return !m_regularPath.empty(); }
    float uiScale() const { return m_scale; }
    void setUiScale(float scale);

private:
    void build();

    std::string m_regularPath, m_boldPath;
    int m_tcIndex = 0, m_boldTcIndex = 0;
    float m_scale = 1.0f;
    std::set<unsigned> m_codepoints;
    bool m_dirty = true;
    ImFont* m_ui = nullptr;
    ImFont* m_uiBold = nullptr;
    ImFont* m_large = nullptr;
};

} // namespace app
