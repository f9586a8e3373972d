#include "export/handout.hpp"

#include "export/handout_layout.hpp"
#include "export/handout_maps.hpp"
#include "export/handout_pages.hpp"

#include <geo/base/output_file.hpp>

#include <cairo-pdf.h>
#include <spdlog/spdlog.h>

#include <chrono>

namespace app {

namespace {

geo::Language languageOf(const std::string& code) {
    return code == "zh" ? geo::Language::Zh : code == "ja" ? geo::Language::Ja : geo::Language::En;
}

} // namespace

int exportHandout(const ViewerOptions& options, const std::filesystem::path& target) {
    const auto t0 = std::chrono::steady_clock::now();
    // Every file the run reads is refused as the output; the PDF is written beside the target
    // and renamed over it only once cairo has finished it.
    std::vector<std::filesystem::path> inputs{options.briefingFile, options.layerFile, options.paletteFile};
    inputs.insert(inputs.end(), options.extraLayers.begin(), options.extraLayers.end());
    geo::OutputFile out(target, inputs);
    if (!out.ok()) {
        spdlog::error("--export-handout: {}", out.error());
        return 1;
    }
    HandoutMaps maps(options);
    if (!maps.start()) return 1;
    const geo::Language language = languageOf(options.language);

    PageLayout layout;
    HandoutPages pages(layout, maps.briefing(), maps.palette(), language, &maps);
    layout.setFooter(pages.footer());
    pages.cover();
    for (std::size_t i = 0; i < maps.briefing().trips.size(); ++i) pages.trip(i);
    for (std::size_t i = 0; i < maps.briefing().partnerships.size(); ++i) pages.partnership(i);
    if (!maps.briefing().sites.empty()) pages.siteIndex();
    if (pages.missingMaps() > 0) {
        spdlog::error("--export-handout: {} map(s) could not be drawn; nothing written", pages.missingMaps());
        return 1;
    }
    const auto t1 = std::chrono::steady_clock::now();

    const PageGeometry geometry = layout.geometry();
    cairo_surface_t* pdf = cairo_pdf_surface_create(out.temporary().c_str(), geometry.width, geometry.height);
    const geo::Briefing& b = maps.briefing();
    cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_TITLE, (b.titleEn.empty() ? b.title : b.titleEn).c_str());
    cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATOR, "ktmap --export-handout");
    const bool drawn = layout.write(pdf);
    cairo_surface_finish(pdf); // the file is written here: a full disk shows in its status
    const cairo_status_t status = cairo_surface_status(pdf);
    cairo_surface_destroy(pdf);
    if (!drawn || status != CAIRO_STATUS_SUCCESS) {
        const std::string why = out.explain(cairo_status_to_string(status)); // before the space is freed
        out.discard();
        spdlog::error("--export-handout: cannot write {}: {}; nothing was written", target.string(), why);
        return 1;
    }
    std::string error;
    if (!out.commit(error)) {
        spdlog::error("--export-handout: {}", error);
        return 1;
    }
    const auto t2 = std::chrono::steady_clock::now();
    using Seconds = std::chrono::duration<double>;
    spdlog::info("wrote {} ({} pages, {} maps at {} dpi) in {:.1f} s (maps and layout {:.1f} s, PDF {:.1f} s)", target.string(),
                 layout.pageCount(), maps.rendered(), HandoutMaps::kDpi, Seconds(t2 - t0).count(), Seconds(t1 - t0).count(),
                 Seconds(t2 - t1).count());
    return 0;
}

} // namespace app
