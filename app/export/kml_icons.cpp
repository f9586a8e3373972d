#include "export/kml_icons.hpp"

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace app {

namespace {

cairo_status_t appendPng(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

void disc(cairo_t* cr, double radius, geo::Color c) {
    if (radius <= 0.0 || !c.visible()) return;
    const double centre = kIconPixels / 2.0;
    cairo_arc(cr, centre, centre, radius, 0.0, 2.0 * M_PI);
    cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.a / 255.0);
    cairo_fill(cr);
}

} // namespace

std::string renderMarkerIcon(const geo::DiscStyle& d) {
    const std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
        cairo_image_surface_create(CAIRO_FORMAT_ARGB32, kIconPixels, kIconPixels), cairo_surface_destroy);
    const std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()), cairo_destroy);
    // As the map paints a marker (app/gl/gl_painter.cpp): outer halo, rim, ring, fill.
    const double largest = static_cast<double>(std::max({d.outerRadius, d.rimRadius, d.ringRadius, d.fillRadius}));
    if (largest <= 0.0) return {};
    const double scale = (kIconPixels / 2.0 - 1.0) / largest;
    disc(cr.get(), static_cast<double>(d.outerRadius) * scale, d.outer);
    disc(cr.get(), static_cast<double>(d.rimRadius) * scale, d.rim);
    disc(cr.get(), static_cast<double>(d.ringRadius) * scale, d.ring);
    disc(cr.get(), static_cast<double>(d.fillRadius) * scale, d.fill);
    cairo_surface_flush(surface.get());
    std::string png;
    if (cairo_surface_write_to_png_stream(surface.get(), appendPng, &png) != CAIRO_STATUS_SUCCESS) return {};
    return png;
}

} // namespace app
