#include <geo/base/text_encoding.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>


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

namespace {

geo::Utf8Char decodeFirst(std::string_view bytes) { return geo::decodeUtf8(bytes, 0); }

} // namespace

TEST_CASE("decodeUtf8 decodes well-formed sequences of 1 to 4 bytes", "[encoding][utf8]") {
    struct Case {
        std::string_view bytes;
        unsigned codepoint;
    };
    const Case cases[] = {
        {std::string_view("\0", 1), 0x00}, {"A", 'A'}, {"\x7f", 0x7F},                       // 1 byte
        {"\xc2\x80", 0x80}, {"\xc3\xa9", 0xE9}, {"\xdf\xbf", 0x7FF},         // 2 bytes (é)
        {"\xe0\xa0\x80", 0x800}, {"熊", 0x718A}, {"\xed\x9f\xbf", 0xD7FF},  // 3 bytes, below the surrogates
        {"\xee\x80\x80", 0xE000}, {"\xef\xbf\xbf", 0xFFFF},                // 3 bytes, above them
        {"\xf0\x90\x80\x80", 0x10000}, {"😀", 0x1F600}, {"\xf4\x8f\xbf\xbf", 0x10FFFF}, // 4 bytes
    };
    for (const Case& c : cases) {
        const std::string_view bytes = c.bytes;
        INFO("U+" << std::hex << c.codepoint);
        const geo::Utf8Char decoded = decodeFirst(bytes);
        CHECK(decoded.valid);
        CHECK_FALSE(decoded.truncated);
        CHECK(decoded.codepoint == c.codepoint);
        CHECK(decoded.length == bytes.size());
    }
    // Decoding starts at `at`, and reads only that character.
    const std::string text = "a熊b";
    CHECK(geo::decodeUtf8(text, 1).codepoint == 0x718A);
    CHECK(geo::decodeUtf8(text, 1).length == 3);
    CHECK(geo::decodeUtf8(text, 4).codepoint == 'b');
}

TEST_CASE("decodeUtf8 rejects what is not well-formed UTF-8, one byte at a time", "[encoding][utf8]") {
    const std::string_view invalid[] = {
        "\xc0\xaf", "\xc1\xbf", "\xe0\x9f\xbf", "\xf0\x8f\xbf\xbf", // overlong forms ('/', U+7F, U+7FF, U+FFFF)
        "\xed\xa0\x80", "\xed\xbf\xbf",                              // surrogates U+D800, U+DFFF
        "\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xf7\xbf\xbf\xbf",  // past U+10FFFF
        "\x80", "\xbf", "\x80\x80",                                  // continuation bytes alone
        "\xf8\x88\x80\x80\x80", "\xfe", "\xff",                      // no such lead byte
        "\xe7\x41\x8a", "\xe7\x86\x41", "\xc3" "A",                  // a sequence broken by an ASCII byte
    };
    for (std::string_view bytes : invalid) {
        INFO("bytes: " << std::hex << static_cast<unsigned>(static_cast<unsigned char>(bytes[0])) << " ... ("
                       << std::dec << bytes.size() << ")");
        const geo::Utf8Char decoded = decodeFirst(bytes);
        CHECK_FALSE(decoded.valid);
        CHECK_FALSE(decoded.truncated);
        CHECK(decoded.codepoint == 0xFFFD);
        CHECK(decoded.length == 1);
        CHECK_FALSE(geo::isValidUtf8(bytes));
    }
}

TEST_CASE("decodeUtf8 tells a character cut off by the end of the text", "[encoding][utf8]") {
    for (std::string_view bytes : {"\xc3", "\xe7", "\xe7\x86", "\xf0\x9f", "\xf0\x9f\x98"}) {
        const geo::Utf8Char decoded = decodeFirst(bytes);
        CHECK_FALSE(decoded.valid);
        CHECK(decoded.truncated);
        CHECK(decoded.length == 1);
        CHECK_FALSE(geo::isValidUtf8(bytes));
    }
    // A start that can never become valid is wrong, not cut off.
    for (std::string_view bytes : {"\xe0\x80", "\xed\xa0", "\xf4\x90", "\xc0"}) {
        const geo::Utf8Char decoded = decodeFirst(bytes);
        CHECK_FALSE(decoded.valid);
        CHECK_FALSE(decoded.truncated);
    }
}

TEST_CASE("nextCodepoint turns overlong forms and surrogates into U+FFFD", "[encoding][utf8]") {
    const std::string text = "\xc0\xaf" "\xed\xa0\x80" "x";
    std::size_t i = 0;
    std::vector<unsigned> seen;
    while (i < text.size()) seen.push_back(geo::nextCodepoint(text, i));
    CHECK(seen == std::vector<unsigned>{0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 'x'});
}

TEST_CASE("truncateUtf8 cuts at a character boundary and says so with an ellipsis", "[encoding][utf8]") {
    CHECK(geo::truncateUtf8("Kumamoto", 8) == "Kumamoto"); // fits: unchanged, no ellipsis
    CHECK(geo::truncateUtf8("Kumamoto", 100) == "Kumamoto");
    CHECK(geo::truncateUtf8("", 0).empty());
    CHECK(geo::truncateUtf8("Kumamoto", 7) == "Kuma…"); // 4 + 3 bytes
    // 熊本市 is 3 characters of 3 bytes: 8 bytes leave room for one of them and "…".
    CHECK(geo::truncateUtf8("熊本市", 8) == "熊…");
    CHECK(geo::truncateUtf8("熊本市", 9) == "熊本市");
    CHECK(geo::truncateUtf8("熊本市", 5) == "…");
    CHECK(geo::truncateUtf8("熊本市", 2) == ""); // no room for a character or "…"
    CHECK(geo::truncateUtf8("ab", 1) == "a");
    // Malformed bytes count as one-byte characters; they are never joined to a neighbour.
    CHECK(geo::truncateUtf8("a\xff\xff\xff\xffz", 5) == "a\xff…");

    // Every cut of every length: at most maxBytes, valid UTF-8 for valid input, a prefix
    // of the text followed by "…" exactly when it was cut.
    const std::string text = "A熊é😀本 b\xc3\xa9";
    for (std::size_t maxBytes = 0; maxBytes <= text.size() + 1; ++maxBytes) {
        INFO("maxBytes " << maxBytes);
        const std::string cut = geo::truncateUtf8(text, maxBytes);
        CHECK(cut.size() <= maxBytes);
        CHECK(geo::isValidUtf8(cut));
        if (maxBytes >= text.size()) {
            CHECK(cut == text);
            continue;
        }
        const bool withEllipsis = maxBytes >= 3;
        const std::string prefix = withEllipsis ? cut.substr(0, cut.size() - 3) : cut;
        CHECK(text.compare(0, prefix.size(), prefix) == 0);
        if (withEllipsis) CHECK(cut.substr(cut.size() - 3) == "…");
        // The longest such prefix: the next character would not have fitted.
        std::size_t next = prefix.size();
        geo::nextCodepoint(text, next);
        CHECK(next > (withEllipsis ? maxBytes - 3 : maxBytes));
    }
}
