#!/usr/bin/env bash
# The sidebar drawn from its copy (PanelCache) is the sidebar drawn directly: the same
# view as a still window shows it after many frames (--frames 20: the copy is used once the
# panel has not changed for a few frames) and drawn every frame (KTMAP_NO_PANEL_CACHE=1),
# compared pixel for pixel; the log must say the copy was used. Drawn into its copy at an
# offset, an anti-aliased edge may round 1/255 apart: the threshold 0.02 lets that through
# and nothing a person could see (a stale or shifted sidebar differs in thousands of pixels).
#
# usage: panel_copy.sh KTMAP IMAGE_COMPARE TESTS_DATA_DIR OUT_DIR
set -uo pipefail
ktmap=$(realpath "$1") compare=$(realpath "$2") data=$(realpath "$3") out=$(realpath -m "$4")
mkdir -p "$out"
cd "$data" || exit 1
status=0
run_case() { # name, then the viewer's arguments
    local name=$1
    shift
    KTMAP_NO_PANEL_CACHE=1 "$ktmap" --no-settings --size 1280x720 --screenshot "$out/$name-direct.png" "$@" \
        >"$out/$name-direct.log" 2>&1 || { echo "FAIL $name: the viewer did not exit 0 (direct)"; cat "$out/$name-direct.log"; return 1; }
    "$ktmap" --no-settings --size 1280x720 --frames 20 --screenshot "$out/$name-copy.png" "$@" \
        >"$out/$name-copy.log" 2>&1 || { echo "FAIL $name: the viewer did not exit 0 (copy)"; cat "$out/$name-copy.log"; return 1; }
    grep -q "the sidebar was drawn from its copy" "$out/$name-copy.log" ||
        { echo "FAIL $name: the sidebar was not drawn from its copy"; cat "$out/$name-copy.log"; return 1; }
    # No pixel may differ by more than rounding.
    "$compare" "$out/$name-copy.png" "$out/$name-direct.png" "$out/$name-diff.png" 0 0.02 ||
        { echo "FAIL $name: the copy differs from the sidebar drawn directly (see $out/$name-diff.png)"; return 1; }
    echo "ok $name"
}
briefing=briefing/shipped_2026-12.toml
run_case trip --briefing "$briefing" --trip hsp-2025-02-kyushu || status=1
run_case notes-ja --briefing "$briefing" --select kumamoto --lang ja || status=1
run_case year-zh --briefing "$briefing" --lang zh --year 2015 || status=1
exit $status
