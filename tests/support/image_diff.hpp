#pragma once
// The comparison the render tests and the two-display test share: a pixel differs when its
// perceptual colour distance (YIQ, as pixelmatch measures it) exceeds `threshold` of the
// maximum. Also makes the diff image: the expected image faded, differing pixels in red.

#include <SFML/Graphics/Image.hpp>

#include <cstddef>

namespace test {

struct ImageDiff {
    std::size_t differing = 0;
    double fraction = 0.0; // of all pixels
    sf::Image image;       // the diff image
};

// `actual` and `expected` must have the same size.
ImageDiff compareImages(const sf::Image& actual, const sf::Image& expected, double threshold);

} // namespace test
