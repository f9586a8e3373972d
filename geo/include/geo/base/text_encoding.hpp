#pragma once
// Attribute text encodings. Shapefile .dbf text comes in whatever code page the
// producer used; a .cpg file or the .dbf's language-driver byte may say which.
// When neither does, we guess from the bytes and say so when we cannot tell.

#include <string>
#include <string_view>
#include <vector>

namespace geo {

bool isValidUtf8(const std::string& text);

// Decodes the UTF-8 character at text[i] and advances i past it; a malformed or
// cut-off sequence decodes as U+FFFD and advances one byte. For drawing and
// measuring text; use isValidUtf8 to validate.
unsigned nextCodepoint(std::string_view text, std::size_t& i);

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
