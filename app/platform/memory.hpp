#pragma once
// The C library's allocator, tuned for the viewer's threads (glibc's malloc; nothing elsewhere).

namespace app::platform {

// Two malloc arenas instead of one per loading and meshing thread: what those threads free
// goes back to a shared arena instead of staying in theirs (peak RSS of the benchmark
// 304 -> 290 MB, no slower frames or start-up). Call first thing in main().
void tuneAllocator();

} // namespace app::platform
