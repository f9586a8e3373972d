#include "export/google_earth.hpp"

#include "export/kml_balloons.hpp"
#include "export/kml_document.hpp"
#include "export/kml_gdal.hpp"
#include "export/kml_icons.hpp"
#include "export/kml_records.hpp"
#include "export/kml_styles.hpp"
#include "export/kml_tours.hpp"

#include <geo/base/output_file.hpp>
#include <geo/basemap/layer_config.hpp>
#include <geo/briefing/briefing.hpp>
#include <geo/view/palette.hpp>

#include <kml/engine.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <map>

namespace app {

namespace {

geo::Language languageOf(const std::string& code) {
    return code == "zh" ? geo::Language::Zh : code == "ja" ? geo::Language::Ja : geo::Language::En;
}

bool isKmz(const std::filesystem::path& out) {
    std::string ext = out.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".kmz";
}

// The KMZ: doc.kml first (Google Earth opens the first .kml), then the icons it references.
bool addToKmz(const std::filesystem::path& file, const std::string& kml, const KmlStyles& styles, std::string& error) {
    const kmlengine::KmzFilePtr kmz(kmlengine::KmzFile::Create(file.c_str()));
    if (!kmz) {
        error = "cannot create the KMZ archive";
        return false;
    }
    if (!kmz->AddFile(kml, "doc.kml")) {
        error = "cannot add doc.kml to the KMZ archive";
        return false;
    }
    for (const KmlStyle& style : styles.all()) {
        if (style.iconFile.empty()) continue;
        const std::string png = renderMarkerIcon(style.icon);
        if (png.empty() || !kmz->AddFile(png, style.iconFile)) {
            error = "cannot add " + style.iconFile + " to the KMZ archive";
            return false;
        }
    }
    return true; // the archive is closed as kmz goes
}

// libkml closes the archive without saying whether its last bytes were written: the archive is
// read back whole (doc.kml and every icon) before it counts as written.
bool writeKmz(const std::filesystem::path& file, const std::string& kml, const KmlStyles& styles, std::string& error) {
    if (!addToKmz(file, kml, styles, error)) return false;
    std::size_t expected = 1;
    for (const KmlStyle& style : styles.all()) expected += style.iconFile.empty() ? 0 : 1;
    const kmlengine::KmzFilePtr back(kmlengine::KmzFile::OpenFromFile(file.c_str()));
    std::string doc;
    std::vector<std::string> files;
    if (back && back->ReadKml(&doc) && doc == kml && back->List(&files) && files.size() == expected) return true;
    error = "cannot write the KMZ archive whole";
    return false;
}

std::string documentBalloon(const geo::Briefing& b, const BalloonWriter& balloons) {
    HtmlBuilder html;
    for (const auto& [text, lang] : balloons.texts(b.title, b.titleEn)) html.paragraph(text, lang);
    std::size_t stops = 0;
    for (const geo::Trip& t : b.trips) stops += t.stops.size();
    html.paragraph(std::to_string(b.sites.size()) + " sites, " + std::to_string(b.trips.size()) + " trips with " +
                   std::to_string(stops) + " stops, " + std::to_string(b.partnerships.size()) + " partnerships, " +
                   std::to_string(b.stories.size()) + " stories (tours). Exported by ktmap.");
    return html.html();
}

void logAll(const geo::Diagnostics& diagnostics) {
    for (const auto& d : diagnostics)
        if (d.severity == geo::Severity::Error) spdlog::error("{}", d.format());
        else spdlog::warn("{}", d.format());
}

} // namespace

int exportGoogleEarth(const ViewerOptions& options, const std::filesystem::path& out) {
    std::vector<std::filesystem::path> inputs{options.briefingFile};
    if (!options.paletteFile.empty()) inputs.push_back(options.paletteFile);
    if (!options.layerFile.empty()) inputs.push_back(options.layerFile);
    inputs.insert(inputs.end(), options.extraLayers.begin(), options.extraLayers.end());
    if (options.briefingFile.empty()) {
        spdlog::error("--export: {}: no briefing file to export (give one with --briefing FILE)", out.string());
        return 1;
    }
    geo::OutputFile output(out, inputs);
    if (!output.ok()) {
        spdlog::error("--export: {}", output.error());
        return 1;
    }
    const geo::BriefingLoadResult load = geo::loadBriefingFile(options.briefingFile);
    logAll(load.diagnostics);
    if (geo::hasErrors(load.diagnostics)) {
        spdlog::error("--export: not exporting: {} has errors (fix them, or check with --check)", options.briefingFile.string());
        return 1;
    }
    const geo::Briefing& briefing = load.briefing;

    geo::Palette palette = geo::shippedPalette();
    if (!options.paletteFile.empty()) {
        geo::PaletteLoad loaded = geo::loadPalette(options.paletteFile);
        logAll(loaded.diagnostics); // the app goes on with the shipped colours, and so does the export
        palette = std::move(loaded.palette);
    }
    std::optional<geo::LonLatBox> home, region;
    if (!options.layerFile.empty()) {
        const geo::LayerConfigResult layers = geo::loadLayerConfig(options.layerFile);
        home = layers.config.home;
        region = layers.config.region;
    }

    const bool kmz = isKmz(out);
    const KmlStyles styles(palette, kmz);
    const BalloonWriter balloons(briefing, languageOf(options.language));
    const TourPlanner planner(briefing, home, region, {static_cast<double>(options.width), static_cast<double>(options.height)});
    std::map<std::string, std::vector<TourView>> views;
    std::vector<KmlTourEntry> tours;
    for (const geo::Story& story : briefing.stories) {
        if (story.steps.empty()) continue;
        views[story.id] = planner.plan(story);
        tours.push_back({{"Stories", balloons.storyTitle(story)}, buildTour(story, views[story.id], balloons.storyTitle(story))});
    }
    const std::vector<KmlRecord> records = kmlRecords(briefing, styles, balloons, views);

    std::string gdalKml, kml, error;
    KmlDocumentInfo info;
    const auto titles = balloons.texts(briefing.title, briefing.titleEn);
    info.name = titles.empty() ? options.briefingFile.stem().string() : titles.front().first;
    info.description = documentBalloon(briefing, balloons);
    if (const auto homeView = planner.home()) info.view = TourPlanner::lookAtElement(*homeView);
    if (!writeKmlWithGdal(records, styles, gdalKml, error) || !finishKml(gdalKml, records, tours, info, kml, error)) {
        spdlog::error("--export: {}: {}", out.string(), error);
        return 1;
    }
    if (kmz ? !writeKmz(output.temporary(), kml, styles, error) : !output.write(kml, error)) {
        spdlog::error("--export: {}: {}", out.string(), output.explain(error.empty() ? "cannot write the file" : error));
        return 1;
    }
    if (!output.commit(error)) {
        spdlog::error("--export: {}: {}", out.string(), error);
        return 1;
    }
    spdlog::info("wrote {} ({} placemarks, {} tours)", out.string(), records.size(), tours.size());
    return 0;
}

} // namespace app
