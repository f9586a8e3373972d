#pragma once
// The pixels of the map's signed-distance-field glyphs: one channel, packed in shelves (rows of
// glyphs of about the same height), as MapLibre's glyph atlas is. Glyphs are added as text needs
// them: a full atlas grows (twice as tall, the texels already placed stay where they are, so
// quads made earlier in the frame stay right) up to a limit; past it, add() fails and the owner
// clears the atlas between frames (SdfText::newFrame).

#include <glm/vec2.hpp>

#include <cstdint>
#include <optional>
#include <vector>

namespace app {

class SdfAtlas {
public:
    explicit SdfAtlas(int width = 1024, int height = 512, int maxHeight = 4096);
    // Copies a `w`×`h` bitmap (`pitch` bytes a row) in; its top left texel, or none when full.
    std::optional<glm::ivec2> add(int w, int h, const std::uint8_t* pixels, int pitch);
    // Empties it (its size stays).
    void clear();
    int width() const { return m_width; }
    int height() const { return m_height; }
    const std::vector<std::uint8_t>& pixels() const { return m_pixels; }
    // Changes whenever the pixels or the size change (the GL texture is then uploaded again).
    unsigned generation() const { return m_generation; }
    // add() failed since the last clear().
    bool full() const { return m_full; }

private:
    static constexpr int kGap = 1; // texels between glyphs: linear sampling never reads a neighbour
    int m_width, m_height, m_maxHeight;
    std::vector<std::uint8_t> m_pixels;
    struct Shelf {
        int y, height, x;
    };
    std::vector<Shelf> m_shelves;
    unsigned m_generation = 1;
    bool m_full = false;
};

} // namespace app
