// What a presenter does to ktmap's windows, for tests/app/two_displays.sh, with plain Xlib:
//   x_window_tool list                     the top-level windows: "WxH+X+Y<TAB>title", one a line
//   x_window_tool key TITLE KEYSYM [ctrl]  a key press and release sent to the window titled TITLE
//   x_window_tool close TITLE              what a window manager's close button sends (WM_DELETE_WINDOW)
//   x_window_tool keydown|keyup TITLE KEYSYM   half of a key (Shift held for a drag)
//   x_window_tool move TITLE X Y           the pointer moved there (window pixels): X warps the real pointer
//   x_window_tool drag TITLE X0 Y0 X1 Y1 [STEPS]   left button down at X0,Y0, moved in STEPS, up at X1,Y1
//   x_window_tool click TITLE X Y          left button down and up there
//   x_window_tool wheel TITLE X Y up|down  one notch of the wheel there
//   x_window_tool pixel X Y                the screen's colour there, "R G B"
//   x_window_tool shot FILE X Y W H        that part of the screen to a PNG
// TITLE is the window's whole title. Exits 1 when there is no such window.

#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>

#include <SFML/Graphics/Image.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>
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

// A key event (press or release) sent to the window.
void sendKey(Display* d, Window target, const char* keysym, bool press, unsigned state) {
    XKeyEvent e;
    std::memset(&e, 0, sizeof e);
    e.display = d;
    e.window = target;
    e.root = DefaultRootWindow(d);
    e.same_screen = True;
    e.keycode = XKeysymToKeycode(d, XStringToKeysym(keysym));
    e.state = state;
    e.type = press ? KeyPress : KeyRelease;
    XSendEvent(d, target, True, press ? KeyPressMask : KeyReleaseMask, reinterpret_cast<XEvent*>(&e));
}

// The real pointer warped to (x, y) in the window: X sends the motion (and ImGui, which asks
// where the pointer is, sees the same place).
void movePointer(Display* d, Window target, int x, int y) {
    XWarpPointer(d, None, target, 0, 0, 0, 0, x, y);
    XSync(d, False);
}

void sendButton(Display* d, Window target, int x, int y, unsigned button, bool press) {
    XButtonEvent e;
    std::memset(&e, 0, sizeof e);
    e.display = d;
    e.window = target;
    e.root = DefaultRootWindow(d);
    e.same_screen = True;
    e.x = x;
    e.y = y;
    e.button = button;
    e.state = press ? 0 : Button1Mask;
    e.type = press ? ButtonPress : ButtonRelease;
    XSendEvent(d, target, True, press ? ButtonPressMask : ButtonReleaseMask, reinterpret_cast<XEvent*>(&e));
    XSync(d, False);
}

void pause(int ms) { std::this_thread::sleep_for(std::chrono::milliseconds(ms)); }

} // namespace

int main(int argc, char** argv) {
    Display* d = XOpenDisplay(nullptr);
    if (!d || argc < 2) {
        std::fprintf(stderr, "usage: x_window_tool list | key TITLE KEYSYM [ctrl] | keydown|keyup TITLE KEYSYM | close TITLE | "
                             "move|click TITLE X Y | drag TITLE X0 Y0 X1 Y1 [STEPS] | wheel TITLE X Y up|down | pixel X Y | "
                             "shot FILE X Y W H (with an X display)\n");
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
    if (command == "pixel" && argc >= 4) {
        XImage* image = XGetImage(d, DefaultRootWindow(d), std::atoi(argv[2]), std::atoi(argv[3]), 1, 1, AllPlanes, ZPixmap);
        if (!image) return 1;
        const unsigned long p = XGetPixel(image, 0, 0);
        std::printf("%lu %lu %lu\n", (p >> 16) & 0xFF, (p >> 8) & 0xFF, p & 0xFF);
        XDestroyImage(image);
        return 0;
    }
    if (command == "shot" && argc >= 7) {
        const int x = std::atoi(argv[3]), y = std::atoi(argv[4]), w = std::atoi(argv[5]), h = std::atoi(argv[6]);
        XImage* image = XGetImage(d, DefaultRootWindow(d), x, y, static_cast<unsigned>(w), static_cast<unsigned>(h), AllPlanes, ZPixmap);
        if (!image) return 1;
        sf::Image png;
        png.create(static_cast<unsigned>(w), static_cast<unsigned>(h));
        for (int j = 0; j < h; ++j)
            for (int i = 0; i < w; ++i) {
                const unsigned long p = XGetPixel(image, i, j);
                png.setPixel(static_cast<unsigned>(i), static_cast<unsigned>(j),
                             sf::Color(static_cast<sf::Uint8>((p >> 16) & 0xFF), static_cast<sf::Uint8>((p >> 8) & 0xFF),
                                       static_cast<sf::Uint8>(p & 0xFF)));
            }
        XDestroyImage(image);
        return png.saveToFile(argv[2]) ? 0 : 1;
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
        const unsigned state = argc >= 5 && std::string(argv[4]) == "ctrl" ? ControlMask : 0;
        sendKey(d, target, argv[3], true, state);
        sendKey(d, target, argv[3], false, state);
    } else if ((command == "keydown" || command == "keyup") && argc >= 4) {
        sendKey(d, target, argv[3], command == "keydown", 0);
    } else if (command == "move" && argc >= 5) {
        movePointer(d, target, std::atoi(argv[3]), std::atoi(argv[4]));
    } else if (command == "click" && argc >= 5) {
        const int x = std::atoi(argv[3]), y = std::atoi(argv[4]);
        movePointer(d, target, x, y);
        pause(60);
        sendButton(d, target, x, y, Button1, true);
        pause(60);
        sendButton(d, target, x, y, Button1, false);
    } else if (command == "wheel" && argc >= 6) {
        const int x = std::atoi(argv[3]), y = std::atoi(argv[4]);
        const unsigned button = std::string(argv[5]) == "up" ? Button4 : Button5;
        movePointer(d, target, x, y);
        sendButton(d, target, x, y, button, true);
        sendButton(d, target, x, y, button, false);
    } else if (command == "drag" && argc >= 7) {
        const int x0 = std::atoi(argv[3]), y0 = std::atoi(argv[4]), x1 = std::atoi(argv[5]), y1 = std::atoi(argv[6]);
        const int steps = argc >= 8 ? std::max(1, std::atoi(argv[7])) : 12;
        movePointer(d, target, x0, y0);
        pause(60);
        sendButton(d, target, x0, y0, Button1, true);
        for (int i = 1; i <= steps; ++i) {
            pause(30);
            movePointer(d, target, x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps);
        }
        pause(60);
        sendButton(d, target, x1, y1, Button1, false);
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
