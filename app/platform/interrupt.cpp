#include "platform/interrupt.hpp"

#include <csignal>

namespace app::platform {

namespace {

// A signal handler can only set a flag of this type: the one process-wide state here.
volatile std::sig_atomic_t g_interrupted = 0;
struct sigaction g_oldInt {}, g_oldTerm{};

extern "C" void noteInterrupt(int) { g_interrupted = 1; }

} // namespace

InterruptWatch::InterruptWatch() {
    g_interrupted = 0;
    struct sigaction action {};
    action.sa_handler = noteInterrupt;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &g_oldInt);
    sigaction(SIGTERM, &action, &g_oldTerm);
}

InterruptWatch::~InterruptWatch() {
    sigaction(SIGINT, &g_oldInt, nullptr);
    sigaction(SIGTERM, &g_oldTerm, nullptr);
}

bool InterruptWatch::requested() const { return g_interrupted != 0; }

} // namespace app::platform
