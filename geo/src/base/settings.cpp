#include <geo/base/settings.hpp>

#include <geo/base/atomic_file.hpp>

#include "base/toml_fixed.hpp"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>
#include <unistd.h>

namespace geo {

namespace {

const char* languageKey(Language l) { return l == Language::Zh ? "zh" : l == Language::Ja ? "ja" : "en"; }

std::optional<Language> parseLanguage(std::string_view s) {
    if (s == "zh") return Language::Zh;
    if (s == "ja") return Language::Ja;
    if (s == "en") return Language::En;
    return std::nullopt;
}

} // namespace

std::filesystem::path settingsPath() {
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg && std::filesystem::path(xdg).is_absolute())
        return std::filesystem::path(xdg) / "ktmap" / "settings.toml";
    if (const char* home = std::getenv("HOME"); home && *home) return std::filesystem::path(home) / ".config" / "ktmap" / "settings.toml";
    return {};
}

SettingsLoad loadSettings(const std::filesystem::path& file) {
    SettingsLoad out;
    std::error_code ec;
    if (file.empty() || !std::filesystem::exists(file, ec)) return out;
    auto parsed = toml::parse(readFileBytes(file).value_or(std::string()), file.string());
    if (!parsed) {
        // Set the file aside, so that the next save starts afresh and the user can look at it.
        const std::filesystem::path aside = setAside(file);
        const auto& where = parsed.error().source().begin;
        out.diagnostics.push_back({Severity::Warning, file.string(), static_cast<int>(where.line), static_cast<int>(where.column),
                                   "the settings file cannot be read (" + std::string(parsed.error().description()) +
                                       "); the viewer starts with its defaults",
                                   aside.empty() ? "delete it; it is remade on quitting" : "it was moved to " + aside.string()});
        out.setAside = aside;
        return out;
    }
    const toml::table& t = parsed.table();
    auto warn = [&](const toml::node* node, const std::string& message) {
        const auto& where = node->source().begin;
        out.diagnostics.push_back({Severity::Warning, file.string(), static_cast<int>(where.line), static_cast<int>(where.column),
                                   message + "; it is ignored", "it is rewritten on quitting"});
    };
    if (const toml::node* v = t.get("view")) {
        const toml::table* view = v->as_table();
        const auto lon = view ? (*view)["lon"].value<double>() : std::nullopt;
        const auto lat = view ? (*view)["lat"].value<double>() : std::nullopt;
        const auto zoom = view ? (*view)["zoom"].value<double>() : std::nullopt;
        if (lon && lat && zoom && std::abs(*lon) <= 180.0 && std::abs(*lat) <= 85.0 && *zoom >= 0.0 && *zoom <= 22.0)
            out.settings.view = Settings::View{*lon, *lat, *zoom};
        else warn(v, "'view' should be { lon = -180..180, lat = -85..85, zoom = 0..22 }");
    }
    if (const toml::node* v = t.get("language")) {
        const auto s = v->value<std::string>();
        if (const auto l = s ? parseLanguage(*s) : std::nullopt) out.settings.language = l;
        else warn(v, "'language' should be \"zh\", \"ja\" or \"en\"");
    }
    for (const char* key : {"reduced_motion", "sidebar"}) {
        const toml::node* v = t.get(key);
        if (!v) continue;
        if (const auto* b = v->as_boolean()) {
            if (std::string_view(key) == "sidebar") out.settings.sidebar = b->get();
            else out.settings.reducedMotion = b->get();
        } else {
            warn(v, std::string("'") + key + "' should be true or false");
        }
    }
    return out;
}

std::string formatSettings(const Settings& s) {
    std::ostringstream out;
    out << "# ktmap remembers these between sessions; the file is rewritten when the viewer quits.\n";
    out.precision(10);
    if (s.language) out << "language = \"" << languageKey(*s.language) << "\"\n";
    if (s.reducedMotion) out << "reduced_motion = " << (*s.reducedMotion ? "true" : "false") << "\n";
    if (s.sidebar) out << "sidebar = " << (*s.sidebar ? "true" : "false") << "\n";
    if (s.view) out << "view = { lon = " << s.view->lon << ", lat = " << s.view->lat << ", zoom = " << s.view->zoom << " }\n";
    return out.str();
}

namespace {
// The settings file's folder, made if missing; false (and why) when there is none or it cannot be made.
bool makeSettingsFolder(const std::filesystem::path& file, std::string& error) {
    if (file.empty()) {
        error = "no settings folder (neither XDG_CONFIG_HOME nor HOME is set)";
        return false;
    }
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    if (ec) {
        error = "cannot make " + file.parent_path().string() + ": " + ec.message();
        return false;
    }
    return true;
}
} // namespace

bool settingsWritable(const std::filesystem::path& file, std::string& error) {
    if (!makeSettingsFolder(file, error)) return false;
    if (::access(file.parent_path().c_str(), W_OK) != 0) {
        error = "cannot write in " + file.parent_path().string() + ": " + std::strerror(errno);
        return false;
    }
    return true;
}

bool saveSettings(const std::filesystem::path& file, const Settings& settings, std::string& error) {
    if (!makeSettingsFolder(file, error)) return false;
    return replaceFileAtomically(file, formatSettings(settings), error);
}

} // namespace geo
