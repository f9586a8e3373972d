#pragma once
// Attribute text encodings. Shapefile .dbf text comes in whatever code page the
// producer used; a .cpg file or the .dbf's language-driver byte may say which.
// When neither does, we guess from the bytes and say so when we cannot tell.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace geo {

// One character decoded from UTF-8 text. The one decoder every UTF-8 reader in geo uses.
struct Utf8Char {
    unsigned codepoint = 0xFFFD; // U+FFFD when not valid
    std::size_t length = 1;      // bytes of the character; 1 when not valid (skip the byte)
    bool valid = false;
    // Not valid only because the text ends inside it: the bytes up to the end begin a
    // well-formed character (a file saved while still being written).
    bool truncated = false;
};

// Decodes the character that starts at text[at] (at < text.size()). Well-formed UTF-8
// only: a continuation byte on its own, a byte that starts no sequence (C0, C1, F5..FF),
// a non-continuation byte inside a sequence, an overlong form, a surrogate (U+D800..
// U+DFFF) and anything past U+10FFFF are not valid.
Utf8Char decodeUtf8(std::string_view text, std::size_t at);

bool isValidUtf8(std::string_view text);

// Decodes the UTF-8 character at text[i] and advances i past it; a malformed or
// cut-off sequence decodes as U+FFFD and advances one byte. For drawing and
// measuring text; use isValidUtf8 to validate.
unsigned nextCodepoint(std::string_view text, std::size_t& i);

// `text` cut to at most `maxBytes` bytes, the "…" (3 bytes) included, at a character
// boundary: the text itself when it fits, else the longest prefix of whole characters
// that leaves room for "…", then "…". When maxBytes < 3 there is no room for "…" and the
// prefix is cut to maxBytes without it. Malformed bytes count as one-byte characters.
std::string truncateUtf8(std::string_view text, std::size_t maxBytes);

// Converts `text` from `encoding` (an iconv name such as "CP950") to UTF-8.
// Returns false (and leaves `out` unspecified) on any invalid byte sequence.
bool decodeToUtf8(const std::string& text, const char* encoding, std::string& out);

struct EncodingGuess {
    std::string encoding; // "UTF-8", "CP950" (Big5), "CP932" (Shift_JIS), or empty when undecidable
    bool confident = false;
    std::string reason;   // why, in words, for the message the user sees
};

// Looks at raw attribute strings (a sample of a layer's text values) and guesses the encoding.
EncodingGuess guessEncoding(const std::vector<std::string>& samples);

} // namespace geo
