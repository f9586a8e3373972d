#include "text/sdf_atlas.hpp"

#include <algorithm>
#include <cstring>

namespace app {

SdfAtlas::SdfAtlas(int width, int height, int maxHeight)
    : m_width(width), m_height(height), m_maxHeight(std::max(maxHeight, height)),
      m_pixels(static_cast<std::size_t>(width) * static_cast<std::size_t>(height), 0) {}

void SdfAtlas::clear() {
    std::fill(m_pixels.begin(), m_pixels.end(), 0);
    m_shelves.clear();
    m_full = false;
    ++m_generation;
}

std::optional<glm::ivec2> SdfAtlas::add(int w, int h, const std::uint8_t* pixels, int pitch) {
    if (w <= 0 || h <= 0 || w + kGap > m_width) return std::nullopt;
    // The shelf that wastes least height, else a new one under the last.
    Shelf* best = nullptr;
    for (Shelf& s : m_shelves)
        if (s.height >= h + kGap && s.x + w + kGap <= m_width && (!best || s.height < best->height)) best = &s;
    if (best && best->height > (h + kGap) * 3 / 2 + 2) best = nullptr; // far too tall: keep it for tall glyphs
    if (!best) {
        const int y = m_shelves.empty() ? 0 : m_shelves.back().y + m_shelves.back().height;
        while (y + h + kGap > m_height) {
            if (m_height * 2 > m_maxHeight) {
                m_full = true;
                return std::nullopt;
            }
            m_height *= 2; // rows appended: every texel placed keeps its coordinates
            m_pixels.resize(static_cast<std::size_t>(m_width) * static_cast<std::size_t>(m_height), 0);
        }
        m_shelves.push_back({y, h + kGap, 0});
        best = &m_shelves.back();
    }
    const glm::ivec2 at(best->x, best->y);
    best->x += w + kGap;
    for (int row = 0; row < h; ++row)
        std::memcpy(&m_pixels[static_cast<std::size_t>(at.y + row) * static_cast<std::size_t>(m_width) + static_cast<std::size_t>(at.x)],
                    pixels + static_cast<std::ptrdiff_t>(row) * pitch, static_cast<std::size_t>(w));
    ++m_generation;
    return at;
}

} // namespace app
