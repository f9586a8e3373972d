#include <geo/base/diagnostic.hpp>

#include <catch2/catch.hpp>

TEST_CASE("Diagnostic formats the parts it knows", "[diagnostic]") {
    geo::Diagnostic d{geo::Severity::Error, "assets/layers.toml", 12, 5, "unknown key 'colour'", "did you mean 'color'?"};
    CHECK(d.format() == "assets/layers.toml:12:5: error: unknown key 'colour' (did you mean 'color'?)");
    d.column = 0;
    d.hint.clear();
    CHECK(d.format() == "assets/layers.toml:12: error: unknown key 'colour'");
    d.line = 0;
    d.severity = geo::Severity::Warning;
    CHECK(d.format() == "assets/layers.toml: warning: unknown key 'colour'");
    d.file.clear();
    CHECK(d.format() == "warning: unknown key 'colour'");
}

TEST_CASE("hasErrors ignores warnings and notes", "[diagnostic]") {
    geo::Diagnostics ds{{geo::Severity::Warning, "f", 0, 0, "w", ""}, {geo::Severity::Info, "f", 0, 0, "i", ""}};
    CHECK_FALSE(geo::hasErrors(ds));
    ds.push_back({geo::Severity::Error, "f", 0, 0, "e", ""});
    CHECK(geo::hasErrors(ds));
}
