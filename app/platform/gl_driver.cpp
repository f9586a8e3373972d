#include "platform/gl_driver.hpp"

#if defined(__SANITIZE_ADDRESS__) && defined(__linux__)
#include <dlfcn.h>
#include <link.h>

#include <spdlog/spdlog.h>

#include <string>
#include <vector>
#endif

namespace app::platform {

void pinGlDriver() {
#if defined(__SANITIZE_ADDRESS__) && defined(__linux__)
    std::vector<std::string> drivers;
    dl_iterate_phdr(
        [](dl_phdr_info* info, std::size_t, void* out) {
            const std::string name = info->dlpi_name ? info->dlpi_name : "";
            if (name.find("_dri.so") != std::string::npos || name.find("libgallium") != std::string::npos)
                static_cast<std::vector<std::string>*>(out)->push_back(name);
            return 0;
        },
        &drivers);
    for (const std::string& name : drivers) // (not inside the callback: it holds the loader's lock)
        if (!dlopen(name.c_str(), RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE)) spdlog::debug("cannot pin {}", name);
#endif
}

} // namespace app::platform
