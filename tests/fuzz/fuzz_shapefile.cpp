// libFuzzer harness: the layer loader over a shapefile set.
// Input: a 16-byte header of four little-endian uint32 lengths (.shp, .shx, .dbf, .prj),
// then those parts; what remains is the .cpg. A part of length 0 is not written (so a
// missing .shx/.dbf/.prj/.cpg is exercised too). tests/fuzz/run.sh packs the seeds.
#include "fuzz_loader_support.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::setUp();
    if (size < 16) return 0;
    std::size_t lengths[5];
    std::size_t offset = 16, left = size - 16;
    for (int i = 0; i < 4; ++i) {
        const std::uint32_t n = std::uint32_t(data[4 * i]) | std::uint32_t(data[4 * i + 1]) << 8 |
                                std::uint32_t(data[4 * i + 2]) << 16 | std::uint32_t(data[4 * i + 3]) << 24;
        lengths[i] = std::min<std::size_t>(n, left);
        left -= lengths[i];
    }
    lengths[4] = left;
    static const char* const kExt[5] = {"x.shp", "x.shx", "x.dbf", "x.prj", "x.cpg"};
    const auto& dir = fuzz::tempDir();
    for (int i = 0; i < 5; ++i) {
        fuzz::writeOrRemove(dir / kExt[i], data + offset, lengths[i], lengths[i] > 0);
        offset += lengths[i];
    }
    (void)fuzz::load(dir / "x.shp");
    return 0;
}
