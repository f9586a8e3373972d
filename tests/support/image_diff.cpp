#include "image_diff.hpp"

namespace test {

namespace {

// Perceptual colour distance of two opaque pixels, normalised to [0, 1] (YIQ, after pixelmatch).
double colourDelta(sf::Color a, sf::Color b) {
    auto yiq = [](sf::Color c, double& y, double& i, double& q) {
        y = c.r * 0.29889531 + c.g * 0.58662247 + c.b * 0.11448223;
        i = c.r * 0.59597799 - c.g * 0.27417610 - c.b * 0.32180189;
        q = c.r * 0.21147017 - c.g * 0.52261711 + c.b * 0.31114694;
    };
    double y1, i1, q1, y2, i2, q2;
    yiq(a, y1, i1, q1);
    yiq(b, y2, i2, q2);
    const double d = 0.5053 * (y1 - y2) * (y1 - y2) + 0.299 * (i1 - i2) * (i1 - i2) + 0.1957 * (q1 - q2) * (q1 - q2);
    return d / 35215.0; // the largest possible value
}

} // namespace

ImageDiff compareImages(const sf::Image& actual, const sf::Image& expected, double threshold) {
    ImageDiff result;
    const sf::Vector2u size = actual.getSize();
    result.image.create(size.x, size.y);
    for (unsigned y = 0; y < size.y; ++y)
        for (unsigned x = 0; x < size.x; ++x) {
            const sf::Color a = actual.getPixel(x, y), e = expected.getPixel(x, y);
            const bool differs = colourDelta(a, e) > threshold * threshold;
            result.differing += differs;
            // Faded expected image with differing pixels in red.
            const auto grey = static_cast<sf::Uint8>(255 - (255 - (e.r + e.g + e.b) / 3) / 4);
            result.image.setPixel(x, y, differs ? sf::Color(230, 0, 0) : sf::Color(grey, grey, grey));
        }
    result.fraction = static_cast<double>(result.differing) / (static_cast<double>(size.x) * size.y);
    return result;
}

} // namespace test
