#pragma once
// An sRGB colour with straight (not premultiplied) alpha, 8 bits a channel: how the layer
// file, the palette and the display lists give colours.

#include <cstdint>
#include <optional>
#include <string>

namespace geo {

struct Color {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;
    // "#RRGGBB" or "#RRGGBBAA"; nullopt when malformed.
    static std::optional<Color> parse(const std::string& text);
    bool operator==(const Color& o) const { return r == o.r && g == o.g && b == o.b && a == o.a; }
    bool operator!=(const Color& o) const { return !(*this == o); }
    // The same colour with its alpha multiplied by `alpha` (clamped to 0..1), rounded down.
    Color withAlpha(float alpha) const;
    bool visible() const { return a != 0; }
};

} // namespace geo
