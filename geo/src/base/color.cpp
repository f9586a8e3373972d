#include <geo/base/color.hpp>

#include <algorithm>

namespace geo {

std::optional<Color> Color::parse(const std::string& text) {
    if ((text.size() != 7 && text.size() != 9) || text[0] != '#') return std::nullopt;
    auto hex = [&](size_t i) -> int {
        auto digit = [](char c) -> int {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        };
        int hi = digit(text[i]), lo = digit(text[i + 1]);
        return (hi < 0 || lo < 0) ? -1 : hi * 16 + lo;
    };
    int v[4] = {0, 0, 0, 255};
    for (size_t k = 0; k < (text.size() - 1) / 2; ++k)
        if ((v[k] = hex(1 + 2 * k)) < 0) return std::nullopt;
    return Color{static_cast<std::uint8_t>(v[0]), static_cast<std::uint8_t>(v[1]), static_cast<std::uint8_t>(v[2]),
                 static_cast<std::uint8_t>(v[3])};
}

Color Color::withAlpha(float alpha) const {
    Color c = *this;
    c.a = static_cast<std::uint8_t>(static_cast<unsigned>(static_cast<float>(a) * std::clamp(alpha, 0.0f, 1.0f)));
    return c;
}

} // namespace geo
