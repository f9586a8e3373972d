// libFuzzer harness: the briefing content parser and its validator (parseBriefing runs both).
#include <geo/briefing/briefing.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    geo::BriefingLoadResult result = geo::parseBriefing(text, "fuzz");
    for (const geo::Diagnostic& d : result.diagnostics) (void)d.format();
    return 0;
}
