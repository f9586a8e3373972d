#include <geo/view/text_measure.hpp>

#include "fixed_measure.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace {

std::vector<std::string> wrap(const std::string& text, float width) {
    const test::FixedMeasure m;
    std::vector<std::string> out;
    for (std::string_view line : geo::wrapLines(m, geo::FontRole::Ui, geo::Face::Chinese, text, width)) out.emplace_back(line);
    return out;
}

} // namespace

TEST_CASE("text wraps at spaces, which are dropped at the break", "[wrap]") {
    CHECK(wrap("the sister park", 100) == std::vector<std::string>{"the sister", "park"});
    CHECK(wrap("short", 100) == std::vector<std::string>{"short"});
    CHECK(wrap("", 100) == std::vector<std::string>{""});
}

TEST_CASE("Chinese and Japanese break between any two characters", "[wrap]") {
    CHECK(wrap("新竹科學園區與北九州", 50) == std::vector<std::string>{"新竹科學園", "區與北九州"});
    CHECK(wrap("北九州学術研究都市", 40) == std::vector<std::string>{"北九州学", "術研究都", "市"});
}

TEST_CASE("a line never starts with closing punctuation nor ends with opening punctuation", "[wrap]") {
    // "。" may not begin the second line: the break moves back one character.
    CHECK(wrap("竹科姐妹園。", 50) == std::vector<std::string>{"竹科姐妹", "園。"});
    // "「" may not end the first line.
    CHECK(wrap("訪問「北九州」", 30) == std::vector<std::string>{"訪問", "「北九", "州」"});
}

TEST_CASE("line feeds break, and a word longer than the line is cut", "[wrap]") {
    CHECK(wrap("one\ntwo", 100) == std::vector<std::string>{"one", "two"});
    CHECK(wrap("Kitakyushu", 40) == std::vector<std::string>{"Kita", "kyus", "hu"});
}
