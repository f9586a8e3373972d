// The viewer's inputs on a read-only place (a write-protected USB stick, a read-only
// network share): the layer file, its sources and the briefing load from a read-only bind
// mount, hot reload watches them, and nothing is written there. The mount is made in a
// child process's own mount namespace (root or CAP_SYS_ADMIN). An executable of its own,
// not a Catch2 test, so that it can tell ctest it could not run here: exit 0 passed,
// 1 failed, 77 skipped (no private mount namespace allowed; SKIP_RETURN_CODE in
// tests/CMakeLists.txt).
#include <geo/basemap/base_map.hpp>
#include <geo/briefing/content_reloader.hpp>
#include <geo/basemap/layer_reloader.hpp>
#include <geo/base/projection.hpp>

#include "test_support.hpp"

#include <ogr_core.h>

#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <string>

namespace fs = std::filesystem;

namespace {

enum ChildExit {
    kOk = 0,
    kNoNamespace = 77, // not allowed here: skipped (also this program's exit code then)
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

int main() {
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
    if (pid < 0) {
        std::perror("FAIL: fork");
        return 1;
    }
    if (pid == 0) ::_exit(loadFromReadOnly(src, ro));
    int status = 0;
    if (::waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) {
        std::printf("FAIL: the child process did not exit normally\n");
        return 1;
    }
    const int code = WEXITSTATUS(status);
    if (code == kNoNamespace) {
        std::printf("skipped: this machine does not allow a private mount namespace (needs root or CAP_SYS_ADMIN)\n");
        return kNoNamespace;
    }
    if (code != kOk) {
        std::printf("FAIL: %s (child exit %d)\n", describe(code), code);
        return 1;
    }
    if (test::listDir(src) != before) { // no .aux.xml, no restored .shx
        std::printf("FAIL: files appeared beside the inputs\n");
        return 1;
    }
    std::printf("passed: %s, and nothing was written beside the inputs\n", describe(code));
    return 0;
}
