#include "export/pdf_writer.hpp"

#include <cairo-pdf.h>
#include <cairo.h>

#include <cstdint>
#include <vector>

namespace app {

struct PdfWriter::State {
    cairo_surface_t* surface = nullptr;
    cairo_t* cr = nullptr;
};

PdfWriter::PdfWriter(const std::filesystem::path& file, double widthPt, double heightPt)
    : m_state(std::make_unique<State>()), m_width(widthPt), m_height(heightPt) {
    m_state->surface = cairo_pdf_surface_create(file.c_str(), widthPt, heightPt);
    m_state->cr = cairo_create(m_state->surface);
}

PdfWriter::~PdfWriter() {
    std::string ignored;
    close(ignored);
}

bool PdfWriter::ok() const {
    return m_state->surface && cairo_surface_status(m_state->surface) == CAIRO_STATUS_SUCCESS && m_state->cr &&
           cairo_status(m_state->cr) == CAIRO_STATUS_SUCCESS;
}

bool PdfWriter::addPage(const sf::Image& image) {
    if (!m_state->cr || !ok()) return false;
    const auto w = static_cast<int>(image.getSize().x), h = static_cast<int>(image.getSize().y);
    if (w <= 0 || h <= 0) return false;
    // cairo's ARGB32 is premultiplied, native-endian 0xAARRGGBB; our frames are opaque RGBA bytes.
    const int stride = cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, w);
    std::vector<unsigned char> data(static_cast<std::size_t>(stride) * static_cast<std::size_t>(h));
    const sf::Uint8* px = image.getPixelsPtr();
    for (int y = 0; y < h; ++y) {
        auto* row = reinterpret_cast<std::uint32_t*>(data.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(stride));
        for (int x = 0; x < w; ++x) {
            const sf::Uint8* p = px + (static_cast<std::size_t>(y) * static_cast<std::size_t>(w) + static_cast<std::size_t>(x)) * 4;
            row[x] = (std::uint32_t{p[0]} << 16) | (std::uint32_t{p[1]} << 8) | std::uint32_t{p[2]};
        }
    }
    cairo_surface_t* img = cairo_image_surface_create_for_data(data.data(), CAIRO_FORMAT_RGB24, w, h, stride);
    cairo_save(m_state->cr);
    cairo_scale(m_state->cr, m_width / w, m_height / h);
    cairo_set_source_surface(m_state->cr, img, 0, 0);
    cairo_paint(m_state->cr);
    cairo_restore(m_state->cr);
    cairo_show_page(m_state->cr);
    cairo_surface_destroy(img);
    ++m_pages;
    return ok();
}

bool PdfWriter::close(std::string& error) {
    if (!m_state->surface) return true;
    const bool good = ok();
    if (!good) error = cairo_status_to_string(cairo_status(m_state->cr));
    cairo_destroy(m_state->cr);
    cairo_surface_finish(m_state->surface);
    const cairo_status_t status = cairo_surface_status(m_state->surface);
    cairo_surface_destroy(m_state->surface);
    m_state->cr = nullptr;
    m_state->surface = nullptr;
    if (good && status != CAIRO_STATUS_SUCCESS) {
        error = cairo_status_to_string(status);
        return false;
    }
    return good;
}

} // namespace app
