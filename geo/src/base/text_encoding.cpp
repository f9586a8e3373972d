#include <geo/base/text_encoding.hpp>

#include <iconv.h>

#include <cerrno>

namespace geo {

bool isValidUtf8(const std::string& text) {
    size_t i = 0;
    const size_t n = text.size();
    while (i < n) {
        const auto c = static_cast<unsigned char>(text[i]);
        size_t len;
        unsigned cp;
        if (c < 0x80) { ++i; continue; }
        if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1Fu; }
        else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0Fu; }
        else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07u; }
        else return false;
        if (i + len > n) return false;
        for (size_t k = 1; k < len; ++k) {
            const auto cc = static_cast<unsigned char>(text[i + k]);
            if ((cc & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cc & 0x3Fu);
        }
        // Overlong forms, surrogates and values past U+10FFFF are invalid.
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += len;
    }
    return true;
}

unsigned nextCodepoint(std::string_view text, std::size_t& i) {
    const auto c = static_cast<unsigned char>(text[i]);
    // Lead bytes: 0xxxxxxx, 110xxxxx, 1110xxxx, 11110xxx; anything else is malformed.
    const std::size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    bool ok = len != 0 && i + len <= text.size();
    for (std::size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    if (!ok) {
        ++i;
        return 0xFFFD;
    }
    unsigned cp = len == 1 ? c : len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
    i += len;
    return cp;
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
