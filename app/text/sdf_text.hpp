#pragma once
// The map's text as MapLibre draws it: runs shaped by HarfBuzz over the Noto Sans CJK faces
// FontSet found (the TC face for Chinese, the JP face for Japanese), and each glyph rendered once
// by FreeType's SDF renderer at one base size into an SdfAtlas, as text first needs it. A text
// program (shaders/text.*) draws glyph and halo from it at any size. No GL here: the GL painter
// uploads the atlas.

#include "text/sdf_atlas.hpp"

#include <glm/vec2.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace app {

class SdfText {
public:
    // A glyph's place in a shaped run: its id in the face and its pen position, in ems
    // (positions from HarfBuzz, in font units: finer than a pixel at every size).
    struct Placed {
        std::uint32_t glyph;
        float x, y; // y up, from the baseline
    };
    struct Run {
        std::vector<Placed> glyphs;
        float advance = 0.0f; // ems
    };
    // A glyph in the atlas, in atlas texels at the base size; `size` 0: nothing to draw (a space).
    struct Glyph {
        glm::ivec2 texel{0};
        glm::ivec2 size{0};
        glm::ivec2 bearing{0}; // from the pen to the bitmap's top left, y up (FreeType's bitmap_left, bitmap_top)
        bool placed = false;   // false: the atlas was full (drawn from the next frame on)
    };

    SdfText();
    ~SdfText();
    SdfText(const SdfText&) = delete;
    SdfText& operator=(const SdfText&) = delete;

    // The faces of the collection at `data` (mapped by the caller, kept while this lives);
    // `jpIndex` -1: none (Japanese uses the TC face). False, with `message`, if FreeType or
    // HarfBuzz cannot open them: the map's text then stays with ImGui.
    bool init(const void* data, std::size_t size, int tcIndex, int jpIndex, std::string& message);
    bool ready() const { return !m_faces.empty(); }
    // 0: the TC face; 1: the JP face where there is one.
    std::size_t faces() const { return m_faces.size(); }

    // `utf8` shaped in face `slot` (cached: the same labels come every frame).
    const Run& shape(std::string_view utf8, std::size_t slot) const;
    // One character's advance alone, in ems (line breaking; 0 for a character the face lacks).
    float advance(unsigned codepoint, std::size_t slot) const;
    // A glyph of face `slot` at size tier `tier`, rendered into the atlas the first time it is asked for.
    const Glyph& glyph(std::size_t slot, std::uint32_t id, int tier) const;
    // Pixels per em for a font of `size` px (the line height ImGui's fonts of that size have:
    // ascender to descender, as FreeType's real-dimension size request makes it).
    float emPixels(float size, std::size_t slot) const;
    // The ascender, in ems.
    float ascender(std::size_t slot) const;

    // Glyphs are rendered at two sizes: small text (labels and badges at 1080p, up to 20 px
    // per em) from 16 px fields, larger text (titles, captions, the projector's and the 4K
    // export's sizes) from 24 px ones, as MapLibre's glyphs. The first frame waits for the
    // rendering, which costs as the field's pixels: a 16 px glyph under half a 24 px one.
    int tier(float em) const { return em <= 20.0f ? 0 : 1; }
    // The size a tier's glyphs are rendered at (px per em) and the distance their field spans
    // on each side of an edge (texels): a glyph drawn at `em` px is `em / baseSize()` times its
    // texels, and its halo can reach spread × that scale beyond its outline (4 texels reach a
    // 2 px halo at the badges' 10 px em).
    float baseSize(int tier) const { return tier == 0 ? 16.0f : 24.0f; }
    float spread(int tier) const { return tier == 0 ? 4.0f : 6.0f; }

    const SdfAtlas& atlas() const { return m_atlas; }
    // Between frames: a full atlas starts again with what the next frame asks for (the atlas
    // is a cache of what is drawn: const, as measuring is).
    void newFrame() const;

private:
    struct Face;
    std::vector<Face*> m_faces;
    void* m_library = nullptr; // FT_Library
    mutable SdfAtlas m_atlas;
    mutable std::vector<std::unordered_map<std::uint64_t, Glyph>> m_glyphs; // by tier << 32 | glyph id
    mutable std::vector<std::unordered_map<std::string, Run>> m_runs;
    mutable void* m_buffer = nullptr; // hb_buffer_t, reused
};

} // namespace app
