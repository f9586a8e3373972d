#include "gl/map_renderer.hpp"


#include <algorithm>
#include <cmath>

namespace app {

namespace {

void setColor(GLint loc, const geo::Color& c) {
    glUniform4f(loc, c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, c.a / 255.0f);
}

template <typename T>
GLuint makeBuffer(GLenum target, const std::vector<T>& data) {
    if (data.empty()) return 0;
    GLuint id = 0;
    glGenBuffers(1, &id);
    glBindBuffer(target, id);
    glBufferData(target, static_cast<GLsizeiptr>(data.size() * sizeof(T)), data.data(), GL_STATIC_DRAW);
    return id;
}

// Gathers the index ranges of `ranges` that intersect `view`, merging neighbours
// that are contiguous in the index buffer: llvmpipe pays per draw, so a few long
// draws beat many short ones.
void gather(const std::vector<geo::DrawRange>& ranges, const geo::Box& view, std::vector<GLsizei>& counts,
            std::vector<const void*>& offsets, MapRenderer::Stats& stats) {
    counts.clear();
    offsets.clear();
    std::uint32_t runFirst = 0, runEnd = 0;
    auto flush = [&] {
        if (runEnd == runFirst) return;
        counts.push_back(static_cast<GLsizei>(runEnd - runFirst));
        offsets.push_back(reinterpret_cast<const void*>(static_cast<std::uintptr_t>(runFirst) * sizeof(std::uint32_t)));
        ++stats.ranges;
    };
    for (const auto& r : ranges) {
        if (!r.box.intersects(view)) continue;
        stats.vertices += r.count;
        stats.triangles += r.count / 3;
        if (r.first != runEnd) {
            flush();
            runFirst = r.first;
        }
        runEnd = r.first + r.count;
    }
    flush();
}

geo::Box expanded(geo::Box b, double by) {
    b.min -= glm::dvec2(by);
    b.max += glm::dvec2(by);
    return b;
}

} // namespace

MapRenderer::~MapRenderer() { release(); }

void MapRenderer::deleteBuffers() {
    auto del = [](GLuint id) {
        if (id) glDeleteBuffers(1, &id);
    };
    for (auto& g : m_layers) {
        del(g.pointVbo);
        del(g.pointIbo);
        for (auto& l : g.levels)
            for (GLuint id : {l.fillVbo, l.fillIbo, l.strokeVbo, l.strokeIbo, l.lineIbo}) del(id);
    }
    m_layers.clear();
}

void MapRenderer::release() {
    ++m_generation;
    deleteBuffers();
    m_fill.reset();
    m_stroke.reset();
    m_point.reset();
}

void MapRenderer::init(const std::filesystem::path& shaderDir, std::string& message, bool forceFallback) {
    m_shaders = false;
    if (forceFallback) {
        message = "drawing with the simple fallback (--no-shaders): lines 1 px, no anti-aliasing";
        return;
    }
    if (epoxy_gl_version() < 33 && !epoxy_has_gl_extension("GL_ARB_vertex_array_object")) {
        message = "OpenGL " + std::to_string(epoxy_gl_version() / 10) + "." + std::to_string(epoxy_gl_version() % 10) +
                  " has no GLSL 3.30: drawing with the simple fallback (lines 1 px, no anti-aliasing)";
        return;
    }
    std::string error;
    if (!m_fill.load(shaderDir / "fill.vert", shaderDir / "fill.frag", error) ||
        !m_stroke.load(shaderDir / "stroke.vert", shaderDir / "stroke.frag", error) ||
        !m_point.load(shaderDir / "point.vert", shaderDir / "point.frag", error)) {
        message = error + " — drawing with the simple fallback (lines 1 px, no anti-aliasing)";
        return;
    }
    m_shaders = true;
}

namespace {
template <typename T> void append(std::vector<unsigned char>& out, const T& value) {
    const auto* p = reinterpret_cast<const unsigned char*>(&value);
    out.insert(out.end(), p, p + sizeof value);
}
void appendColor(std::vector<unsigned char>& out, const std::optional<geo::Color>& c) {
    const unsigned char bytes[5] = {static_cast<unsigned char>(c ? 1 : 0), c ? c->r : std::uint8_t{0}, c ? c->g : std::uint8_t{0},
                                    c ? c->b : std::uint8_t{0}, c ? c->a : std::uint8_t{0}};
    out.insert(out.end(), bytes, bytes + 5);
}
} // namespace

void MapRenderer::signature(const geo::BaseMap& map, const geo::Camera& camera, const geo::MapView& view, float uiScale,
                            std::vector<unsigned char>& out) const {
    appendColor(out, view.background(map)); // the clear under the map
    append(out, m_generation);
    append(out, m_shaders);
    append(out, camera.center().x);
    append(out, camera.center().y);
    append(out, camera.metersPerPixel());
    append(out, camera.viewport().x);
    append(out, camera.viewport().y);
    append(out, uiScale);
    const double mpp = camera.metersPerPixel(), zoom = camera.zoom();
    append(out, map.layers.size());
    for (const geo::MapLayer& layer : map.layers) {
        const bool shown = view.drawn(layer, zoom);
        append(out, shown);
        if (!shown) continue;
        append(out, layer.mesh.nearestBuilt(layer.mesh.levelFor(mpp)));
        const geo::LayerStyle style = view.style(layer);
        appendColor(out, style.fill);
        appendColor(out, style.stroke);
        appendColor(out, style.pointColor);
        append(out, style.strokeWidth);
        append(out, style.pointSize);
    }
}

void MapRenderer::upload(const geo::BaseMap& map) {
    ++m_generation;
    deleteBuffers();
    for (const auto& layer : map.layers) {
        GpuLayer g;
        g.pointVbo = makeBuffer(GL_ARRAY_BUFFER, layer.mesh.pointVertices);
        g.pointIbo = makeBuffer(GL_ELEMENT_ARRAY_BUFFER, layer.mesh.pointIndices);
        g.levels.resize(layer.mesh.levels.size());
        m_layers.push_back(std::move(g));
        for (std::size_t l = 0; l < layer.mesh.levels.size(); ++l)
            if (layer.mesh.levels[l].built) uploadLevel(m_layers.size() - 1, l, layer.mesh.levels[l]);
    }
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, 0);
}

void MapRenderer::uploadLevel(std::size_t layer, std::size_t level, const geo::MeshLevel& mesh) {
    if (layer >= m_layers.size() || level >= m_layers[layer].levels.size()) return;
    ++m_generation;
    GpuLevel& g = m_layers[layer].levels[level];
    g.fillVbo = makeBuffer(GL_ARRAY_BUFFER, mesh.fillVertices);
    g.fillIbo = makeBuffer(GL_ELEMENT_ARRAY_BUFFER, mesh.fillIndices);
    g.strokeVbo = makeBuffer(GL_ARRAY_BUFFER, mesh.strokeVertices);
    g.strokeIbo = makeBuffer(GL_ELEMENT_ARRAY_BUFFER, mesh.strokeIndices);
    if (!m_shaders && !mesh.strokeIndices.empty()) {
        // Fixed-function fallback: one GL_LINES segment per stroke quad, along its + side
        // (which sits on the centre line, since the shader is what moves it).
        std::vector<std::uint32_t> lines;
        lines.reserve(mesh.strokeIndices.size() / 3);
        for (std::size_t i = 0; i + 5 < mesh.strokeIndices.size(); i += 6) {
            lines.push_back(mesh.strokeIndices[i]);
            lines.push_back(mesh.strokeIndices[i + 2]);
        }
        g.lineIbo = makeBuffer(GL_ELEMENT_ARRAY_BUFFER, lines);
    }
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, 0);
}

MapRenderer::Stats MapRenderer::draw(const geo::BaseMap& map, const geo::Camera& camera, const geo::MapView& look, float uiScale) {
    Stats stats;
    const glm::dvec2 vp = camera.viewport();
    const double mpp = camera.metersPerPixel();
    const double zoom = camera.zoom();
    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glDisable(GL_SCISSOR_TEST);

    // Compatibility contexts accept vertex array object 0; core ones need one bound.
    GLuint vao = 0;
    if (m_shaders) {
        glGenVertexArrays(1, &vao);
        glBindVertexArray(vao);
    }
    const geo::Box view = camera.visibleBox();
    const float scaleX = static_cast<float>(2.0 / (vp.x * mpp)), scaleY = static_cast<float>(2.0 / (vp.y * mpp));

    for (std::size_t li = 0; li < map.layers.size() && li < m_layers.size(); ++li) {
        const geo::MapLayer& layer = map.layers[li];
        if (!look.drawn(layer, zoom)) continue;
        const geo::LayerStyle style = look.style(layer);
        // The level for this scale, or while it is still being built, the nearest one that is.
        const std::size_t levelIndex = layer.mesh.nearestBuilt(layer.mesh.levelFor(mpp));
        if (levelIndex >= layer.mesh.levels.size()) continue;
        const geo::MeshLevel& level = layer.mesh.levels[levelIndex];
        const GpuLevel& gpu = m_layers[li].levels[levelIndex];
        if (!m_shaders) {
            drawFixedFunction(layer, style, gpu, level, camera, view, stats);
            continue;
        }
        // Offset computed in double on the CPU keeps float error in the shader small.
        const glm::dvec2 offset = layer.mesh.origin - camera.center();

        if (style.fill && gpu.fillIbo) {
            gather(level.fill, view, m_counts, m_offsets, stats);
            if (!m_counts.empty()) {
                m_fill.use();
                glUniform2f(m_fill.uniform("u_offset"), static_cast<float>(offset.x), static_cast<float>(offset.y));
                glUniform2f(m_fill.uniform("u_scale"), scaleX, scaleY);
                setColor(m_fill.uniform("u_color"), *style.fill);
                // Opaque fills need no blending, which llvmpipe charges for per pixel.
                if (style.fill->a == 255) glDisable(GL_BLEND);
                glBindBuffer(GL_ARRAY_BUFFER, gpu.fillVbo);
                glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, gpu.fillIbo);
                glEnableVertexAttribArray(0);
                glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(geo::FillVertex), nullptr);
                glMultiDrawElements(GL_TRIANGLES, m_counts.data(), GL_UNSIGNED_INT, m_offsets.data(),
                                    static_cast<GLsizei>(m_counts.size()));
                glDisableVertexAttribArray(0);
                glEnable(GL_BLEND);
            }
        }
        if (style.stroke && gpu.strokeIbo && style.strokeWidth > 0) {
            const float width = style.strokeWidth * uiScale;
            const float lineHalf = std::max(width, 1.0f) * 0.5f;
            gather(level.stroke, expanded(view, (static_cast<double>(lineHalf) + 1.0) * mpp), m_counts, m_offsets, stats);
            if (!m_counts.empty()) {
                m_stroke.use();
                glUniform2f(m_stroke.uniform("u_offset"), static_cast<float>(offset.x), static_cast<float>(offset.y));
                glUniform2f(m_stroke.uniform("u_scale"), scaleX, scaleY);
                glUniform2f(m_stroke.uniform("u_viewport"), static_cast<float>(vp.x), static_cast<float>(vp.y));
                glUniform1f(m_stroke.uniform("u_halfWidth"), lineHalf + 1.0f);
                glUniform1f(m_stroke.uniform("u_lineHalf"), lineHalf);
                glUniform1f(m_stroke.uniform("u_opacity"), std::min(width, 1.0f));
                setColor(m_stroke.uniform("u_color"), *style.stroke);
                glBindBuffer(GL_ARRAY_BUFFER, gpu.strokeVbo);
                glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, gpu.strokeIbo);
                const auto stride = static_cast<GLsizei>(sizeof(geo::StrokeVertex));
                glEnableVertexAttribArray(0);
                glEnableVertexAttribArray(1);
                glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(offsetof(geo::StrokeVertex, x)));
                glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(offsetof(geo::StrokeVertex, nx)));
                // The side comes from gl_VertexID, which for glMultiDrawElements is the index itself.
                glMultiDrawElements(GL_TRIANGLES, m_counts.data(), GL_UNSIGNED_INT, m_offsets.data(),
                                    static_cast<GLsizei>(m_counts.size()));
                glDisableVertexAttribArray(0);
                glDisableVertexAttribArray(1);
            }
        }
    }
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, 0);
    if (m_shaders) {
        drawPoints(map, camera, look, view, uiScale, stats);
        glBindVertexArray(0);
        glDeleteVertexArrays(1, &vao);
        glUseProgram(0);
    }
    return stats;
}

void MapRenderer::drawPoints(const geo::BaseMap& map, const geo::Camera& camera, const geo::MapView& look, const geo::Box& view,
                             float uiScale, MapRenderer::Stats& stats) {
    // Points go above every line and fill, whatever their layer's order: markers must stay visible.
    const glm::dvec2 vp = camera.viewport();
    const double mpp = camera.metersPerPixel();
    const double zoom = camera.zoom();
    for (std::size_t li = 0; li < map.layers.size() && li < m_layers.size(); ++li) {
        const geo::MapLayer& layer = map.layers[li];
        const GpuLayer& gpu = m_layers[li];
        const geo::LayerStyle style = look.style(layer);
        if (!look.visible(layer) || !gpu.pointIbo || !style.shownAt(zoom)) continue;
        const float radius = style.pointSize * uiScale * 0.5f + 1.0f;
        gather(layer.mesh.points, expanded(view, static_cast<double>(radius) * mpp), m_counts, m_offsets, stats);
        if (m_counts.empty()) continue;
        const glm::dvec2 offset = layer.mesh.origin - camera.center();
        m_point.use();
        glUniform2f(m_point.uniform("u_offset"), static_cast<float>(offset.x), static_cast<float>(offset.y));
        glUniform2f(m_point.uniform("u_scale"), static_cast<float>(2.0 / (vp.x * mpp)), static_cast<float>(2.0 / (vp.y * mpp)));
        glUniform2f(m_point.uniform("u_viewport"), static_cast<float>(vp.x), static_cast<float>(vp.y));
        glUniform1f(m_point.uniform("u_radius"), radius);
        setColor(m_point.uniform("u_color"), style.pointColor);
        glBindBuffer(GL_ARRAY_BUFFER, gpu.pointVbo);
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, gpu.pointIbo);
        const auto stride = static_cast<GLsizei>(sizeof(geo::PointVertex));
        glEnableVertexAttribArray(0);
        glEnableVertexAttribArray(1);
        glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(offsetof(geo::PointVertex, x)));
        glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(offsetof(geo::PointVertex, cx)));
        glMultiDrawElements(GL_TRIANGLES, m_counts.data(), GL_UNSIGNED_INT, m_offsets.data(), static_cast<GLsizei>(m_counts.size()));
        glDisableVertexAttribArray(0);
        glDisableVertexAttribArray(1);
    }
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, 0);
}

void MapRenderer::drawFixedFunction(const geo::MapLayer& layer, const geo::LayerStyle& style, const GpuLevel& gpu,
                                    const geo::MeshLevel& level, const geo::Camera& camera, const geo::Box& view,
                                    MapRenderer::Stats& stats) {
    // Legacy pipeline: the modelview matrix does what the vertex shaders do.
    const glm::dvec2 vp = camera.viewport();
    const double mpp = camera.metersPerPixel();
    const glm::dvec2 offset = layer.mesh.origin - camera.center();
    glMatrixMode(GL_PROJECTION);
    glLoadIdentity();
    glMatrixMode(GL_MODELVIEW);
    glLoadIdentity();
    glScaled(2.0 / (vp.x * mpp), 2.0 / (vp.y * mpp), 1.0);
    glTranslated(offset.x, offset.y, 0.0);
    glEnableClientState(GL_VERTEX_ARRAY);
    if (style.fill && gpu.fillIbo) {
        gather(level.fill, view, m_counts, m_offsets, stats);
        glColor4ub(style.fill->r, style.fill->g, style.fill->b, style.fill->a);
        glBindBuffer(GL_ARRAY_BUFFER, gpu.fillVbo);
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, gpu.fillIbo);
        glVertexPointer(2, GL_FLOAT, sizeof(geo::FillVertex), nullptr);
        if (!m_counts.empty())
            glMultiDrawElements(GL_TRIANGLES, m_counts.data(), GL_UNSIGNED_INT, m_offsets.data(), static_cast<GLsizei>(m_counts.size()));
    }
    if (style.stroke && gpu.lineIbo) {
        glColor4ub(style.stroke->r, style.stroke->g, style.stroke->b, style.stroke->a);
        glLineWidth(std::max(1.0f, style.strokeWidth));
        glBindBuffer(GL_ARRAY_BUFFER, gpu.strokeVbo);
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, gpu.lineIbo);
        glVertexPointer(2, GL_FLOAT, sizeof(geo::StrokeVertex), nullptr);
        // The line index buffer has 2 indices per stroke quad (6): scale the ranges.
        m_counts.clear();
        m_offsets.clear();
        for (const auto& r : level.stroke) {
            if (!r.box.intersects(view)) continue;
            m_counts.push_back(static_cast<GLsizei>(r.count / 3));
            m_offsets.push_back(reinterpret_cast<const void*>(static_cast<std::uintptr_t>(r.first / 3) * sizeof(std::uint32_t)));
            stats.vertices += r.count / 3;
        }
        if (!m_counts.empty())
            glMultiDrawElements(GL_LINES, m_counts.data(), GL_UNSIGNED_INT, m_offsets.data(), static_cast<GLsizei>(m_counts.size()));
    }
    glDisableClientState(GL_VERTEX_ARRAY);
}

} // namespace app
