#pragma once
// What the viewer remembers between sessions: the last view, the language, reduced
// motion, the sidebar. Kept in the user's XDG config folder (never beside the input
// files), written atomically (a temporary file renamed over the old one), and a file
// that cannot be read as settings is set aside with a message, never fatal.

#include <geo/base/diagnostic.hpp>
#include <geo/base/language.hpp>

#include <filesystem>
#include <optional>
#include <string>

namespace geo {

struct Settings {
    struct View {
        double lon = 0.0, lat = 0.0, zoom = 0.0;
    };
    std::optional<View> view;
    std::optional<Language> language;
    std::optional<bool> reducedMotion;
    std::optional<bool> sidebar;
};

// $XDG_CONFIG_HOME/ktmap/settings.toml, else $HOME/.config/ktmap/settings.toml; empty
// when neither variable is set (then nothing is remembered).
std::filesystem::path settingsPath();

struct SettingsLoad {
    Settings settings;
    Diagnostics diagnostics;
    std::filesystem::path setAside; // where an unreadable file was moved (empty when none)
};

// A missing file gives defaults and no message. A file that is not valid TOML is renamed
// to "<name>.corrupt" (replacing an older one) and reported; a value of the wrong type or
// out of range is left out with a warning, the rest is kept.
SettingsLoad loadSettings(const std::filesystem::path& file);

// Whether settings can be saved in `file`'s folder: makes the folder if needed and checks
// that it can be written in. False, with `error` saying why (a folder path through a
// regular file, a read-only disk), so that the viewer says so once, at start.
bool settingsWritable(const std::filesystem::path& file, std::string& error);

// The settings as TOML text.
std::string formatSettings(const Settings& settings);

// Writes the settings: the folder is made if needed, the text goes to a temporary file
// in it that is then renamed over `file`, so a crash or a full disk never leaves a
// half-written file. False, with `error` saying why, when it could not.
bool saveSettings(const std::filesystem::path& file, const Settings& settings, std::string& error);

} // namespace geo
