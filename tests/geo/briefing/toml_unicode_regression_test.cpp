// Regression tests for inputs found by tests/fuzz (see tests/fuzz/run.sh): a non-ASCII
// character typed outside a string made toml++ 3.3.0 reach __builtin_unreachable()
// (undefined behaviour; upstream marzer/tomlplusplus#295). geo/src/toml_fixed.hpp
// replaces the broken whitespace check; the user now gets a syntax error at the character.
#include <geo/briefing/briefing.hpp>
#include <geo/basemap/layer_config.hpp>

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

const std::string kFuzzData = KTMAP_TEST_DATA_DIR "/fuzz/";

std::vector<std::string> formatted(const geo::Diagnostics& diagnostics) {
    std::vector<std::string> out;
    for (const auto& d : diagnostics) out.push_back(d.format());
    return out;
}

} // namespace

TEST_CASE("fuzz: a CJK full stop typed after a key is a syntax error with the full-width hint", "[fuzz-regression][briefing]") {
    const auto r = geo::parseBriefing(test::readFile(kFuzzData + "briefing/cjk_full_stop_after_key.toml"), "b.toml");
    CHECK(formatted(r.diagnostics) == std::vector<std::string>{
                                     "b.toml:2:6: error: TOML syntax error while parsing key-value pair: expected '=', saw '。' "
                                     "(the full-width '。' was typed with a CJK input method; type '.' instead)"});
}

TEST_CASE("fuzz: a CJK comma typed after a value is a syntax error with the full-width hint", "[fuzz-regression][briefing]") {
    const auto r = geo::parseBriefing(test::readFile(kFuzzData + "briefing/cjk_comma_after_value.toml"), "b.toml");
    CHECK(formatted(r.diagnostics) == std::vector<std::string>{
                                     "b.toml:3:16: error: TOML syntax error while parsing key-value pair: expected a comment or whitespace, "
                                     "saw '、' (the full-width '、' was typed with a CJK input method; type ',' instead)"});
}

TEST_CASE("fuzz: a Latin letter beyond ASCII in a layer-file key is a syntax error", "[fuzz-regression][layers]") {
    const auto r = geo::parseLayerConfig(test::readFile(kFuzzData + "layer_config/latin_letter_after_key.toml"), "layers.toml",
                                         "/nonexistent");
    CHECK(r.config.layers.empty());
    CHECK(formatted(r.diagnostics) == std::vector<std::string>{
                                     "layers.toml:1:2: error: Error while parsing key-value pair: expected '=', saw 'Ɔ' "
                                     "(fix the syntax; no layers were read from this file)"});
}
