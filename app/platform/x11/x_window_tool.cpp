// What a presenter does to ktmap's windows, for tests/app/two_displays.sh, with plain Xlib:
//   x_window_tool list                     the top-level windows: "WxH+X+Y<TAB>title", one a line
//   x_window_tool key TITLE KEYSYM [ctrl]  a key press and release sent to the window titled TITLE
//   x_window_tool close TITLE              what a window manager's close button sends (WM_DELETE_WINDOW)
// TITLE is the window's whole title. Exits 1 when there is no such window.

#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace {

struct Top {
    Window id;
    std::string title;
};

std::vector<Top> topWindows(Display* d) {
    std::vector<Top> out;
    Window root = DefaultRootWindow(d), parent = 0, *children = nullptr;
    unsigned count = 0;
    if (!XQueryTree(d, root, &root, &parent, &children, &count)) return out;
    const Atom utf8 = XInternAtom(d, "UTF8_STRING", False), netName = XInternAtom(d, "_NET_WM_NAME", False);
    for (unsigned i = 0; i < count; ++i) {
        XWindowAttributes a;
        if (!XGetWindowAttributes(d, children[i], &a) || a.map_state != IsViewable) continue;
        std::string title;
        Atom type = 0;
        int format = 0;
        unsigned long items = 0, after = 0;
        unsigned char* data = nullptr;
        if (XGetWindowProperty(d, children[i], netName, 0, 1024, False, utf8, &type, &format, &items, &after, &data) == Success &&
            data) {
            title.assign(reinterpret_cast<char*>(data), items);
            XFree(data);
        }
        if (!title.empty()) out.push_back({children[i], title});
    }
    if (children) XFree(children);
    return out;
}

} // namespace

int main(int argc, char** argv) {
    Display* d = XOpenDisplay(nullptr);
    if (!d || argc < 2) {
        std::fprintf(stderr, "usage: x_window_tool list | key TITLE KEYSYM [ctrl] | close TITLE (with an X display)\n");
        if (d) XCloseDisplay(d);
        return 2;
    }
    // Every way out closes the connection (the sanitizer build checks for leaks).
    struct Closer {
        Display* d;
        ~Closer() { XCloseDisplay(d); }
    } closer{d};
    const std::string command = argv[1];
    if (command == "list") {
        for (const Top& t : topWindows(d)) {
            XWindowAttributes a;
            XGetWindowAttributes(d, t.id, &a);
            int x = 0, y = 0;
            Window child = 0;
            XTranslateCoordinates(d, t.id, DefaultRootWindow(d), 0, 0, &x, &y, &child);
            std::printf("%dx%d+%d+%d\t%s\n", a.width, a.height, x, y, t.title.c_str());
        }
        return 0;
    }
    if (argc < 3) return 2;
    Window target = 0;
    for (const Top& t : topWindows(d))
        if (t.title == argv[2]) target = t.id;
    if (!target) {
        std::fprintf(stderr, "x_window_tool: no window titled '%s'\n", argv[2]);
        return 1;
    }
    if (command == "key" && argc >= 4) {
        XKeyEvent e;
        std::memset(&e, 0, sizeof e);
        e.display = d;
        e.window = target;
        e.root = DefaultRootWindow(d);
        e.same_screen = True;
        e.keycode = XKeysymToKeycode(d, XStringToKeysym(argv[3]));
        e.state = argc >= 5 && std::string(argv[4]) == "ctrl" ? ControlMask : 0;
        e.type = KeyPress;
        XSendEvent(d, target, True, KeyPressMask, reinterpret_cast<XEvent*>(&e));
        e.type = KeyRelease;
        XSendEvent(d, target, True, KeyReleaseMask, reinterpret_cast<XEvent*>(&e));
    } else if (command == "close") {
        XEvent e;
        std::memset(&e, 0, sizeof e);
        e.xclient.type = ClientMessage;
        e.xclient.window = target;
        e.xclient.message_type = XInternAtom(d, "WM_PROTOCOLS", False);
        e.xclient.format = 32;
        e.xclient.data.l[0] = static_cast<long>(XInternAtom(d, "WM_DELETE_WINDOW", False));
        e.xclient.data.l[1] = CurrentTime;
        XSendEvent(d, target, False, NoEventMask, &e);
    } else {
        return 2;
    }
    XSync(d, False);
    return 0;
}
