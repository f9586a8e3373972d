// The story export test: runs `ktmap --export-story STORY --out DIR` (both sizes) and
// checks what it wrote: one PNG per step at 1920x1080 and at 3840x2160, and a PDF with
// one page per step.
//
// usage: export_check VIEWER BRIEFING STORY STEPS OUT_DIR

#include <SFML/Graphics/Image.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace fs = std::filesystem;

int main(int argc, char** argv) {
    if (argc != 6) {
        std::fprintf(stderr, "usage: export_check VIEWER BRIEFING STORY STEPS OUT_DIR\n");
        return 2;
    }
    const std::string viewer = argv[1], briefing = argv[2], story = argv[3];
    const int steps = std::atoi(argv[4]);
    const fs::path out = argv[5];
    fs::remove_all(out);
    const std::string command = "'" + viewer + "' --briefing '" + briefing + "' --export-story " + story + " --out '" + out.string() + "'";
    std::printf("running: %s\n", command.c_str());
    std::fflush(stdout);
    if (std::system(command.c_str()) != 0) {
        std::fprintf(stderr, "FAIL: the export did not exit 0\n");
        return 1;
    }
    int failures = 0;
    for (const auto& [w, h] : {std::pair<unsigned, unsigned>{1920, 1080}, std::pair<unsigned, unsigned>{3840, 2160}}) {
        const fs::path dir = out / (std::to_string(w) + "x" + std::to_string(h)) / story;
        for (int i = 1; i <= steps; ++i) {
            char name[32];
            std::snprintf(name, sizeof name, "%02d.png", i);
            sf::Image image;
            if (!image.loadFromFile((dir / name).string())) {
                std::fprintf(stderr, "FAIL: %s is missing or not a PNG\n", (dir / name).c_str());
                ++failures;
                continue;
            }
            if (image.getSize().x != w || image.getSize().y != h) {
                std::fprintf(stderr, "FAIL: %s is %ux%u, expected %ux%u\n", (dir / name).c_str(), image.getSize().x,
                             image.getSize().y, w, h);
                ++failures;
            }
        }
        char extra[32];
        std::snprintf(extra, sizeof extra, "%02d.png", steps + 1);
        if (fs::exists(dir / extra)) {
            std::fprintf(stderr, "FAIL: %s: more images than the story has steps\n", (dir / extra).c_str());
            ++failures;
        }
    }
    std::ifstream pdf(out / "stories.pdf", std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(pdf)), std::istreambuf_iterator<char>());
    if (bytes.rfind("%PDF-", 0) != 0) {
        std::fprintf(stderr, "FAIL: %s is not a PDF\n", (out / "stories.pdf").c_str());
        ++failures;
    } else {
        // cairo writes one "/Type /Page" object per page (and "/Type /Pages" for the tree).
        int pages = 0;
        for (std::size_t at = bytes.find("/Type /Page"); at != std::string::npos; at = bytes.find("/Type /Page", at + 1))
            if (bytes.compare(at, 12, "/Type /Pages") != 0) ++pages;
        if (pages != steps) {
            std::fprintf(stderr, "FAIL: stories.pdf has %d pages, expected %d\n", pages, steps);
            ++failures;
        }
    }
    std::printf("%s: %d steps exported at 1920x1080 and 3840x2160 with a PDF: %s\n", story.c_str(), steps,
                failures ? "NO" : "yes");
    return failures ? 1 : 0;
}
