// The Google Earth export (app/export/google_earth.cpp), run in-process on the shipped briefing
// and on tests/data/google_earth/small.toml, its output read back with libkml and GDAL.
#include "export/google_earth.hpp"

#include <geo/briefing/briefing.hpp>
#include <geo/briefing/trip_route.hpp>
#include <geo/view/palette.hpp>

#include <catch2/catch.hpp>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <kml/dom.h>
#include <kml/engine.h>
#include <pugixml.hpp>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <cmath>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>

#include <unistd.h>

namespace fs = std::filesystem;

namespace {

const fs::path kAssets = KTMAP_GE_ASSETS_DIR;
const fs::path kData = KTMAP_GE_DATA_DIR;

fs::path freshDir() {
    static std::atomic<int> n{0};
    const fs::path dir = fs::temp_directory_path() / ("ktmap-google-earth-" + std::to_string(getpid()) + "-" + std::to_string(n++));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::string readFile(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::set<std::string> listDir(const fs::path& dir) {
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.insert(e.path().filename().string());
    return names;
}

// Runs the export with the shipped layer file and palette; what it logged comes back in `log`.
int exportTo(const fs::path& briefing, const fs::path& out, std::string* log = nullptr, const std::string& lang = "en",
             const fs::path& palette = kAssets / "palette.toml") {
    app::ViewerOptions options;
    options.briefingFile = briefing;
    options.layerFile = kAssets / "layers.toml";
    options.paletteFile = palette;
    options.language = lang;
    std::ostringstream captured;
    const auto previous = spdlog::default_logger();
    spdlog::set_default_logger(std::make_shared<spdlog::logger>("test", std::make_shared<spdlog::sinks::ostream_sink_mt>(captured)));
    const int rc = app::exportGoogleEarth(options, out);
    spdlog::set_default_logger(previous);
    if (log) *log = captured.str();
    return rc;
}

// The KML of a .kml, or of a .kmz's doc.kml.
std::string kmlText(const fs::path& file) {
    if (file.extension() != ".kmz") return readFile(file);
    const kmlengine::KmzFilePtr kmz(kmlengine::KmzFile::OpenFromFile(file.c_str()));
    REQUIRE(kmz);
    std::string kml;
    REQUIRE(kmz->ReadKml(&kml));
    return kml;
}

struct Parsed {
    kmlengine::KmlFilePtr file;
    kmldom::DocumentPtr document;
    std::vector<kmldom::PlacemarkPtr> placemarks;
    std::vector<kmldom::GxTourPtr> tours;
};

Parsed parse(const std::string& kml) {
    Parsed p;
    std::string errors;
    p.file = kmlengine::KmlFile::CreateFromParse(kml, &errors);
    INFO(errors);
    REQUIRE(p.file);
    CHECK(errors.empty());
    const kmldom::KmlPtr root = kmldom::AsKml(p.file->get_root());
    REQUIRE(root);
    p.document = kmldom::AsDocument(root->get_feature());
    REQUIRE(p.document);
    std::function<void(const kmldom::ContainerPtr&)> walk = [&](const kmldom::ContainerPtr& c) {
        for (std::size_t i = 0; i < c->get_feature_array_size(); ++i) {
            const kmldom::FeaturePtr f = c->get_feature_array_at(i);
            if (const auto pm = kmldom::AsPlacemark(f)) p.placemarks.push_back(pm);
            else if (const auto tour = kmldom::AsGxTour(f)) p.tours.push_back(tour);
            else if (const auto sub = kmldom::AsContainer(f)) walk(sub);
        }
    };
    walk(p.document);
    return p;
}

std::size_t withPrefix(const Parsed& p, const std::string& prefix) {
    std::size_t n = 0;
    for (const auto& pm : p.placemarks) n += pm->get_id().rfind(prefix, 0) == 0;
    return n;
}

kmldom::PlacemarkPtr placemark(const Parsed& p, const std::string& id) {
    for (const auto& pm : p.placemarks)
        if (pm->get_id() == id) return pm;
    FAIL("no placemark " << id);
    return nullptr;
}

geo::Briefing load(const fs::path& file) {
    geo::BriefingLoadResult r = geo::loadBriefingFile(file);
    REQUIRE_FALSE(geo::hasErrors(r.diagnostics));
    return std::move(r.briefing);
}

// What the export must hold for a briefing: counted from the model, not from the export's code.
void checkCounts(const Parsed& p, const geo::Briefing& b) {
    const geo::Palette palette = geo::loadPalette(kAssets / "palette.toml").palette;
    // A style per site kind, trip colour and partnership kind, and the captions' one.
    CHECK(p.document->get_styleselector_array_size() ==
          geo::kSiteKindCount + palette.trips.colours.size() + geo::kPartnershipKindCount + 1);

    std::size_t stops = 0, datedStops = 0, legs = 0, partnerships = 0, captions = 0, stories = 0;
    for (const geo::Trip& t : b.trips) {
        const geo::TripRoute route = geo::buildTripRoute(b, t);
        stops += t.stops.size();
        for (int day : route.stopDay) datedStops += day >= 0;
        legs += route.legs.size();
    }
    for (const geo::Partnership& pa : b.partnerships) partnerships += pa.parties.size() >= 2;
    for (const geo::Story& s : b.stories) {
        stories += !s.steps.empty();
        for (const geo::StoryStep& step : s.steps) captions += step.hasCaption();
    }
    CHECK(withPrefix(p, "site-") == b.sites.size());
    CHECK(withPrefix(p, "stop-") == stops);
    CHECK(withPrefix(p, "leg-") == legs);
    CHECK(withPrefix(p, "partnership-") == partnerships);
    CHECK(withPrefix(p, "caption-") == captions);
    CHECK(p.placemarks.size() == b.sites.size() + stops + legs + partnerships + captions);

    std::size_t stamps = 0, spans = 0;
    for (const auto& pm : p.placemarks) {
        INFO(pm->get_id());
        CHECK_FALSE(pm->get_description().empty()); // every placemark has its balloon
        CHECK(pm->has_styleurl());
        if (const auto ts = kmldom::AsTimeStamp(pm->get_timeprimitive())) stamps += !ts->get_when().empty();
        if (const auto span = kmldom::AsTimeSpan(pm->get_timeprimitive()))
            spans += !span->get_begin().empty() && !span->get_end().empty();
        if (const auto line = kmldom::AsLineString(pm->get_geometry())) {
            CHECK(line->get_tessellate());
            const auto& coords = line->get_coordinates();
            REQUIRE(coords);
            for (std::size_t i = 0; i < coords->get_coordinates_array_size(); ++i) {
                CHECK(coords->get_coordinates_array_at(i).get_longitude() >= -180.0);
                CHECK(coords->get_coordinates_array_at(i).get_longitude() <= 180.0);
            }
        }
    }
    CHECK(stamps == datedStops);
    CHECK(spans == legs);

    // A tour per story: per step a FlyTo and a Wait of its hold.
    REQUIRE(p.tours.size() == stories);
    for (const auto& tour : p.tours) {
        const geo::Story* story = b.findStory(tour->get_id().substr(std::string("tour-").size()));
        REQUIRE(story);
        std::vector<double> waits;
        std::size_t flights = 0;
        const auto& playlist = tour->get_gx_playlist();
        REQUIRE(playlist);
        for (std::size_t i = 0; i < playlist->get_gx_tourprimitive_array_size(); ++i) {
            const auto primitive = playlist->get_gx_tourprimitive_array_at(i);
            if (const auto fly = kmldom::AsGxFlyTo(primitive)) {
                ++flights;
                const auto look = kmldom::AsLookAt(fly->get_abstractview());
                REQUIRE(look);
                CHECK(look->get_range() > 0.0);
                CHECK(fly->get_gx_duration() >= 0.0);
            }
            if (const auto wait = kmldom::AsGxWait(primitive)) waits.push_back(wait->get_gx_duration());
        }
        CHECK(flights == story->steps.size());
        REQUIRE(waits.size() == story->steps.size());
        for (std::size_t i = 0; i < waits.size(); ++i) CHECK(waits[i] == Approx(story->steps[i].hold));
    }
}

bool gdalOpens(const fs::path& file, std::size_t& features) {
    GDALAllRegister();
    const char* const drivers[] = {"LIBKML", nullptr};
    GDALDataset* ds = static_cast<GDALDataset*>(GDALOpenEx(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr));
    if (!ds) return false;
    features = 0;
    for (OGRLayer* layer : ds->GetLayers()) features += static_cast<std::size_t>(layer->GetFeatureCount());
    GDALClose(ds);
    return true;
}

} // namespace

TEST_CASE("export: the shipped briefing to KML and KMZ, everything counted back", "[export][google-earth]") {
    const fs::path dir = freshDir();
    const geo::Briefing b = load(kAssets / "briefing.toml");
    for (const char* name : {"briefing.kml", "briefing.kmz"}) {
        SECTION(name) {
            const fs::path out = dir / name;
            REQUIRE(exportTo(kAssets / "briefing.toml", out) == 0);
            const Parsed p = parse(kmlText(out));
            checkCounts(p, b);
            std::size_t features = 0;
            REQUIRE(gdalOpens(out, features)); // GDAL reads the nested folders as layers
            CHECK(features == p.placemarks.size());
            CHECK(listDir(dir) == std::set<std::string>{name}); // no temporary file left
        }
    }
    fs::remove_all(dir);
}

TEST_CASE("export: a KMZ holds the icons its styles reference", "[export][google-earth]") {
    const fs::path dir = freshDir();
    const fs::path out = dir / "small.kmz";
    REQUIRE(exportTo(kData / "small.toml", out) == 0);
    const Parsed p = parse(kmlText(out));
    const kmlengine::KmzFilePtr kmz(kmlengine::KmzFile::OpenFromFile(out.c_str()));
    REQUIRE(kmz);
    std::vector<std::string> listed;
    REQUIRE(kmz->List(&listed));
    const std::set<std::string> files(listed.begin(), listed.end());
    std::size_t icons = 0;
    for (std::size_t i = 0; i < p.document->get_styleselector_array_size(); ++i) {
        const auto style = kmldom::AsStyle(p.document->get_styleselector_array_at(i));
        REQUIRE(style);
        if (!style->has_iconstyle() || !style->get_iconstyle()->has_icon()) continue;
        const std::string href = style->get_iconstyle()->get_icon()->get_href();
        if (style->get_id() == "caption") continue; // shows no icon (scale 0)
        INFO(style->get_id() << " -> " << href);
        CHECK(href.rfind("files/", 0) == 0);
        REQUIRE(files.count(href) == 1);
        std::string png;
        REQUIRE(kmz->ReadFile(href.c_str(), &png));
        CHECK(png.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
        ++icons;
    }
    CHECK(icons == geo::kSiteKindCount + geo::loadPalette(kAssets / "palette.toml").palette.trips.colours.size());
    fs::remove_all(dir);
}

TEST_CASE("export: balloons escape the briefing's text, times and tours follow the fixture", "[export][google-earth]") {
    const fs::path dir = freshDir();
    const fs::path out = dir / "small.kml";
    REQUIRE(exportTo(kData / "small.toml", out, nullptr, "zh") == 0);
    const Parsed p = parse(kmlText(out));
    checkCounts(p, load(kData / "small.toml"));

    // The balloon is well-formed markup whose paragraphs hold the notes as text, markup and all.
    pugi::xml_document html;
    const std::string balloon = placemark(p, "site-taipei")->get_description();
    REQUIRE(html.load_string(balloon.c_str()));
    std::set<std::string> paragraphs;
    for (const auto& node : html.select_nodes("//p")) paragraphs.insert(node.node().child_value());
    CHECK(paragraphs.count("<b>研發</b> & \"引號\" ") == 1);
    CHECK(paragraphs.count("<b>R&D</b> & \"quotes\" </p><script>x</script>") == 1);
    CHECK(balloon.find("<script>") == std::string::npos);
    CHECK(html.select_node("//li[contains(., '報告 — report <1>.txt') and contains(., '§1 <a>')]"));
    CHECK(html.select_node("//li[contains(., '2024-05-01 簽署 / Signed <MOU>')]")); // the partnership's milestone

    // Phoenix's stop at its local time; the flight there from the end of the Taipei stop.
    const auto stamp = kmldom::AsTimeStamp(placemark(p, "stop-round-2")->get_timeprimitive());
    REQUIRE(stamp);
    CHECK(stamp->get_when() == "2025-03-02T08:00:00-07:00");
    const auto span = kmldom::AsTimeSpan(placemark(p, "leg-round-2")->get_timeprimitive());
    REQUIRE(span);
    CHECK(span->get_begin() == "2025-03-01T10:30:00+08:00");
    CHECK(span->get_end() == "2025-03-02T08:00:00-07:00");
    // Kumamoto's stop has a day and no time: its day alone, no time of day made up.
    const auto day = kmldom::AsTimeStamp(placemark(p, "stop-round-3")->get_timeprimitive());
    REQUIRE(day);
    CHECK(day->get_when() == "2025-03-04");
    const auto toDay = kmldom::AsTimeSpan(placemark(p, "leg-round-3")->get_timeprimitive());
    REQUIRE(toDay);
    CHECK(toDay->get_begin() == "2025-03-02T08:00:00-07:00");
    CHECK(toDay->get_end() == "2025-03-04");

    // The tour: the view step looks at its centre from as high as zoom 10 shows 1600 px
    // (153 m a pixel: 245 km across, 212 km up with Google Earth's 60° field of view).
    REQUIRE(p.tours.size() == 1);
    const auto& playlist = p.tours[0]->get_gx_playlist();
    std::vector<kmldom::LookAtPtr> looks;
    for (std::size_t i = 0; i < playlist->get_gx_tourprimitive_array_size(); ++i)
        if (const auto fly = kmldom::AsGxFlyTo(playlist->get_gx_tourprimitive_array_at(i)))
            looks.push_back(kmldom::AsLookAt(fly->get_abstractview()));
    REQUIRE(looks.size() == 3);
    CHECK(looks[1]->get_longitude() == Approx(130.7).margin(0.01));
    CHECK(looks[1]->get_latitude() == Approx(32.8).margin(0.3)); // centred above the caption's band
    CHECK(looks[1]->get_range() == Approx(212000.0).epsilon(0.05));
    CHECK(looks[2]->get_longitude() == Approx(121.56).margin(0.5)); // Taipei, framed as the app frames a site
    CHECK(looks[2]->get_latitude() == Approx(25.04).margin(0.5));
    // Its caption's balloon is shown by the tour, in the language asked for.
    // The story's folder: the tour, then its captions.
    const auto stories = kmldom::AsFolder(p.document->get_feature_array_at(p.document->get_feature_array_size() - 1));
    REQUIRE(stories);
    CHECK(stories->get_name() == "Stories");
    const auto story = kmldom::AsFolder(stories->get_feature_array_at(0));
    REQUIRE(story);
    CHECK(story->get_name() == "巡禮");
    REQUIRE(story->get_feature_array_size() == 2);
    CHECK(kmldom::AsGxTour(story->get_feature_array_at(0)));
    CHECK(story->get_feature_array_at(1)->get_name() == "Captions");
    const auto caption = placemark(p, "caption-tour-1");
    CHECK_FALSE(caption->get_visibility());
    CHECK(caption->get_description().find("環遊") != std::string::npos);
    CHECK(caption->get_description().find("Round trip") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("export: the styles take their colours from --palette", "[export][google-earth]") {
    const fs::path dir = freshDir();
    std::string palette = readFile(kAssets / "palette.toml");
    const std::string city = "city = { fill = \"#C81E2D\"";
    REQUIRE(palette.find(city) != std::string::npos);
    palette.replace(palette.find(city), city.size(), "city = { fill = \"#112233\"");
    std::ofstream(dir / "palette.toml") << palette;
    REQUIRE(exportTo(kData / "small.toml", dir / "small.kml", nullptr, "en", dir / "palette.toml") == 0);
    const Parsed p = parse(kmlText(dir / "small.kml"));
    std::map<std::string, std::string> colours;
    for (std::size_t i = 0; i < p.document->get_styleselector_array_size(); ++i) {
        const auto style = kmldom::AsStyle(p.document->get_styleselector_array_at(i));
        if (!style || !style->has_iconstyle()) continue;
        colours[style->get_id()] = style->get_iconstyle()->get_color().to_string_abgr();
        // A .kml has no files of its own: Google's white dot, tinted with the colour.
        INFO(style->get_id());
        REQUIRE(style->get_iconstyle()->has_icon());
        CHECK(style->get_iconstyle()->get_icon()->get_href() == "http://maps.google.com/mapfiles/kml/shapes/shaded_dot.png");
    }
    CHECK(colours["site-city"] == "ff332211"); // KML's aabbggrr
    CHECK(colours["site-fab"] == "ff007df0");  // the shipped fab colour, #F07D00
    fs::remove_all(dir);
}

TEST_CASE("export: the briefing is never the output, a bad folder is named, nothing half written", "[export][google-earth]") {
    const fs::path dir = freshDir();
    std::string log;
    SECTION("the briefing itself") {
        const fs::path briefing = dir / "small.kml"; // a briefing that happens to end in .kml
        fs::copy_file(kData / "small.toml", briefing);
        const std::string before = readFile(briefing);
        CHECK(exportTo(briefing, briefing, &log) == 1);
        CHECK(log.find(briefing.string()) != std::string::npos);
        CHECK(readFile(briefing) == before);
        CHECK(listDir(dir) == std::set<std::string>{"small.kml"});
    }
    SECTION("the palette") {
        const fs::path palette = dir / "palette.kmz";
        fs::copy_file(kAssets / "palette.toml", palette);
        const std::string before = readFile(palette);
        CHECK(exportTo(kData / "small.toml", palette, &log, "en", palette) == 1);
        CHECK(log.find(palette.string()) != std::string::npos);
        CHECK(readFile(palette) == before);
        CHECK(listDir(dir) == std::set<std::string>{"palette.kmz"});
    }
    SECTION("a folder that cannot be made") {
        std::ofstream(dir / "blocker") << "a file where the folder should be";
        CHECK(exportTo(kData / "small.toml", dir / "blocker" / "out.kmz", &log) == 1);
        CHECK(log.find((dir / "blocker").string()) != std::string::npos);
        CHECK(std::count(log.begin(), log.end(), '\n') == 1); // one line
        CHECK(listDir(dir) == std::set<std::string>{"blocker"});
    }
    SECTION("a briefing with errors is not exported") {
        CHECK(exportTo(fs::path(KTMAP_GE_DATA_DIR) / ".." / "briefing" / "duplicate_ids.toml", dir / "out.kml", &log) == 1);
        CHECK(log.find("not exporting") != std::string::npos);
        CHECK(listDir(dir).empty());
    }
    fs::remove_all(dir);
}
