#include <geo/base/text_encoding.hpp>

#include <iconv.h>

#include <cerrno>

namespace geo {

Utf8Char decodeUtf8(std::string_view text, std::size_t at) {
    const auto lead = static_cast<unsigned char>(text[at]);
    if (lead < 0x80) return {lead, 1, true, false};
    // Unicode's table of well-formed byte sequences (Table 3-7): the lead byte gives the
    // length, and the range allowed for the second byte is what excludes overlong forms
    // (E0, F0), surrogates (ED) and values past U+10FFFF (F4); later bytes are 80..BF.
    std::size_t length = 0;
    unsigned codepoint = 0;
    unsigned char secondMin = 0x80, secondMax = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        codepoint = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        codepoint = lead & 0x0Fu;
        if (lead == 0xE0) secondMin = 0xA0;
        if (lead == 0xED) secondMax = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        codepoint = lead & 0x07u;
        if (lead == 0xF0) secondMin = 0x90;
        if (lead == 0xF4) secondMax = 0x8F;
    } else {
        return {}; // a continuation byte, C0/C1 (always overlong) or F5..FF
    }
    for (std::size_t k = 1; k < length; ++k) {
        if (at + k >= text.size()) {
            Utf8Char cut;
            cut.truncated = true;
            return cut;
        }
        const auto byte = static_cast<unsigned char>(text[at + k]);
        const unsigned char lo = k == 1 ? secondMin : 0x80, hi = k == 1 ? secondMax : 0xBF;
        if (byte < lo || byte > hi) return {};
        codepoint = (codepoint << 6) | (byte & 0x3Fu);
    }
    return {codepoint, length, true, false};
}

bool isValidUtf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const Utf8Char c = decodeUtf8(text, i);
        if (!c.valid) return false;
        i += c.length;
    }
    return true;
}

unsigned nextCodepoint(std::string_view text, std::size_t& i) {
    const Utf8Char c = decodeUtf8(text, i);
    i += c.length; // 1 for a malformed byte
    return c.codepoint;
}

std::string truncateUtf8(std::string_view text, std::size_t maxBytes) {
    if (text.size() <= maxBytes) return std::string(text);
    constexpr std::string_view kEllipsis = "…";
    const bool withEllipsis = maxBytes >= kEllipsis.size();
    const std::size_t room = withEllipsis ? maxBytes - kEllipsis.size() : maxBytes;
    std::size_t cut = 0; // end of the last whole character that fits
    while (cut < text.size()) {
        const std::size_t next = cut + decodeUtf8(text, cut).length;
        if (next > room) break;
        cut = next;
    }
    std::string out(text.substr(0, cut));
    if (withEllipsis) out += kEllipsis;
    return out;
}

bool decodeToUtf8(const std::string& text, const char* encoding, std::string& out) {
    iconv_t cd = iconv_open("UTF-8", encoding);
    if (cd == reinterpret_cast<iconv_t>(-1)) return false;
    out.assign(text.size() * 4 + 4, '\0');
    char* inPtr = const_cast<char*>(text.data());
    size_t inLeft = text.size();
    char* outPtr = out.data();
    size_t outLeft = out.size();
    const size_t rc = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft);
    iconv_close(cd);
    if (rc == static_cast<size_t>(-1) || inLeft != 0) return false;
    out.resize(out.size() - outLeft);
    return true;
}

namespace {

// How plausible decoded text is as East Asian place-name text: ideographs and
// kana score, half-width katakana and private-use code points (what a wrong
// guess between Big5 and Shift_JIS typically produces) cost.
double plausibility(const std::string& utf8, bool& hasKana) {
    double score = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        const unsigned cp = nextCodepoint(utf8, i);
        if (cp < 0x80) continue;
        if (cp >= 0x4E00 && cp <= 0x9FFF) score += 1.0;          // CJK unified ideographs
        else if (cp >= 0x3040 && cp <= 0x30FF) { score += 1.0; hasKana = true; } // hiragana, katakana
        else if (cp >= 0x3000 && cp <= 0x303F) score += 0.5;     // CJK punctuation
        else if (cp >= 0xFF01 && cp <= 0xFF5E) score += 0.2;     // full-width ASCII
        else if (cp >= 0xFF61 && cp <= 0xFF9F) score -= 1.0;     // half-width katakana
        else if (cp >= 0xE000 && cp <= 0xF8FF) score -= 2.0;     // private use
        else score -= 0.5;
    }
    return score;
}

} // namespace

EncodingGuess guessEncoding(const std::vector<std::string>& samples) {
    bool anyNonAscii = false, allUtf8 = true;
    for (const auto& s : samples) {
        for (char ch : s)
            if (static_cast<unsigned char>(ch) >= 0x80) anyNonAscii = true;
        if (!isValidUtf8(s)) allUtf8 = false;
    }
    if (!anyNonAscii) return {"UTF-8", true, "the text is plain ASCII"};
    if (allUtf8) return {"UTF-8", true, "the text is valid UTF-8"};

    struct Candidate { const char* encoding; const char* name; double score = 0; bool valid = true; bool kana = false; };
    Candidate candidates[] = {{"CP950", "Big5"}, {"CP932", "Shift_JIS"}};
    for (auto& cand : candidates) {
        for (const auto& s : samples) {
            std::string decoded;
            if (!decodeToUtf8(s, cand.encoding, decoded)) { cand.valid = false; break; }
            cand.score += plausibility(decoded, cand.kana);
        }
    }
    Candidate& big5 = candidates[0];
    Candidate& sjis = candidates[1];
    // Kana only exist in Japanese text: a valid Shift_JIS reading with kana wins.
    if (sjis.valid && sjis.kana && sjis.score > 0 && (!big5.valid || sjis.score >= big5.score))
        return {"CP932", true, "the text reads as Japanese in Shift_JIS"};
    if (big5.valid && big5.score > 0 && (!sjis.valid || big5.score > sjis.score * 1.5 + 1))
        return {"CP950", true, "the text reads as Traditional Chinese in Big5"};
    if (sjis.valid && sjis.score > 0 && (!big5.valid || sjis.score > big5.score * 1.5 + 1))
        return {"CP932", true, "the text reads as Japanese in Shift_JIS"};
    return {"", false, "the text is neither UTF-8 nor clearly Big5 or Shift_JIS"};
}

} // namespace geo
