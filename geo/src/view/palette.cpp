#include <geo/view/palette.hpp>

#include <geo/base/text_match.hpp>

#include "base/toml_values.hpp"

#include <algorithm>
#include <fstream>
#include <functional>
#include <initializer_list>
#include <sstream>
#include <utility>

namespace geo {

MarkerLook Palette::marker(const Site& site) const {
    MarkerLook look = marker(site.kind);
    if (site.major) {
        look.radius += 3.0f;
        look.rank += 1;
    }
    return look;
}

const MarkerLook& Palette::marker(SiteKind kind) const {
    const auto k = static_cast<std::size_t>(kind);
    return sites[k < sites.size() ? k : sites.size() - 1];
}

float Palette::Partnerships::strength(double zoom) const {
    if (!(fullZoom > quietZoom)) return zoom >= static_cast<double>(fullZoom) ? 1.0f : 0.0f;
    const double t = (zoom - static_cast<double>(quietZoom)) / static_cast<double>(fullZoom - quietZoom);
    return static_cast<float>(std::clamp(t, 0.0, 1.0));
}

const LinkLook& Palette::link(PartnershipKind kind) const {
    const auto k = static_cast<std::size_t>(kind);
    return partnerships.kinds[k < partnerships.kinds.size() ? k : partnerships.kinds.size() - 1];
}

namespace {

struct Reader {
    const std::string& file;
    Diagnostics& out;

    void report(Severity severity, const toml::source_region& where, std::string message, std::string hint = {}) {
        out.push_back({severity, file, static_cast<int>(where.begin.line), static_cast<int>(where.begin.column), std::move(message),
                       std::move(hint)});
    }

    // The keys a table may hold; others are reported (with the closest known key) and ignored.
    void known(const toml::table& table, const std::vector<std::string>& keys, const std::string& where) {
        for (auto&& [key, value] : table) {
            const std::string k(key.str());
            if (std::find(keys.begin(), keys.end(), k) != keys.end()) continue;
            const std::string suggestion = closestMatch(k, keys);
            report(Severity::Warning, key.source(), "unknown key '" + k + "' in " + where + "; it is ignored",
                   suggestion.empty() ? "" : "did you mean '" + suggestion + "'?");
        }
    }

    void colour(const toml::table& t, const char* key, Color& into, const std::string& where) {
        const toml::node* node = t.get(key);
        if (!node) return;
        if (const auto s = node->value<std::string>())
            if (const auto c = Color::parse(*s)) {
                into = *c;
                return;
            }
        report(Severity::Error, node->source(), std::string("'") + key + "' in " + where + " must be a colour",
               "write it as \"#RRGGBB\" or \"#RRGGBBAA\"; the shipped colour is used");
    }

    template <typename T> void number(const toml::table& t, const char* key, T& into, double lo, double hi, const std::string& where) {
        const toml::node* node = t.get(key);
        if (!node) return;
        const std::optional<double> v = node->value<double>();
        if (v && *v >= lo && *v <= hi) {
            into = static_cast<T>(*v);
            return;
        }
        std::ostringstream range;
        range << "a number from " << lo << " to " << hi;
        report(Severity::Error, node->source(), std::string("'") + key + "' in " + where + " must be " + range.str(),
               "the shipped value is used");
    }

    const toml::table* table(const toml::table& root, const char* key) {
        const toml::node* node = root.get(key);
        if (!node) return nullptr;
        if (const toml::table* t = node->as_table()) return t;
        report(Severity::Error, node->source(), std::string("'") + key + "' must be a table", std::string("write it as [") + key + "]");
        return nullptr;
    }
};

template <std::size_t N, typename Name, typename Apply>
void kindTables(Reader& r, const toml::table& t, const std::string& where, const std::vector<std::string>& extraKeys, Name name,
                Apply apply) {
    std::vector<std::string> keys = extraKeys;
    for (std::size_t k = 0; k < N; ++k) keys.emplace_back(name(k));
    r.known(t, keys, where);
    for (std::size_t k = 0; k < N; ++k) {
        const std::string kindName(name(k));
        const toml::node* node = t.get(kindName);
        if (!node) continue;
        if (const toml::table* entry = node->as_table()) apply(k, *entry, where + "." + kindName);
        else r.report(Severity::Error, node->source(), "'" + kindName + "' in " + where + " must be a table", "write it as { ... }");
    }
}

// A table of colours: each key names a member (`others`: keys of other kinds it may have).
const toml::table* colourTable(Reader& r, const toml::table& root, const char* name, std::initializer_list<std::pair<const char*, Color*>> keys,
                               std::initializer_list<const char*> others = {}) {
    const toml::table* t = r.table(root, name);
    if (!t) return nullptr;
    const std::string where = std::string("[") + name + "]";
    std::vector<std::string> known;
    for (const auto& [key, into] : keys) known.emplace_back(key);
    for (const char* key : others) known.emplace_back(key);
    r.known(*t, known, where);
    for (const auto& [key, into] : keys) r.colour(*t, key, *into, where);
    return t;
}

void apply(Reader& r, const toml::table& root, Palette& p) {
    r.known(root, {"map", "sites", "trips", "partnerships", "interface", "presentation", "presenter", "tools"}, "the palette");
    if (const toml::table* t = colourTable(r, root, "map",
                                           {{"ink", &p.map.ink}, {"paper", &p.map.paper}, {"marker_rim", &p.map.markerRim},
                                            {"selection", &p.map.selection}, {"highlight", &p.map.highlight},
                                            {"label_halo", &p.map.labelHalo}, {"callout", &p.map.callout}},
                                           {"label_halo_softness", "label_halo_width"})) {
        r.number(*t, "label_halo_softness", p.map.labelHaloSoftness, 0.0, 8.0, "[map]");
        r.number(*t, "label_halo_width", p.map.labelHaloWidth, 0.5, 6.0, "[map]");
    }
    if (const toml::table* t = r.table(root, "sites"))
        kindTables<kSiteKindCount>(
            r, *t, "[sites]", {}, [](std::size_t k) { return siteKindName(static_cast<SiteKind>(k)); },
            [&](std::size_t k, const toml::table& e, const std::string& w) {
                r.known(e, {"fill", "radius", "rank"}, w);
                r.colour(e, "fill", p.sites[k].fill, w);
                r.number(e, "radius", p.sites[k].radius, 1.0, 40.0, w);
                r.number(e, "rank", p.sites[k].rank, 0.0, 9.0, w);
            });
    if (const toml::table* t = r.table(root, "trips")) {
        const std::string w = "[trips]";
        r.known(*t, {"colors", "casing"}, w);
        r.colour(*t, "casing", p.trips.casing, w);
        if (const toml::node* node = t->get("colors")) {
            if (auto colours = colorList(*node)) p.trips.colours = std::move(*colours);
            else
                r.report(Severity::Error, node->source(), "'colors' in [trips] must be a list of colours",
                         "write it as [\"#D55E00\", \"#0072B2\", ...]; the shipped colours are used");
        }
    }
    if (const toml::table* t = r.table(root, "partnerships")) {
        const std::string table = "[partnerships]";
        r.number(*t, "quiet_zoom", p.partnerships.quietZoom, 0.0, 20.0, table);
        r.number(*t, "full_zoom", p.partnerships.fullZoom, 0.0, 20.0, table);
        r.number(*t, "quiet_width", p.partnerships.quietWidth, 0.1, 1.0, table);
        r.number(*t, "quiet_opacity", p.partnerships.quietOpacity, 0.1, 1.0, table);
        r.number(*t, "lane_gap", p.partnerships.laneGap, 0.0, 20.0, table);
        if (p.partnerships.fullZoom < p.partnerships.quietZoom) {
            const toml::node* node = t->get("full_zoom");
            r.report(Severity::Error, node ? node->source() : t->source(), "'full_zoom' in [partnerships] is below 'quiet_zoom'",
                     "make full_zoom at least quiet_zoom; links are drawn at full strength at every zoom");
            p.partnerships.fullZoom = p.partnerships.quietZoom = 0.0f;
        }
        r.colour(*t, "casing", p.partnerships.casing, table);
        r.colour(*t, "emphasis", p.partnerships.emphasis, table);
        kindTables<kPartnershipKindCount>(
            r, *t, table, {"quiet_zoom", "full_zoom", "quiet_width", "quiet_opacity", "lane_gap", "casing", "emphasis"},
            [](std::size_t k) { return partnershipKindName(static_cast<PartnershipKind>(k)); },
            [&](std::size_t k, const toml::table& e, const std::string& w) {
                r.known(e, {"color", "dash"}, w);
                r.colour(e, "color", p.partnerships.kinds[k].colour, w);
                r.number(e, "dash", p.partnerships.kinds[k].dash, 0.0, 100.0, w);
            });
    }
    colourTable(r, root, "interface",
                {{"panel", &p.interface.panel}, {"overlay", &p.interface.overlay}, {"muted", &p.interface.muted},
                 {"accent", &p.interface.accent}, {"error", &p.interface.error}, {"warning", &p.interface.warning},
                 {"info", &p.interface.info}});
    colourTable(r, root, "presentation",
                {{"caption", &p.presentation.caption}, {"counter", &p.presentation.counter}, {"flash", &p.presentation.flash}});
    colourTable(r, root, "presenter",
                {{"background", &p.presenter.background}, {"text", &p.presenter.text}, {"muted", &p.presenter.muted},
                 {"accent", &p.presenter.accent}, {"alarm", &p.presenter.alarm}, {"rule", &p.presenter.rule}});
    if (const toml::table* t = r.table(root, "tools")) {
        const std::string w = "[tools]";
        r.known(*t, {"laser", "laser_ring", "laser_rim", "spotlight", "ink", "highlighter", "ink_casing", "zoom_box"}, w);
        for (const auto& [key, into] : std::initializer_list<std::pair<const char*, Color*>>{
                 {"laser", &p.tools.laser}, {"laser_ring", &p.tools.laserRing}, {"laser_rim", &p.tools.laserRim},
                 {"spotlight", &p.tools.spotlight}, {"ink_casing", &p.tools.inkCasing}, {"zoom_box", &p.tools.zoomBox}})
            r.colour(*t, key, *into, w);
        for (const auto& [key, into] : std::initializer_list<std::pair<const char*, std::vector<Color>*>>{
                 {"ink", &p.tools.ink}, {"highlighter", &p.tools.highlighter}}) {
            const toml::node* node = t->get(key);
            if (!node) continue;
            auto colours = colorList(*node);
            if (colours && !colours->empty()) *into = std::move(*colours);
            else
                r.report(Severity::Error, node->source(), std::string("'") + key + "' in [tools] must be a list of colours",
                         "write it as [\"#D55E00\", \"#0072B2\", ...]; the shipped colours are used");
        }
    }
}

void parseInto(const std::string& text, const std::string& label, Palette& palette, Diagnostics& diagnostics) {
    Reader r{label, diagnostics};
    toml::parse_result parsed = toml::parse(text, label);
    if (!parsed) {
        r.report(Severity::Error, parsed.error().source(), std::string(parsed.error().description()),
                 "fix the syntax; the shipped colours are used");
        return;
    }
    apply(r, parsed.table(), palette);
    // In the order of the file, as the other files' messages are.
    std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
}

} // namespace

Palette shippedPalette() {
    Palette palette;
    palette.trips.colours = {Color{}};
    palette.tools.ink = palette.tools.highlighter = {Color{}};
    Diagnostics ignored; // the shipped file has none (a test checks)
    parseInto(shippedPaletteText(), "palette.toml (built in)", palette, ignored);
    return palette;
}

PaletteLoad parsePalette(const std::string& text, const std::string& fileLabel) {
    PaletteLoad load{shippedPalette(), {}};
    parseInto(text, fileLabel, load.palette, load.diagnostics);
    return load;
}

PaletteLoad loadPalette(const std::filesystem::path& file) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) {
        PaletteLoad load{shippedPalette(), {}};
        load.diagnostics.push_back({Severity::Warning, file.string(), 0, 0, "the palette file cannot be read; the shipped colours are used",
                                    "put a palette file there (see assets/FORMAT.md), or leave it out"});
        return load;
    }
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in && !in.eof()) {
        PaletteLoad load{shippedPalette(), {}};
        load.diagnostics.push_back({Severity::Warning, file.string(), 0, 0, "the palette file cannot be read; the shipped colours are used", ""});
        return load;
    }
    return parsePalette(text.str(), file.string());
}

} // namespace geo
