#include "export/handout_layout.hpp"

#include <pango/pangocairo.h>

#include <algorithm>
#include <numeric>

namespace app {

namespace {

constexpr double kCellPad = 3.5;         // points inside a table cell
constexpr std::uint32_t kHeaderFill = 0xe4e8ee, kStripeFill = 0xf4f5f7, kRuleDark = 0x5a6270, kRuleLight = 0xd0d4da;

void setColour(cairo_t* cr, std::uint32_t rgb) {
    cairo_set_source_rgb(cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0);
}

struct LayoutDeleter {
    void operator()(PangoLayout* l) const { g_object_unref(l); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, LayoutDeleter>;

} // namespace

// One font map and context for measuring and drawing: 72 dpi (a Pango point is a PDF point),
// no hinting (the PDF is scaled by whoever prints or views it), so a text measured is drawn alike.
struct PageLayout::Pango {
    PangoFontMap* map = nullptr;
    PangoContext* context = nullptr;

    Pango() {
        map = pango_cairo_font_map_new();
        pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(map), 72.0);
        context = pango_font_map_create_context(map);
        cairo_font_options_t* options = cairo_font_options_create();
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
        pango_cairo_context_set_font_options(context, options);
        cairo_font_options_destroy(options);
    }
    ~Pango() {
        g_object_unref(context);
        g_object_unref(map);
    }

    // The block as a Pango layout `width` points wide: each run with its language (fontconfig
    // then picks the face whose Han forms are that language's), size, weight and colour.
    LayoutPtr layout(const Block& block, double width, int maxLines) const {
        std::string text;
        PangoAttrList* attrs = pango_attr_list_new();
        for (const TextRun& run : block) {
            const auto start = static_cast<guint>(text.size());
            text += run.text;
            const auto end = static_cast<guint>(text.size());
            auto add = [&](PangoAttribute* a) {
                a->start_index = start;
                a->end_index = end;
                pango_attr_list_insert(attrs, a);
            };
            add(pango_attr_language_new(pango_language_from_string(run.language.c_str())));
            add(pango_attr_size_new(static_cast<int>(run.size * PANGO_SCALE)));
            if (run.bold) add(pango_attr_weight_new(PANGO_WEIGHT_BOLD));
            add(pango_attr_foreground_new(static_cast<guint16>(((run.colour >> 16) & 0xff) * 257),
                                          static_cast<guint16>(((run.colour >> 8) & 0xff) * 257),
                                          static_cast<guint16>((run.colour & 0xff) * 257)));
        }
        LayoutPtr l(pango_layout_new(context));
        PangoFontDescription* font = pango_font_description_from_string("sans-serif 9");
        pango_layout_set_font_description(l.get(), font);
        pango_font_description_free(font);
        pango_layout_set_text(l.get(), text.c_str(), static_cast<int>(text.size()));
        pango_layout_set_attributes(l.get(), attrs);
        pango_attr_list_unref(attrs);
        pango_layout_set_width(l.get(), static_cast<int>(width * PANGO_SCALE));
        pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
        pango_layout_set_line_spacing(l.get(), 1.12f);
        if (maxLines > 0) {
            pango_layout_set_height(l.get(), -maxLines); // lines per paragraph (each language's text is one)
            pango_layout_set_ellipsize(l.get(), PANGO_ELLIPSIZE_END);
        }
        return l;
    }

    static double height(PangoLayout* l) {
        int w = 0, h = 0;
        pango_layout_get_size(l, &w, &h);
        return static_cast<double>(h) / PANGO_SCALE;
    }
};

PageLayout::PageLayout(PageGeometry geometry, Block footer)
    : m_geometry(geometry), m_footer(std::move(footer)), m_pango(std::make_unique<Pango>()) {}

PageLayout::~PageLayout() {
    for (Page& p : m_pages) {
        cairo_destroy(p.cr);
        cairo_surface_destroy(p.surface);
    }
    for (cairo_surface_t* s : m_pictures) cairo_surface_destroy(s);
}

cairo_t* PageLayout::cr() const { return m_pages.back().cr; }

void PageLayout::newPage(const Block& section) {
    Page p;
    const cairo_rectangle_t extents{0, 0, m_geometry.width, m_geometry.height};
    p.surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents);
    p.cr = cairo_create(p.surface);
    p.section = section.empty() && !m_pages.empty() ? m_pages.back().section : section;
    m_pages.push_back(std::move(p));
    m_cursor = m_geometry.top();
}

void PageLayout::ensureRoom(double height) {
    if (m_pages.empty() || (height > remaining() && m_cursor > m_geometry.top())) newPage();
}

double PageLayout::measure(const Block& block, double width, int maxLines) const {
    if (width <= 0) width = m_geometry.contentWidth();
    return Pango::height(m_pango->layout(block, width, maxLines).get());
}

void PageLayout::drawBlock(const Block& block, double x, double y, double width, int maxLines) const {
    const LayoutPtr l = m_pango->layout(block, width, maxLines);
    cairo_move_to(cr(), x, y);
    pango_cairo_show_layout(cr(), l.get());
}

void PageLayout::paragraph(const Block& block, double indent, double width) {
    if (width <= 0) width = m_geometry.contentWidth() - indent;
    const double h = measure(block, width);
    ensureRoom(h);
    cairo_save(cr());
    // Taller than a page: cut at its foot rather than run over the footer.
    cairo_rectangle(cr(), 0, m_cursor, m_geometry.width, m_geometry.bottom() - m_cursor);
    cairo_clip(cr());
    drawBlock(block, m_geometry.margin + indent, m_cursor, width, 0);
    cairo_restore(cr());
    m_placements.push_back({Placement::Kind::Text, page(), -1, m_cursor, std::min(m_cursor + h, m_geometry.bottom())});
    m_cursor = std::min(m_cursor + h, m_geometry.bottom());
}

void PageLayout::picture(cairo_surface_t* image, double width, double height) {
    ensureRoom(height);
    m_pictures.push_back(cairo_surface_reference(image));
    const double iw = cairo_image_surface_get_width(image), ih = cairo_image_surface_get_height(image);
    cairo_t* c = cr();
    cairo_save(c);
    cairo_translate(c, m_geometry.margin, m_cursor);
    cairo_scale(c, width / iw, height / ih);
    cairo_set_source_surface(c, image, 0, 0);
    cairo_paint(c);
    cairo_restore(c);
    cairo_rectangle(c, m_geometry.margin, m_cursor, width, height);
    cairo_set_line_width(c, 0.5);
    setColour(c, 0x8a919c);
    cairo_stroke(c);
    m_placements.push_back({Placement::Kind::Picture, page(), -1, m_cursor, m_cursor + height});
    m_cursor += height;
}

void PageLayout::rule(std::uint32_t colour) {
    ensureRoom(1.0);
    cairo_move_to(cr(), m_geometry.margin, m_cursor + 0.25);
    cairo_line_to(cr(), m_geometry.width - m_geometry.margin, m_cursor + 0.25);
    cairo_set_line_width(cr(), 0.5);
    setColour(cr(), colour);
    cairo_stroke(cr());
    m_cursor += 1.0;
}

double PageLayout::drawRow(const Table& table, const std::vector<Block>& cells, bool header, int index) {
    double h = 0;
    for (std::size_t c = 0; c < table.columns.size() && c < cells.size(); ++c)
        h = std::max(h, measure(cells[c], table.columns[c] - 2 * kCellPad, header ? 0 : table.maxLines));
    h += 2 * kCellPad;
    const double width = std::accumulate(table.columns.begin(), table.columns.end(), 0.0);
    cairo_t* c = cr();
    const double x0 = m_geometry.margin, y0 = m_cursor;
    const double visible = std::min(h, m_geometry.bottom() - y0); // a row taller than a page is cut (maxLines prevents it)
    cairo_save(c);
    cairo_rectangle(c, x0, y0, width, visible);
    cairo_clip(c);
    if (header || index % 2 == 1) {
        cairo_rectangle(c, x0, y0, width, visible);
        setColour(c, header ? kHeaderFill : kStripeFill);
        cairo_fill(c);
    }
    double x = x0;
    for (std::size_t k = 0; k < table.columns.size() && k < cells.size(); ++k) {
        drawBlock(cells[k], x + kCellPad, y0 + kCellPad, table.columns[k] - 2 * kCellPad, header ? 0 : table.maxLines);
        x += table.columns[k];
    }
    cairo_restore(c);
    cairo_move_to(c, x0, y0 + visible);
    cairo_line_to(c, x0 + width, y0 + visible);
    cairo_set_line_width(c, header ? 0.8 : 0.3);
    setColour(c, header ? kRuleDark : kRuleLight);
    cairo_stroke(c);
    m_placements.push_back({header ? Placement::Kind::TableHeader : Placement::Kind::TableRow, page(), header ? -1 : index, y0, y0 + visible});
    m_cursor = y0 + visible;
    return h;
}

void PageLayout::table(const Table& table) {
    auto rowHeight = [&](const std::vector<Block>& cells, int maxLines) {
        double h = 0;
        for (std::size_t c = 0; c < table.columns.size() && c < cells.size(); ++c)
            h = std::max(h, measure(cells[c], table.columns[c] - 2 * kCellPad, maxLines));
        return h + 2 * kCellPad;
    };
    const double headerHeight = rowHeight(table.header, 0);
    // The header never stands alone at the foot of a page: it goes with the first row.
    ensureRoom(headerHeight + (table.rows.empty() ? 0.0 : rowHeight(table.rows.front(), table.maxLines)));
    drawRow(table, table.header, true, -1);
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
        if (rowHeight(table.rows[i], table.maxLines) > remaining()) {
            newPage();
            drawRow(table, table.header, true, -1); // the header again on the continuation page
            if (i < table.continued.size() && !table.continued[i].empty()) {
                drawRow(table, table.continued[i], false, static_cast<int>(i));
                m_placements.back().continued = true;
                continue;
            }
        }
        drawRow(table, table.rows[i], false, static_cast<int>(i));
    }
}

std::string PageLayout::pageNumber(int page) const { return std::to_string(page + 1) + " / " + std::to_string(pageCount()); }

void PageLayout::drawFooter(cairo_t* c, int page) const {
    const PageGeometry& g = m_geometry;
    const double y = g.bottom() + g.footer - 10.0;
    cairo_move_to(c, g.margin, y - 3.0);
    cairo_line_to(c, g.width - g.margin, y - 3.0);
    cairo_set_line_width(c, 0.4);
    setColour(c, kRuleLight);
    cairo_stroke(c);
    Block left = m_footer;
    const Block& section = m_pages[static_cast<std::size_t>(page)].section;
    if (!section.empty()) {
        if (!left.empty()) left.push_back({"  ·  ", "en", section.front().size, false, section.front().colour});
        left.insert(left.end(), section.begin(), section.end());
    }
    const double numberWidth = 60.0;
    LayoutPtr l = m_pango->layout(left, g.contentWidth() - numberWidth, 1);
    pango_layout_set_height(l.get(), -1);
    cairo_move_to(c, g.margin, y);
    pango_cairo_show_layout(c, l.get());
    LayoutPtr n = m_pango->layout({{pageNumber(page), "en", 8.0, false, 0x4a5260}}, numberWidth, 1);
    pango_layout_set_alignment(n.get(), PANGO_ALIGN_RIGHT);
    cairo_move_to(c, g.width - g.margin - numberWidth, y);
    pango_cairo_show_layout(c, n.get());
}

bool PageLayout::write(cairo_surface_t* pdf) const {
    cairo_t* c = cairo_create(pdf);
    for (std::size_t i = 0; i < m_pages.size(); ++i) {
        cairo_surface_flush(m_pages[i].surface);
        cairo_set_source_surface(c, m_pages[i].surface, 0, 0);
        cairo_paint(c);
        drawFooter(c, static_cast<int>(i));
        cairo_show_page(c);
        if (cairo_status(c) != CAIRO_STATUS_SUCCESS) break;
    }
    const bool ok = cairo_status(c) == CAIRO_STATUS_SUCCESS;
    cairo_destroy(c);
    return ok;
}

} // namespace app
