// One render test: runs the viewer headless with the case's arguments and compares
// its PNG with the case's expected.png.
//
// A pixel differs when its colour distance (YIQ, as pixelmatch measures it) exceeds
// `threshold` (default 0.1285 of the maximum); the case fails when the fraction of
// differing pixels exceeds `allowed` (default 0.00015, MapLibre's: llvmpipe draws the same
// pixels every run, so a case passes pixel for pixel; the slack is for a driver's rounding). On failure actual.png and
// diff.png are written to the output folder. UPDATE=1 copies actual over expected
// instead: look at the new expected images before committing them.
//
// case.toml:  args = ["--view", "130.7,32.8,9"]   size = "960x540"   allowed = 0.00015
//             env = { FONTCONFIG_FILE = "fontconfig/no-fonts.conf" }   (paths relative to tests/data)
//             labels_min = 10   (at least that many map labels placed; every case also checks,
//                                from --labels-out, that each label is inside the image and
//                                overlaps no other label and nothing else placement knew of:
//                                markers, badges, callouts, captions, panels)
//             contrast_min = 4.5   (also measures each placed label's text against its halo
//                                   from the pixels, as rendered and washed out: support/label_contrast.hpp)
// The viewer runs with tests/data as its working directory.

#include "image_diff.hpp"
#include "label_contrast.hpp"

#include <SFML/Graphics/Image.hpp>
#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::string quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'') out += "'\\''";
        else out += c;
    }
    return out + "'";
}

struct PlacementBox {
    std::string kind; // label, marker, badge, callout, caption, panel
    double x0, y0, x1, y1;
};

// What placement considered (--labels-out): at least `minimum` labels, each inside the image,
// and no label overlapping another label or anything else placement knew of.
bool checkLabels(const fs::path& file, const std::string& size, std::size_t minimum, const std::string& name) {
    int w = 0, h = 0;
    std::sscanf(size.c_str(), "%dx%d", &w, &h);
    std::ifstream in(file);
    if (!in) {
        std::fprintf(stderr, "FAIL %s: the viewer wrote no --labels-out file %s\n", name.c_str(), file.c_str());
        return false;
    }
    std::vector<PlacementBox> boxes, labels;
    PlacementBox b{};
    while (in >> b.kind >> b.x0 >> b.y0 >> b.x1 >> b.y1) (b.kind == "label" ? labels : boxes).push_back(b);
    bool ok = true;
    if (labels.size() < minimum) {
        std::fprintf(stderr, "FAIL %s: %zu labels placed, expected at least %zu\n", name.c_str(), labels.size(), minimum);
        ok = false;
    }
    auto overlap = [](const PlacementBox& p, const PlacementBox& q) { return p.x0 < q.x1 && q.x0 < p.x1 && p.y0 < q.y1 && q.y0 < p.y1; };
    std::size_t overlaps = 0;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const PlacementBox& p = labels[i];
        if (!(p.x1 > p.x0 && p.y1 > p.y0) || p.x0 < 0 || p.y0 < 0 || p.x1 > w || p.y1 > h) {
            std::fprintf(stderr, "FAIL %s: label %zu (%.1f,%.1f)-(%.1f,%.1f) is not inside the %dx%d image\n", name.c_str(), i, p.x0,
                         p.y0, p.x1, p.y1, w, h);
            ok = false;
        }
        for (std::size_t j = i + 1; j < labels.size(); ++j)
            if (overlap(p, labels[j])) {
                std::fprintf(stderr, "FAIL %s: labels %zu and %zu overlap\n", name.c_str(), i, j);
                ++overlaps;
            }
        for (const PlacementBox& q : boxes)
            if (overlap(p, q)) {
                std::fprintf(stderr, "FAIL %s: label %zu (%.1f,%.1f)-(%.1f,%.1f) overlaps a %s (%.1f,%.1f)-(%.1f,%.1f)\n", name.c_str(), i,
                             p.x0, p.y0, p.x1, p.y1, q.kind.c_str(), q.x0, q.y0, q.x1, q.y1);
                ++overlaps;
            }
    }
    if (overlaps) ok = false;
    std::printf("%s: %zu labels against %zu other boxes, %zu overlaps: %s\n", name.c_str(), labels.size(), boxes.size(), overlaps,
                ok ? "good" : "NO");
    return ok;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: render_check CASE_DIR VIEWER OUT_DIR\n");
        return 2;
    }
    const fs::path caseDir = argv[1], viewer = argv[2], outDir = fs::path(argv[3]) / caseDir.filename();
    fs::create_directories(outDir);
    auto parsed = toml::parse_file((caseDir / "case.toml").string());
    if (!parsed) {
        std::fprintf(stderr, "%s: %s\n", (caseDir / "case.toml").c_str(), std::string(parsed.error().description()).c_str());
        return 2;
    }
    const toml::table& t = parsed.table();
    const std::string size = t["size"].value_or(std::string("960x540"));
    const double allowed = t["allowed"].value_or(0.00015);
    const double threshold = t["threshold"].value_or(0.1285);
    // The viewer runs in tests/data, so that case arguments name fixtures by relative
    // paths and the messages on screen do not depend on where the checkout is.
    const fs::path dataDir = fs::absolute(caseDir).parent_path().parent_path().parent_path() / "data";
    std::string command = "cd " + quote(dataDir.string()) + " && ";
    // env = { NAME = "value" }: variables for the viewer (a value may name a file in tests/data).
    if (const toml::table* env = t["env"].as_table()) {
        command += "env";
        for (const auto& [key, value] : *env) {
            std::string v = value.value_or(std::string());
            // A file of tests/data is passed by its absolute path: tools such as fontconfig
            // resolve relative paths against their own folders, not the working directory.
            if (!v.empty() && fs::exists(dataDir / v)) v = (dataDir / v).string();
            command += " " + std::string(key.str()) + "=" + quote(v);
        }
        command += " ";
    }
    command += quote(fs::absolute(viewer).string());
    if (const toml::array* args = t["args"].as_array())
        for (const auto& a : *args) command += " " + quote(a.value_or(std::string()));
    const fs::path actualPath = fs::absolute(outDir / "actual.png");
    command += " --size " + size + " --screenshot " + quote(actualPath.string());
    // Every case checks its labels against everything else; labels_min asks for that many too.
    const std::int64_t labelsMin = std::max(t["labels_min"].value_or(std::int64_t{0}), std::int64_t{0});
    const fs::path labelsPath = fs::absolute(outDir / "labels.tsv");
    const double contrastMin = t["contrast_min"].value_or(0.0);
    fs::remove(labelsPath);
    command += " --labels-out " + quote(labelsPath.string());
    std::printf("running: %s\n", command.c_str());
    std::fflush(stdout);
    if (std::system(command.c_str()) != 0) {
        std::fprintf(stderr, "FAIL %s: the viewer did not exit 0\n", caseDir.filename().c_str());
        return 1;
    }
    if (!checkLabels(labelsPath, size, static_cast<std::size_t>(labelsMin), caseDir.filename().string())) return 1;
    if (contrastMin > 0.0 && !test::checkLabelContrast(actualPath, labelsPath, contrastMin, caseDir.filename().string())) return 1;
    const fs::path expectedPath = caseDir / "expected.png";
    if (const char* update = std::getenv("UPDATE"); update && std::string(update) == "1") {
        fs::copy_file(actualPath, expectedPath, fs::copy_options::overwrite_existing);
        std::printf("UPDATED %s: look at it before committing\n", expectedPath.c_str());
        return 0;
    }
    sf::Image expected, actual;
    if (!expected.loadFromFile(expectedPath.string())) {
        std::fprintf(stderr, "FAIL %s: no expected.png (run with UPDATE=1, look at it, commit it)\n", caseDir.filename().c_str());
        return 1;
    }
    if (!actual.loadFromFile(actualPath.string())) {
        std::fprintf(stderr, "FAIL %s: cannot read the image the viewer wrote, %s\n", caseDir.filename().c_str(), actualPath.c_str());
        return 1;
    }
    if (expected.getSize() != actual.getSize()) {
        std::fprintf(stderr, "FAIL %s: size %ux%u, expected %ux%u\n", caseDir.filename().c_str(), actual.getSize().x,
                     actual.getSize().y, expected.getSize().x, expected.getSize().y);
        return 1;
    }
    const test::ImageDiff d = test::compareImages(actual, expected, threshold);
    std::printf("%s: %zu pixels differ (%.5f of the image; allowed %.5f)\n", caseDir.filename().c_str(), d.differing, d.fraction,
                allowed);
    if (d.fraction > allowed) {
        d.image.saveToFile((outDir / "diff.png").string());
        std::fprintf(stderr, "FAIL %s: see %s and %s\n", caseDir.filename().c_str(), actualPath.c_str(), (outDir / "diff.png").c_str());
        return 1;
    }
    return 0;
}
