#include "export/handout_maps.hpp"

#include "export/offscreen_viewer.hpp"

#include <geo/view/content_state.hpp>

#include <SFML/Graphics/Image.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace app {

namespace {

// An opaque RGBA picture as a cairo RGB24 surface (native-endian 0x00RRGGBB).
cairo_surface_t* toSurface(const sf::Image& image) {
    const auto w = static_cast<int>(image.getSize().x), h = static_cast<int>(image.getSize().y);
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) return s;
    cairo_surface_flush(s);
    unsigned char* data = cairo_image_surface_get_data(s);
    const int stride = cairo_image_surface_get_stride(s);
    const sf::Uint8* px = image.getPixelsPtr();
    for (int y = 0; y < h; ++y) {
        auto* row = reinterpret_cast<std::uint32_t*>(data + static_cast<std::size_t>(y) * static_cast<std::size_t>(stride));
        const sf::Uint8* p = px + static_cast<std::size_t>(y) * static_cast<std::size_t>(w) * 4;
        for (int x = 0; x < w; ++x, p += 4) row[x] = (std::uint32_t{p[0]} << 16) | (std::uint32_t{p[1]} << 8) | std::uint32_t{p[2]};
    }
    cairo_surface_mark_dirty(s);
    return s;
}

} // namespace

int HandoutMaps::pixels(double mm) { return static_cast<int>(std::lround(mm / 25.4 * kDpi)); }

HandoutMaps::HandoutMaps(const ViewerOptions& options) : m_options(options) {
    ViewerOptions& o = m_options;
    // The everyday map, nothing over it: no sidebar, no notes, no tooltips, no remembered view.
    o.noSidebar = true;
    o.present = false;
    o.trips.clear();
    o.day = 0;
    o.selectSite.clear();
    o.view.reset();
    o.year = 0;
    o.rememberSettings = false;
    o.screenshot.reset();
    // A screen's layout is made for ~96 dpi: at 300 dpi the same scale prints labels, markers
    // and lines at the size they have on a screen (3 is the viewer's largest scale).
    o.uiScale = std::min(3.0f, options.uiScale * static_cast<float>(kDpi / 96.0));
    o.width = pixels(kWidthMm);
    o.height = pixels(kHeightMm);
}

HandoutMaps::~HandoutMaps() = default;

bool HandoutMaps::start() {
    m_viewer = std::make_unique<OffscreenViewer>(m_options);
    if (!m_viewer->start("--export-handout", "--export-handout: " + m_options.briefingFile.string() +
                                                 " has no briefing to print (no sites, trips or partnerships loaded)"))
        return false;
    m_width = m_options.width;
    m_height = m_options.height;
    return true;
}

const geo::Briefing& HandoutMaps::briefing() const { return m_viewer->session().document().briefing(); }
const geo::Palette& HandoutMaps::palette() const { return m_viewer->session().palette(); }

template <class Show> cairo_surface_t* HandoutMaps::render(double widthMm, double heightMm, Show show) {
    const int w = pixels(widthMm), h = pixels(heightMm);
    if (w != m_width || h != m_height) {
        if (!m_viewer->headless().target().create(w, h)) {
            spdlog::error("--export-handout: cannot make a {}x{} framebuffer for a map", w, h);
            return nullptr;
        }
        m_width = w;
        m_height = h;
    }
    m_viewer->session().resized(w, h);
    geo::ContentState& state = m_viewer->session().content().state;
    state.shownTrips.clear();
    state.activeTrip.clear();
    state.playing = false;
    geo::clearSelection(state);
    geo::setPresenting(state, false); // the highlights of the map before go
    show(m_viewer->session());
    m_viewer->session().view().stopFlight(); // framed, not flown
    m_viewer->session().waitForViewLevels(); // the picture must not depend on how far the background builder got
    m_viewer->headless().renderFrame({w, h});
    ++m_rendered;
    return toSurface(m_viewer->headless().target().read());
}

namespace {

// A printed map has no panels to frame beside, but its scale bar and credits stand at the
// bottom: room around what is framed, more below, so that no place sits under them or at the edge.
geo::FrameRequest withRoom(geo::FrameRequest request) {
    if (request.box.empty()) return request;
    const glm::dvec2 size = request.box.max - request.box.min;
    request.box.min -= glm::dvec2(0.08 * size.x, 0.22 * size.y);
    request.box.max += glm::dvec2(0.08 * size.x, 0.10 * size.y);
    return request;
}

} // namespace

cairo_surface_t* HandoutMaps::overview(double widthMm, double heightMm) {
    return render(widthMm, heightMm, [](Session& s) { s.homeView(); });
}

cairo_surface_t* HandoutMaps::trip(const std::string& id, double widthMm, double heightMm) {
    return render(widthMm, heightMm, [&](Session& s) {
        geo::ContentState& state = s.content().state;
        const geo::ContentScene& scene = s.document().scene();
        if (geo::activateTrip(state, scene, id))
            if (const geo::TripGeometry* route = scene.trip(id)) s.frame(withRoom(geo::tripFrame(scene, *route)), false);
    });
}

cairo_surface_t* HandoutMaps::partnership(const std::string& id, double widthMm, double heightMm) {
    return render(widthMm, heightMm, [&](Session& s) {
        const geo::Briefing& b = s.document().briefing();
        if (const geo::Partnership* p = b.findPartnership(id)) {
            // As a story step shows it: its link alone and emphasised, its parties ringed (a
            // selection would open the notes panel). The everyday theme stays: this is the
            // content's state only, not the projector's look.
            geo::ContentState& state = s.content().state;
            geo::setPresenting(state, true);
            state.highlightSites = p->parties;
            state.highlightPartnerships = {p->id};
            s.frame(withRoom(geo::partnershipFrame(b, s.document().scene(), *p)), false);
        }
    });
}

} // namespace app
