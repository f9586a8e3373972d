// libFuzzer harness: the layer-file parser.
#include <geo/basemap/layer_config.hpp>

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    geo::LayerConfigResult result = geo::parseLayerConfig(text, "fuzz", "/nonexistent");
    for (const geo::Diagnostic& d : result.diagnostics) (void)d.format();
    for (const geo::LayerSpec& spec : result.config.layers) (void)geo::projectorStyle(spec.style);
    return 0;
}
