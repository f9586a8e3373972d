#pragma once
// What to draw over the map, in screen pixels (x right, y down), in painting order: the
// output of content layout (content_layout.hpp) and of the presentation's audience layer.
// geo/ decides what goes where; app/ paints the list (a GL painter for lines and markers,
// ImGui for text and shapes; an ImGui-only painter where GLSL 3.30 is missing).
//
//   files -> geo model -> ContentScene (projected once per load)
//         -> layoutContent(scene, state, camera, panels) -> DisplayList + HitIndex -> painter -> GPU

#include <geo/base/color.hpp>
#include <geo/base/text_face.hpp>

#include <glm/vec2.hpp>

#include <string>
#include <variant>
#include <vector>

namespace geo {

// The sizes text comes in (their pixel sizes are the app's fonts'; see TextMeasure).
enum class FontRole {
    Ui,      // interface text
    Label,   // site labels, callouts
    Large,   // titles, the main cities, the playback day
    Caption, // presentation captions
    Badge    // stop numbers and group counts (digits and a few signs)
};

struct LineStyle {
    Color colour;
    float width = 0.0f;        // pixels
    Color casing{0, 0, 0, 0};  // under the line; alpha 0: none
    float casingWidth = 0.0f;  // pixels, the whole casing
    float dash = 0.0f;         // pixels on; 0: solid
    float gap = 0.0f;          // pixels off
    bool casingDashed = false; // the casing has the dashes too (else it runs under the gaps)
};

// A site marker: a fill inside a white ring inside a dark, translucent rim; `outerRadius`
// (0: none) adds an opaque ring of `outer` around it all.
struct DiscStyle {
    Color fill;
    float fillRadius = 0.0f;
    Color ring;
    float ringRadius = 0.0f;
    Color rim;
    float rimRadius = 0.0f;
    Color outer;
    float outerRadius = 0.0f;
};

namespace draw {
// A polyline, already clipped to the screen (with a margin wider than any stroke); dashes are
// measured from `phase` at its first point, so that they stay put when the view moves.
struct Line {
    std::vector<glm::vec2> points;
    LineStyle style;
    float phase = 0.0f;
};
struct Disc {
    glm::vec2 centre{0.0f};
    DiscStyle style;
};
// A ring outline (a highlight or the selection).
struct Circle {
    glm::vec2 centre{0.0f};
    float radius = 0.0f, width = 1.0f;
    Color colour;
};
struct FilledCircle {
    glm::vec2 centre{0.0f};
    float radius = 0.0f;
    Color colour;
};
// A filled arrowhead whose tip is at `tip`, pointing along `direction` (unit), `size` px long.
struct Arrow {
    glm::vec2 tip{0.0f}, direction{1.0f, 0.0f};
    float size = 0.0f;
    Color fill, outline;
};
struct Rect {
    glm::vec2 min{0.0f}, max{0.0f};
    Color fill{0, 0, 0, 0};
    float rounding = 0.0f;
    Color outline{0, 0, 0, 0};
    float outlineWidth = 0.0f;
};
// Text whose top left is `at` (a line, no wrapping); `halo` > 0 draws a light halo of that
// many pixels around it first.
struct Text {
    glm::vec2 at{0.0f};
    std::string text;
    FontRole role = FontRole::Label;
    Face face = Face::Chinese;
    Color ink;
    float halo = 0.0f;
    Color haloColour;
};
// An opaque rectangle over which panels are drawn: painted without blending, it lets a
// software rasterizer skip what lies under it (llvmpipe drops earlier work in the tiles it
// covers whole). `background`: the panel draws no background of its own, this is it; else
// the panel's own background covers it and no pixel changes (a painter may leave it out).
struct Cover {
    glm::vec2 min{0.0f}, max{0.0f};
    Color colour;
    bool background = false;
};
// The spotlight: `colour` laid over the whole screen except a circle of `radius` around
// `centre`, reaching full strength `softness` pixels further out.
struct Shade {
    glm::vec2 centre{0.0f};
    float radius = 0.0f, softness = 0.0f;
    Color colour;
};
} // namespace draw

using DisplayItem = std::variant<draw::Line, draw::Disc, draw::Circle, draw::FilledCircle, draw::Arrow, draw::Rect, draw::Text,
                                 draw::Cover, draw::Shade>;

struct DisplayList {
    std::vector<DisplayItem> items;
    template <typename T> void add(T item) { items.emplace_back(std::move(item)); }
    void clear() { items.clear(); }
    bool empty() const { return items.empty(); }
};

} // namespace geo
