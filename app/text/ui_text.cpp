#include "text/ui_text.hpp"

#include <array>

namespace app {

namespace {

using Row = std::array<const char*, 3>; // zh-Hant, ja, en

constexpr std::array<Row, static_cast<std::size_t>(Ui::Count)> kUi{{
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
    {"複製", "コピー", "Copy"},
    {"全部複製", "すべてコピー", "Copy all"},
    {"章節", "節", "section"},
    {"點選查看說明", "クリックで詳細", "Click for notes"},
    {"搜尋", "検索", "Search"},
    {"地名（任何語言）", "地名（どの言語でも）", "a place, in any language"},
    {"找不到", "見つかりません", "No match"},
    {"行程", "日程", "Trips"},
    {"訪問", "訪問", "Trip"},
    {"活動", "行事", "Event"},
    {"每日行程", "日ごとの日程", "Day by day"},
    {"第%d天", "%d日目", "Day %d"},
    {"播放", "再生", "Play"},
    {"暫停", "一時停止", "Pause"},
    {"速度", "速度", "Speed"},
    {"天／秒", "日／秒", "days/s"},
    {"時間軸", "タイムライン", "Timeline"},
    {"全部顯示", "すべて表示", "Show all"},
    {"全部隱藏", "すべて非表示", "Hide all"},
    {"定位", "表示", "Frame"},
    {"圖例", "凡例", "Legend"},
    {"地點", "地点", "Sites"},
    {"底圖圖層", "背景地図", "Base layers"},
    {"語言", "言語", "Language"},
    {"里程碑", "経緯", "Milestones"},
    {"參與方", "当事者", "Parties"},
    {"年份", "年", "Year"},
    {"所有年份", "すべての年", "All years"},
    {"合作類型", "提携の種類", "Partnership kinds"},
    {"顯示合作關係", "提携関係を表示", "Show partnerships"},
    {"顯示地名", "地名を表示", "Show labels"},
    {"團長", "団長", "Leader"},
    {"成員", "団員", "Members"},
    {"日期", "日付", "Dates"},
    {"側欄（Tab）", "サイドバー（Tab）", "Sidebar (Tab)"},
    {"距離", "距離", "Distance"},
    {"地圖外", "地図の外", "Off the map"},
    {"個地點", "か所", "places"},
    {"點選放大", "クリックで拡大", "Click to zoom in"},
    {"簡報（P）", "プレゼン（P）", "Stories (P presents)"},
    {"現在", "現在", "Now"},
    {"下一步", "次", "Next"},
    {"最後一步", "最後のステップ", "Last step"},
    {"已進行", "経過", "elapsed"},
    {"投影畫面已變黑（B 恢復）", "投影画面は黒です（B で戻す）", "Projector blanked (B brings it back)"},
    {"跳至第 %s 步（Enter）", "ステップ %s へ（Enter）", "Go to step %s (Enter)"},
    {"步驟間直接切換（R：飛行）", "ステップ間は切り替え（R：飛行）", "Steps cut (R: fly)"},
    {"步驟間飛行（R：直接切換）", "ステップ間は飛行（R：切り替え）", "Steps fly (R: cut)"},
    {"PgDn／→／空白 下一步 · PgUp／← 上一步 · Home 第一步 · B 黑畫面 · 數字＋Enter 跳至該步 · Esc 結束",
     "PgDn／→／スペース 次 · PgUp／← 前 · Home 最初 · B 黒画面 · 数字＋Enter そのステップへ · Esc 終了",
     "PgDn / → / Space next · PgUp / ← back · Home first · B blank · 12 Enter: step 12 · Esc leave"},
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

template <std::size_t N>
const char* lookup(const std::array<Row, N>& table, std::size_t i, geo::Language language) {
    return i < N ? table[i][langIndex(language)] : "?";
}

} // namespace

const char* ui(Ui key, geo::Language language) { return lookup(kUi, static_cast<std::size_t>(key), language); }
const char* kindLabel(geo::SiteKind kind, geo::Language language) {
    return lookup(kKinds, static_cast<std::size_t>(kind), language);
}
const char* kindLabelPlural(geo::SiteKind kind, geo::Language language) {
    return lookup(kKindsPlural, static_cast<std::size_t>(kind), language);
}
const char* partnershipKindLabel(geo::PartnershipKind kind, geo::Language language) {
    return lookup(kPartnershipKinds, static_cast<std::size_t>(kind), language);
}
const char* legLabel(geo::LegMode mode, geo::Language language) {
    const char* s = lookup(kLegs, static_cast<std::size_t>(mode), language);
    return s[0] == '?' ? "" : s;
}

const char* languageName(geo::Language language) {
    switch (language) {
    case geo::Language::Zh: return "繁中";
    case geo::Language::Ja: return "日本語";
    case geo::Language::En: break;
    }
    return "English";
}

LocalName localName(const geo::Site& site, geo::Language language) {
    return {std::string(geo::displayName(site, language)), geo::displayLanguage(site, language)};
}

const std::string& pick(const std::string& source, const std::string& english, geo::Language language) {
    if (language == geo::Language::En) return english.empty() ? source : english;
    return source.empty() ? english : source;
}

} // namespace app
