#include "text/font_set.hpp"

#include <geo/base/text_encoding.hpp>

#include <backends/imgui_impl_opengl3.h>
#include <epoxy/gl.h>
#include <fontconfig/fontconfig.h>
#include <imgui.h>
#include <imgui_freetype.h>

#include <spdlog/spdlog.h>

#include <cfloat>
#include <cmath>
#include <cstdint>

namespace app {

namespace {

// Finds a font file and face index for a fontconfig family name with a given weight.
bool findFont(FcConfig* config, const char* family, int weight, std::string& path, int& index) {
    if (!config) return false;
    FcPattern* pattern = FcPatternCreate();
    FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(family));
    FcPatternAddInteger(pattern, FC_WEIGHT, weight);
    FcConfigSubstitute(config, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    FcPattern* match = FcFontMatch(config, pattern, &result);
    bool found = false;
    if (match) {
        FcChar8* file = nullptr;
        FcChar8* matchedFamily = nullptr;
        int idx = 0;
        if (FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch &&
            FcPatternGetString(match, FC_FAMILY, 0, &matchedFamily) == FcResultMatch &&
            std::string(reinterpret_cast<const char*>(matchedFamily)).find("CJK") != std::string::npos) {
            FcPatternGetInteger(match, FC_INDEX, 0, &idx);
            path = reinterpret_cast<const char*>(file);
            index = idx;
            found = true;
        }
        FcPatternDestroy(match);
    }
    FcPatternDestroy(pattern);
    return found;
}

} // namespace

void FontSet::init(float uiScale, std::string& message) {
    m_scale = uiScale;
    // Loaded once for both lookups (each load reads fontconfig's configuration and caches: ~5 ms).
    FcConfig* config = FcInitLoadConfigAndFonts();
    // "Noto Sans CJK TC" is face 3 of NotoSansCJK-Regular.ttc: Traditional Chinese glyph forms.
    if (!findFont(config, "Noto Sans CJK TC", FC_WEIGHT_REGULAR, m_regularPath, m_tcIndex)) {
        m_regularPath.clear();
        message = "The CJK font Noto Sans CJK was not found, so Chinese and Japanese text cannot be shown "
                  "(install the Debian package fonts-noto-cjk)";
    }
    // The Japanese face, from the same collection file when it is there (one mapping, both faces).
    std::string jpPath;
    int jpIndex = 0;
    if (!m_regularPath.empty() && findFont(config, "Noto Sans CJK JP", FC_WEIGHT_REGULAR, jpPath, jpIndex) &&
        jpPath == m_regularPath && jpIndex != m_tcIndex)
        m_jpIndex = jpIndex;
    if (config) FcConfigDestroy(config);
    if (!m_regularPath.empty() && !m_regularData.map(m_regularPath)) {
        message = "The CJK font file " + m_regularPath + " cannot be read, so Chinese and Japanese text cannot be shown";
        m_regularPath.clear();
    }
    if (!m_regularPath.empty()) {
        std::string why;
        if (!m_sdf.init(m_regularData.data(), m_regularData.size(), m_tcIndex, m_jpIndex, why)) spdlog::warn("{}", why);
    }
    for (unsigned cp = 0x20; cp < 0x7F; ++cp) m_codepoints.insert(cp);
    // Punctuation and symbols the interface itself uses.
    require("°·–—…×←→↑↓©§・「」『』（）、。，：；");
    m_dirty = true;
}

void FontSet::setProjector(bool on) {
    if (on == m_projector) return;
    m_projector = on;
    m_dirty = true;
}

void FontSet::setUiScale(float scale) {
    if (scale == m_scale) return;
    m_scale = scale;
    m_dirty = true;
}

void FontSet::require(std::string_view utf8) const {
    for (std::size_t i = 0; i < utf8.size();) {
        const unsigned cp = geo::nextCodepoint(utf8, i);
        if (cp >= 0x20 && cp <= 0xFFFF && m_codepoints.insert(cp).second) m_dirty = true;
    }
}

bool FontSet::rebuildIfNeeded() {
    if (!m_dirty) return false;
    build();
    return true;
}

ImFont* FontSet::pickFont(const std::array<ImFont*, 2>& fonts, geo::Face face) const {
    if (face == geo::Face::Interface) face = m_face;
    ImFont* f = fonts[face == geo::Face::Japanese ? 1 : 0];
    if (!f) f = fonts[0];
    return f ? f : m_ui[0];
}

ImFont* FontSet::badge() const { return m_badge ? m_badge : m_ui[0]; }

ImFont* FontSet::font(geo::FontRole role, geo::Face face) const {
    switch (role) {
    case geo::FontRole::Ui: return ui(face);
    case geo::FontRole::Label: return label(face);
    case geo::FontRole::Large: return large(face);
    case geo::FontRole::Caption: return caption(face);
    case geo::FontRole::Badge: break;
    }
    return badge();
}

std::size_t FontSet::sdfSlot(geo::Face face) const {
    if (face == geo::Face::Interface) face = m_face;
    return face == geo::Face::Japanese && m_sdf.faces() > 1 ? 1 : 0;
}

float FontSet::pixelSize(geo::FontRole role) const {
    if (!m_regularData.data()) return 13.0f * m_scale; // ImGui's built-in font
    switch (role) {
    case geo::FontRole::Ui: return (m_projector ? 22.0f : 17.0f) * m_scale;
    case geo::FontRole::Label: return (m_projector ? 30.0f : 20.0f) * m_scale;
    case geo::FontRole::Large: return (m_projector ? 36.0f : 26.0f) * m_scale;
    case geo::FontRole::Caption: return m_projector ? 48.0f * m_scale : pixelSize(geo::FontRole::Large);
    case geo::FontRole::Badge: break;
    }
    return std::round((m_projector ? 22.0f : 17.0f) * m_scale * 0.88f);
}

glm::vec2 FontSet::measure(std::string_view text, geo::FontRole role, geo::Face face) const {
    require(text); // the bitmap fonts too: the presenter's picture of the next step draws with them
    if (sdfDrawn(role)) {
        const std::size_t slot = sdfSlot(face);
        const float size = pixelSize(role);
        return {m_sdf.shape(text, slot).advance * m_sdf.emPixels(size, slot), size};
    }
    const ImFont* f = font(role, face);
    const ImVec2 ext = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0.0f, text.data(), text.data() + text.size());
    return {ext.x, ext.y};
}

float FontSet::advance(unsigned codepoint, geo::FontRole role, geo::Face face) const {
    if (sdfDrawn(role)) {
        const std::size_t slot = sdfSlot(face);
        return m_sdf.advance(codepoint, slot) * m_sdf.emPixels(pixelSize(role), slot);
    }
    return font(role, face)->GetCharAdvance(static_cast<ImWchar>(codepoint));
}

float FontSet::size(geo::FontRole role, geo::Face face) const { return sdfDrawn(role) ? pixelSize(role) : font(role, face)->FontSize; }

glm::vec2 FontMeasure::measure(std::string_view text, geo::FontRole, geo::Face) const {
    const ImVec2 ext = m_font->CalcTextSizeA(m_font->FontSize, FLT_MAX, 0.0f, text.data(), text.data() + text.size());
    return {ext.x, ext.y};
}

float FontMeasure::advance(unsigned codepoint, geo::FontRole, geo::Face) const {
    return m_font->GetCharAdvance(static_cast<ImWchar>(codepoint));
}

float FontMeasure::size(geo::FontRole, geo::Face) const { return m_font->FontSize; }

void FontSet::build() {
    m_dirty = false;
    ++m_generation;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // No line texture in the atlas: ImGui anti-aliases its lines with geometry in every
    // context (the presenter window's too), since the atlas is sampled nearest.
    io.Fonts->Flags |= ImFontAtlasFlags_NoBakedLines;
    m_ui = m_large = m_label = m_caption = {};
    m_badge = nullptr;
    if (!m_regularData.data()) {
        ImFontConfig cfg;
        cfg.SizePixels = 13.0f * m_scale;
        m_ui[0] = io.Fonts->AddFontDefault(&cfg);
    } else {
        m_ranges.clear();
        for (unsigned cp : m_codepoints) {
            m_ranges.push_back(static_cast<ImWchar>(cp));
            m_ranges.push_back(static_cast<ImWchar>(cp));
        }
        m_ranges.push_back(0);
        auto add = [&](int index, float size, const ImWchar* glyphs) {
            ImFontConfig cfg;
            cfg.FontNo = index;
            // ImGui 1.86 copies the font data it does not own (AddFont: IM_ALLOC + memcpy), which for
            // the 19 MB collection was 117 MB of copies at every bake (156 MB in projector sizes).
            // So it is handed over as owned, which it keeps by pointer, and taken back at once: the
            // mapping is ours, shared by every size and re-bake, and the atlas never frees it.
            cfg.FontDataOwnedByAtlas = true;
            cfg.OversampleH = 1; // FreeType renders at the exact size: no oversampling needed
            cfg.OversampleV = 1;
            ImFont* font = io.Fonts->AddFontFromMemoryTTF(m_regularData.data(), static_cast<int>(m_regularData.size()), size, &cfg, glyphs);
            io.Fonts->ConfigData.back().FontDataOwnedByAtlas = false;
            return font;
        };
        const int faces[2] = {m_tcIndex, m_jpIndex};
        for (int f = 0; f < 2; ++f) {
            if (faces[f] < 0) continue;
            // The projector theme: labels at least 28 px and captions at least 40 px at 1920x1080.
            m_ui[f] = add(faces[f], pixelSize(geo::FontRole::Ui), m_ranges.data());
            m_label[f] = add(faces[f], pixelSize(geo::FontRole::Label), m_ranges.data());
            m_large[f] = add(faces[f], pixelSize(geo::FontRole::Large), m_ranges.data());
            if (m_projector) m_caption[f] = add(faces[f], pixelSize(geo::FontRole::Caption), m_ranges.data());
        }
        // Badges (stop numbers, "+3" on a group of markers): digits and a few signs at a
        // size of their own, so that no text is drawn scaled (the atlas is sampled nearest).
        static const ImWchar badgeGlyphs[] = {0x20, 0x7E, 0xB7, 0xB7, 0};
        const int badgeFace = faces[0] >= 0 ? faces[0] : faces[1];
        if (badgeFace >= 0) m_badge = add(badgeFace, pixelSize(geo::FontRole::Badge), badgeGlyphs);
        io.Fonts->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
        io.Fonts->FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    }
    io.Fonts->Build();
    io.FontDefault = ui();
    // Replace the GL texture if the renderer already made one.
    if (ImGui::GetCurrentContext() && io.BackendRendererUserData) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
}

void FontSet::sampleNearest() {
    const auto texture = static_cast<GLuint>(reinterpret_cast<std::uintptr_t>(ImGui::GetIO().Fonts->TexID));
    // Only FreeType's glyphs land on whole pixels: without the CJK font, ImGui's default font
    // is oversampled (a third of a pixel) and needs linear sampling.
    if (!texture || !m_regularData.data()) return;
    // Asked each frame (a few state calls): a texture made again may reuse the name.
    GLint bound = 0, filter = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound);
    glBindTexture(GL_TEXTURE_2D, texture);
    glGetTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, &filter);
    if (filter != GL_NEAREST) {
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    }
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(bound));
}

} // namespace app
