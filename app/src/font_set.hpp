#pragma once
// The fonts ImGui draws with: Noto Sans CJK found through fontconfig, baked only
// for the glyphs the texts on screen use (baking all of CJK at projector sizes
// does not fit a texture). New text (a hot reload, a message) triggers a re-bake
// before the next frame.

#include <set>
#include <string>
#include <string_view>
#include <vector>

struct ImFont;

namespace app {

class FontSet {
public:
    FontSet() = default;
    FontSet(const FontSet&) = delete;
    FontSet& operator=(const FontSet&) = delete;
    // Finds the fonts; `message` is set when the CJK font is missing (the UI then uses ImGui's built-in Latin font).
    void init(float uiScale, std::string& message);
    // Registers text that will be drawn, so that its glyphs get baked.
    void require(std::string_view utf8);
    // Re-bakes the atlas if text needing new glyphs was registered. Call between frames.
    bool rebuildIfNeeded();

    ImFont* ui() const { return m_ui; }
    ImFont* large() const { return m_large ? m_large : m_ui; }
    float uiScale() const { return m_scale; }
    void setUiScale(float scale);

private:
    void build();

    std::string m_regularPath;
    // The font files, mapped read-only once and shared by every size baked from
    // them: only the pages FreeType touches (the glyphs we bake) become resident.
    struct MappedFile {
        void* data = nullptr;
        std::size_t size = 0;
        bool map(const std::string& path);
        ~MappedFile();
    };
    MappedFile m_regularData;
    int m_tcIndex = 0;
    float m_scale = 1.0f;
    std::set<unsigned> m_codepoints;
    bool m_dirty = true;
    ImFont* m_ui = nullptr;
    ImFont* m_large = nullptr;
};

} // namespace app
