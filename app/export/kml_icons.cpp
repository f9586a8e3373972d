#include "export/kml_icons.hpp"

#include <cairo.h>

#include <cmath>
#include <memory>

namespace app {

namespace {

cairo_status_t appendPng(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

void setColour(cairo_t* cr, geo::Color c) { cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.a / 255.0); }

} // namespace

std::string renderMarkerIcon(geo::Color fill, geo::Color rim) {
    const std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
        cairo_image_surface_create(CAIRO_FORMAT_ARGB32, kIconPixels, kIconPixels), cairo_surface_destroy);
    const std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()), cairo_destroy);
    // As the map draws a marker (geo/src/view/site_layout.cpp): a disc of the rim colour 2.5 px
    // beyond the fill's 7–10 px radius, and the fill over it: the fill is about 0.76 of the whole.
    const double centre = kIconPixels / 2.0;
    const double outer = centre - 1.0;
    cairo_arc(cr.get(), centre, centre, outer, 0.0, 2.0 * M_PI);
    setColour(cr.get(), rim);
    cairo_fill(cr.get());
    cairo_arc(cr.get(), centre, centre, outer * 0.76, 0.0, 2.0 * M_PI);
    setColour(cr.get(), fill);
    cairo_fill(cr.get());
    cairo_surface_flush(surface.get());
    std::string png;
    if (cairo_surface_write_to_png_stream(surface.get(), appendPng, &png) != CAIRO_STATUS_SUCCESS) return {};
    return png;
}

} // namespace app
