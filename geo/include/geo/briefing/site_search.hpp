#pragma once
// Finding a site by name in any of its languages, as staff and presenters type it:
// partial matches, any case, full-width or half-width letters, and the Han character
// forms of Traditional Chinese and Japanese taken as the same (學/学, 縣/県, 會/会...),
// so "北九州学術" finds 北九州學術研究都市 and "kumamoto" finds 熊本.

#include <geo/briefing/briefing.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace geo {

struct SearchHit {
    std::size_t site = 0;   // index into Briefing::sites
    int score = 0;          // higher is better: 400 exact, 300 prefix, 200 word prefix, 100 anywhere
    std::string matched;    // the name (or id) that matched, as written in the file
};

// Folds text for matching: ASCII and full-width Latin letters and digits to lower-case
// ASCII, the Japanese shinjitai and simplified forms of the Han characters used in the
// briefing's place names to their traditional forms (and 台 to 臺), and runs of spaces
// (U+3000 too), '-', '_', '.', dashes, '・' and '·' to nothing. Full-width punctuation
// becomes ASCII: '（' → '('. Only forms of the same character fold: 駅 is not 站.
std::string foldForSearch(std::string_view text);

// Sites whose zh, ja or en name or id contains the query (after folding), best first:
// an exact name, then a name starting with the query, then a word of the name starting
// with it (after a space, '-', '_' or '(' in the name or id), then anywhere; among equals,
// cities before other kinds, then file order. Each site once, with its best field (zh, ja,
// en, id first among equals). An empty (after folding) query finds nothing. At most
// maxResults hits.
std::vector<SearchHit> searchSites(const Briefing& briefing, std::string_view query, std::size_t maxResults = 12);

} // namespace geo
