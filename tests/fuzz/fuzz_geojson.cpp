// libFuzzer harness: the layer loader over a GeoJSON file.
#include "fuzz_loader_support.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::setUp();
    const auto file = fuzz::tempDir() / "x.geojson";
    fuzz::writeOrRemove(file, data, size, true);
    (void)fuzz::load(file);
    return 0;
}
