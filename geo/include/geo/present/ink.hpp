#pragma once
// The presenter's ink: pen and highlighter strokes drawn with the mouse over the map, anchored
// to where on Earth they were drawn (they move and scale with the map; their width stays in
// pixels), smoothed when the stroke ends, and kept per story step while the app runs (going
// back to a step shows its strokes again).
//
//   pointer (px) ─Camera::screenToWorld─► metres ─Projection::inverse─► lon/lat  (the anchor)
//   metres ─Camera::worldToScreen (per frame)─► px ─► draw::Line

#include <geo/base/projection.hpp>
#include <geo/view/camera.hpp>
#include <geo/view/display_list.hpp>
#include <geo/view/palette.hpp>

#include <glm/vec2.hpp>

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace geo {

enum class InkTool { Pen, Highlighter };

struct InkStroke {
    InkTool tool = InkTool::Pen;
    std::size_t colour = 0;         // into the palette's [tools] ink (pen) or highlighter list
    std::vector<glm::dvec2> lonLat; // the anchor
    std::vector<glm::dvec2> world;  // the same points projected (the camera alone places them per frame)
};

// A story step, as ink is kept by: the story's id and the step's index.
using InkPage = std::pair<std::string, std::size_t>;

// Corner cutting (Chaikin): each pass replaces every inner corner by two points a quarter
// of the way along its sides; the ends stay where they are.
std::vector<glm::dvec2> smoothStroke(const std::vector<glm::dvec2>& points, int passes = 2);

class InkBook {
public:
    // Pointer points closer than this to the last one are not kept (pixels).
    static constexpr double kMinStepPixels = 2.0;

    // A stroke starts at `screen`, follows the pointer, and ends on the page of the step
    // shown (smoothed; a stroke of one point is a dot, kept as two).
    void begin(InkTool tool, std::size_t colour, glm::dvec2 screen, const Camera& camera);
    void extend(glm::dvec2 screen, const Camera& camera);
    // True when a stroke was kept. Points that smoothing made and that a straight segment
    // within `tolerance` metres would replace are dropped (a quarter pixel at the scale drawn).
    bool finish(const InkPage& page, const Projection& projection, double tolerance = 0.0);
    void cancel() { m_drawing.reset(); }
    const std::optional<InkStroke>& drawing() const { return m_drawing; }

    const std::vector<InkStroke>& strokes(const InkPage& page) const;
    // A stroke made elsewhere (kept annotations, the command line), on `page`.
    void add(const InkPage& page, InkStroke stroke) {
        m_pages[page].push_back(std::move(stroke));
        ++m_revision;
    }
    // Undo the page's last stroke / clear the page; false when it had none.
    bool undo(const InkPage& page);
    bool clear(const InkPage& page);
    std::size_t total() const;
    // Counts every change to the kept strokes (a stroke finished, added, undone, cleared):
    // what was drawn from an older revision must be drawn again.
    std::uint64_t revision() const { return m_revision; }

private:
    std::uint64_t m_revision = 0;
    std::optional<InkStroke> m_drawing;
    std::map<InkPage, std::vector<InkStroke>> m_pages;
};

// The strokes (and the one being drawn, if any) as lines in screen pixels, clipped to the
// display: the pen 7 px wide with a casing, the highlighter 22 px, translucent, at
// interface scale `scale`.
void layoutInk(const std::vector<InkStroke>& strokes, const InkStroke* drawing, const Camera& camera, const Palette::Tools& look,
               float scale, glm::vec2 display, DisplayList& out);

} // namespace geo
