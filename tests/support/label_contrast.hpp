#pragma once
// The render tests' measurement of label contrast from the pixels (issue #17): each placed
// label's text against its halo, WCAG 2.2 contrast, as rendered and after the projector
// wash-out of geo/base/colour_vision.hpp.
//
// Inside a label's box there are the text's ink, the halo around it, and perhaps some of the
// map between the glyphs; ink and halo are the two extremes of luminance there (whichever is
// the dark one). So the measure is the contrast between the darkest and the lightest few
// percent of the box's pixels (kInkShare): a percentile, not the single extreme pixel, so
// that a stray pixel does not decide, and not a mean, so that the antialiased edges of the
// glyphs (many of the pixels of small text, more so with SDF text's subpixel positions and
// soft halo) do not pull the ink towards the halo. It works the same for dark text on a light
// halo and light text on a dark one, and does not need to know how the text was drawn.

#include <SFML/Graphics/Image.hpp>

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace test {

// One line of the viewer's --labels-out file: "kind x0 y0 x1 y1" (kind: label, marker, badge,
// callout, caption, panel) or, as it was written before, "x0 y0 x1 y1" for a label.
struct PlacedBox {
    std::string kind;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

// The boxes of the file; `error` says which line could not be read (the rest are still read).
std::vector<PlacedBox> readPlacedBoxes(const std::filesystem::path& file, std::string& error);

inline constexpr double kInkShare = 0.03;      // of a box's pixels, at each extreme
inline constexpr std::size_t kMinBoxPixels = 40; // fewer cannot hold a legible label

struct LabelContrast {
    bool measured = false;   // false: the box holds fewer than kMinBoxPixels pixels of the image
    std::size_t pixels = 0;  // inside the box and the image
    double dark = 0.0, light = 0.0; // relative luminance of the extremes (ink and halo, either way)
    double contrast = 1.0;          // WCAG 2.2 contrast of the two
    double washedContrast = 1.0;    // the same after the projector wash-out of every pixel
};

// The pixels whose centres lie inside the box.
LabelContrast measureLabelContrast(const sf::Image& image, const PlacedBox& box);

// One message per label of `boxes` (kind "label") under `minimum`, as rendered or washed out,
// naming the case, the box and the ratio; empty when all pass.
std::vector<std::string> labelContrastFailures(const sf::Image& image, const std::vector<PlacedBox>& boxes, double minimum,
                                               const std::string& caseName);

// render_check's call: reads the image and the boxes, prints each label's figures and the
// failures ("FAIL case: ..."); true when every label passes.
bool checkLabelContrast(const std::filesystem::path& imageFile, const std::filesystem::path& boxesFile, double minimum,
                        const std::string& caseName);

} // namespace test
