#include <geo/base/text_encoding.hpp>

#include <catch2/catch.hpp>


TEST_CASE("UTF-8 validation accepts text and rejects broken sequences", "[encoding]") {
    CHECK(geo::isValidUtf8("熊本 Kumamoto くまもと"));
    CHECK(geo::isValidUtf8(""));
    CHECK_FALSE(geo::isValidUtf8("\xe7\x86"));          // truncated
    CHECK_FALSE(geo::isValidUtf8("\xc0\xaf"));          // overlong '/'
    CHECK_FALSE(geo::isValidUtf8("\xed\xa0\x80"));      // surrogate
    CHECK_FALSE(geo::isValidUtf8("\xbb\x4f\xa4\xa4")); // Big5 臺中
}

TEST_CASE("Big5 and Shift_JIS bytes decode to the right characters", "[encoding]") {
    std::string out;
    // 臺中市 in Big5 (CP950): BB 4F  A4 A4  A5 AB
    REQUIRE(geo::decodeToUtf8("\xbb\x4f\xa4\xa4\xa5\xab", "CP950", out));
    CHECK(out == "臺中市");
    // 熊本県 in Shift_JIS (CP932): 8C 46  96 7B  8C A7
    REQUIRE(geo::decodeToUtf8("\x8c\x46\x96\x7b\x8c\xa7", "CP932", out));
    CHECK(out == "熊本県");
    CHECK_FALSE(geo::decodeToUtf8("\xff\xff", "CP932", out));
}

TEST_CASE("the encoding guess tells Big5 from Shift_JIS and says when it cannot", "[encoding]") {
    // Big5: 新竹科學園區 (B7 73  A6 CB  AC EC  BE C7  B6 E9  B0 CF)
    const std::string big5 = "\xb7\x73\xa6\xcb\xac\xec\xbe\xc7\xb6\xe9\xb0\xcf";
    // Shift_JIS: くまもと熊本 (82 AD  82 DC  82 E0  82 C6  8C 46  96 7B)
    const std::string sjis = "\x82\xad\x82\xdc\x82\xe0\x82\xc6\x8c\x46\x96\x7b";
    CHECK(geo::guessEncoding({big5, big5}).encoding == "CP950");
    CHECK(geo::guessEncoding({sjis}).encoding == "CP932");
    CHECK(geo::guessEncoding({"plain ascii"}).encoding == "UTF-8");
    CHECK(geo::guessEncoding({"熊本"}).encoding == "UTF-8");
    const auto unknown = geo::guessEncoding({"\xff\xfe\x80\xff"});
    CHECK(unknown.encoding.empty());
    CHECK_FALSE(unknown.confident);
}

TEST_CASE("nextCodepoint walks UTF-8 and turns malformed bytes into U+FFFD", "[encoding]") {
    const std::string text = "A熊\xff" "く\xe7";
    std::size_t i = 0;
    CHECK(geo::nextCodepoint(text, i) == 'A');
    CHECK(geo::nextCodepoint(text, i) == 0x718A); // 熊
    CHECK(geo::nextCodepoint(text, i) == 0xFFFD); // a stray 0xFF byte
    CHECK(geo::nextCodepoint(text, i) == 0x304F); // く
    CHECK(geo::nextCodepoint(text, i) == 0xFFFD); // a sequence cut off at the end
    CHECK(i == text.size());
}
