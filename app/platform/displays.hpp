#pragma once
// The displays (monitors) of the X screen, from XRandR 1.5, and which one is the
// projector. SFML 2.5 only knows the whole X screen: with a laptop and a projector side
// by side that is one wide screen split into two monitors.
//
// The choice is a pure function of the monitor list, so tests can call it without X.

#include <string>
#include <vector>

namespace app {

struct Monitor {
    std::string name;    // the RandR monitor's name ("eDP-1", "HDMI-1")
    int x = 0, y = 0;    // top left, in the X screen's pixels
    int width = 0, height = 0;
    bool primary = false;
};

// Which monitor shows what while presenting. Indices into the list given to chooseDisplays.
struct DisplayChoice {
    int projector = -1; // the map, borderless over the whole monitor; -1: no monitor list (full screen as before)
    int presenter = -1; // the presenter window; -1: one display (the O overlay stands in)
    std::string message; // set when `requested` named no display (the default was taken)
    bool twoDisplays() const { return projector >= 0 && presenter >= 0; }
};

// `requested` is --display: a 1-based number in the order listed, or a monitor's name
// (any case); empty for the default. Monitors covering the same rectangle (mirrored
// outputs) count as one display. With one display, it is the projector and there is no
// presenter window. With two or more: the requested one, else the first that is not
// the primary (a laptop's own panel is usually the primary; when none is primary, the
// first listed is taken as the laptop's); the presenter window goes on the primary, or
// on the first other display when the primary is the projector.
DisplayChoice chooseDisplays(const std::vector<Monitor>& monitors, const std::string& requested);

// Where a window of width x height opens: centred on the primary monitor (the first when
// none is), its top left kept on it when the window is larger; centred on the whole
// screen (screenWidth x screenHeight) when there is no monitor list. (SFML 2.5 centres a
// new window with the screen's width for both axes: on a 1920x1080 screen a 1600x900
// window opened with its bottom 330 px off the screen.)
struct WindowPosition {
    int x = 0, y = 0;
};
WindowPosition centredWindow(const std::vector<Monitor>& monitors, int width, int height, int screenWidth, int screenHeight);

// The X server's monitors (XRRGetMonitors, active ones). Empty, with `error` set, when
// there is no X display or the server has no RandR 1.5.
std::vector<Monitor> queryMonitors(std::string& error);

// "1 eDP-1 1920x1080+0+0 (primary), 2 HDMI-1 1920x1080+1920+0", for messages and logs.
std::string describeMonitors(const std::vector<Monitor>& monitors);

} // namespace app
