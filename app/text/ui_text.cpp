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
    {"上次 %s", "前回 %s", "last time %s"},
    {"剩餘 %s", "残り %s", "%s left"},
    {"超時 %s", "%s 超過", "%s over"},
    {"落後進度 %s", "予定より %s 遅れ", "%s behind plan"},
    {"離開步驟中：按 Z 返回", "寄り道中：Z でステップに戻る", "Detour: press Z to return to the step"},
    {"雷射筆（L）", "レーザー（L）", "Laser (L)"},
    {"聚光燈（S）", "スポットライト（S）", "Spotlight (S)"},
    {"畫筆（D）", "ペン（D）", "Pen (D)"},
    {"螢光筆（H）", "蛍光ペン（H）", "Highlighter (H)"},
    {"顏色（C）", "色（C）", "Colour (C)"},
    {"復原（U）", "元に戻す（U）", "Undo (U)"},
    {"清除（X）", "消去（X）", "Clear (X)"},
    {"存入簡報（K）", "ブリーフィングに保存（K）", "Keep in briefing (K)"},
    {"返回步驟（Z）", "ステップに戻る（Z）", "Back to step (Z)"},
    {"目標 %s", "目標 %s", "target %s"},
    {"未設定目標時間", "目標時間なし", "no target"},
    {"目標 −5 分", "目標 −5分", "target −5 min"},
    {"目標 +5 分", "目標 +5分", "target +5 min"},
    {"L 雷射筆 · S 聚光燈（滾輪調整大小，點選地點固定）· D 畫筆 · H 螢光筆 · C 顏色 · U 復原 · X 清除 · K 存入簡報 · Shift＋拖曳 框選放大 · Z 返回步驟 · W 講者視窗",
     "L レーザー · S スポットライト（ホイールで大きさ、地点クリックで固定）· D ペン · H 蛍光ペン · C 色 · U 元に戻す · X 消去 · K 保存 · Shift＋ドラッグ 範囲ズーム · Z ステップに戻る · W 発表者ウィンドウ",
     "L laser · S spotlight (wheel: size, click a site: stay on it) · D pen · H highlighter · C colour · U undo · X clear · K keep in the briefing · Shift+drag: zoom box · Z back to the step · W presenter window"},
}};

} // namespace

const char* ui(Ui key, geo::Language language) {
    const auto i = static_cast<std::size_t>(key);
    return i < kUi.size() ? kUi[i][geo::languageIndex(language)] : "?";
}

} // namespace app
