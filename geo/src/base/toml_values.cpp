#include "base/toml_values.hpp"

namespace geo {

std::optional<std::vector<Color>> colorList(const toml::node& node) {
    const toml::array* list = node.as_array();
    if (!list || list->empty()) return std::nullopt;
    std::vector<Color> colors;
    for (const toml::node& item : *list) {
        const auto s = item.value<std::string>();
        const auto c = s ? Color::parse(*s) : std::nullopt;
        if (!c) return std::nullopt;
        colors.push_back(*c);
    }
    return colors;
}

} // namespace geo
