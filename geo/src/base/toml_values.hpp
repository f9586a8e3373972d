#pragma once
// Values the layer file and the palette read alike.

#include "base/toml_fixed.hpp"

#include <geo/base/color.hpp>

#include <optional>
#include <vector>

namespace geo {

// A non-empty list of colours ["#RRGGBB" or "#RRGGBBAA", ...]; nothing when the node is
// anything else or one of its colours cannot be read (the caller names the mistake).
std::optional<std::vector<Color>> colorList(const toml::node& node);

} // namespace geo
