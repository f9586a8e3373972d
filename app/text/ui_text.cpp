#include "text/ui_text.hpp"

#include <geo/briefing/vocabulary.hpp>

#include <array>

namespace app {

namespace {

using Row = std::array<const char*, 3>; // zh-Hant, ja, en

constexpr std::array<Row, static_cast<std::size_t>(Ui::Count)> kUi{{
    {"複製", "コピー", "Copy"},
    {"全部複製", "すべてコピー", "Copy all"},
    {"點選查看說明", "クリックで詳細", "Click for notes"},
    {"點選放大", "クリックで拡大", "Click to zoom in"},
    {"地名（任何語言）", "地名（どの言語でも）", "a place, in any language"},
    {"找不到", "見つかりません", "No match"},
    {"行程", "日程", "Trips"},
    {"播放", "再生", "Play"},
    {"暫停", "一時停止", "Pause"},
    {"天／秒", "日／秒", "days/s"},
    {"地點", "地点", "Sites"},
    {"底圖圖層", "背景地図", "Base layers"},
    {"所有年份", "すべての年", "All years"},
    {"顯示合作關係", "提携関係を表示", "Show partnerships"},
    {"顯示地名", "地名を表示", "Show labels"},
    {"側欄（Tab）", "サイドバー（Tab）", "Sidebar (Tab)"},
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

} // namespace

const char* ui(Ui key, geo::Language language) {
    const auto i = static_cast<std::size_t>(key);
    return i < kUi.size() ? kUi[i][geo::languageIndex(language)] : "?";
}

} // namespace app
