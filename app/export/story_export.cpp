#include "export/story_export.hpp"

#include "export/pdf_writer.hpp"
#include "export/story_video.hpp"
#include "export/offscreen_viewer.hpp"

#include <geo/base/output_file.hpp>
#include <geo/briefing/briefing.hpp>

#include <SFML/Graphics/Image.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <utility>
#include <vector>

namespace app {

namespace {

// Every step of `storyIds` at the options' size, as PNG under outDir/STORY/, and as pages of `pdfPath` (if given).
int exportAtSize(const ViewerOptions& options, const std::vector<std::string>& storyIds, const std::filesystem::path& outDir,
                 const std::filesystem::path& pdfPath) {
    const int w = options.width, h = options.height;
    OffscreenViewer viewer(options);
    if (!viewer.start("--export-story", "--export-story: no briefing file to take the stories from")) return 1;
    Session& session = viewer.session();
    Headless& headless = viewer.headless();
    const std::vector<std::filesystem::path> inputs = exportInputs(options);
    std::unique_ptr<PdfWriter> pdf;
    std::unique_ptr<geo::OutputFile> pdfOut;
    if (!pdfPath.empty()) {
        pdfOut = std::make_unique<geo::OutputFile>(pdfPath, inputs);
        if (!pdfOut->ok()) {
            spdlog::error("--export-story: {}", pdfOut->error());
            return 1;
        }
        // Pages of 16:9 at 96 dpi: 1920x1080 px is 1440x810 pt.
        pdf = std::make_unique<PdfWriter>(pdfOut->temporary(), w * 0.75, h * 0.75);
        if (!pdf->ok()) {
            spdlog::error("--export-story: cannot write {} (is the folder writable?)", pdfPath.string());
            return 1;
        }
    }
    int failures = 0, written = 0;
    for (const std::string& id : storyIds) {
        const geo::Story* story = viewer.presentStory(id);
        if (!story) {
            ++failures;
            continue;
        }
        spdlog::info("exporting story '{}' ({} steps) at {}x{}", id, story->steps.size(), w, h);
        const std::filesystem::path dir = outDir / id;
        for (std::size_t i = 0; i < story->steps.size(); ++i) {
            session.presentation().navigator().jumpTo(i + 1);
            session.applyCurrentStep(false);
            session.waitForViewLevels();
            headless.renderFrame({w, h});
            const sf::Image image = headless.target().read();
            char name[32];
            std::snprintf(name, sizeof name, "%02zu.png", i + 1);
            geo::OutputFile file(dir / name, inputs);
            std::string error;
            if (!file.ok() || !image.saveToFile(file.temporary().string()) || !file.commit(error)) {
                spdlog::error("--export-story: {}", !file.ok() ? file.error() : error.empty() ? "cannot write " + file.target().string() : error);
                ++failures;
                if (!file.ok()) break; // the folder: the other steps cannot be written either
                continue;
            }
            ++written;
            if (pdf && !pdf->addPage(image)) {
                spdlog::error("--export-story: cannot add a page to {}", pdfPath.string());
                ++failures;
            }
        }
        session.presenting().leave();
    }
    if (pdf) {
        std::string error;
        const int pages = pdf->pages();
        if (!pdf->close(error) || failures > 0 || !pdfOut->commit(error)) {
            spdlog::error("--export-story: {}: {}", pdfPath.string(), failures > 0 && error.empty() ? "not written: steps failed" : error);
            ++failures;
        } else {
            spdlog::info("wrote {} ({} pages)", pdfPath.string(), pages);
        }
    }
    spdlog::info("wrote {} step image(s) at {}x{} under {}", written, w, h, outDir.string());
    return failures ? 1 : 0;
}

} // namespace

int exportStories(const ViewerOptions& options, const std::string& story, const std::filesystem::path& outDir, bool sizeGiven,
                  VideoRequest video) {
    // The story ids, from the briefing file itself.
    const geo::BriefingLoadResult content = geo::loadBriefingFile(options.briefingFile);
    std::vector<std::string> ids;
    if (story == "all")
        for (const auto& s : content.briefing.stories) ids.push_back(s.id);
    else
        ids.push_back(story);
    if (ids.empty()) {
        std::fprintf(stderr, "ktmap: %s has no stories to export\n", options.briefingFile.c_str());
        return 1;
    }
    auto scaled = [&](int width, int height) {
        ViewerOptions o = options;
        o.width = width;
        o.height = height;
        o.uiScale = std::min(3.0f, options.uiScale * static_cast<float>(o.height) / 1080.0f); // the same layout at every size
        return o;
    };
    // A video at 1920x1080, or at --size (3840x2160 for 4K).
    if (video.video) {
        const ViewerOptions o = sizeGiven ? scaled(options.width, options.height) : scaled(1920, 1080);
        return exportStoryVideos(o, ids, outDir, video.fps);
    }
    // 1920x1080 for slides and a PDF of every step, 3840x2160 for print; --size gives one size.
    std::vector<std::pair<int, int>> sizes;
    if (sizeGiven) sizes.push_back({options.width, options.height});
    else sizes = {{1920, 1080}, {3840, 2160}};
    int status = 0;
    for (std::size_t k = 0; k < sizes.size(); ++k) {
        const ViewerOptions o = scaled(sizes[k].first, sizes[k].second);
        const std::filesystem::path dir = outDir / (std::to_string(o.width) + "x" + std::to_string(o.height));
        const std::filesystem::path pdf = k == 0 ? outDir / "stories.pdf" : std::filesystem::path();
        status |= exportAtSize(o, ids, dir, pdf);
    }
    return status;
}

} // namespace app
