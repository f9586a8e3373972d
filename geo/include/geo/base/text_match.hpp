#pragma once
// "Did you mean ...?" for keys, ids and layer names in the user's files.

#include <string>
#include <string_view>
#include <vector>

namespace geo {

// Levenshtein distance over bytes (keys and ids are ASCII).
std::size_t editDistance(std::string_view a, std::string_view b);

// The candidate closest to `word` if it is close enough to be a likely typo; else empty.
std::string closestMatch(std::string_view word, const std::vector<std::string>& candidates);

} // namespace geo
