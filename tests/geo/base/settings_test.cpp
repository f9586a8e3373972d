#include <geo/base/settings.hpp>

#include <catch2/catch.hpp>

#include "test_support.hpp"

#include <cstdlib>
#include <filesystem>

TEST_CASE("settings survive a save and a load", "[settings]") {
    const auto dir = test::freshDir("settings_roundtrip");
    const auto file = dir / "ktmap" / "settings.toml"; // the folder does not exist yet
    geo::Settings s;
    s.view = geo::Settings::View{130.7085, 33.89, 11.25};
    s.language = geo::Language::Ja;
    s.reducedMotion = true;
    s.sidebar = false;
    std::string error;
    REQUIRE(geo::saveSettings(file, s, error));
    CHECK(error.empty());
    // Written atomically: no temporary file is left beside it.
    CHECK(test::listDir(file.parent_path()) == std::vector<std::string>{"settings.toml"});
    const auto loaded = geo::loadSettings(file);
    CHECK(loaded.diagnostics.empty());
    REQUIRE(loaded.settings.view.has_value());
    CHECK(loaded.settings.view->lon == Approx(130.7085));
    CHECK(loaded.settings.view->lat == Approx(33.89));
    CHECK(loaded.settings.view->zoom == Approx(11.25));
    CHECK(loaded.settings.language == geo::Language::Ja);
    CHECK(loaded.settings.reducedMotion == true);
    CHECK(loaded.settings.sidebar == false);
}

TEST_CASE("no settings file means the defaults, without a message", "[settings]") {
    const auto dir = test::freshDir("settings_missing");
    const auto loaded = geo::loadSettings(dir / "settings.toml");
    CHECK(loaded.diagnostics.empty());
    CHECK_FALSE(loaded.settings.view.has_value());
    CHECK_FALSE(loaded.settings.language.has_value());
}

TEST_CASE("a corrupt settings file is set aside with a message, and the next save starts afresh", "[settings][bad-input]") {
    const auto dir = test::freshDir("settings_corrupt");
    const auto file = dir / "settings.toml";
    test::writeFile(file, "language = \"ja\"\nview = { lon = 130.7, lat = \n");
    const auto loaded = geo::loadSettings(file);
    REQUIRE(loaded.diagnostics.size() == 1);
    const geo::Diagnostic& d = loaded.diagnostics[0];
    CHECK(d.severity == geo::Severity::Warning); // not fatal: the viewer starts with its defaults
    CHECK(d.file == file.string());
    CHECK(d.line == 2);
    CHECK(d.message.find("the settings file cannot be read") == 0);
    CHECK(d.hint == "it was moved to " + file.string() + ".corrupt");
    CHECK_FALSE(loaded.settings.language.has_value()); // nothing of a corrupt file is trusted
    CHECK(loaded.setAside == std::filesystem::path(file.string() + ".corrupt"));
    CHECK(test::listDir(dir) == std::vector<std::string>{"settings.toml.corrupt"});
    std::string error;
    geo::Settings s;
    s.language = geo::Language::Zh;
    REQUIRE(geo::saveSettings(file, s, error));
    CHECK(geo::loadSettings(file).settings.language == geo::Language::Zh);
}

TEST_CASE("a wrong value in the settings is left out with a warning, the rest is kept", "[settings][bad-input]") {
    const auto dir = test::freshDir("settings_values");
    const auto file = dir / "settings.toml";
    test::writeFile(file, "language = \"fr\"\nsidebar = \"yes\"\nreduced_motion = true\nview = { lon = 130.7, lat = 95.0, zoom = 9 }\n");
    const auto loaded = geo::loadSettings(file);
    REQUIRE(loaded.diagnostics.size() == 3);
    CHECK(loaded.diagnostics[0].format() == file.string() + ":4:8: warning: 'view' should be { lon = -180..180, lat = -85..85, "
                                                            "zoom = 0..22 }; it is ignored (it is rewritten on quitting)");
    CHECK(loaded.diagnostics[1].line == 1);
    CHECK(loaded.diagnostics[1].message == "'language' should be \"zh\", \"ja\" or \"en\"; it is ignored");
    CHECK(loaded.diagnostics[2].line == 2);
    CHECK(loaded.settings.reducedMotion == true);
    CHECK_FALSE(loaded.settings.view.has_value());
    CHECK_FALSE(loaded.settings.language.has_value());
    CHECK_FALSE(loaded.settings.sidebar.has_value());
}

TEST_CASE("settings live in the XDG config folder", "[settings]") {
    const char* oldXdg = std::getenv("XDG_CONFIG_HOME");
    const std::string savedXdg = oldXdg ? oldXdg : "";
    const char* oldHome = std::getenv("HOME");
    const std::string savedHome = oldHome ? oldHome : "";
    ::setenv("XDG_CONFIG_HOME", "/tmp/xdg-test", 1);
    CHECK(geo::settingsPath() == std::filesystem::path("/tmp/xdg-test/ktmap/settings.toml"));
    ::setenv("XDG_CONFIG_HOME", "relative/path", 1); // the spec says to ignore a relative one
    ::setenv("HOME", "/home/presenter", 1);
    CHECK(geo::settingsPath() == std::filesystem::path("/home/presenter/.config/ktmap/settings.toml"));
    if (oldXdg) ::setenv("XDG_CONFIG_HOME", savedXdg.c_str(), 1);
    else ::unsetenv("XDG_CONFIG_HOME");
    if (oldHome) ::setenv("HOME", savedHome.c_str(), 1);
    else ::unsetenv("HOME");
}

TEST_CASE("a settings folder that cannot be made is one message, and nothing else fails", "[settings][bad-input]") {
    // XDG_CONFIG_HOME under a regular file: mkdir fails with ENOTDIR, even for root (which
    // chmod would not stop). The viewer asks settingsWritable() once at start and says why.
    const auto dir = test::freshDir("settings_enotdir");
    const auto plain = dir / "config-is-a-file";
    test::writeFile(plain, "not a folder\n");
    const char* oldXdg = std::getenv("XDG_CONFIG_HOME");
    const std::string savedXdg = oldXdg ? oldXdg : "";
    ::setenv("XDG_CONFIG_HOME", plain.c_str(), 1);
    const auto file = geo::settingsPath();
    if (oldXdg) ::setenv("XDG_CONFIG_HOME", savedXdg.c_str(), 1);
    else ::unsetenv("XDG_CONFIG_HOME");
    CHECK(file == plain / "ktmap" / "settings.toml");

    const geo::SettingsLoad loaded = geo::loadSettings(file); // nothing to read: the defaults, no message
    CHECK(loaded.diagnostics.empty());
    CHECK_FALSE(loaded.settings.view.has_value());

    std::string error;
    CHECK_FALSE(geo::settingsWritable(file, error));
    CHECK(error == "cannot make " + (plain / "ktmap").string() + ": Not a directory");
    geo::Settings s;
    s.reducedMotion = true;
    std::string saveError;
    CHECK_FALSE(geo::saveSettings(file, s, saveError));
    CHECK(saveError == error);
    CHECK(test::readFile(plain) == "not a folder\n"); // untouched
    CHECK(test::listDir(dir) == std::vector<std::string>{"config-is-a-file"});

    // A folder that can be made and written in.
    std::string fine;
    CHECK(geo::settingsWritable(dir / "xdg" / "ktmap" / "settings.toml", fine));
    CHECK(fine.empty());
}
