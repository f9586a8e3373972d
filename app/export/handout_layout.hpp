#pragma once
// The handout's pages: text laid out with Pango (CJK line breaking, the language's Han forms),
// pictures, and tables that break across pages (a row never split, the header repeated), with a
// running footer and page numbers ("3 / 12"). Each page is recorded (a cairo recording surface)
// as it is laid out; write() plays them into a PDF once the number of pages is known.

#include <cairo.h>

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace app {

// A piece of text in one language and style; a Block is a paragraph of runs ("\n" breaks lines).
struct TextRun {
    std::string text;
    std::string language = "en"; // a BCP 47 tag Pango passes to fontconfig: "zh-TW" (Noto Sans CJK TC), "ja" (JP), "en"
    double size = 9.0;           // points
    bool bold = false;
    std::uint32_t colour = 0x222222; // 0xRRGGBB
};
using Block = std::vector<TextRun>;

struct PageGeometry {
    double width = 595.276, height = 841.89; // A4 portrait, points
    double margin = 56.693;                  // 20 mm on every side
    double footer = 22.0;                    // the footer's room above the bottom margin
    double contentWidth() const { return width - 2 * margin; }
    double top() const { return margin; }
    double bottom() const { return height - margin - footer; } // where content stops
};

struct Table {
    std::vector<double> columns; // widths, points (their sum is the table's width)
    std::vector<Block> header;   // one per column
    std::vector<std::vector<Block>> rows;
    int maxLines = 0; // a cell's lines at most (0: all); the rest is ellipsized, so a row always fits a page
    // Optional, one per row: the row as drawn when it opens a continuation page (a trip's day
    // named again there); an empty entry: the row as it is.
    std::vector<std::vector<Block>> continued;
};

// What was put where (the tests read it).
struct Placement {
    enum class Kind { Text, Picture, TableHeader, TableRow } kind = Kind::Text;
    int page = 0;    // 0-based
    int row = -1;    // TableRow: its index in the table
    double top = 0, bottom = 0;
    bool continued = false; // TableRow: drawn as Table::continued gives it
};

class PageLayout {
public:
    // `footer`: the running footer's text (the briefing's title), on every page.
    explicit PageLayout(PageGeometry geometry = {}, Block footer = {});
    ~PageLayout();
    PageLayout(const PageLayout&) = delete;
    PageLayout& operator=(const PageLayout&) = delete;

    const PageGeometry& geometry() const { return m_geometry; }
    void setFooter(Block footer) { m_footer = std::move(footer); }
    int pageCount() const { return static_cast<int>(m_pages.size()); }
    int page() const { return pageCount() - 1; } // the current page, 0-based
    double cursor() const { return m_cursor; }
    double remaining() const { return m_geometry.bottom() - m_cursor; }
    const std::vector<Placement>& placements() const { return m_placements; }

    // A new page; `section` is named in its footer (empty: the current one again).
    void newPage(const Block& section = {});
    // A new page unless `height` points still fit on this one.
    void ensureRoom(double height);
    void space(double points) { m_cursor += points; }
    // A paragraph at `indent` from the left margin, wrapped to `width` (0: to the right margin);
    // on the next page when it does not fit (a paragraph taller than a page is cut at its foot).
    void paragraph(const Block& block, double indent = 0, double width = 0);
    // Its height when laid out at `width` (0: the content width).
    double measure(const Block& block, double width = 0, int maxLines = 0) const;
    // A picture `width` × `height` points at the left margin (an RGB24 image surface; kept).
    void picture(cairo_surface_t* image, double width, double height);
    // A hairline across the content width.
    void rule(std::uint32_t colour = 0xbbbbbb);
    void table(const Table& table);

    // "3 / 12" for the 0-based page `page`.
    std::string pageNumber(int page) const;
    // Plays the pages into `pdf` (a cairo PDF surface of the geometry's size), footers drawn;
    // false when cairo failed (the surface's status says why).
    bool write(cairo_surface_t* pdf) const;

private:
    cairo_t* cr() const;
    void drawBlock(const Block& block, double x, double y, double width, int maxLines) const;
    double drawRow(const Table& table, const std::vector<Block>& cells, bool header, int index);
    void drawFooter(cairo_t* cr, int page) const;

    PageGeometry m_geometry;
    Block m_footer;
    struct Page {
        cairo_surface_t* surface = nullptr;
        cairo_t* cr = nullptr;
        Block section;
    };
    std::vector<Page> m_pages;
    std::vector<cairo_surface_t*> m_pictures;
    double m_cursor = 0;
    std::vector<Placement> m_placements;
    struct Pango;
    std::unique_ptr<Pango> m_pango;
};

} // namespace app
