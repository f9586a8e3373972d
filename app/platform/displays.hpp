#pragma once
// The displays (monitors) of the screen, from the windowing system: X11's XRandR 1.5 here
// (platform/x11/displays_x11.cpp). SFML 2.5 only knows the whole X screen: with a laptop and a
// projector side by side that is one wide screen split into two monitors. A port to another
// system replaces this room (see docs/architecture.md).

#include <string>
#include <vector>

namespace app {

struct Monitor {
    std::string name;    // the monitor's name ("eDP-1", "HDMI-1")
    int x = 0, y = 0;    // top left, in the screen's pixels
    int width = 0, height = 0;
    bool primary = false;
};

} // namespace app

namespace app::platform {

// The monitors (active ones). Empty, with `error` set, when there is no display server or it
// cannot list monitors (X without RandR 1.5).
std::vector<Monitor> queryMonitors(std::string& error);

} // namespace app::platform
