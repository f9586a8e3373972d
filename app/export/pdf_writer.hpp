#pragma once
// A PDF of rendered pages (one image a page), written with cairo: the slide deck or
// handout of a story export.

#include <SFML/Graphics/Image.hpp>

#include <filesystem>
#include <memory>
#include <string>

namespace app {

class PdfWriter {
public:
    // Pages are `widthPt` × `heightPt` points (1/72 inch).
    PdfWriter(const std::filesystem::path& file, double widthPt, double heightPt);
    ~PdfWriter();
    PdfWriter(const PdfWriter&) = delete;
    PdfWriter& operator=(const PdfWriter&) = delete;

    bool ok() const;
    // Adds a page showing `image` scaled to fill it.
    bool addPage(const sf::Image& image);
    // Finishes the file; false (and `error` says why) when cairo could not write it.
    bool close(std::string& error);
    int pages() const { return m_pages; }

private:
    struct State;
    std::unique_ptr<State> m_state;
    double m_width, m_height;
    int m_pages = 0;
};

} // namespace app
