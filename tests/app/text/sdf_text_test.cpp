// The map's SDF text: glyphs for Latin, Traditional Chinese and Japanese from the Noto Sans CJK
// faces FontSet finds (fonts-noto-cjk is a dependency of the build: .ci/install-deps), measured
// as drawn, and no crash for what the font does not have.
#include "text/font_set.hpp"
#include "text/sdf_atlas.hpp"
#include "text/sdf_text.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

// One FontSet for the file: finding the font through fontconfig costs a few ms.
app::FontSet& fonts() {
    static app::FontSet set;
    static bool ready = false;
    if (!ready) {
        std::string message;
        set.init(1.0f, message);
        INFO(message);
        set.useSdf(true);
        ready = true;
    }
    return set;
}

// The field's values in a glyph's texels: at least one inside the outline and one outside.
bool hasInsideAndOutside(const app::SdfAtlas& atlas, const app::SdfText::Glyph& g) {
    bool in = false, out = false;
    for (int y = 0; y < g.size.y; ++y)
        for (int x = 0; x < g.size.x; ++x) {
            const unsigned v = atlas.pixels()[static_cast<std::size_t>(g.texel.y + y) * static_cast<std::size_t>(atlas.width()) +
                                              static_cast<std::size_t>(g.texel.x + x)];
            in = in || v > 140; // 128 is the outline
            out = out || v < 100;
        }
    return in && out;
}

} // namespace

TEST_CASE("the SDF text has glyphs for Latin, Traditional Chinese and Japanese", "[sdf]") {
    const app::SdfText& sdf = fonts().sdf();
    REQUIRE(sdf.ready()); // fails without fonts-noto-cjk, which the build installs
    struct Sample {
        const char* text;
        geo::Face face;
    };
    const Sample samples[] = {{"Kitakyushu Eco-Town", geo::Face::Chinese}, {"新竹科學園區", geo::Face::Chinese},
                              {"北九州エコタウン", geo::Face::Japanese}};
    for (const Sample& s : samples) {
        INFO(s.text);
        const std::size_t slot = fonts().sdfSlot(s.face);
        const app::SdfText::Run& run = sdf.shape(s.text, slot);
        REQUIRE_FALSE(run.glyphs.empty());
        for (const app::SdfText::Placed& p : run.glyphs) {
            CHECK(p.glyph != 0); // not .notdef: the face has it
            for (const int tier : {0, 1}) {
                const app::SdfText::Glyph& g = sdf.glyph(slot, p.glyph, tier);
                CHECK(g.placed);
                if (g.size.x == 0) continue; // the space
                CHECK(hasInsideAndOutside(sdf.atlas(), g));
            }
        }
    }
}

TEST_CASE("Japanese text is drawn in the JP face's glyph forms, Chinese in the TC face's", "[sdf]") {
    const app::SdfText& sdf = fonts().sdf();
    REQUIRE(sdf.ready());
    REQUIRE(sdf.faces() == 2); // the collection has both
    // 骨 has a different form in Japanese and in Traditional Chinese.
    const auto tc = sdf.shape("骨", fonts().sdfSlot(geo::Face::Chinese)).glyphs;
    const auto jp = sdf.shape("骨", fonts().sdfSlot(geo::Face::Japanese)).glyphs;
    REQUIRE(tc.size() == 1);
    REQUIRE(jp.size() == 1);
    CHECK(tc[0].glyph != jp[0].glyph);
}

TEST_CASE("a label's measured box holds what is drawn of it", "[sdf]") {
    const app::SdfText& sdf = fonts().sdf();
    REQUIRE(sdf.ready());
    for (const char* text : {"Kitakyushu Eco-Town", "Kyushu Institute of Technology (Tobata campus)", "新竹科學園區", "北九州エコタウン", "6·8"}) {
        for (const geo::FontRole role : {geo::FontRole::Label, geo::FontRole::Large, geo::FontRole::Badge, geo::FontRole::Caption}) {
            INFO(text << " role " << static_cast<int>(role));
            const geo::Face face = geo::Face::Chinese;
            const glm::vec2 box = fonts().measure(text, role, face);
            const std::size_t slot = fonts().sdfSlot(face);
            const float size = fonts().pixelSize(role);
            const float em = sdf.emPixels(size, slot);
            const int tier = sdf.tier(em);
            const float scale = em / sdf.baseSize(tier), spread = sdf.spread(tier);
            const app::SdfText::Run& run = sdf.shape(text, slot);
            // The width is the shaped advances, with positions finer than a pixel.
            CHECK(box.x == Approx(run.advance * em));
            CHECK(box.y == size);
            CHECK(fonts().size(role, face) == size);
            // Every glyph's outline (its field's bitmap less the spread) inside the box, as
            // GlText places it: 1 px of leeway for side bearings such as a 'j''s.
            const float baseline = sdf.ascender(slot) * em;
            for (const app::SdfText::Placed& p : run.glyphs) {
                const app::SdfText::Glyph& g = sdf.glyph(slot, p.glyph, tier);
                if (g.size.x == 0) continue;
                const float x0 = p.x * em + (static_cast<float>(g.bearing.x) + spread) * scale;
                const float x1 = x0 + (static_cast<float>(g.size.x) - 2 * spread) * scale;
                const float y0 = baseline - (static_cast<float>(g.bearing.y) - spread) * scale;
                const float y1 = y0 + (static_cast<float>(g.size.y) - 2 * spread) * scale;
                CHECK(x0 >= -1.0f);
                CHECK(x1 <= box.x + 1.0f);
                CHECK(y0 >= -1.0f);
                CHECK(y1 <= box.y + 1.0f);
            }
        }
    }
}

TEST_CASE("line breaking's advances are the shaped ones", "[sdf]") {
    REQUIRE(fonts().sdf().ready());
    // For text without kerning or ligatures between its characters, the sum of the advances is the run's.
    const std::string text = "新竹科學園區";
    const float whole = fonts().measure(text, geo::FontRole::Label, geo::Face::Chinese).x;
    float sum = 0.0f;
    for (const unsigned cp : {0x65B0u, 0x7AF9u, 0x79D1u, 0x5B78u, 0x5712u, 0x5340u}) sum += fonts().advance(cp, geo::FontRole::Label, geo::Face::Chinese);
    CHECK(sum == Approx(whole));
    CHECK(fonts().advance(0x65B0u, geo::FontRole::Label, geo::Face::Chinese) > 0.0f);
}

TEST_CASE("a character the font lacks and bad UTF-8 give a glyph box, never a crash", "[sdf]") {
    const app::SdfText& sdf = fonts().sdf();
    REQUIRE(sdf.ready());
    // U+1F600 (an emoji) is not in Noto Sans CJK: .notdef, drawn as its box, measured as drawn.
    const app::SdfText::Run& run = sdf.shape("\xF0\x9F\x98\x80", 0);
    REQUIRE(run.glyphs.size() == 1);
    CHECK(run.glyphs[0].glyph == 0);
    CHECK(sdf.glyph(0, 0, 0).placed);
    CHECK(sdf.glyph(0, 0xFFFFFF, 1).placed); // a glyph id past the face's: blank, not a crash
    CHECK(sdf.glyph(0, 0xFFFFFF, 1).size.x == 0);
    const app::SdfText::Run& bad = sdf.shape("\xFF\xFE" "abc", 0);
    CHECK(bad.glyphs.size() >= 3);
    CHECK(fonts().measure("\xFF\xFE" "abc", geo::FontRole::Label, geo::Face::Chinese).x > 0.0f);
    CHECK(sdf.advance(0x1F600u, 0) == 0.0f);
}

TEST_CASE("without a usable font the SDF text is not ready and answers nothing", "[sdf]") {
    app::SdfText sdf;
    std::string message;
    const std::string garbage(4096, 'x');
    CHECK_FALSE(sdf.init(garbage.data(), garbage.size(), 0, -1, message));
    CHECK_FALSE(message.empty());
    CHECK_FALSE(sdf.ready());
    CHECK(sdf.shape("Taipei", 0).glyphs.empty());
    CHECK(sdf.glyph(0, 36, 0).size.x == 0);
    CHECK(sdf.advance('T', 0) == 0.0f);
    // A FontSet told to draw with SDF measures with ImGui's fonts then (not tested here: ImGui).
    app::SdfText never;
    CHECK_FALSE(never.ready());
    CHECK(never.shape("Taipei", 3).glyphs.empty());
}

TEST_CASE("the SDF atlas grows when full, keeps what it placed, and fails past its limit", "[sdf]") {
    app::SdfAtlas atlas(64, 16, 64);
    std::vector<std::uint8_t> glyph(20 * 20, 200);
    const auto first = atlas.add(20, 20, glyph.data(), 20);
    REQUIRE(first);
    CHECK(atlas.height() >= 21);
    const unsigned generation = atlas.generation();
    std::vector<glm::ivec2> placed{*first};
    while (auto at = atlas.add(20, 20, glyph.data(), 20)) placed.push_back(*at);
    CHECK(atlas.full());
    CHECK(atlas.height() == 64);
    CHECK(placed.size() == 9); // 3 a row (20 + 1 gap), 3 rows of 21 in 64
    CHECK(atlas.generation() != generation);
    // No two overlap, and the first kept its texels through the growth.
    for (std::size_t i = 0; i < placed.size(); ++i)
        for (std::size_t j = i + 1; j < placed.size(); ++j)
            CHECK((std::abs(placed[i].x - placed[j].x) >= 21 || std::abs(placed[i].y - placed[j].y) >= 21));
    CHECK(atlas.pixels()[static_cast<std::size_t>(first->y) * 64 + static_cast<std::size_t>(first->x)] == 200);
    CHECK_FALSE(atlas.add(100, 4, glyph.data(), 100)); // wider than the atlas
    atlas.clear();
    CHECK_FALSE(atlas.full());
    CHECK(atlas.add(20, 20, glyph.data(), 20) == glm::ivec2(0, 0));
}
