#pragma once
// Checks on the briefing's raw text before and after toml++ parses it (private to geo):
// that it is UTF-8, and what a syntax error on a line probably was.

#include <geo/briefing/briefing.hpp>

#include <string>
#include <string_view>

namespace geo::briefing_text {

constexpr const char* kIncompleteHint = "the file looks incomplete — was it saved while still being written?";

struct Utf8Error {
    TextPos pos;        // line 0 when the text is valid
    bool cutOff = false; // a multi-byte character cut short by the end of the text
};

// The 1-based line and column (in characters) of the first byte that is not valid UTF-8.
Utf8Error firstInvalidUtf8(std::string_view text);

// Line `line` (1-based) of `text`, without its line break; empty past the end.
std::string_view lineAt(std::string_view text, int line);

// The first full-width character outside an ASCII-quoted string on `line`, as a hint.
std::string fullWidthHint(std::string_view line);

} // namespace geo::briefing_text
