#pragma once
// The fonts ImGui draws with: Noto Sans CJK found through fontconfig, baked only
// for the glyphs the texts on screen use (baking all of CJK at projector sizes
// does not fit a texture). New text (a hot reload, a message) triggers a re-bake
// before the next frame.

#include <geo/briefing/briefing.hpp>

#include <array>
#include <set>
#include <string>
#include <string_view>
#include <vector>

struct ImFont;

namespace app {

// Han characters take different forms in Traditional Chinese and Japanese (骨, 直, 海...):
// Chinese text is drawn with the TC face of Noto Sans CJK and Japanese with the JP face.
enum class Face { Tc = 0, Jp = 1 };
constexpr Face faceFor(geo::Language language) { return language == geo::Language::Ja ? Face::Jp : Face::Tc; }

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
    // Changes at every bake (the font texture's pixels changed).
    unsigned generation() const { return m_generation; }
    // Samples the atlas's GL texture nearest instead of linear (GL context current; each
    // frame, after ImGui's renderer has made the texture). The glyphs land on whole pixels
    // (FreeType's whole-pixel advances, text positions floored by ImGui), so the text is
    // the same pixel for pixel, and on llvmpipe it is cheaper: one texel fetch per pixel
    // instead of four (-0.6 ms a frame in the all-content flight). Not without the CJK font.
    void sampleNearest();

    // Interface text (17 px at scale 1), site labels (20 px) and titles and city labels (26 px),
    // in the interface language's face by default.
    ImFont* ui() const { return ui(m_face); }
    ImFont* large() const { return large(m_face); }
    ImFont* label() const { return label(m_face); }
    ImFont* ui(Face face) const { return pickFont(m_ui, face); }
    ImFont* large(Face face) const { return pickFont(m_large, face); }
    ImFont* label(Face face) const { return pickFont(m_label, face); }
    // Badges: stop numbers and group counts (digits, '+', '~', '·'; 15 px at scale 1, 19 px
    // in the projector theme), drawn at this font's own size. The interface font without a CJK font.
    ImFont* badge() const { return m_badge ? m_badge : m_ui[0]; }
    // Captions in presentation mode (48 px at scale 1; the large font outside it).
    ImFont* caption(Face face) const { return m_caption[0] ? pickFont(m_caption, face) : large(face); }
    // The projector theme's larger sizes (re-bakes before the next frame).
    void setProjector(bool on);
    bool projector() const { return m_projector; }
    // The face interface text uses (the language switch sets it).
    void setInterfaceFace(Face face) { m_face = face; }
    Face interfaceFace() const { return m_face; }
    float uiScale() const { return m_scale; }
    void setUiScale(float scale);

private:
    void build();
    unsigned m_generation = 0;
    ImFont* pickFont(const std::array<ImFont*, 2>& fonts, Face face) const {
        ImFont* f = fonts[static_cast<int>(face)];
        if (!f) f = fonts[0];
        return f ? f : m_ui[0];
    }

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
    int m_jpIndex = -1; // -1: no JP face found (Japanese then uses the TC face)
    Face m_face = Face::Tc;
    float m_scale = 1.0f;
    std::set<unsigned> m_codepoints;
    bool m_dirty = true;
    std::array<ImFont*, 2> m_ui{};
    std::array<ImFont*, 2> m_large{};
    std::array<ImFont*, 2> m_label{};
    std::array<ImFont*, 2> m_caption{};
    ImFont* m_badge = nullptr;
    bool m_projector = false;
};

} // namespace app
