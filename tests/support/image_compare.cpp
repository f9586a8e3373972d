// Compares a PNG with an expected one as the render tests do: a pixel differs when its
// YIQ colour distance (after pixelmatch) exceeds `threshold` of the maximum; fails when
// more than `allowed` of the pixels differ, writing a diff image (differing pixels red).
//
// usage: image_compare ACTUAL EXPECTED DIFF [allowed=0.00015] [threshold=0.1285]

#include "image_diff.hpp"

#include <SFML/Graphics/Image.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char** argv) {
    if (argc < 4) {
        std::fprintf(stderr, "usage: image_compare ACTUAL EXPECTED DIFF [allowed] [threshold]\n");
        return 2;
    }
    const std::string actualPath = argv[1], expectedPath = argv[2], diffPath = argv[3];
    const double allowed = argc > 4 ? std::atof(argv[4]) : 0.00015;
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
    const test::ImageDiff d = test::compareImages(actual, expected, threshold);
    std::printf("%s: %zu pixels differ (%.5f of the image; allowed %.5f)\n", actualPath.c_str(), d.differing, d.fraction, allowed);
    if (d.fraction > allowed) {
        d.image.saveToFile(diffPath);
        std::fprintf(stderr, "FAIL %s: see %s\n", actualPath.c_str(), diffPath.c_str());
        return 1;
    }
    return 0;
}
