#include "label_contrast.hpp"

#include <geo/base/colour_vision.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace test {

namespace colour = geo::colour;

std::vector<PlacedBox> readPlacedBoxes(const std::filesystem::path& file, std::string& error) {
    std::vector<PlacedBox> boxes;
    std::ifstream in(file);
    if (!in) {
        error = file.string() + ": cannot be read";
        return boxes;
    }
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        std::istringstream fields(line);
        std::string first;
        if (!(fields >> first)) continue; // a blank line
        PlacedBox b;
        // The older format has no kind: its first field is a number.
        const bool hasKind = !(std::isdigit(static_cast<unsigned char>(first[0])) || first[0] == '-' || first[0] == '.');
        bool ok = true;
        if (hasKind) {
            b.kind = first;
            ok = static_cast<bool>(fields >> b.x0 >> b.y0 >> b.x1 >> b.y1);
        } else {
            b.kind = "label";
            std::istringstream all(line);
            ok = static_cast<bool>(all >> b.x0 >> b.y0 >> b.x1 >> b.y1);
        }
        if (!ok) {
            if (error.empty()) error = file.string() + ":" + std::to_string(number) + ": expected \"kind x0 y0 x1 y1\", got \"" + line + "\"";
            continue;
        }
        boxes.push_back(b);
    }
    return boxes;
}

LabelContrast measureLabelContrast(const sf::Image& image, const PlacedBox& box) {
    LabelContrast result;
    const sf::Vector2u size = image.getSize();
    // Pixel (x, y) covers [x, x+1); its centre is inside the box when x0 <= x + 0.5 < x1.
    const long xBegin = std::max(0L, static_cast<long>(std::ceil(box.x0 - 0.5)));
    const long yBegin = std::max(0L, static_cast<long>(std::ceil(box.y0 - 0.5)));
    const long xEnd = std::min(static_cast<long>(size.x), static_cast<long>(std::ceil(box.x1 - 0.5)));
    const long yEnd = std::min(static_cast<long>(size.y), static_cast<long>(std::ceil(box.y1 - 0.5)));
    std::vector<double> luminance;
    for (long y = yBegin; y < yEnd; ++y)
        for (long x = xBegin; x < xEnd; ++x) {
            const sf::Color p = image.getPixel(static_cast<unsigned>(x), static_cast<unsigned>(y));
            luminance.push_back(colour::relativeLuminance(geo::Color{p.r, p.g, p.b, 255}));
        }
    result.pixels = luminance.size();
    if (result.pixels < kMinBoxPixels) return result;
    result.measured = true;
    std::sort(luminance.begin(), luminance.end());
    const std::size_t k = std::max<std::size_t>(1, static_cast<std::size_t>(std::lround(kInkShare * static_cast<double>(result.pixels))));
    result.dark = luminance[k - 1];
    result.light = luminance[result.pixels - k];
    result.contrast = colour::contrastRatio(result.dark, result.light);
    // The wash-out maps every pixel's luminance by the same increasing function
    // (colour_vision.hpp), so the same two pixels stay the extremes.
    result.washedContrast = colour::contrastRatio(colour::washOutLuminance(result.dark), colour::washOutLuminance(result.light));
    return result;
}

namespace {

std::string describe(const PlacedBox& b, std::size_t index) {
    char s[96];
    std::snprintf(s, sizeof s, "label %zu (%.1f,%.1f)-(%.1f,%.1f)", index, b.x0, b.y0, b.x1, b.y1);
    return s;
}

std::string ratio(double r) {
    char s[16];
    std::snprintf(s, sizeof s, "%.2f:1", r);
    return s;
}

} // namespace

std::vector<std::string> labelContrastFailures(const sf::Image& image, const std::vector<PlacedBox>& boxes, double minimum,
                                               const std::string& caseName) {
    std::vector<std::string> failures;
    std::size_t index = 0;
    for (const PlacedBox& b : boxes) {
        if (b.kind != "label") continue;
        const LabelContrast c = measureLabelContrast(image, b);
        const std::string head = caseName + ": " + describe(b, index++);
        if (!c.measured)
            failures.push_back(head + " holds " + std::to_string(c.pixels) + " pixels of the image, too few to measure its contrast");
        else if (c.contrast < minimum)
            failures.push_back(head + ": text against halo " + ratio(c.contrast) + ", needs " + ratio(minimum));
        else if (c.washedContrast < minimum)
            failures.push_back(head + ": text against halo " + ratio(c.washedContrast) + " washed out (" + ratio(c.contrast) +
                               " as rendered), needs " + ratio(minimum));
    }
    return failures;
}

bool checkLabelContrast(const std::filesystem::path& imageFile, const std::filesystem::path& boxesFile, double minimum,
                        const std::string& caseName) {
    sf::Image image;
    if (!image.loadFromFile(imageFile.string())) {
        std::fprintf(stderr, "FAIL %s: cannot read the image the viewer wrote, %s\n", caseName.c_str(), imageFile.c_str());
        return false;
    }
    std::string error;
    const std::vector<PlacedBox> boxes = readPlacedBoxes(boxesFile, error);
    if (!error.empty()) {
        std::fprintf(stderr, "FAIL %s: %s\n", caseName.c_str(), error.c_str());
        return false;
    }
    double worst = 1e9, worstWashed = 1e9;
    std::size_t labels = 0;
    for (const PlacedBox& b : boxes) {
        if (b.kind != "label") continue;
        ++labels;
        const LabelContrast c = measureLabelContrast(image, b);
        if (!c.measured) continue;
        worst = std::min(worst, c.contrast);
        worstWashed = std::min(worstWashed, c.washedContrast);
    }
    const std::vector<std::string> failures = labelContrastFailures(image, boxes, minimum, caseName);
    for (const std::string& f : failures) std::fprintf(stderr, "FAIL %s\n", f.c_str());
    if (labels == 0) {
        std::fprintf(stderr, "FAIL %s: contrast_min is set but no label was placed to measure\n", caseName.c_str());
        return false;
    }
    std::printf("%s: %zu labels, text against halo at worst %.2f:1, washed out %.2f:1 (needs %.2f:1): %s\n", caseName.c_str(), labels,
                worst, worstWashed, minimum, failures.empty() ? "yes" : "NO");
    return failures.empty();
}

} // namespace test
