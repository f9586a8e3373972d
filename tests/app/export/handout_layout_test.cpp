// The handout's pagination (app/export/handout_layout): tables that break across pages without
// splitting a row and with their header again, paragraphs kept whole, page numbers.
#include "export/handout_layout.hpp"
#include "export/handout_pages.hpp"

#include <catch2/catch.hpp>

#include <cairo-pdf.h>

#include <filesystem>
#include <map>
#include <string>

using app::Block;
using app::PageLayout;
using app::Placement;

namespace {

app::Table longTable(int rows) {
    app::Table t;
    t.columns = {80.0, 200.0, 201.0};
    t.header = {Block{{"日期", "zh-TW", 8, true}, {"\nDate", "en", 7}}, Block{{"What", "en", 8, true}}, Block{{"Met", "en", 8, true}}};
    for (int i = 0; i < rows; ++i) {
        // Rows of different heights: one, two or five lines.
        std::string what = "訪團拜會熊本縣政府，討論半導體人才培育與供應鏈合作。";
        if (i % 3 == 1) what += what;
        if (i % 3 == 2) what += what + what + what + what;
        t.rows.push_back({Block{{"2025-02-" + std::to_string(10 + i % 20), "en", 8}}, Block{{what, "zh-TW", 8}, {"\nThe delegation met the prefecture.", "en", 7}},
                          Block{{"Row " + std::to_string(i), "en", 8}}});
    }
    return t;
}

std::vector<Placement> ofKind(const PageLayout& layout, Placement::Kind kind) {
    std::vector<Placement> out;
    for (const Placement& p : layout.placements())
        if (p.kind == kind) out.push_back(p);
    return out;
}

} // namespace

TEST_CASE("handout: a table longer than a page goes on over the next pages, header first, no row split", "[handout]") {
    PageLayout layout;
    layout.newPage();
    layout.paragraph(Block{{"A trip", "en", 15, true}});
    const app::Table table = longTable(120);
    layout.table(table);
    REQUIRE(layout.pageCount() >= 3);

    const app::PageGeometry& g = layout.geometry();
    const std::vector<Placement> rows = ofKind(layout, Placement::Kind::TableRow);
    REQUIRE(rows.size() == table.rows.size()); // each row placed once: none split in two
    for (std::size_t i = 0; i < rows.size(); ++i) {
        CHECK(rows[i].row == static_cast<int>(i));
        CHECK(rows[i].top >= g.top() - 1e-6);
        CHECK(rows[i].bottom <= g.bottom() + 1e-6);
        CHECK(rows[i].bottom > rows[i].top);
        if (i > 0) {
            CHECK(rows[i].page >= rows[i - 1].page);
            if (rows[i].page == rows[i - 1].page) CHECK(rows[i].top >= rows[i - 1].bottom - 1e-6);
        }
    }
    // Every page the table is on starts its part of the table with the header; on a continuation
    // page the header is at the top.
    std::map<int, std::vector<Placement>> byPage;
    for (const Placement& p : layout.placements())
        if (p.kind == Placement::Kind::TableHeader || p.kind == Placement::Kind::TableRow) byPage[p.page].push_back(p);
    REQUIRE(byPage.size() == static_cast<std::size_t>(layout.pageCount()));
    for (const auto& [page, placed] : byPage) {
        REQUIRE(placed.front().kind == Placement::Kind::TableHeader);
        CHECK(std::count_if(placed.begin(), placed.end(), [](const Placement& p) { return p.kind == Placement::Kind::TableHeader; }) == 1);
        if (page > 0) CHECK(placed.front().top == Approx(g.top()));
        CHECK(placed.size() > 1); // never a header alone
    }
    // A page is filled before the next is started: the next row would not have fitted.
    for (std::size_t i = 1; i < rows.size(); ++i)
        if (rows[i].page != rows[i - 1].page) CHECK(rows[i].bottom - rows[i].top > g.bottom() - rows[i - 1].bottom);
}

TEST_CASE("handout: a table's header does not stay behind at the foot of a page", "[handout]") {
    PageLayout layout;
    layout.newPage();
    layout.space(layout.remaining() - 20.0); // room for the header, not for a row under it
    layout.table(longTable(3));
    const std::vector<Placement> headers = ofKind(layout, Placement::Kind::TableHeader);
    REQUIRE(headers.size() == 1);
    CHECK(headers.front().page == 1);
    CHECK(layout.pageCount() == 2);
}

TEST_CASE("handout: a cell of many lines is cut to the table's lines, so its row fits a page", "[handout]") {
    PageLayout layout;
    layout.newPage();
    app::Table t = longTable(0);
    std::string huge;
    for (int i = 0; i < 400; ++i) huge += "九州與臺灣的半導體合作。";
    t.rows.push_back({Block{{"x", "en", 8}}, Block{{huge, "zh-TW", 8}}, Block{{"y", "en", 8}}});
    t.maxLines = 4;
    layout.table(t);
    const std::vector<Placement> rows = ofKind(layout, Placement::Kind::TableRow);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].bottom - rows[0].top < 80.0); // four lines of 8 pt and the padding
    CHECK(layout.pageCount() == 1);
}

TEST_CASE("handout: a paragraph that does not fit goes whole to the next page", "[handout]") {
    PageLayout layout;
    layout.newPage();
    const Block text{{std::string(600, 'a') + " " + std::string(600, 'b'), "en", 10}};
    const double h = layout.measure(text);
    REQUIRE(h > 20.0);
    layout.space(layout.remaining() - h / 2);
    layout.paragraph(text);
    const std::vector<Placement> placed = ofKind(layout, Placement::Kind::Text);
    REQUIRE(placed.size() == 1);
    CHECK(placed[0].page == 1);
    CHECK(placed[0].top == Approx(layout.geometry().top()));
    CHECK(placed[0].bottom - placed[0].top == Approx(h));
}

TEST_CASE("handout: pages are numbered 'n / total' and written to a PDF of that many A4 pages", "[handout]") {
    PageLayout layout(app::PageGeometry{}, Block{{"臺灣與九州", "zh-TW", 7.5}, {" Taiwan and Kyushu", "en", 7.5}});
    for (int i = 0; i < 3; ++i) {
        layout.newPage(Block{{"Section " + std::to_string(i), "en", 7.5}});
        layout.paragraph(Block{{"Page text", "en", 10}});
    }
    REQUIRE(layout.pageCount() == 3);
    CHECK(layout.pageNumber(0) == "1 / 3");
    CHECK(layout.pageNumber(2) == "3 / 3");
    const std::filesystem::path file = std::filesystem::temp_directory_path() / "ktmap-handout-layout-test.pdf";
    cairo_surface_t* pdf = cairo_pdf_surface_create(file.c_str(), layout.geometry().width, layout.geometry().height);
    CHECK(layout.write(pdf));
    cairo_surface_finish(pdf);
    CHECK(cairo_surface_status(pdf) == CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy(pdf);
    CHECK(std::filesystem::file_size(file) > 1000);
    std::filesystem::remove(file);
}

TEST_CASE("handout: a PDF that cannot be written says so through cairo's status", "[handout]") {
    PageLayout layout;
    layout.newPage();
    layout.paragraph(Block{{"text", "en", 10}});
    cairo_surface_t* pdf = cairo_pdf_surface_create("/nonexistent-folder/x.pdf", 595, 842);
    layout.write(pdf);
    cairo_surface_finish(pdf);
    CHECK(cairo_surface_status(pdf) != CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy(pdf);
}

TEST_CASE("handout: the handout's texts are tagged with the language whose Han forms they need", "[handout]") {
    CHECK(std::string(app::sourceLanguageTag("熊本縣")) == "zh-TW");
    CHECK(std::string(app::sourceLanguageTag("くまもと")) == "ja");
    CHECK(std::string(app::sourceLanguageTag("熊本県のサイエンスパーク")) == "ja");
    CHECK(std::string(app::sourceLanguageTag("Kumamoto")) == "en");
}

TEST_CASE("handout: a row that opens a continuation page is drawn as the table's continued entry says", "[handout]") {
    PageLayout layout;
    layout.newPage();
    app::Table t = longTable(120);
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        std::vector<Block> again = t.rows[i];
        again[0] = Block{{"Day 1 …", "en", 8}};
        t.continued.push_back(i % 2 ? again : std::vector<Block>{}); // odd rows only
    }
    layout.table(t);
    REQUIRE(layout.pageCount() >= 3);
    const std::vector<Placement> rows = ofKind(layout, Placement::Kind::TableRow);
    REQUIRE(rows.size() == t.rows.size());
    int opening = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const bool opensPage = i > 0 && rows[i].page != rows[i - 1].page;
        CHECK(rows[i].continued == (opensPage && i % 2 == 1));
        opening += opensPage ? 1 : 0;
    }
    CHECK(opening == layout.pageCount() - 1);
}
