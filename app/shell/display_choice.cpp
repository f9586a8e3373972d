#include "shell/display_choice.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace app {

namespace {

bool sameRect(const Monitor& a, const Monitor& b) {
    return a.x == b.x && a.y == b.y && a.width == b.width && a.height == b.height;
}

bool equalsIgnoringCase(const std::string& a, const std::string& b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char p, char q) {
               return std::tolower(static_cast<unsigned char>(p)) == std::tolower(static_cast<unsigned char>(q));
           });
}

// The index `requested` names (1-based number or name), or -1.
int findRequested(const std::vector<Monitor>& monitors, const std::string& requested) {
    if (requested.empty()) return -1;
    const bool number = std::all_of(requested.begin(), requested.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (number && requested.size() <= 4) {
        const int n = std::atoi(requested.c_str());
        return n >= 1 && n <= static_cast<int>(monitors.size()) ? n - 1 : -1;
    }
    for (std::size_t i = 0; i < monitors.size(); ++i)
        if (equalsIgnoringCase(monitors[i].name, requested)) return static_cast<int>(i);
    return -1;
}

} // namespace

DisplayChoice chooseDisplays(const std::vector<Monitor>& monitors, const std::string& requested) {
    DisplayChoice choice;
    // The distinct displays: a mirror of another (same rectangle) is not a second display.
    // Of a mirrored pair the primary one stands for both.
    std::vector<int> distinct;
    for (std::size_t i = 0; i < monitors.size(); ++i) {
        if (monitors[i].width <= 0 || monitors[i].height <= 0) continue;
        bool seen = false;
        for (int& d : distinct)
            if (sameRect(monitors[static_cast<std::size_t>(d)], monitors[i])) {
                if (monitors[i].primary && !monitors[static_cast<std::size_t>(d)].primary) d = static_cast<int>(i);
                seen = true;
            }
        if (!seen) distinct.push_back(static_cast<int>(i));
    }
    if (distinct.empty()) return choice;

    int wanted = findRequested(monitors, requested);
    if (!requested.empty() && wanted < 0)
        choice.message = "--display " + requested + ": there is no such display (" + describeMonitors(monitors) + ")";
    if (wanted >= 0) // a mirror stands for the display it mirrors
        for (int d : distinct)
            if (sameRect(monitors[static_cast<std::size_t>(d)], monitors[static_cast<std::size_t>(wanted)])) wanted = d;

    if (distinct.size() == 1) {
        choice.projector = distinct.front();
        return choice;
    }
    int primary = -1;
    for (int d : distinct)
        if (monitors[static_cast<std::size_t>(d)].primary) primary = d;
    const int laptop = primary >= 0 ? primary : distinct.front();
    if (wanted >= 0) choice.projector = wanted;
    else
        for (int d : distinct)
            if (d != laptop) {
                choice.projector = d;
                break;
            }
    if (laptop != choice.projector) choice.presenter = laptop;
    else
        for (int d : distinct)
            if (d != choice.projector) {
                choice.presenter = d;
                break;
            }
    return choice;
}

WindowPosition centredWindow(const std::vector<Monitor>& monitors, int width, int height, int screenWidth, int screenHeight) {
    Monitor on{"", 0, 0, screenWidth, screenHeight, true};
    if (!monitors.empty()) {
        on = monitors.front();
        for (const Monitor& m : monitors)
            if (m.primary) {
                on = m;
                break;
            }
    }
    return {on.x + std::max(0, (on.width - width) / 2), on.y + std::max(0, (on.height - height) / 2)};
}

std::string describeMonitors(const std::vector<Monitor>& monitors) {
    std::string out;
    for (std::size_t i = 0; i < monitors.size(); ++i) {
        const Monitor& m = monitors[i];
        if (i) out += ", ";
        out += std::to_string(i + 1) + " " + m.name + " " + std::to_string(m.width) + "x" + std::to_string(m.height) +
               (m.x < 0 ? "" : "+") + std::to_string(m.x) + (m.y < 0 ? "" : "+") + std::to_string(m.y);
        if (m.primary) out += " (primary)";
    }
    return out.empty() ? "none" : out;
}

} // namespace app
