#pragma once
// The handout's maps: the viewer drawn offscreen (one session and GL context for them all) in
// its everyday theme, no sidebar and no panel (nothing selected), at 300 dpi for their printed size, with the
// interface scaled so that labels print at the size they have on a screen.

#include "shell/viewer_options.hpp"

#include <geo/briefing/briefing.hpp>
#include <geo/view/palette.hpp>

#include <cairo.h>

#include <memory>
#include <string>

namespace app {

class OffscreenViewer;

class HandoutMaps {
public:
    static constexpr double kDpi = 300.0;
    // The maps' printed size. One size for all: the target is made once (a target made again at
    // another size left the content's lines clipped to the old height).
    static constexpr double kWidthMm = 170.0, kHeightMm = 110.0;
    // Pixels for `mm` millimetres at kDpi (170 mm → 2008).
    static int pixels(double mm);

    explicit HandoutMaps(const ViewerOptions& options);
    ~HandoutMaps();
    HandoutMaps(const HandoutMaps&) = delete;
    HandoutMaps& operator=(const HandoutMaps&) = delete;

    // Loads the files and starts the GL context; false, having said why, when it cannot.
    bool start();
    const geo::Briefing& briefing() const;
    const geo::Palette& palette() const; // the map's colours, for the text's keys

    // RGB24 image surfaces (the caller destroys them); null, having said why, when GL failed.
    // Taiwan and Kyushu with every site and partnership.
    cairo_surface_t* overview(double widthMm, double heightMm);
    // The trip's route, framed as --trip ID frames it.
    cairo_surface_t* trip(const std::string& id, double widthMm, double heightMm);
    // The partnership's parties framed and ringed, its link among the others.
    cairo_surface_t* partnership(const std::string& id, double widthMm, double heightMm);
    int rendered() const { return m_rendered; }

private:
    // Sizes the target, lets `show` change the content state and frame, and reads the picture.
    template <class Show> cairo_surface_t* render(double widthMm, double heightMm, Show show);

    ViewerOptions m_options;
    std::unique_ptr<OffscreenViewer> m_viewer;
    int m_width = 0, m_height = 0;
    int m_rendered = 0;
};

} // namespace app
