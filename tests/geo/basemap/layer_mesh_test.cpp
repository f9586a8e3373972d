#include <geo/basemap/layer_loader.hpp>
#include <geo/basemap/layer_mesh.hpp>
#include <geo/basemap/mesh_builder.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <memory>
#include <utility>
#include <vector>

namespace {

// A 300 km x 200 km "island" with a 50 km lake, in projected metres, with a wavy
// coast of 4000 points so that the mesh is split into many cells.
geo::LayerData island() {
    geo::LayerData data;
    geo::Ring outer;
    const int n = 4000;
    for (int i = 0; i < n; ++i) {
        const double t = 2 * M_PI * i / n;
        const double wobble = 1.0 + 0.02 * std::sin(40 * t);
        outer.push_back({150000.0 * std::cos(t) * wobble, 100000.0 * std::sin(t) * wobble});
    }
    geo::Ring lake{{-25000, -25000}, {-25000, 25000}, {25000, 25000}, {25000, -25000}};
    data.polygons.push_back(geo::Polygon{{outer, lake}});
    data.polygonFeature.push_back(0);
    data.lines.push_back({{-200000, 0}, {0, 150000}, {200000, 0}});
    data.lineFeature.push_back(0);
    data.features.emplace_back();
    for (const auto& p : outer) data.bounds.extend(p);
    data.bounds.extend(glm::dvec2{0, 150000});
    return data;
}

double fillArea(const geo::MeshLevel& level) {
    double area = 0;
    for (std::size_t i = 0; i + 2 < level.fillIndices.size(); i += 3) {
        const auto& a = level.fillVertices[level.fillIndices[i]];
        const auto& b = level.fillVertices[level.fillIndices[i + 1]];
        const auto& c = level.fillVertices[level.fillIndices[i + 2]];
        area += 0.5 * std::abs(static_cast<double>((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)));
    }
    return area;
}

} // namespace

TEST_CASE("the full-detail fill, cut into cells, covers exactly the polygon minus its hole", "[mesh]") {
    const geo::LayerData data = island();
    const geo::LayerMesh mesh = geo::buildLayerMesh(data, {});
    REQUIRE(mesh.levels.size() == 11);
    const geo::MeshLevel& full = mesh.levels.back();
    CHECK(full.tolerance == 0);
    CHECK(full.fill.size() > 4); // split into several cells
    // Tolerance: 1e-5 relative, float vertex positions (~1 cm at 150 km) on a 9e10 m² area.
    CHECK(fillArea(full) == Approx(geo::polygonArea(data.polygons[0])).epsilon(1e-5));
    // Coarser levels simplify within their tolerance: the area changes by less than
    // perimeter x tolerance (plus 1e-6 relative for float vertices).
    const double area = geo::polygonArea(data.polygons[0]);
    for (const auto& level : mesh.levels) {
        const double perimeter = 2 * M_PI * 125000 * 1.2;
        CHECK(std::abs(fillArea(level) - area) <= perimeter * level.tolerance + 1e-6 * area);
    }
}

TEST_CASE("every index range stays inside its buffer and its box holds its vertices", "[mesh]") {
    const geo::LayerData data = island();
    const geo::LayerMesh mesh = geo::buildLayerMesh(data, {});
    for (const auto& level : mesh.levels) {
        for (auto r : level.fill) {
            REQUIRE(r.first + r.count <= level.fillIndices.size());
            // Vertices are float metres from the origin: allow 1 m of rounding at ~150 km.
            r.box.min -= glm::dvec2(1.0);
            r.box.max += glm::dvec2(1.0);
            for (std::uint32_t k = r.first; k < r.first + r.count; ++k) {
                const auto& v = level.fillVertices.at(level.fillIndices[k]);
                CHECK(r.box.contains({static_cast<double>(v.x) + mesh.origin.x, static_cast<double>(v.y) + mesh.origin.y}));
            }
        }
        for (const auto& r : level.stroke) REQUIRE(r.first + r.count <= level.strokeIndices.size());
    }
}

TEST_CASE("levels are chosen by scale and the nearest built level stands in", "[mesh]") {
    const geo::LayerData data = island();
    geo::LayerMesh mesh = geo::prepareLayerMesh(data, {});
    CHECK(mesh.levelFor(5000) == 0); // coarsest: 2400 m tolerance
    CHECK(mesh.levelFor(1) == mesh.levels.size() - 1); // full detail
    // At every scale the level drawn simplifies by at most a pixel, and by at least
    // 2/3 of a pixel at the scales where the whole region is on screen (200-2400 m per
    // pixel: the most coastline, so the most vertices, per frame).
    for (double mpp = 2400.0; mpp >= 1.0; mpp /= 1.05) {
        const std::size_t l = mesh.levelFor(mpp);
        INFO("metres per pixel " << mpp << ", level " << l << ", tolerance " << mesh.levels[l].tolerance);
        CHECK(mesh.levels[l].tolerance <= mpp);
        if (l > 0) CHECK(mesh.levels[l - 1].tolerance > mpp); // the coarsest level within a pixel
        if (mpp >= 200.0) CHECK(mesh.levels[l].tolerance >= mpp / 1.5);
    }
    CHECK(mesh.nearestBuilt(5) == mesh.levels.size()); // nothing built yet
    mesh.levels[7] = geo::buildMeshLevel(data, mesh, 7);
    mesh.levels[3] = geo::buildMeshLevel(data, mesh, 3);
    CHECK(mesh.nearestBuilt(5) == 3); // equally far: the coarser one
    CHECK(mesh.nearestBuilt(7) == 7);
    CHECK(mesh.nearestBuilt(8) == 7);
}

TEST_CASE("features smaller than 2.5 pixels at a level are left out of it", "[mesh]") {
    geo::LayerData data;
    // A 1 km islet: at level 0 (2400 m ~ one pixel) it is under a pixel; at full detail it is drawn.
    data.polygons.push_back(geo::Polygon{{geo::Ring{{0, 0}, {1000, 0}, {1000, 1000}, {0, 1000}}}});
    data.polygonFeature.push_back(0);
    data.features.emplace_back();
    data.bounds.extend(glm::dvec2{0, 0});
    data.bounds.extend(glm::dvec2{1000, 1000});
    const geo::LayerMesh mesh = geo::buildLayerMesh(data, {});
    CHECK(mesh.levels.front().fill.empty());
    CHECK(mesh.levels.front().stroke.empty());
    CHECK(fillArea(mesh.levels.back()) == Approx(1e6));
    CHECK_FALSE(mesh.levels.back().stroke.empty());
}

TEST_CASE("a line becomes two triangles per segment with unit miter normals at straight joints", "[mesh]") {
    std::vector<geo::StrokeVertex> v;
    std::vector<std::uint32_t> idx;
    geo::extrudeLine({{0, 0}, {10, 0}, {20, 0}, {20, 0}}, false, {0, 0}, v, idx); // repeated point dropped
    CHECK(v.size() == 6);   // 3 points x 2 sides
    CHECK(idx.size() == 12); // 2 segments x 2 triangles
    for (const auto& s : v) {
        CHECK(s.nx == Approx(0.0f).margin(1e-6));
        CHECK(std::abs(s.ny) == Approx(1.0f));
    }
    // The side comes from the index: each point's + side at an even index, its - side next,
    // so every triangle spans both sides of the line (none lies along one edge).
    for (std::size_t i = 0; i < v.size(); i += 2) {
        CHECK(v[i].x == v[i + 1].x);
        CHECK(v[i].y == v[i + 1].y);
        CHECK(geo::strokeSide(i) == 1.0f);
        CHECK(geo::strokeSide(i + 1) == -1.0f);
    }
    for (std::size_t t = 0; t + 2 < idx.size(); t += 3) {
        const float sum = geo::strokeSide(idx[t]) + geo::strokeSide(idx[t + 1]) + geo::strokeSide(idx[t + 2]);
        CHECK(std::abs(sum) == Approx(1.0f)); // two of one side, one of the other
    }
    v.clear();
    idx.clear();
    // A closed square: 4 segments, and the corners' miters are sqrt(2) long.
    geo::extrudeLine({{0, 0}, {10, 0}, {10, 10}, {0, 10}}, true, {0, 0}, v, idx);
    CHECK(idx.size() == 24);
    CHECK(std::hypot(v[0].nx, v[0].ny) == Approx(std::sqrt(2.0f)));
}

TEST_CASE("clipping a polygon to a box keeps the part inside", "[mesh]") {
    const geo::Polygon square{{geo::Ring{{0, 0}, {10, 0}, {10, 10}, {0, 10}}, geo::Ring{{2, 2}, {2, 4}, {4, 4}, {4, 2}}}};
    geo::Box box;
    box.extend({5, -5});
    box.extend({15, 15});
    const geo::Polygon clipped = geo::clipPolygon(square, box);
    CHECK(geo::polygonArea(clipped) == Approx(50.0)); // the hole lies outside the box
    box = geo::Box{};
    box.extend({20, 20});
    box.extend({30, 30});
    CHECK(geo::clipPolygon(square, box).rings.empty());
}

namespace {

// A 100 km square of land whose south coast has a 10 km wide, 2 km deep peninsula with
// an 8 km x 1.5 km lake in it. At level 0 (2400 m) the peninsula is within the
// tolerance of the straight coast, but cutting it off would leave the lake outside the
// land: the polygon keeps it. Simplified on its own, the coast ring would lose it.
geo::LayerData peninsula() {
    geo::LayerData data;
    const geo::Ring outer{{0, 0},          {45000, 0},      {45000, -2000}, {55000, -2000},
                          {55000, 0},      {100000, 0},     {100000, 100000}, {0, 100000}};
    const geo::Ring lake{{46000, -1800}, {46000, -300}, {54000, -300}, {54000, -1800}};
    data.polygons.push_back(geo::Polygon{{outer, lake}});
    data.polygonFeature.push_back(0);
    data.features.emplace_back();
    for (const auto& p : outer) data.bounds.extend(p);
    return data;
}

std::vector<std::pair<float, float>> strokeCentres(const geo::MeshLevel& level) {
    std::vector<std::pair<float, float>> out;
    for (const auto& v : level.strokeVertices) out.emplace_back(v.x, v.y);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

} // namespace

TEST_CASE("a polygon's outline is the edge of its fill at every level, simplified once for both", "[mesh]") {
    const geo::LayerData data = peninsula();
    geo::MeshOptions fillOnly, outlineOnly;
    fillOnly.stroke = false;
    outlineOnly.fill = false;
    const geo::LayerMesh fill = geo::prepareLayerMesh(data, fillOnly);
    const geo::LayerMesh outline = geo::prepareLayerMesh(data, outlineOnly);
    REQUIRE(fill.origin == outline.origin);
    for (std::size_t l = 0; l < fill.levels.size(); ++l) {
        INFO("level " << l << ", tolerance " << fill.levels[l].tolerance);
        const std::vector<geo::Polygon> simplified = geo::simplifiedPolygons(data, l);
        REQUIRE(simplified.size() == 1);
        REQUIRE(simplified[0].rings.size() == 2); // the lake is kept at every level
        // The outline's points are exactly the simplified rings' points...
        std::vector<std::pair<float, float>> expected;
        for (const auto& ring : simplified[0].rings)
            for (const auto& p : ring)
                expected.emplace_back(static_cast<float>(p.x - outline.origin.x), static_cast<float>(p.y - outline.origin.y));
        std::sort(expected.begin(), expected.end());
        const geo::MeshLevel built = geo::buildMeshLevel(data, outline, l);
        CHECK(strokeCentres(built) == expected);
        // ...and the fill covers exactly the simplified polygon (float vertices: 1e-6 relative).
        CHECK(fillArea(geo::buildMeshLevel(data, fill, l)) == Approx(geo::polygonArea(simplified[0])).epsilon(1e-6));
        // Handed the simplified polygons, a level is built exactly as without them.
        const geo::MeshLevel shared = geo::buildMeshLevel(data, outline, l, &simplified);
        CHECK(shared.strokeVertices.size() == built.strokeVertices.size());
        CHECK(shared.strokeIndices == built.strokeIndices);
        CHECK(strokeCentres(shared) == strokeCentres(built));
        const geo::MeshLevel fillShared = geo::buildMeshLevel(data, fill, l, &simplified);
        const geo::MeshLevel fillOwn = geo::buildMeshLevel(data, fill, l);
        CHECK(fillShared.fillIndices == fillOwn.fillIndices);
        CHECK(fillShared.fillVertices.size() == fillOwn.fillVertices.size());
    }
    // At level 0 the peninsula's corners are on the coast line, around the lake.
    const std::vector<std::pair<float, float>> coarse = strokeCentres(geo::buildMeshLevel(data, outline, 0));
    const auto corner = std::make_pair(static_cast<float>(45000 - outline.origin.x), static_cast<float>(-2000 - outline.origin.y));
    CHECK(std::binary_search(coarse.begin(), coarse.end(), corner));
}

TEST_CASE("the background builder, simplifying once for a fill and its outline, builds what each builds alone", "[mesh]") {
    auto data = std::make_shared<const geo::LayerData>(island());
    geo::MeshOptions fillOnly, outlineOnly;
    fillOnly.stroke = false;
    outlineOnly.fill = false;
    std::vector<geo::MeshBuilder::Job> jobs(2);
    jobs[0].data = jobs[1].data = data;
    jobs[0].frame = geo::prepareLayerMesh(*data, fillOnly);
    jobs[1].frame = geo::prepareLayerMesh(*data, outlineOnly);
    for (auto& j : jobs) j.pending.assign(j.frame.levels.size(), true);
    const geo::LayerMesh fill = jobs[0].frame, outline = jobs[1].frame;
    geo::MeshBuilder builder;
    builder.start(std::move(jobs), 900.0);
    builder.waitUntilIdle();
    const auto finished = builder.takeFinished();
    REQUIRE(finished.size() == 2 * fill.levels.size());
    for (const auto& f : finished) {
        INFO("layer " << f.layer << ", level " << f.level);
        const geo::MeshLevel direct = geo::buildMeshLevel(*data, f.layer == 0 ? fill : outline, f.level);
        CHECK(f.mesh.fillIndices == direct.fillIndices);
        CHECK(f.mesh.fillVertices.size() == direct.fillVertices.size());
        CHECK(f.mesh.strokeIndices == direct.strokeIndices);
        CHECK(strokeCentres(f.mesh) == strokeCentres(direct));
    }
}
