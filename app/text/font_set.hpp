#pragma once
// The fonts ImGui draws with: Noto Sans CJK found through fontconfig, baked only for the glyphs
// the texts on screen use (baking all of CJK at projector sizes does not fit a texture). New
// text (a hot reload, a message) triggers a re-bake between frames. It is also how layout in
// geo/ measures text (geo::TextMeasure): measuring a text registers its glyphs. The map's text
// (every role but Ui) is measured as the GL painter draws it, from the same faces shaped by
// HarfBuzz (SdfText), once useSdf(true) says it is drawn that way.

#include "platform/mapped_file.hpp"
#include "text/sdf_text.hpp"

#include <geo/base/text_face.hpp>
#include <geo/view/text_measure.hpp>

#include <imgui.h>

#include <array>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace app {

class FontSet : public geo::TextMeasure {
public:
    FontSet() = default;
    FontSet(const FontSet&) = delete;
    FontSet& operator=(const FontSet&) = delete;
    // Finds the fonts; `message` is set when the CJK font is missing (the UI then uses ImGui's built-in Latin font).
    void init(float uiScale, std::string& message);
    // Registers text that will be drawn, so that its glyphs get baked.
    void require(std::string_view utf8) const;
    // Re-bakes the atlas if text needing new glyphs was registered. Call between frames.
    bool rebuildIfNeeded();
    bool dirty() const { return m_dirty; }
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
    ImFont* ui(geo::Face face = geo::Face::Interface) const { return pickFont(m_ui, face); }
    ImFont* large(geo::Face face = geo::Face::Interface) const { return pickFont(m_large, face); }
    ImFont* label(geo::Face face = geo::Face::Interface) const { return pickFont(m_label, face); }
    // Badges: stop numbers and group counts (digits, '+', '~', '·'; 15 px at scale 1, 19 px
    // in the projector theme), drawn at this font's own size. The interface font without a CJK font.
    ImFont* badge() const;
    // Captions in presentation mode (48 px at scale 1; the large font outside it).
    ImFont* caption(geo::Face face) const { return m_caption[0] ? pickFont(m_caption, face) : large(face); }
    ImFont* font(geo::FontRole role, geo::Face face) const;
    // The projector theme's larger sizes (re-bakes before the next frame).
    void setProjector(bool on);
    bool projector() const { return m_projector; }
    // The face interface text uses (the language switch sets it).
    void setInterfaceFace(geo::Face face) { m_face = face == geo::Face::Japanese ? geo::Face::Japanese : geo::Face::Chinese; }
    float uiScale() const { return m_scale; }
    void setUiScale(float scale);

    // The map's text drawn from signed distance fields (the GL painter's text program runs):
    // then it is measured as it is drawn. Off, or without the CJK font, ImGui's bitmaps.
    void useSdf(bool on) { m_sdfOn = on; }
    bool sdfDrawn(geo::FontRole role) const { return m_sdfOn && m_sdf.ready() && role != geo::FontRole::Ui; }
    const SdfText& sdf() const { return m_sdf; }
    // The SDF face of `face` (the interface's face for Face::Interface).
    std::size_t sdfSlot(geo::Face face) const;
    // The pixel size (line height) of `role`'s font, as the bitmap fonts are baked.
    float pixelSize(geo::FontRole role) const;

    // geo::TextMeasure: in the font of `role` and `face`, as it is drawn (see useSdf).
    glm::vec2 measure(std::string_view text, geo::FontRole role, geo::Face face) const override;
    float advance(unsigned codepoint, geo::FontRole role, geo::Face face) const override;
    float size(geo::FontRole role, geo::Face face) const override;

private:
    void build();
    ImFont* pickFont(const std::array<ImFont*, 2>& fonts, geo::Face face) const;

    std::string m_regularPath;
    // The font collection, mapped read-only once and shared by every size baked from it.
    platform::MappedFile m_regularData;
    int m_tcIndex = 0;
    int m_jpIndex = -1; // -1: no JP face found (Japanese then uses the TC face)
    geo::Face m_face = geo::Face::Chinese;
    float m_scale = 1.0f;
    // Measuring registers the glyphs it needs (layout only reads the fonts otherwise).
    mutable std::set<unsigned> m_codepoints;
    mutable bool m_dirty = true;
    std::vector<ImWchar> m_ranges; // ImGui keeps a pointer to it until the next bake
    unsigned m_generation = 0;
    std::array<ImFont*, 2> m_ui{};
    std::array<ImFont*, 2> m_large{};
    std::array<ImFont*, 2> m_label{};
    std::array<ImFont*, 2> m_caption{};
    ImFont* m_badge = nullptr;
    bool m_projector = false;
    SdfText m_sdf;
    bool m_sdfOn = false;
};

// A text measure for one ImGui font (the current one of a panel), whatever role and face are asked.
class FontMeasure : public geo::TextMeasure {
public:
    explicit FontMeasure(const ImFont* font) : m_font(font) {}
    glm::vec2 measure(std::string_view text, geo::FontRole, geo::Face) const override;
    float advance(unsigned codepoint, geo::FontRole, geo::Face) const override;
    float size(geo::FontRole, geo::Face) const override;

private:
    const ImFont* m_font;
};

} // namespace app
