#!/usr/bin/env bash
# A part of the frame drawn from its copy is that part drawn directly: the same view as a
# still window shows it after several frames, and drawn every frame with the copy turned
# off, compared pixel for pixel; the log must say the copy was used.
#
# sidebar (PanelCache): the copy is used once the panel has not changed for a few frames
#   (--frames 20). Drawn into its copy at an offset, an anti-aliased edge may round 1/255
#   apart: the threshold 0.02 lets that through and nothing a person could see (a stale or
#   shifted sidebar differs in thousands of pixels).
# map (MapCache): the copy is used from the third frame held still (--frames 4); it is the
#   same clear and the same draws into the same pixels, so no tolerance at all. A stale
#   copy (another view, a level or style not yet in it) differs in thousands of pixels.
#
# usage: copy_check.sh sidebar|map KTMAP IMAGE_COMPARE TESTS_DATA_DIR OUT_DIR
set -uo pipefail
kind=$1
ktmap=$(realpath "$2") compare=$(realpath "$3") data=$(realpath "$4") out=$(realpath -m "$5")
case $kind in
sidebar) off=KTMAP_NO_PANEL_CACHE frames=20 threshold=0.02 used="the sidebar was drawn from its copy" ;;
map) off=KTMAP_NO_MAP_CACHE frames=4 threshold=0 used="the map was drawn from its copy" ;;
*) echo "usage: $0 sidebar|map KTMAP IMAGE_COMPARE TESTS_DATA_DIR OUT_DIR"; exit 2 ;;
esac
mkdir -p "$out"
cd "$data" || exit 1
status=0
run_case() { # name, then the viewer's arguments
    local name=$1
    shift
    env "$off=1" "$ktmap" --no-settings --size 1280x720 --screenshot "$out/$name-direct.png" "$@" \
        >"$out/$name-direct.log" 2>&1 || { echo "FAIL $name: the viewer did not exit 0 (direct)"; cat "$out/$name-direct.log"; return 1; }
    if grep -q "$used" "$out/$name-direct.log"; then
        echo "FAIL $name: $off=1 did not turn the copy off"; return 1
    fi
    "$ktmap" --no-settings --size 1280x720 --frames "$frames" --screenshot "$out/$name-copy.png" "$@" \
        >"$out/$name-copy.log" 2>&1 || { echo "FAIL $name: the viewer did not exit 0 (copy)"; cat "$out/$name-copy.log"; return 1; }
    grep -q "$used" "$out/$name-copy.log" || { echo "FAIL $name: not: $used"; cat "$out/$name-copy.log"; return 1; }
    # No pixel may differ by more than the threshold.
    "$compare" "$out/$name-copy.png" "$out/$name-direct.png" "$out/$name-diff.png" 0 "$threshold" ||
        { echo "FAIL $name: the copy differs from the $kind drawn directly (see $out/$name-diff.png)"; return 1; }
    echo "ok $name"
}
briefing=briefing/shipped_2026-12.toml
if [ "$kind" = sidebar ]; then
    run_case trip --briefing "$briefing" --trip hsp-2025-02-kyushu || status=1
    run_case notes-ja --briefing "$briefing" --select kumamoto --lang ja || status=1
    run_case year-zh --briefing "$briefing" --lang zh --year 2015 || status=1
else
    run_case overview --briefing "" || status=1
    run_case kyushu --briefing "" --view 130.75,32.55,8.4 || status=1
    run_case trip --briefing "$briefing" --trip hsp-2025-02-kyushu || status=1
    run_case hsinchu-projector --briefing "$briefing" --present --view 120.99,24.80,11 || status=1
fi
exit $status
