#pragma once
// Ctrl+C (SIGINT) and SIGTERM during a long export: noted instead of ending the process, so
// that the export stops between frames and removes its temporary file (no half video).

namespace app::platform {

class InterruptWatch {
public:
    InterruptWatch();  // catches SIGINT and SIGTERM from now on
    ~InterruptWatch(); // the handlers as they were
    InterruptWatch(const InterruptWatch&) = delete;
    InterruptWatch& operator=(const InterruptWatch&) = delete;

    // True once either signal came.
    bool requested() const;
};

} // namespace app::platform
