// The viewer's inputs on a read-only place (a write-protected USB stick, a read-only
// network share): the layer file, its sources and the briefing load from a read-only bind
// mount, hot reload watches them, and nothing is written there. The mount is made in a
// child process's own mount namespace (root or CAP_SYS_ADMIN); where that is not allowed
// the test says so and checks nothing.
#include <geo/basemap/base_map.hpp>
#include <geo/briefing/content_reloader.hpp>
#include <geo/basemap/layer_reloader.hpp>
#include <geo/base/projection.hpp>

#include "test_support.hpp"

#include <catch2/catch.hpp>
#include <ogr_core.h>

#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <string>

namespace fs = std::filesystem;

namespace {

enum ChildExit {
    kOk = 0,
    kNoNamespace = 77, // not allowed here: skipped
    kWritable = 3,
    kMapWrong = 4,
    kContentWrong = 5,
    kContentReloadWrong = 6,
    kLayerReloadWrong = 7,
};

const char* describe(int code) {
    switch (code) {
    case kOk: return "loaded from the read-only mount";
    case kWritable: return "the read-only mount could be written to (the test proves nothing)";
    case kMapWrong: return "the base map did not load from the read-only mount";
    case kContentWrong: return "the briefing did not load from the read-only mount";
    case kContentReloadWrong: return "the briefing's watcher reported a change that did not happen";
    case kLayerReloadWrong: return "the layer file's watcher reported a change that did not happen";
    default: return "the child process failed";
    }
}

// Runs in the child: its own mount namespace, `src` bound read-only on `ro`, everything loaded from there.
int loadFromReadOnly(const fs::path& src, const fs::path& ro) {
    if (::unshare(CLONE_NEWNS) != 0) return kNoNamespace;
    if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) return kNoNamespace;
    if (::mount(src.c_str(), ro.c_str(), nullptr, MS_BIND, nullptr) != 0) return kNoNamespace;
    if (::mount(nullptr, ro.c_str(), nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY, nullptr) != 0) return kNoNamespace;
    const int probe = ::open((ro / "probe").c_str(), O_CREAT | O_WRONLY, 0600);
    if (probe >= 0 || errno != EROFS) return kWritable;

    const geo::Projection projection;
    const geo::BaseMap map = geo::loadBaseMap(ro / "layers.toml", {}, projection);
    if (map.layers.size() != 1 || !map.diagnostics.empty() || map.layers[0].data->polygons.size() != 1) return kMapWrong;
    geo::ContentReloader content(ro / "briefing.toml");
    content.load();
    if (content.briefing().sites.size() != 1 || !content.diagnostics().empty()) return kContentWrong;
    if (content.poll() != geo::ContentReloader::Outcome::Unchanged) return kContentReloadWrong;
    geo::LayerFileReloader layers(ro / "layers.toml", {});
    layers.poll(map.layers, 0.0);
    layers.wait();
    if (layers.take()) return kLayerReloadWrong;
    return kOk;
}

} // namespace

TEST_CASE("layers, sources and briefing load from a read-only mount, and nothing is written there", "[read-only]") {
    const fs::path dir = test::freshDir("read_only");
    const fs::path src = dir / "src", ro = dir / "ro";
    fs::create_directories(src);
    fs::create_directories(ro);
    test::writeVector(src, "land.shp", "ESRI Shapefile", wkbPolygon, 4326, {{"POLYGON ((120 23,121 23,121 24,120 24,120 23))", {}}});
    test::writeFile(src / "layers.toml", "[[layer]]\nid = \"land\"\nsource = \"land.shp\"\nfill = \"#F4F1E8\"\n");
    test::writeFile(src / "briefing.toml", "schema = 1\ntitle = \"t\"\ntitle_en = \"t\"\n\n[[site]]\nid = \"kumamoto\"\n"
                                           "kind = \"city\"\nname_zh = \"熊本市\"\nname_en = \"Kumamoto\"\nlon = 130.7079\nlat = 32.8031\n");
    const auto before = test::listDir(src);

    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) ::_exit(loadFromReadOnly(src, ro));
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    REQUIRE(WIFEXITED(status));
    const int code = WEXITSTATUS(status);
    if (code == kNoNamespace) {
        WARN("not checked: this machine does not allow a private mount namespace (needs root or CAP_SYS_ADMIN)");
        return;
    }
    INFO(describe(code));
    CHECK(code == kOk);
    CHECK(test::listDir(src) == before); // nothing beside the inputs (no .aux.xml, no restored .shx)
}
