#include "text/sdf_text.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_MODULE_H
#include <hb-ft.h>
#include <hb.h>
#include <spdlog/spdlog.h>

#include <cmath>

namespace app {

struct SdfText::Face {
    FT_Face ft = nullptr;
    hb_font_t* hb = nullptr;
    hb_language_t language = nullptr;
    float upem = 1000.0f;
    float ascender = 0.88f, lineHeight = 1.0f; // ems
    ~Face() {
        if (hb) hb_font_destroy(hb);
        if (ft) FT_Done_Face(ft);
    }
};

namespace {
// Runs cached per face before the cache starts again (labels of a session stay far below).
constexpr std::size_t kMaxRuns = 8192;
} // namespace

SdfText::SdfText() = default;

SdfText::~SdfText() {
    for (Face* f : m_faces) delete f;
    if (m_buffer) hb_buffer_destroy(static_cast<hb_buffer_t*>(m_buffer));
    if (m_library) FT_Done_FreeType(static_cast<FT_Library>(m_library));
}

bool SdfText::init(const void* data, std::size_t size, int tcIndex, int jpIndex, std::string& message) {
    FT_Library library = nullptr;
    if (FT_Init_FreeType(&library) != 0) {
        message = "FreeType cannot start: the map's text is drawn as bitmaps";
        return false;
    }
    m_library = library;
    const int indices[2] = {tcIndex, jpIndex};
    const char* languages[2] = {"zh-Hant", "ja"};
    for (int k = 0; k < 2; ++k) {
        if (indices[k] < 0) continue;
        auto* face = new Face;
        if (FT_New_Memory_Face(library, static_cast<const FT_Byte*>(data), static_cast<FT_Long>(size), indices[k], &face->ft) != 0 ||
            !FT_IS_SCALABLE(face->ft) || FT_Set_Pixel_Sizes(face->ft, 0, 16) != 0) {
            message = "The CJK font's face " + std::to_string(indices[k]) + " cannot be opened by FreeType: the map's text is drawn as bitmaps";
            delete face;
            if (k == 0) return false;
            continue;
        }
        // HarfBuzz over the FreeType face (its tables read through hb-ft), with HarfBuzz's own
        // OpenType metrics at the scale of font units: unhinted positions, exact at any size.
        hb_face_t* hbFace = hb_ft_face_create_referenced(face->ft);
        face->hb = hb_font_create(hbFace);
        hb_face_destroy(hbFace);
        face->upem = static_cast<float>(face->ft->units_per_EM);
        hb_font_set_scale(face->hb, face->ft->units_per_EM, face->ft->units_per_EM);
        face->language = hb_language_from_string(languages[k], -1);
        face->ascender = static_cast<float>(face->ft->ascender) / face->upem;
        face->lineHeight = static_cast<float>(face->ft->ascender - face->ft->descender) / face->upem;
        m_faces.push_back(face);
    }
    m_glyphs.resize(m_faces.size());
    m_runs.resize(m_faces.size());
    m_buffer = hb_buffer_create();
    return true;
}

float SdfText::emPixels(float size, std::size_t slot) const {
    if (slot >= m_faces.size()) slot = 0;
    return m_faces.empty() ? size : size / m_faces[slot]->lineHeight;
}

float SdfText::ascender(std::size_t slot) const {
    if (slot >= m_faces.size()) slot = 0;
    return m_faces.empty() ? 0.0f : m_faces[slot]->ascender;
}

const SdfText::Run& SdfText::shape(std::string_view utf8, std::size_t slot) const {
    static const Run kNone;
    if (m_faces.empty()) return kNone;
    if (slot >= m_faces.size()) slot = 0;
    auto& runs = m_runs[slot];
    const std::string key(utf8);
    if (auto it = runs.find(key); it != runs.end()) return it->second;
    if (runs.size() >= kMaxRuns) runs.clear();
    const Face& face = *m_faces[slot];
    auto* buffer = static_cast<hb_buffer_t*>(m_buffer);
    hb_buffer_clear_contents(buffer);
    // Bad UTF-8 becomes U+FFFD (HarfBuzz's replacement), never a crash.
    hb_buffer_add_utf8(buffer, utf8.data(), static_cast<int>(utf8.size()), 0, static_cast<int>(utf8.size()));
    hb_buffer_guess_segment_properties(buffer);
    // The face's language for Chinese and Japanese runs only: under it a Latin run takes the
    // CJK forms of its punctuation (a full-width ’ in "Kitakyushu’s").
    const hb_script_t script = hb_buffer_get_script(buffer);
    if (script == HB_SCRIPT_HAN || script == HB_SCRIPT_HIRAGANA || script == HB_SCRIPT_KATAKANA || script == HB_SCRIPT_BOPOMOFO)
        hb_buffer_set_language(buffer, face.language);
    else
        hb_buffer_set_language(buffer, hb_language_from_string("en", -1));
    hb_shape(face.hb, buffer, nullptr, 0);
    unsigned count = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &count);
    const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer, &count);
    Run run;
    run.glyphs.reserve(count);
    float x = 0.0f, y = 0.0f;
    for (unsigned i = 0; i < count; ++i) {
        run.glyphs.push_back({info[i].codepoint, (x + static_cast<float>(pos[i].x_offset)) / face.upem,
                              (y + static_cast<float>(pos[i].y_offset)) / face.upem});
        x += static_cast<float>(pos[i].x_advance);
        y += static_cast<float>(pos[i].y_advance);
    }
    run.advance = x / face.upem;
    return runs.emplace(key, std::move(run)).first->second;
}

float SdfText::advance(unsigned codepoint, std::size_t slot) const {
    if (m_faces.empty()) return 0.0f;
    if (slot >= m_faces.size()) slot = 0;
    const Face& face = *m_faces[slot];
    hb_codepoint_t id = 0;
    if (!hb_font_get_nominal_glyph(face.hb, codepoint, &id)) return 0.0f;
    return static_cast<float>(hb_font_get_glyph_h_advance(face.hb, id)) / face.upem;
}

const SdfText::Glyph& SdfText::glyph(std::size_t slot, std::uint32_t id, int tier) const {
    static const Glyph kNone;
    if (m_faces.empty()) return kNone;
    if (slot >= m_faces.size()) slot = 0;
    tier = tier == 0 ? 0 : 1;
    auto& glyphs = m_glyphs[slot];
    const std::uint64_t key = (static_cast<std::uint64_t>(tier) << 32) | id;
    if (auto it = glyphs.find(key); it != glyphs.end() && (it->second.placed || m_atlas.full())) return it->second;
    Glyph g;
    FT_Face ft = m_faces[slot]->ft;
    const auto library = static_cast<FT_Library>(m_library);
    FT_Int spread = static_cast<FT_Int>(this->spread(tier));
    FT_Property_Set(library, "bsdf", "spread", &spread);
    FT_Set_Pixel_Sizes(ft, 0, static_cast<FT_UInt>(baseSize(tier)));
    // FreeType's SDF renderer over the glyph's anti-aliased bitmap ("bsdf"): the same field as
    // its outline renderer gives at this size, in a sixth of the time (1.3 ms against 8 for a
    // CJK glyph on this machine), which is what the first frame waits for.
    if (FT_Load_Glyph(ft, id, FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP) == 0 && FT_Render_Glyph(ft->glyph, FT_RENDER_MODE_NORMAL) == 0 &&
        FT_Render_Glyph(ft->glyph, FT_RENDER_MODE_SDF) == 0) {
        const FT_Bitmap& b = ft->glyph->bitmap;
        g.bearing = {ft->glyph->bitmap_left, ft->glyph->bitmap_top};
        if (b.width > 0 && b.rows > 0 && b.pitch > 0) {
            if (auto at = m_atlas.add(static_cast<int>(b.width), static_cast<int>(b.rows), b.buffer, b.pitch)) {
                g.texel = *at;
                g.size = {static_cast<int>(b.width), static_cast<int>(b.rows)};
                g.placed = true;
            }
        } else {
            g.placed = true; // nothing to draw (a space)
        }
    } else {
        g.placed = true; // FreeType cannot render it: it stays blank, and is not tried again
        spdlog::debug("SDF text: glyph {} of face {} cannot be rendered", id, slot);
    }
    return glyphs[key] = g;
}

void SdfText::newFrame() const {
    if (!m_atlas.full()) return;
    m_atlas.clear();
    for (auto& g : m_glyphs) g.clear();
}

} // namespace app
