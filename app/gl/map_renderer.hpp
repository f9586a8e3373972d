#pragma once
// Draws the base map with OpenGL: one vertex/index buffer pair per layer for
// fills and one for strokes, uploaded once; per frame, only the level of
// detail that fits the scale and only the cells in view are drawn.

#include <geo/basemap/base_map.hpp>
#include <geo/view/camera.hpp>
#include <geo/view/map_view.hpp>

#include "gl/gl_program.hpp"

#include <epoxy/gl.h>

#include <filesystem>
#include <string>
#include <vector>

namespace app {

class MapRenderer {
public:
    struct Stats {
        std::size_t triangles = 0;
        std::size_t vertices = 0; // vertices submitted (indices drawn)
        std::size_t ranges = 0;   // cell ranges drawn
    };

    MapRenderer() = default;
    ~MapRenderer();
    MapRenderer(const MapRenderer&) = delete;
    MapRenderer& operator=(const MapRenderer&) = delete;

    // Builds the shaders. When they cannot be built (no GLSL 3.30, a broken file)
    // the renderer falls back to fixed-function drawing and `message` says why.
    void init(const std::filesystem::path& shaderDir, std::string& message, bool forceFallback = false);
    bool usingShaders() const { return m_shaders; }

    // Uploads every layer's built levels (replacing what was there).
    void upload(const geo::BaseMap& map);
    // Uploads one level built later (by the MeshBuilder).
    void uploadLevel(std::size_t layer, std::size_t level, const geo::MeshLevel& mesh);

    // Draws into the current framebuffer (viewport already set to the camera's size): the
    // layers `view` shows, in its theme. `uiScale` widens strokes for projector use.
    Stats draw(const geo::BaseMap& map, const geo::Camera& camera, const geo::MapView& view, float uiScale = 1.0f);

    // Frees the GPU buffers. Needs the GL context that made them to be current.
    void release();

    // What draw(map, camera, view, uiScale) would put on screen, as bytes: equal bytes, equal
    // pixels (the background, the camera, each layer's visibility, style and the level it
    // would draw, and what is uploaded). Appended to `out`.
    void signature(const geo::BaseMap& map, const geo::Camera& camera, const geo::MapView& view, float uiScale,
                   std::vector<unsigned char>& out) const;

private:
    struct GpuLevel {
        GLuint fillVbo = 0, fillIbo = 0, strokeVbo = 0, strokeIbo = 0, lineIbo = 0;
    };
    struct GpuLayer {
        GLuint pointVbo = 0, pointIbo = 0;
        std::vector<GpuLevel> levels;
    };
    void deleteBuffers();
    void drawPoints(const geo::BaseMap& map, const geo::Camera& camera, const geo::MapView& look, const geo::Box& view, float uiScale,
                    Stats& stats);
    void drawFixedFunction(const geo::MapLayer& layer, const geo::LayerStyle& style, const GpuLevel& gpu, const geo::MeshLevel& level,
                           const geo::Camera& camera, const geo::Box& view, Stats& stats);

    bool m_shaders = false;
    unsigned m_generation = 0; // changes with every upload or release
    GlProgram m_fill;
    GlProgram m_stroke;
    GlProgram m_point;
    std::vector<GpuLayer> m_layers;
    // Scratch for glMultiDrawElements, kept to avoid per-frame allocation.
    std::vector<GLsizei> m_counts;
    std::vector<const void*> m_offsets;
};

} // namespace app
