#include "platform/memory.hpp"

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace app::platform {

void tuneAllocator() {
#ifdef __GLIBC__
    mallopt(M_ARENA_MAX, 2);
#endif
}

} // namespace app::platform
