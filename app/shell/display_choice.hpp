#pragma once
// Which display is the projector and which the presenter's, and where a new window opens:
// pure functions of the monitor list (platform/displays.hpp), so tests call them without a
// display server.

#include "platform/displays.hpp"

#include <string>
#include <vector>

namespace app {

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

// "1 eDP-1 1920x1080+0+0 (primary), 2 HDMI-1 1920x1080+1920+0", for messages and logs.
std::string describeMonitors(const std::vector<Monitor>& monitors);

} // namespace app
