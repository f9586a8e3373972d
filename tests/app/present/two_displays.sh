#!/usr/bin/env bash
# Presenting on two displays, for real: a private Xvfb whose screen is split into two
# RandR monitors (xrandr --setmonitor), a laptop panel (primary) and a projector beside
# it, then `ktmap --present ... --capture-windows DIR`, which writes both windows' frames
# and where X has them. Then drives a live viewer with keys sent to either window and
# the presenter window's close button. Checks the placement (the map borderless over exactly the
# projector's monitor, the presenter window on the laptop's), --display, a projector of
# another size, and compares the frames with tests/app/two_displays/*.png
# (UPDATE=1 replaces them: look at them before committing).
#
# usage: two_displays.sh KTMAP IMAGE_COMPARE X_WINDOW_TOOL TESTS_DATA_DIR OUT_DIR
set -uo pipefail
ktmap=$(realpath "$1") compare=$(realpath "$2") tool=$(realpath "$3") data=$(realpath "$4") out=$(realpath -m "$5")
here=$(cd "$(dirname "$0")" && pwd)
expected=$here/two_displays
mkdir -p "$out"
rm -rf "${out:?}"/*
. "$here/private_displays.sh"

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

run() { # run CASE ARGS... : presents step 3 of a trip story and captures the windows
  local case=$1; shift
  echo "== $case: ktmap $*"
  (cd "$data" && timeout 120 "$ktmap" --no-settings --briefing briefing/shipped_2026-12.toml --present hsp-2025-02-kyushu --step 3 \
     --clock 14:05:00 --capture-windows "$out/$case" "$@") >"$out/$case.log" 2>&1
  local rc=$?
  cat "$out/$case.log"
  [ $rc -eq 0 ] || fail "$case: ktmap exited $rc"
  [ -f "$out/$case/windows.txt" ] && cat "$out/$case/windows.txt"
}

placed() { # placed CASE WINDOW GEOMETRY
  local got
  got=$(awk -v w="$2" '$1 == w { print $2 }' "$out/$1/windows.txt" 2>/dev/null)
  [ "$got" = "$3" ] || fail "$1: the $2 window is at '$got', expected $3"
}

image() { # image CASE FILE EXPECTED
  if [ "${UPDATE:-}" = 1 ]; then
    cp "$out/$1/$2" "$expected/$3" && echo "UPDATED $expected/$3: look at it before committing"
    return
  fi
  "$compare" "$out/$1/$2" "$expected/$3" "$out/$1/diff-$2" || fail "$1: $2 differs from $3"
}

# A laptop (primary) and a projector to its right: the map on the projector, the presenter window on the laptop.
monitors "LAPTOP 1920x1080+0+0 primary" "PROJECTOR 1920x1080+1920+0" || fail "xrandr --setmonitor"
run default
placed default map 1920x1080+1920+0
placed default presenter 1920x1080+0+0
grep -q "the map on PROJECTOR, the presenter window on LAPTOP" "$out/default.log" || fail "default: no placement message"
image default map.png map.png
image default presenter.png presenter.png

# The presenter window in Japanese and Chinese (the interface's words; the notes in the documents' language).
run japanese --lang ja
image japanese presenter.png presenter-ja.png

run chinese --lang zh
image chinese presenter.png presenter-zh.png

# --display 1: the map on the laptop's panel, the presenter window on the other.
run display-1 --display 1
placed display-1 map 1920x1080+0+0
placed display-1 presenter 1920x1080+1920+0

# A projector of another size, left of the laptop and named by --display: the map covers exactly it.
monitors "PROJ 1280x720+0+0" "LAPTOP 1920x1080+1280+0 primary" || fail "xrandr --setmonitor"
run small-projector --display proj
placed small-projector map 1280x720+0+0
placed small-projector presenter 1920x1080+1280+0

# One display (the two monitors mirrored): no presenter window, full screen as before.
monitors "LAPTOP 1920x1080+0+0 primary" "MIRROR 1920x1080+0+0" || fail "xrandr --setmonitor"
run mirrored
placed mirrored presenter none

# --display naming no display: the default, and the message.
monitors "LAPTOP 1920x1080+0+0 primary" "PROJECTOR 1920x1080+1920+0" || fail "xrandr --setmonitor"
run no-such-display --display 7
placed no-such-display map 1920x1080+1920+0
grep -q -- "--display 7: there is no such display (1 LAPTOP 1920x1080+0+0 (primary), 2 PROJECTOR 1920x1080+1920+0)" \
  "$out/no-such-display.log" || fail "no-such-display: no message"

# A live viewer, driven as a presenter would: keys in either window, then leaving by the
# presenter window's close button and by Esc; the window comes back as it was (--size).
map_title="Taiwan–Kyushu cooperation map"
presenter_title="Presenter — Taiwan–Kyushu cooperation map"
echo "== live: keys and leaving"
(cd "$data" && SPDLOG_LEVEL=debug timeout 120 "$ktmap" --no-settings --briefing briefing/shipped_2026-12.toml \
   --present hsp-2025-02-kyushu --size 1280x720 --clock 14:05:00) >"$out/live.log" 2>&1 &
live=$!
window_at() { "$tool" list | awk -F '\t' -v t="$1" '$2 == t { print $1 }'; }
wait_until() { # wait_until "CONDITION" (a shell test, retried for 10 s)
  for _ in $(seq 100); do eval "$1" && return 0; sleep 0.1; done
  return 1
}
last_step() { grep -o "presenting 'hsp-2025-02-kyushu': step [0-9]* / 7" "$out/live.log" | tail -1 | awk '{ print $4 }'; }
stepped() { wait_until '[ "$(last_step)" = '"$1"' ]' || fail "live: at step $(last_step), not $1 ($2)"; }
wait_until '[ "$(window_at "$presenter_title")" = 1920x1080+0+0 ]' || fail "live: no presenter window on the laptop"
[ "$(window_at "$map_title")" = 1920x1080+1920+0 ] || fail "live: the map is at '$(window_at "$map_title")', not on the projector"
"$tool" key "$presenter_title" Next && stepped 2 "PageDown in the presenter window"
"$tool" key "$map_title" space && stepped 3 "Space in the map window"
"$tool" key "$presenter_title" Left && stepped 2 "Left in the presenter window"
"$tool" key "$map_title" 6 && "$tool" key "$presenter_title" Return && stepped 6 "6 in the map window, Enter in the presenter window"
"$tool" key "$presenter_title" Home && stepped 1 "Home in the presenter window"
"$tool" close "$presenter_title"
wait_until '[ -z "$(window_at "$presenter_title")" ] && [ "$(window_at "$map_title" | cut -d+ -f1)" = 1280x720 ]' ||
  fail "live: closing the presenter window did not leave presentation ($("$tool" list | tr '\n' ' '))"
"$tool" key "$map_title" p # present again (the same story, from its first step)
wait_until '[ "$(window_at "$presenter_title")" = 1920x1080+0+0 ]' || fail "live: P did not present on two displays again"
"$tool" key "$presenter_title" b
"$tool" key "$presenter_title" Escape # brings the picture back
"$tool" key "$presenter_title" Escape # leaves
wait_until '[ -z "$(window_at "$presenter_title")" ] && [ "$(window_at "$map_title" | cut -d+ -f1)" = 1280x720 ]' ||
  fail "live: Esc did not leave presentation ($("$tool" list | tr '\n' ' '))"
"$tool" key "$map_title" q ctrl
wait $live
rc=$?
[ $rc -eq 0 ] || { fail "live: ktmap exited $rc"; grep -v debug "$out/live.log"; }

if ((failures)); then echo "$failures failure(s); frames and logs in $out"; exit 1; fi
echo "two displays: all checks passed"
