// Tests for geo/site_search.hpp: folding, and searching a small briefing and the shipped one.
#include <geo/briefing/site_search.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

namespace {

// Sites only (the parser accepts a briefing without trips or partnerships).
const char* const kSmallBriefing = R"(schema = 1
title = "搜尋測試"
title_en = "Search test"

[[site]]
id = "kumamoto-university"
kind = "university"
name_zh = "熊本大學"
name_ja = "熊本大学"
name_en = "Kumamoto University"
lon = 130.7285
lat = 32.8135

[[site]]
id = "tsmc-kumamoto"
kind = "fab"
name_zh = "台積電熊本廠"
name_en = "TSMC Kumamoto fab"
lon = 130.8180
lat = 32.8900

[[site]]
id = "kumamoto"
kind = "city"
name_zh = "熊本市"
name_ja = "熊本市"
name_en = "Kumamoto"
lon = 130.7417
lat = 32.8032

[[site]]
id = "kumamoto-prefecture"
kind = "prefecture"
name_zh = "熊本縣"
name_ja = "熊本県"
name_en = "Kumamoto Prefecture"
lon = 130.7079
lat = 32.7898

[[site]]
id = "higashi-kumamotoya"
kind = "company"
name_en = "Higashikumamotoya"
lon = 130.7
lat = 32.8

[[site]]
id = "taichung"
kind = "city"
name_zh = "臺中市"
name_en = "Taichung"
lon = 120.6736
lat = 24.1477
)";

const geo::Briefing& smallBriefing() {
    static const geo::BriefingLoadResult loaded = geo::parseBriefing(kSmallBriefing, "search-test");
    return loaded.briefing;
}

const geo::Briefing& shippedBriefing() {
    static const geo::BriefingLoadResult loaded =
        geo::loadBriefingFile(std::string(KTMAP_ASSETS_DIR) + "/briefing.toml");
    return loaded.briefing;
}

std::vector<std::string> ids(const geo::Briefing& b, const std::vector<geo::SearchHit>& hits) {
    std::vector<std::string> out;
    for (const auto& h : hits) out.push_back(b.sites.at(h.site).id);
    return out;
}

bool contains(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

} // namespace

TEST_CASE("foldForSearch folds case, width, separators and Han forms", "[site_search]") {
    CHECK(geo::foldForSearch("Kumamoto") == "kumamoto");
    CHECK(geo::foldForSearch("ＫＹＵＳＨＵ ｕｎｉｖ ２０２５") == "kyushuuniv2025"); // full-width letters, digits, space
    CHECK(geo::foldForSearch("Eco-Town") == "ecotown");
    CHECK(geo::foldForSearch("eco_town　ＴＯＷＮ") == "ecotowntown"); // U+3000 ideographic space
    CHECK(geo::foldForSearch("ワン・フクオカ") == "ワンフクオカ");   // katakana middle dot dropped, kana kept
    CHECK(geo::foldForSearch("Ａ·Ｂ．Ｃ") == "abc");
    CHECK(geo::foldForSearch("北九州学術研究都市") == geo::foldForSearch("北九州學術研究都市"));
    CHECK(geo::foldForSearch("熊本県") == geo::foldForSearch("熊本縣"));
    CHECK(geo::foldForSearch("九州経済連合会") == geo::foldForSearch("九州經濟連合會"));
    CHECK(geo::foldForSearch("台中") == geo::foldForSearch("臺中"));
    CHECK(geo::foldForSearch("台湾") == geo::foldForSearch("臺灣"));
    CHECK(geo::foldForSearch("国际产业园区") == geo::foldForSearch("國際產業園區")); // simplified
    CHECK(geo::foldForSearch("黒髪") == geo::foldForSearch("黑髮"));
    CHECK(geo::foldForSearch("財団") == geo::foldForSearch("財團"));
    // Different words stay different.
    CHECK(geo::foldForSearch("熊本駅") != geo::foldForSearch("熊本站"));
    CHECK(geo::foldForSearch("市") != geo::foldForSearch("都"));
    CHECK(geo::foldForSearch("") == "");
    CHECK(geo::foldForSearch(" - _ ") == "");
    // Idempotent.
    const std::string once = geo::foldForSearch("北九州学術研究都市（ＫＩＴＡＫＹＵＳＨＵ）");
    CHECK(geo::foldForSearch(once) == once);
    CHECK(once == geo::foldForSearch("北九州學術研究都市(kitakyushu)"));
}

TEST_CASE("searchSites ranks exact, prefix, word prefix, then anywhere, cities first", "[site_search]") {
    const geo::Briefing& b = smallBriefing();
    REQUIRE(b.sites.size() == 6);
    const auto hits = geo::searchSites(b, "kumamoto");
    CHECK(ids(b, hits) == std::vector<std::string>{
                             "kumamoto",            // exact (en and id)
                             "kumamoto-university", // prefix, file order...
                             "kumamoto-prefecture", // ...
                             "tsmc-kumamoto",       // a word of the name
                             "higashi-kumamotoya",  // id "higashi-kumamotoya": a word of the id
                         });
    REQUIRE(hits.size() == 5);
    CHECK(hits[0].score > hits[1].score);
    CHECK(hits[1].score == hits[2].score);
    CHECK(hits[2].score > hits[3].score);
    CHECK(hits[3].score == hits[4].score);
    CHECK(hits[0].matched == "Kumamoto");
    CHECK(hits[3].matched == "TSMC Kumamoto fab");

    // "umamoto" is inside every name but starts none of their words.
    const auto inside = geo::searchSites(b, "umamoto");
    REQUIRE(inside.size() == 5);
    CHECK(inside[0].score == inside[4].score);
    CHECK(b.sites[inside[0].site].id == "kumamoto"); // a city first among equals
    CHECK(b.sites[inside[1].site].id == "kumamoto-university"); // then file order

    // Han: 熊本 starts four names; the city comes first, then file order.
    const auto han = geo::searchSites(b, "熊本");
    CHECK(ids(b, han) == std::vector<std::string>{"kumamoto", "kumamoto-university", "kumamoto-prefecture",
                                                  "tsmc-kumamoto"});
    CHECK(han[0].matched == "熊本市");
    // The Japanese form finds the traditional name; `matched` is the name as written.
    const auto ken = geo::searchSites(b, "熊本県");
    REQUIRE(ken.size() == 1);
    CHECK(b.sites[ken[0].site].id == "kumamoto-prefecture");
    CHECK(ken[0].matched == "熊本縣"); // exact on zh and ja: the first field, zh, is kept

    CHECK(ids(b, geo::searchSites(b, "台中")) == std::vector<std::string>{"taichung"});
    CHECK(ids(b, geo::searchSites(b, "臺中")) == std::vector<std::string>{"taichung"});
    CHECK(ids(b, geo::searchSites(b, "ＴＡＩＣＨＵＮＧ")) == std::vector<std::string>{"taichung"});
}

TEST_CASE("searchSites finds nothing for an empty query and respects maxResults", "[site_search]") {
    const geo::Briefing& b = smallBriefing();
    CHECK(geo::searchSites(b, "").empty());
    CHECK(geo::searchSites(b, "   ").empty());
    CHECK(geo::searchSites(b, "　-・").empty());
    CHECK(geo::searchSites(b, "nowhere").empty());
    CHECK(geo::searchSites(b, "kumamoto", 2).size() == 2);
    CHECK(ids(b, geo::searchSites(b, "kumamoto", 2)) == std::vector<std::string>{"kumamoto", "kumamoto-university"});
    CHECK(geo::searchSites(b, "kumamoto", 0).empty());
    CHECK(geo::searchSites(geo::Briefing{}, "kumamoto").empty());
}

TEST_CASE("searchSites on the shipped briefing", "[site_search]") {
    const geo::Briefing& b = shippedBriefing();
    REQUIRE(b.sites.size() > 40);

    const auto kumamoto = geo::searchSites(b, "kumamoto", 50);
    REQUIRE(kumamoto.size() > 5);
    CHECK(b.sites[kumamoto[0].site].id == "kumamoto");
    CHECK(b.sites[kumamoto[0].site].kind == geo::SiteKind::City);
    const auto kumamotoIds = ids(b, kumamoto);
    const auto position = [&](const std::string& id) {
        return std::find(kumamotoIds.begin(), kumamotoIds.end(), id) - kumamotoIds.begin();
    };
    CHECK(contains(kumamotoIds, "kumamoto-university"));
    CHECK(position("kumamoto") < position("kumamoto-university"));
    CHECK(position("kumamoto-prefecture") < position("jasm")); // prefix before "TSMC Kumamoto fab"
    CHECK(geo::searchSites(b, "kumamoto").size() <= 12); // the default limit

    const auto han = geo::searchSites(b, "熊本");
    REQUIRE(!han.empty());
    CHECK(b.sites[han[0].site].id == "kumamoto");

    const auto kitakyushu = geo::searchSites(b, "北九州学術");
    REQUIRE(!kitakyushu.empty());
    CHECK(b.sites[kitakyushu[0].site].id == "kitakyushu-science-research-park");

    const auto fullWidth = geo::searchSites(b, "ＫＹＵＳＨＵ", 50);
    CHECK(ids(b, fullWidth) == ids(b, geo::searchSites(b, "kyushu", 50)));
    CHECK(contains(ids(b, fullWidth), "kyushu-university"));
    CHECK(contains(ids(b, fullWidth), "kyushu-economic-federation"));

    for (const char* q : {"臺中", "台中"}) {
        INFO(q);
        const auto taichung = geo::searchSites(b, q);
        REQUIRE(!taichung.empty());
        CHECK(b.sites[taichung[0].site].id == "taichung");
        CHECK(contains(ids(b, taichung), "taichung-city-hall"));
    }
    // Japanese forms find the traditional names written in the zh field.
    CHECK(contains(ids(b, geo::searchSites(b, "九州経済")), "kyushu-economic-federation"));
    CHECK(contains(ids(b, geo::searchSites(b, "宮崎県庁")), "miyazaki-prefectural-government"));
    CHECK(contains(ids(b, geo::searchSites(b, "台湾貿易")), "ttic-fukuoka"));
    // Different words are not folded together: 熊本駅 is the ja name, 熊本站 the zh one.
    const auto station = geo::searchSites(b, "熊本駅");
    REQUIRE(station.size() == 1);
    CHECK(station[0].matched == "熊本駅");

    CHECK(geo::searchSites(b, "").empty());
    CHECK(geo::searchSites(b, "  ").empty());
    CHECK(geo::searchSites(b, "kyushu", 3).size() == 3);
}
