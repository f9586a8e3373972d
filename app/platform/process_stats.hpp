#pragma once
// What the system says of this process, for the benchmark and the soak (Linux: /proc and
// getrusage; a port replaces this file).

namespace app::platform {

// CPU time of the whole process (every thread: llvmpipe rasterises on several), in ms. On a
// machine shared with other work it says what a frame costs better than the wall clock.
double processCpuMs();
// Milliseconds since the kernel started this process (10 ms resolution): includes loading the
// executable and its libraries, which main() cannot see. Negative when unknown.
double msSinceProcessStart();
// Resident memory now, and the peak so far, in MB.
double residentMb();
double peakResidentMb();

} // namespace app::platform
