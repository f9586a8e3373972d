#include <geo/briefing/vocabulary.hpp>

#include <array>

namespace geo {

namespace {

using Row = std::array<const char*, 3>; // zh-Hant, ja, en

constexpr std::array<Row, static_cast<std::size_t>(Term::Count)> kTerms{{
    {"類型", "種類", "Kind"},
    {"所屬城市", "所属都市", "City"},
    {"位置", "位置", "Position"},
    {"說明", "メモ", "Notes"},
    {"說明（英文）", "メモ（英語）", "Notes (English)"},
    {"行程", "訪問日程", "Trip stops"},
    {"合作關係", "提携関係", "Partnerships"},
    {"資料來源", "出典", "Sources"},
    {"會見", "面会", "Met"},
    {"夥伴", "相手", "With"},
    {"章節", "節", "section"},
    {"第%d天", "%d日目", "Day %d"},
    {"團長", "団長", "Leader"},
    {"參與方", "当事者", "Parties"},
    {"里程碑", "経緯", "Milestones"},
}};

constexpr std::array<Row, 14> kKinds{{
    {"城市", "都市", "City"},
    {"縣", "県", "Prefecture"},
    {"縣", "県", "County"},
    {"科學園區", "サイエンスパーク", "Science park"},
    {"晶圓廠", "半導体工場", "Fab"},
    {"企業", "企業", "Company"},
    {"大學", "大学", "University"},
    {"政府機關", "行政機関", "Government"},
    {"會場", "会場", "Venue"},
    {"市場", "市場", "Market"},
    {"車站", "駅", "Station"},
    {"機場", "空港", "Airport"},
    {"辦事處", "事務所", "Office"},
    {"其他", "その他", "Other"},
}};

constexpr std::array<Row, 14> kKindsPlural{{
    {"城市", "都市", "Cities"},
    {"縣", "県", "Prefectures"},
    {"縣", "県", "Counties"},
    {"科學園區", "サイエンスパーク", "Science parks"},
    {"晶圓廠", "半導体工場", "Fabs"},
    {"企業", "企業", "Companies"},
    {"大學", "大学", "Universities"},
    {"政府機關", "行政機関", "Government"},
    {"會場", "会場", "Venues"},
    {"市場", "市場", "Markets"},
    {"車站", "駅", "Stations"},
    {"機場", "空港", "Airports"},
    {"辦事處", "事務所", "Offices"},
    {"其他", "その他", "Other"},
}};

constexpr std::array<Row, 9> kPartnershipKinds{{
    {"姊妹園區", "姉妹パーク", "Sister science parks"},
    {"姊妹市", "姉妹都市", "Sister cities"},
    {"友好城市", "友好都市", "Friendship cities"},
    {"大學合作備忘錄", "大学間覚書", "University MOU"},
    {"姊妹站", "姉妹駅", "Sister stations"},
    {"協會協議", "協会間協定", "Association agreement"},
    {"三方合作備忘錄", "三者間覚書", "Trilateral MOU"},
    {"合作備忘錄", "協力覚書", "Cooperation MOU"},
    {"其他合作", "その他の協力", "Other cooperation"},
}};

constexpr std::array<Row, 7> kLegs{{
    {"", "", ""},
    {"飛機", "飛行機", "flight"},
    {"巴士", "バス", "bus"},
    {"汽車", "車", "car"},
    {"火車", "鉄道", "train"},
    {"船", "船", "ship"},
    {"步行", "徒歩", "walk"},
}};

template <std::size_t N> const char* lookup(const std::array<Row, N>& table, std::size_t i, Language language) {
    return i < N ? table[i][languageIndex(language)] : "?";
}

} // namespace

const char* term(Term t, Language language) { return lookup(kTerms, static_cast<std::size_t>(t), language); }
const char* kindLabel(SiteKind kind, Language language) { return lookup(kKinds, static_cast<std::size_t>(kind), language); }
const char* kindLabelPlural(SiteKind kind, Language language) {
    return lookup(kKindsPlural, static_cast<std::size_t>(kind), language);
}
const char* partnershipKindLabel(PartnershipKind kind, Language language) {
    return lookup(kPartnershipKinds, static_cast<std::size_t>(kind), language);
}
const char* legLabel(LegMode mode, Language language) {
    const char* s = lookup(kLegs, static_cast<std::size_t>(mode), language);
    return s[0] == '?' ? "" : s;
}

const char* languageName(Language language) {
    switch (language) {
    case Language::Zh: return "繁中";
    case Language::Ja: return "日本語";
    case Language::En: break;
    }
    return "English";
}

std::string dayTitle(int day, const std::vector<PartialDate>& days, Language language) {
    std::string s = term(Term::Day, language);
    const auto at = s.find("%d");
    if (at != std::string::npos) s.replace(at, 2, std::to_string(day + 1));
    if (day >= 0 && static_cast<std::size_t>(day) < days.size()) s += "  " + days[static_cast<std::size_t>(day)].toString();
    return s;
}

} // namespace geo
