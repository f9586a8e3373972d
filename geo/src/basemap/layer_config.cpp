#include <geo/basemap/layer_config.hpp>

#include "base/toml_values.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace geo {

namespace {

struct Context {
    const std::string& file;
    Diagnostics& out;

    void report(Severity severity, const toml::source_region& where, std::string message, std::string hint = {}) {
        out.push_back({severity, file, static_cast<int>(where.begin.line), static_cast<int>(where.begin.column),
                       std::move(message), std::move(hint)});
    }
};

const std::vector<std::string> kLayerKeys = {"id",      "source",    "layer",      "fill",       "stroke",
                                             "stroke_width", "point_color", "point_size", "min_zoom", "max_zoom",
                                             "order",   "attribution", "visible", "projector_fill", "projector_stroke",
                                             "projector_stroke_width"};

void checkKeys(Context& ctx, const toml::table& table, const std::vector<std::string>& known, const char* what) {
    for (auto&& [key, value] : table) {
        std::string k(key.str());
        if (std::find(known.begin(), known.end(), k) != known.end()) continue;
        std::string suggestion = closestMatch(k, known);
        ctx.report(Severity::Warning, key.source(), "unknown key '" + k + "' in " + what + "; it is ignored",
                   suggestion.empty() ? "" : "did you mean '" + suggestion + "'?");
    }
}

std::optional<Color> colorValue(Context& ctx, const toml::table& t, const char* key) {
    const toml::node* node = t.get(key);
    if (!node) return std::nullopt;
    if (auto s = node->value<std::string>()) {
        if (auto c = Color::parse(*s)) return c;
    }
    ctx.report(Severity::Error, node->source(), std::string("'") + key + "' must be a colour like \"#4E6E8E\" or \"#4E6E8E80\"",
               "six or eight hexadecimal digits after '#'");
    return std::nullopt;
}

std::optional<double> numberValue(Context& ctx, const toml::table& t, const char* key, double lo, double hi) {
    const toml::node* node = t.get(key);
    if (!node) return std::nullopt;
    std::optional<double> v = node->value<double>();
    if (!v || !(*v >= lo && *v <= hi)) {
        std::ostringstream range;
        range << "a number from " << lo << " to " << hi;
        ctx.report(Severity::Error, node->source(), std::string("'") + key + "' must be " + range.str(), "");
        return std::nullopt;
    }
    return v;
}

std::optional<std::string> stringValue(Context& ctx, const toml::table& t, const char* key, bool required,
                                       const toml::source_region& tableWhere, const char* owner = "layer") {
    const toml::node* node = t.get(key);
    if (!node) {
        if (required)
            ctx.report(Severity::Error, tableWhere, std::string(owner) + " has no '" + key + "'",
                       std::string("add ") + key + " = \"...\"");
        return std::nullopt;
    }
    if (auto s = node->value<std::string>()) return s;
    ctx.report(Severity::Error, node->source(), std::string("'") + key + "' must be a string", "put the value in quotes");
    return std::nullopt;
}

// [west, south, east, north] in degrees.
std::optional<LonLatBox> lonLatBoxValue(Context& ctx, const toml::table& t, const char* key) {
    const toml::node* node = t.get(key);
    if (!node) return std::nullopt;
    const toml::array* a = node->as_array();
    if (a && a->size() == 4) {
        double v[4];
        bool ok = true;
        for (std::size_t i = 0; i < 4; ++i) {
            const auto d = (*a)[i].value<double>();
            ok = ok && d.has_value();
            v[i] = d.value_or(0.0);
        }
        const LonLatBox box{{v[0], v[1]}, {v[2], v[3]}};
        if (ok && box.valid()) return box;
    }
    ctx.report(Severity::Error, node->source(),
               std::string("'") + key + "' must be [west, south, east, north] in degrees, west < east and south < north",
               "e.g. " + std::string(key) + " = [118.2, 21.8, 132.2, 34.2]");
    return std::nullopt;
}

void readAdded(Context& ctx, const toml::table& t, AddedLayerStyle& into) {
    checkKeys(ctx, t, {"colors", "fill_opacity", "stroke_width"}, "[added]");
    if (const toml::node* node = t.get("colors")) {
        if (auto colors = colorList(*node)) into.colors = std::move(*colors);
        else
            ctx.report(Severity::Error, node->source(), "'colors' in [added] must be a list of colours like \"#D62728\"",
                       "the shipped colours are used for added layers");
    }
    if (auto v = numberValue(ctx, t, "fill_opacity", 0.0, 1.0)) into.fillOpacity = static_cast<float>(*v);
    if (auto v = numberValue(ctx, t, "stroke_width", 0.0, 64.0)) into.strokeWidth = static_cast<float>(*v);
}

// [places]: a source (resolved like a layer's), min_zoom, attribution. Any error leaves
// the whole table out, as a layer with an error is left out.
std::optional<PlacesConfig> readPlaces(Context& ctx, const toml::table& t, const std::filesystem::path& baseDir) {
    const auto errors = [&] {
        return std::count_if(ctx.out.begin(), ctx.out.end(), [](const Diagnostic& d) { return d.severity == Severity::Error; });
    };
    const auto before = errors();
    checkKeys(ctx, t, {"source", "min_zoom", "attribution"}, "[places]");
    PlacesConfig places;
    places.origin = ctx.file + ":" + std::to_string(t.source().begin.line);
    const auto source = stringValue(ctx, t, "source", true, t.source(), "[places]");
    if (auto z = numberValue(ctx, t, "min_zoom", 0.0, 30.0)) places.minZoom = *z;
    if (auto a = stringValue(ctx, t, "attribution", false, t.source())) places.attribution = *a;
    if (source && source->empty())
        ctx.report(Severity::Error, t.get("source")->source(), "'source' in [places] is empty",
                   "give the place names file, e.g. source = \"basemap/places.shp\"");
    if (errors() != before || !source || source->empty()) return std::nullopt;
    const std::filesystem::path p(*source);
    places.source = p.is_absolute() ? p : baseDir / p;
    return places;
}

} // namespace

LayerConfigResult parseLayerConfig(const std::string& text, const std::string& fileLabel,
                                   const std::filesystem::path& baseDir) {
    LayerConfigResult result;
    Context ctx{fileLabel, result.diagnostics};
    toml::parse_result parsed = toml::parse(text, fileLabel);
    if (!parsed) {
        const toml::parse_error& err = parsed.error();
        ctx.report(Severity::Error, err.source(), std::string(err.description()),
                   "fix the syntax; no layers were read from this file");
        return result;
    }
    const toml::table& root = parsed.table();
    checkKeys(ctx, root, {"background", "view", "added", "places", "layer"}, "the layer file");
    if (const toml::table* places = root["places"].as_table()) result.config.places = readPlaces(ctx, *places, baseDir);
    else if (root.contains("places"))
        ctx.report(Severity::Error, root.get("places")->source(), "'places' must be a table", "write it as [places]");
    if (const toml::table* added = root["added"].as_table()) readAdded(ctx, *added, result.config.added);
    else if (root.contains("added"))
        ctx.report(Severity::Error, root.get("added")->source(), "'added' must be a table", "write it as [added]");
    if (const toml::table* view = root["view"].as_table()) {
        checkKeys(ctx, *view, {"home", "home_margin", "region"}, "[view]");
        result.config.home = lonLatBoxValue(ctx, *view, "home");
        if (auto v = numberValue(ctx, *view, "home_margin", 0.0, 0.3)) result.config.homeMargin = *v;
        result.config.region = lonLatBoxValue(ctx, *view, "region");
    } else if (root.contains("view")) {
        ctx.report(Severity::Error, root.get("view")->source(), "'view' must be a table", "write it as [view]");
    }

    if (const toml::table* bg = root["background"].as_table()) {
        checkKeys(ctx, *bg, {"color", "projector_color"}, "[background]");
        if (auto c = colorValue(ctx, *bg, "color")) result.config.background = *c;
        result.config.projectorBackground = colorValue(ctx, *bg, "projector_color");
    }

    const toml::array* layers = root["layer"].as_array();
    if (!layers) {
        if (root.contains("layer"))
            ctx.report(Severity::Error, root.get("layer")->source(), "'layer' must be a list of [[layer]] tables", "");
        else
            result.diagnostics.push_back({Severity::Warning, fileLabel, 0, 0, "the layer file declares no [[layer]]",
                                          "add a [[layer]] table with an id and a source"});
        return result;
    }

    std::vector<std::string> seenIds;
    int index = 0;
    for (const toml::node& node : *layers) {
        ++index;
        const toml::table* t = node.as_table();
        if (!t) {
            ctx.report(Severity::Error, node.source(), "each 'layer' entry must be a table", "write it as [[layer]]");
            continue;
        }
        auto errorCount = [&] {
            return std::count_if(result.diagnostics.begin(), result.diagnostics.end(),
                                 [](const Diagnostic& d) { return d.severity == Severity::Error; });
        };
        const auto errorsBefore = errorCount();
        checkKeys(ctx, *t, kLayerKeys, "[[layer]]");
        LayerSpec spec;
        spec.origin = fileLabel + ":" + std::to_string(t->source().begin.line);
        auto id = stringValue(ctx, *t, "id", true, t->source());
        auto source = stringValue(ctx, *t, "source", true, t->source());
        if (id) {
            if (std::find(seenIds.begin(), seenIds.end(), *id) != seenIds.end()) {
                ctx.report(Severity::Error, t->get("id")->source(), "layer id '" + *id + "' is used twice",
                           "give each layer its own id");
                id.reset();
            } else {
                seenIds.push_back(*id);
            }
        }
        if (auto l = stringValue(ctx, *t, "layer", false, t->source())) spec.ogrLayer = *l;
        if (auto a = stringValue(ctx, *t, "attribution", false, t->source())) spec.attribution = *a;
        spec.style.fill = colorValue(ctx, *t, "fill");
        spec.style.stroke = colorValue(ctx, *t, "stroke");
        if (auto c = colorValue(ctx, *t, "point_color")) spec.style.pointColor = *c;
        if (auto w = numberValue(ctx, *t, "stroke_width", 0.0, 64.0)) spec.style.strokeWidth = static_cast<float>(*w);
        if (auto w = numberValue(ctx, *t, "point_size", 0.0, 64.0)) spec.style.pointSize = static_cast<float>(*w);
        spec.style.projectorFill = colorValue(ctx, *t, "projector_fill");
        spec.style.projectorStroke = colorValue(ctx, *t, "projector_stroke");
        if (auto w = numberValue(ctx, *t, "projector_stroke_width", 0.0, 64.0))
            spec.style.projectorStrokeWidth = static_cast<float>(*w);
        if (auto z = numberValue(ctx, *t, "min_zoom", 0.0, 30.0)) spec.style.minZoom = *z;
        if (auto z = numberValue(ctx, *t, "max_zoom", 0.0, 30.0)) spec.style.maxZoom = *z;
        if (auto o = numberValue(ctx, *t, "order", -1e6, 1e6)) spec.order = static_cast<int>(*o);
        else spec.order = index * 10;
        if (spec.style.minZoom > spec.style.maxZoom)
            ctx.report(Severity::Error, t->source(), "min_zoom is larger than max_zoom, so the layer would never show",
                       "swap them");
        if (const toml::node* v = t->get("visible"); v && !v->is_boolean())
            ctx.report(Severity::Error, v->source(), "'visible' must be true or false", "");
        else if (v && !v->value_or(true))
            continue; // switched off on purpose
        if (errorCount() != errorsBefore) continue; // this layer had errors: leave it out, keep the others
        if (!id || !source) continue;
        spec.id = *id;
        std::filesystem::path p(*source);
        spec.source = p.is_absolute() ? p : baseDir / p;
        result.config.layers.push_back(std::move(spec));
    }
    std::stable_sort(result.config.layers.begin(), result.config.layers.end(),
                     [](const LayerSpec& a, const LayerSpec& b) { return a.order < b.order; });
    return result;
}

LayerConfigResult loadLayerConfig(const std::filesystem::path& file) {
    // A folder would open and read as an empty file; a named pipe or a device would block the read.
    std::error_code statusError;
    const auto status = std::filesystem::status(file, statusError);
    if (!statusError && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
        LayerConfigResult result;
        result.diagnostics.push_back({Severity::Error, file.string(), 0, 0,
                                      std::filesystem::is_directory(status) ? "this is a folder, not a layer file"
                                                                            : "this is not a regular file (a pipe or a device?)",
                                      "give the layer file itself (e.g. assets/layers.toml); the map opens without base layers"});
        return result;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        LayerConfigResult result;
        result.diagnostics.push_back({Severity::Error, file.string(), 0, 0, "cannot open the layer file",
                                      "check that it exists and is readable; the map opens without base layers"});
        return result;
    }
    // A layer file lists a few dozen layers; a far larger file is the wrong file.
    std::error_code sizeError;
    const auto size = std::filesystem::file_size(file, sizeError);
    if (!sizeError && size > kMaxLayerFileBytes) {
        LayerConfigResult result;
        result.diagnostics.push_back({Severity::Error, file.string(), 0, 0,
                                      "the file is " + std::to_string((size + 1023) / 1024) + " KB; a layer file may be at most " +
                                          std::to_string(kMaxLayerFileBytes / 1024) + " KB",
                                      "check that this is the layer file; the map opens without base layers"});
        return result;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parseLayerConfig(text.str(), file.string(), file.parent_path());
}

LayerStyle projectorStyle(const LayerStyle& style) {
    LayerStyle out = style;
    if (out.fill && style.projectorFill) out.fill = style.projectorFill;
    if (out.stroke && style.projectorStroke) out.stroke = style.projectorStroke;
    if (style.projectorStrokeWidth) out.strokeWidth = *style.projectorStrokeWidth;
    return out;
}

LayerSpec userLayerSpec(const std::filesystem::path& source, int index, const AddedLayerStyle& style) {
    const std::vector<Color>& colors = style.colors.empty() ? AddedLayerStyle{}.colors : style.colors;
    const Color c = colors[static_cast<std::size_t>(index) % colors.size()];
    LayerSpec spec;
    spec.id = source.stem().string();
    spec.source = source;
    spec.userAdded = true;
    spec.order = 1000 + index;
    spec.origin = "--layer " + source.string();
    spec.style.stroke = c;
    spec.style.fill = c.withAlpha(style.fillOpacity);
    spec.style.strokeWidth = style.strokeWidth;
    spec.style.pointColor = c;
    return spec;
}

} // namespace geo
