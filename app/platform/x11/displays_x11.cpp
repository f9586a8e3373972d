// The monitors of an X screen, from XRandR 1.5.
#include "platform/displays.hpp"

#include <X11/Xlib.h>
#include <X11/extensions/Xrandr.h>

namespace app::platform {

std::vector<Monitor> queryMonitors(std::string& error) {
    std::vector<Monitor> monitors;
    Display* display = XOpenDisplay(nullptr);
    if (!display) {
        error = "no X display";
        return monitors;
    }
    int eventBase = 0, errorBase = 0, major = 0, minor = 0;
    if (!XRRQueryExtension(display, &eventBase, &errorBase) || !XRRQueryVersion(display, &major, &minor) ||
        major * 100 + minor < 105) {
        error = "the X server has no RandR 1.5 (monitors)";
        XCloseDisplay(display);
        return monitors;
    }
    int count = 0;
    XRRMonitorInfo* info = XRRGetMonitors(display, DefaultRootWindow(display), True, &count);
    for (int i = 0; info && i < count; ++i) {
        Monitor m;
        if (char* name = XGetAtomName(display, info[i].name)) {
            m.name = name;
            XFree(name);
        }
        m.x = info[i].x;
        m.y = info[i].y;
        m.width = info[i].width;
        m.height = info[i].height;
        m.primary = info[i].primary != 0;
        monitors.push_back(std::move(m));
    }
    if (info) XRRFreeMonitors(info);
    XCloseDisplay(display);
    return monitors;
}

} // namespace app::platform
