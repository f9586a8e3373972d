// Compares a PNG with an expected one as the render tests do: a pixel differs when its
// YIQ colour distance (after pixelmatch) exceeds `threshold` of the maximum; fails when
// more than `allowed` of the pixels differ, writing a diff image (differing pixels red).
//
// usage: image_compare ACTUAL EXPECTED DIFF [allowed=0.002] [threshold=0.1285]

#include <SFML/Graphics/Image.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

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

int main(int argc, char** argv) {
    if (argc < 4) {
        std::fprintf(stderr, "usage: image_compare ACTUAL EXPECTED DIFF [allowed] [threshold]\n");
        return 2;
    }
    const std::string actualPath = argv[1], expectedPath = argv[2], diffPath = argv[3];
    const double allowed = argc > 4 ? std::atof(argv[4]) : 0.002;
    const double threshold = argc > 5 ? std::atof(argv[5]) : 0.1285;
    sf::Image actual, expected;
    if (!actual.loadFromFile(actualPath)) {
        std::fprintf(stderr, "FAIL: cannot read %s\n", actualPath.c_str());
        return 1;
    }
    if (!expected.loadFromFile(expectedPath)) {
        std::fprintf(stderr, "FAIL: no %s (run with UPDATE=1, look at it, commit it)\n", expectedPath.c_str());
        return 1;
    }
    if (actual.getSize() != expected.getSize()) {
        std::fprintf(stderr, "FAIL %s: size %ux%u, expected %ux%u\n", actualPath.c_str(), actual.getSize().x, actual.getSize().y,
                     expected.getSize().x, expected.getSize().y);
        return 1;
    }
    sf::Image diff;
    diff.create(actual.getSize().x, actual.getSize().y);
    std::size_t differing = 0;
    for (unsigned y = 0; y < actual.getSize().y; ++y)
        for (unsigned x = 0; x < actual.getSize().x; ++x) {
            const sf::Color a = actual.getPixel(x, y), e = expected.getPixel(x, y);
            const bool differs = colourDelta(a, e) > threshold * threshold;
            differing += differs;
            const auto grey = static_cast<sf::Uint8>(255 - (255 - (e.r + e.g + e.b) / 3) / 4);
            diff.setPixel(x, y, differs ? sf::Color(230, 0, 0) : sf::Color(grey, grey, grey));
        }
    const double fraction = static_cast<double>(differing) / (static_cast<double>(actual.getSize().x) * actual.getSize().y);
    std::printf("%s: %zu pixels differ (%.5f of the image; allowed %.5f)\n", actualPath.c_str(), differing, fraction, allowed);
    if (fraction > allowed) {
        diff.saveToFile(diffPath);
        std::fprintf(stderr, "FAIL %s: see %s\n", actualPath.c_str(), diffPath.c_str());
        return 1;
    }
    return 0;
}
