#include <geo/view/palette.hpp>

#include <geo/base/text_match.hpp>

#include "base/toml_fixed.hpp"

#include <algorithm>
#include <fstream>
#include <functional>
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

void apply(Reader& r, const toml::table& root, Palette& p) {
    r.known(root, {"map", "sites", "trips", "partnerships", "interface", "presentation", "presenter"}, "the palette");
    if (const toml::table* t = r.table(root, "map")) {
        const std::string w = "[map]";
        r.known(*t, {"ink", "paper", "marker_rim", "selection", "highlight", "label_halo", "callout"}, w);
        r.colour(*t, "ink", p.map.ink, w);
        r.colour(*t, "paper", p.map.paper, w);
        r.colour(*t, "marker_rim", p.map.markerRim, w);
        r.colour(*t, "selection", p.map.selection, w);
        r.colour(*t, "highlight", p.map.highlight, w);
        r.colour(*t, "label_halo", p.map.labelHalo, w);
        r.colour(*t, "callout", p.map.callout, w);
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
        r.known(*t, {"colours", "casing"}, w);
        r.colour(*t, "casing", p.trips.casing, w);
        if (const toml::node* node = t->get("colours")) {
            std::vector<Color> colours;
            const toml::array* list = node->as_array();
            bool ok = list && !list->empty();
            for (std::size_t i = 0; ok && i < list->size(); ++i) {
                const auto s = (*list)[i].value<std::string>();
                const auto c = s ? Color::parse(*s) : std::nullopt;
                if (c) colours.push_back(*c);
                else ok = false;
            }
            if (ok) p.trips.colours = std::move(colours);
            else
                r.report(Severity::Error, node->source(), "'colours' in [trips] must be a list of colours",
                         "write it as [\"#D55E00\", \"#0072B2\", ...]; the shipped colours are used");
        }
    }
    if (const toml::table* t = r.table(root, "partnerships")) {
        r.colour(*t, "casing", p.partnerships.casing, "[partnerships]");
        r.colour(*t, "emphasis", p.partnerships.emphasis, "[partnerships]");
        kindTables<kPartnershipKindCount>(
            r, *t, "[partnerships]", {"casing", "emphasis"},
            [](std::size_t k) { return partnershipKindName(static_cast<PartnershipKind>(k)); },
            [&](std::size_t k, const toml::table& e, const std::string& w) {
                r.known(e, {"colour", "dash"}, w);
                r.colour(e, "colour", p.partnerships.kinds[k].colour, w);
                r.number(e, "dash", p.partnerships.kinds[k].dash, 0.0, 100.0, w);
            });
    }
    if (const toml::table* t = r.table(root, "interface")) {
        const std::string w = "[interface]";
        r.known(*t, {"panel", "overlay", "muted", "accent", "error", "warning", "info"}, w);
        r.colour(*t, "panel", p.interface.panel, w);
        r.colour(*t, "overlay", p.interface.overlay, w);
        r.colour(*t, "muted", p.interface.muted, w);
        r.colour(*t, "accent", p.interface.accent, w);
        r.colour(*t, "error", p.interface.error, w);
        r.colour(*t, "warning", p.interface.warning, w);
        r.colour(*t, "info", p.interface.info, w);
    }
    if (const toml::table* t = r.table(root, "presentation")) {
        const std::string w = "[presentation]";
        r.known(*t, {"caption", "counter", "flash"}, w);
        r.colour(*t, "caption", p.presentation.caption, w);
        r.colour(*t, "counter", p.presentation.counter, w);
        r.colour(*t, "flash", p.presentation.flash, w);
    }
    if (const toml::table* t = r.table(root, "presenter")) {
        const std::string w = "[presenter]";
        r.known(*t, {"background", "text", "muted", "accent", "alarm", "rule"}, w);
        r.colour(*t, "background", p.presenter.background, w);
        r.colour(*t, "text", p.presenter.text, w);
        r.colour(*t, "muted", p.presenter.muted, w);
        r.colour(*t, "accent", p.presenter.accent, w);
        r.colour(*t, "alarm", p.presenter.alarm, w);
        r.colour(*t, "rule", p.presenter.rule, w);
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
