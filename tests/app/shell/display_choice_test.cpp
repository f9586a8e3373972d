#include "shell/display_choice.hpp"

#include <catch2/catch.hpp>

using app::chooseDisplays;
using app::Monitor;

namespace {
Monitor mon(const char* name, int x, int y, int w, int h, bool primary = false) { return Monitor{name, x, y, w, h, primary}; }
} // namespace

TEST_CASE("no monitor list: full screen as before, no presenter window", "[displays]") {
    const auto c = chooseDisplays({}, "");
    CHECK(c.projector == -1);
    CHECK(c.presenter == -1);
    CHECK_FALSE(c.twoDisplays());
    CHECK(c.message.empty());
}

TEST_CASE("one display: it is the projector, the overlay stands in for the presenter window", "[displays]") {
    const auto c = chooseDisplays({mon("eDP-1", 0, 0, 1920, 1080, true)}, "");
    CHECK(c.projector == 0);
    CHECK(c.presenter == -1);
    CHECK_FALSE(c.twoDisplays());
}

TEST_CASE("a laptop and a projector: the map on the one that is not primary", "[displays]") {
    // The projector to the right of the laptop's primary panel...
    auto c = chooseDisplays({mon("eDP-1", 0, 0, 1920, 1080, true), mon("HDMI-1", 1920, 0, 1280, 720)}, "");
    CHECK(c.projector == 1);
    CHECK(c.presenter == 0);
    CHECK(c.twoDisplays());
    // ...listed first, or to the left (negative coordinates do not matter).
    c = chooseDisplays({mon("HDMI-1", 0, 0, 1920, 1080), mon("eDP-1", 1920, 0, 1920, 1080, true)}, "");
    CHECK(c.projector == 0);
    CHECK(c.presenter == 1);
}

TEST_CASE("no primary: the first listed is taken as the laptop's", "[displays]") {
    const auto c = chooseDisplays({mon("LAPTOP", 0, 0, 1920, 1080), mon("PROJECTOR", 1920, 0, 1920, 1080)}, "");
    CHECK(c.projector == 1);
    CHECK(c.presenter == 0);
}

TEST_CASE("the projector picked by number or by name (--display)", "[displays]") {
    const std::vector<Monitor> three{mon("eDP-1", 0, 0, 1920, 1080, true), mon("HDMI-1", 1920, 0, 1920, 1080),
                                     mon("DP-2", 3840, 0, 3840, 2160)};
    auto c = chooseDisplays(three, "3");
    CHECK(c.projector == 2);
    CHECK(c.presenter == 0); // the presenter window stays on the primary
    CHECK(c.message.empty());
    c = chooseDisplays(three, "hdmi-1"); // any case
    CHECK(c.projector == 1);
    CHECK(c.presenter == 0);
    // The primary as the projector: the presenter window goes on the first other display.
    c = chooseDisplays(three, "1");
    CHECK(c.projector == 0);
    CHECK(c.presenter == 1);
}

TEST_CASE("a --display that names no display: a message, and the default", "[displays]") {
    const std::vector<Monitor> two{mon("eDP-1", 0, 0, 1920, 1080, true), mon("HDMI-1", 1920, 0, 1920, 1080)};
    for (const char* bad : {"0", "3", "VGA-1", "-1", "99999999999"}) {
        const auto c = chooseDisplays(two, bad);
        CHECK(c.projector == 1);
        CHECK(c.presenter == 0);
        CHECK(c.message == std::string("--display ") + bad +
                               ": there is no such display (1 eDP-1 1920x1080+0+0 (primary), 2 HDMI-1 1920x1080+1920+0)");
    }
}

TEST_CASE("mirrored outputs are one display", "[displays]") {
    // The projector mirrors the laptop: the same rectangle twice.
    const std::vector<Monitor> mirrored{mon("eDP-1", 0, 0, 1920, 1080, true), mon("HDMI-1", 0, 0, 1920, 1080)};
    auto c = chooseDisplays(mirrored, "");
    CHECK(c.projector == 0);
    CHECK(c.presenter == -1);
    // Asking for the mirror is asking for that one display.
    c = chooseDisplays(mirrored, "2");
    CHECK(c.projector == 0);
    CHECK(c.presenter == -1);
    CHECK(c.message.empty());
    // A mirrored pair beside a third display: two displays.
    c = chooseDisplays({mon("HDMI-1", 0, 0, 1920, 1080), mon("eDP-1", 0, 0, 1920, 1080, true), mon("DP-1", 1920, 0, 1920, 1080)}, "");
    CHECK(c.projector == 2);
    CHECK(c.presenter == 1);
}

TEST_CASE("a monitor without a size is not a display", "[displays]") {
    const auto c = chooseDisplays({mon("eDP-1", 0, 0, 1920, 1080, true), mon("ghost", 1920, 0, 0, 0)}, "");
    CHECK(c.projector == 0);
    CHECK(c.presenter == -1);
}

TEST_CASE("the monitors are described for messages", "[displays]") {
    CHECK(app::describeMonitors({}) == "none");
    CHECK(app::describeMonitors({mon("A", -1280, 0, 1280, 1024), mon("B", 0, 0, 1920, 1080, true)}) ==
          "1 A 1280x1024-1280+0, 2 B 1920x1080+0+0 (primary)");
}

TEST_CASE("a new window opens centred on the primary monitor, its top left on it", "[displays]") {
    using app::centredWindow;
    // One 1920x1080 display: 1600x900 at (160, 90), not SFML's (160, 510).
    auto p = centredWindow({mon("eDP-1", 0, 0, 1920, 1080, true)}, 1600, 900, 1920, 1080);
    CHECK(p.x == 160);
    CHECK(p.y == 90);
    // A laptop's primary panel to the right of a projector: on the panel, not across the seam.
    p = centredWindow({mon("HDMI-1", 0, 0, 1280, 720), mon("eDP-1", 1280, 0, 1920, 1080, true)}, 1600, 900, 3200, 1080);
    CHECK(p.x == 1280 + 160);
    CHECK(p.y == 90);
    // No primary: the first listed.
    p = centredWindow({mon("DP-1", 0, 200, 1920, 1080), mon("DP-2", 1920, 0, 1920, 1080)}, 1600, 900, 3840, 1280);
    CHECK(p.x == 160);
    CHECK(p.y == 290);
    // A window larger than a 1366x768 laptop panel: its top left (title bar, sidebar) stays on it.
    p = centredWindow({mon("eDP-1", 0, 0, 1366, 768, true)}, 1600, 900, 1366, 768);
    CHECK(p.x == 0);
    CHECK(p.y == 0);
    // No monitor list (no RandR 1.5): centred on the whole screen.
    p = centredWindow({}, 1600, 900, 1920, 1080);
    CHECK(p.x == 160);
    CHECK(p.y == 90);
}
