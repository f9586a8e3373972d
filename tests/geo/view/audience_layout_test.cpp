#include <geo/view/audience_layout.hpp>

#include "fixed_measure.hpp"

#include <catch2/catch.hpp>

namespace {

geo::StoryStep step(const char* caption, const char* captionEn) {
    geo::StoryStep s;
    s.caption = caption;
    s.captionEn = captionEn;
    return s;
}

} // namespace

TEST_CASE("a step's caption is in the documents' Chinese, English when asked, each standing in for the other", "[audience]") {
    const geo::StoryStep both = step("竹科與北九州", "Hsinchu and Kitakyushu");
    CHECK(geo::stepCaption(both, geo::Language::Zh) == "竹科與北九州");
    CHECK(geo::stepCaption(both, geo::Language::Ja) == "竹科與北九州");
    CHECK(geo::stepCaption(both, geo::Language::En) == "Hsinchu and Kitakyushu");
    CHECK(geo::stepCaption(step("", "Only English"), geo::Language::Zh) == "Only English");
    CHECK(geo::stepCaption(step("只有中文", ""), geo::Language::En) == "只有中文");
}

TEST_CASE("the caption is wrapped to 80 % of the width and stands above the attribution", "[audience]") {
    const test::FixedMeasure measure;
    const glm::vec2 display(1000, 600);
    // 100 characters of 10 px: 1000 px, wrapped at 800 px into two lines.
    const geo::CaptionLayout c = geo::layoutCaption(step(std::string(100, 'a').c_str(), ""), geo::Language::Zh, measure, 1.0f, display);
    REQUIRE(c.lines.size() == 2);
    CHECK(c.lines[0].size() == 80);
    CHECK(c.lineHeight == Approx(23.0f));      // 1.15 times the font's 20 px
    CHECK(c.max.y == 600 - 56);                // above the attribution and scale bar
    CHECK(c.min.y == Approx(544 - 46 - 36));   // two lines and 18 px of padding above and below
    CHECK(c.min.x == Approx(100 - 18));         // centred
    CHECK(c.inset(display) == Approx(600 - c.min.y));
    CHECK(geo::layoutCaption(step("", ""), geo::Language::Zh, measure, 1.0f, display).empty());
}

TEST_CASE("the audience sees the caption and the step number; a black screen shows nothing", "[audience]") {
    const test::FixedMeasure measure;
    const geo::Palette palette = geo::shippedPalette();
    const geo::StoryStep s = step("第二天", "Day 2");
    geo::AudienceInput in;
    in.step = &s;
    in.current = 2;
    in.count = 7;
    in.language = geo::Language::Zh;
    in.display = {1920, 1080};
    geo::AudienceLayout out = geo::layoutAudience(in, palette, measure);
    CHECK(out.covered.size() == 2); // the caption and the step number: labels keep out of both
    std::vector<std::string> texts;
    for (const auto& item : out.list.items)
        if (const auto* t = std::get_if<geo::draw::Text>(&item)) texts.push_back(t->text);
    CHECK(texts == std::vector<std::string>{"第二天", "3 / 7"});
    // The presenter overlay shows the step number itself; a number being typed shows beside it.
    in.pending = "12";
    CHECK(std::get<geo::draw::Text>(geo::layoutAudience(in, palette, measure).list.items.back()).text == "3 / 7   → 12");
    in.presenterOverlay = true;
    CHECK(geo::layoutAudience(in, palette, measure).covered.size() == 1);
    in.blanked = true;
    out = geo::layoutAudience(in, palette, measure);
    CHECK(out.list.empty());
    CHECK(out.covered.empty());
}
