#pragma once
// Keeping the GL driver loaded until the process ends, in sanitizer builds: X11's teardown at
// exit dlclose()s it before LeakSanitizer looks, which takes the driver's globals away as
// roots, so what they still point at (~240 B the driver allocates at its first draw) would be
// reported as a leak, with stacks no suppression can match (no frame pointers in the driver).
// Linux's dynamic loader (dl_iterate_phdr, RTLD_NODELETE); a no-op elsewhere and in other builds.

namespace app::platform {

// Call with a GL context current (the driver is loaded then).
void pinGlDriver();

} // namespace app::platform
