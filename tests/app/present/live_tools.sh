#!/usr/bin/env bash
# The presenter's live tools, driven as a presenter would through the X test tool, on a
# private Xvfb split into a laptop panel and a projector (as two_displays.sh): the laser
# (its dot where the pointer is, gone a second after it), the spotlight (the map dimmed
# outside its circle, and back), the pen (a stroke on the map that moves with it, undone),
# a detour (a pan, a zoom box) and Z back to the step exactly as it was, K keeping the ink in
# (a copy of) the briefing file with every other byte kept and a backup, the story export
# drawing it, then the rehearsal
# timings kept in the XDG state folder and read by the next run, and a corrupt timings file
# set aside. Then rehearsing with one display: the map and the presenter window side by side.
# What the projector shows is read back from the screen (x_window_tool pixel / shot).
#
# usage: live_tools.sh KTMAP IMAGE_COMPARE X_WINDOW_TOOL TESTS_DATA_DIR OUT_DIR
set -uo pipefail
ktmap=$(realpath "$1") compare=$(realpath "$2") tool=$(realpath "$3") data=$(realpath "$4") out=$(realpath -m "$5")
mkdir -p "$out"
rm -rf "${out:?}"/*
here=$(cd "$(dirname "$0")" && pwd)
. "$here/private_displays.sh"
monitors "LAPTOP 1920x1080+0+0 primary" "PROJECTOR 1920x1080+1920+0" || { echo "FAIL: xrandr --setmonitor"; exit 1; }

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
map_title="Taiwan–Kyushu cooperation map"
presenter_title="Presenter — Taiwan–Kyushu cooperation map"
window_at() { "$tool" list | awk -F '\t' -v t="$1" '$2 == t { print $1 }'; }
wait_until() { # wait_until "CONDITION" (a shell test, retried for 10 s)
  for _ in $(seq 100); do eval "$1" && return 0; sleep 0.1; done
  return 1
}
# The projector's pixel at map-window coordinates X Y: "R G B".
pixel() { "$tool" pixel $((1920 + $1)) "$2"; }
brightness() { pixel "$1" "$2" | awk '{ print $1 + $2 + $3 }'; }
is_laser() { pixel "$1" "$2" | awk '{ exit !($1 > 200 && $2 < 90 && $3 < 90) }'; }
is_magenta() { pixel "$1" "$2" | awk '{ exit !($1 > 140 && $2 < 80 && $3 > 60) }'; }
shot() { "$tool" shot "$out/$1.png" 1920 0 1920 1080; }
same() { "$compare" "$out/$1.png" "$out/$2.png" "$out/diff-$1-$2.png" >/dev/null; }
key() { "$tool" key "$map_title" "$@"; sleep 0.3; }

export XDG_CONFIG_HOME="$out/config" XDG_STATE_HOME="$out/state"
timings="$out/state/ktmap/rehearsal.toml"
briefing="$out/briefing.toml" # a copy: K writes into it
cp "$data/briefing/shipped_2026-12.toml" "$briefing"
cp "$briefing" "$out/briefing-as-shipped.toml"
start() { # start LOG ARGS...: a live viewer presenting step 3 of the Hsinchu story
  local log=$1; shift
  (cd "$data" && SPDLOG_LEVEL=debug timeout 180 "$ktmap" --briefing "$briefing" --present hsp-2025-02-kyushu \
     --step 3 --clock 14:05:00 --reduced-motion "$@") >"$out/$log" 2>&1 &
  live=$!
}
finish() { # finish LOG: Esc leaves presenting, Ctrl+Q quits, the exit code checked
  "$tool" key "$map_title" Escape
  sleep 0.5
  "$tool" key "$map_title" q ctrl
  wait $live
  local rc=$?
  [ $rc -eq 0 ] || { fail "$1: ktmap exited $rc"; grep -v debug "$out/$1"; }
}

echo "== the tools on two displays"
start live.log --target 10m
wait_until '[ "$(window_at "$presenter_title")" = 1920x1080+0+0 ] && [ "$(window_at "$map_title")" = 1920x1080+1920+0 ]' ||
  fail "the windows are not on the laptop and the projector ($("$tool" list | tr '\n' ' '))"
sleep 1
shot step

# The laser: its dot under the pointer, the trail gone a second after the pointer moved on.
key l
"$tool" move "$map_title" 600 400
sleep 0.4
is_laser 600 400 || fail "laser: no red dot under the pointer at 600,400 ($(pixel 600 400))"
"$tool" move "$map_title" 1300 700
sleep 1.6
is_laser 1300 700 || fail "laser: no red dot at 1300,700 ($(pixel 1300 700))"
is_laser 600 400 && fail "laser: the dot is still at 600,400 after 1.6 s"
shot laser
key l
sleep 0.4
is_laser 1300 700 && fail "laser: L did not turn it off"

# The spotlight: outside its circle the map is dimmed, inside it is not; off, the map comes back.
"$tool" move "$map_title" 600 400
far_before=$(brightness 1700 250) near_before=$(brightness 620 410)
key s
sleep 0.8
far=$(brightness 1700 250) near=$(brightness 620 410)
[ "$far" -lt $((far_before * 6 / 10)) ] || fail "spotlight: 1700,250 is not dimmed ($far_before -> $far)"
[ "$near" -ge $((near_before * 9 / 10)) ] || fail "spotlight: 620,410 inside the circle was dimmed ($near_before -> $near)"
shot spotlight
"$tool" wheel "$map_title" 600 400 up # larger: the wheel is the spotlight's, the map does not zoom
sleep 0.4
key s
sleep 0.8
[ "$(brightness 1700 250)" -eq "$far_before" ] || fail "spotlight: off, 1700,250 is $(brightness 1700 250), not $far_before"
"$tool" move "$map_title" 1900 1070
sleep 0.3
shot after-spotlight
same step after-spotlight || fail "spotlight: the wheel moved the map or the dimming stayed (diff-step-after-spotlight.png)"

# The pen: a stroke where it was drawn; it moves with the map; Z brings the step back with it.
key d
"$tool" drag "$map_title" 500 300 900 300 16
key d
"$tool" move "$map_title" 1900 1070
sleep 0.4
is_magenta 700 300 || fail "ink: no pen stroke at 700,300 ($(pixel 700 300))"
shot ink
"$tool" drag "$map_title" 1000 600 1100 650 10 # a pan: a detour
sleep 0.4
is_magenta 800 350 || fail "ink: the stroke did not move with the map to 800,350 ($(pixel 800 350))"
is_magenta 700 300 && [ "$(pixel 700 300)" = "$(pixel 800 350)" ] && is_magenta 650 300 && fail "ink: the stroke stayed on the screen"
grep -q "presenter: on the step already" "$out/live.log" && fail "detour: reported on the step before any"
key z
sleep 0.6
"$tool" move "$map_title" 1900 1070
sleep 0.3
shot back-from-pan
same ink back-from-pan || fail "detour: Z did not bring the step back exactly (diff-ink-back-from-pan.png)"

# K keeps it in the briefing: appended to step 3, every other byte kept, the file as it was
# beside it; the map reloads it and draws it as the step's own.
key k
wait_until 'grep -q "story.step.annotation" "$briefing"' || fail "keep: no [[story.step.annotation]] in $briefing"
cmp -s "$briefing.bak" "$out/briefing-as-shipped.toml" || fail "keep: $briefing.bak is not the file as it was"
removed=$(diff "$out/briefing-as-shipped.toml" "$briefing" | grep -c '^<')
[ "$removed" -eq 0 ] || fail "keep: $removed line(s) of the briefing changed or went"
added=$(diff "$out/briefing-as-shipped.toml" "$briefing" | grep '^>' | tr -d '>' | tr '\n' ' ')
echo "keep added:$added"
wait_until 'grep -q "reloaded $briefing" "$out/live.log"' || fail "keep: the map did not reload $briefing"
sleep 0.5
"$tool" move "$map_title" 1900 1070
sleep 0.3
shot kept
is_magenta 700 300 || fail "keep: the kept stroke is not on the step after the reload ($(pixel 700 300))"
same ink kept || fail "keep: the kept stroke is not drawn as it was (diff-ink-kept.png)"
# A new stroke, undone; the kept one stays (it is the briefing's now).
key d
"$tool" drag "$map_title" 500 500 900 500 16
key d
"$tool" move "$map_title" 1900 1070
sleep 0.3
is_magenta 700 500 || fail "ink: no second stroke at 700,500 ($(pixel 700 500))"
key u
sleep 0.3
is_magenta 700 500 && fail "ink: U did not undo the second stroke"
is_magenta 700 300 || fail "ink: U took the kept stroke"

# A zoom box (Shift + drag) flies in; Z comes back to the step exactly.
"$tool" keydown "$map_title" Shift_L
"$tool" drag "$map_title" 700 250 1100 500 10
"$tool" keyup "$map_title" Shift_L
sleep 0.6
"$tool" move "$map_title" 1900 1070
sleep 0.3
shot zoomed
same kept zoomed && fail "zoom box: the map did not zoom"
key z
sleep 0.6
shot back-from-zoom
same kept back-from-zoom || fail "zoom box: Z did not bring the step back exactly (diff-kept-back-from-zoom.png)"
key z
grep -q "presenter: on the step already" "$out/live.log" || fail "detour: Z on the step did not say so"

# A presenter window for the record (look at it): the tools' buttons, the countdown.
"$tool" shot "$out/presenter.png" 0 0 1920 1080
key Next
sleep 1.2
finish live.log
grep -q "rehearsal: the times of 'hsp-2025-02-kyushu' kept in $timings" "$out/live.log" || fail "rehearsal: the run's times were not kept"
if [ -f "$timings" ]; then
  cat "$timings"
  grep -q '^\[stories.hsp-2025-02-kyushu\]' "$timings" || fail "rehearsal: no [stories.hsp-2025-02-kyushu] in $timings"
  step3=$(awk -F '[][,]' '/^seconds/ { print $4 }' "$timings" | tr -d ' ')
  awk -v s="${step3:-0}" 'BEGIN { exit !(s >= 5) }' || fail "rehearsal: step 3 shown ${step3:-?} s, expected at least 5"
  ls "$(dirname "$timings")" | grep -q tmp && fail "rehearsal: a temporary file was left beside $timings"
else
  fail "rehearsal: $timings was not written"
fi

echo "== the story export draws the kept ink, and no live tool"
(cd "$data" && timeout 120 "$ktmap" --briefing "$briefing" --export-story hsp-2025-02-kyushu --out "$out/export" --size 1920x1080 \
   --laser 600,400) >"$out/export.log" 2>&1 || fail "export: ktmap failed ($(tail -3 "$out/export.log"))"
same_files() { "$compare" "$1" "$2" "$3" >/dev/null; }
same_files "$out/export/1920x1080/hsp-2025-02-kyushu/03.png" "$out/kept.png" "$out/diff-export-kept.png" ||
  fail "export: step 3 is not the projector's frame with its kept ink (diff-export-kept.png)"

echo "== the next run reads the times; a corrupt file is set aside"
start second.log
wait_until '[ -n "$(window_at "$presenter_title")" ]' || fail "second run: no presenter window"
sleep 0.5
finish second.log
grep -q "rehearsal: the last run's times of 1 stories, from $timings" "$out/second.log" || fail "rehearsal: the second run did not read the times"
printf 'stories = [ not toml\n' >"$timings"
start corrupt.log
wait_until '[ -n "$(window_at "$presenter_title")" ]' || fail "corrupt run: no presenter window"
sleep 0.5
finish corrupt.log
grep -q "rehearsal.toml:1:.*the rehearsal timings cannot be read" "$out/corrupt.log" || fail "rehearsal: no message for the corrupt file"
[ -f "$timings.corrupt" ] || fail "rehearsal: the corrupt file was not set aside"
grep -q '^\[stories.hsp-2025-02-kyushu\]' "$timings" 2>/dev/null || fail "rehearsal: the corrupt run's times were not written afresh"

echo "== rehearsing with one display: the map and the presenter window side by side"
monitors "LAPTOP 1920x1080+0+0 primary" || fail "xrandr --setmonitor"
start rehearse.log --rehearse --size 1280x720
wait_until '[ -n "$(window_at "$presenter_title")" ]' || fail "--rehearse: no presenter window ($("$tool" list | tr '\n' ' '))"
sleep 0.5
"$tool" list
[ "$(window_at "$map_title")" = 1152x648+0+0 ] || fail "--rehearse: the map window is at '$(window_at "$map_title")', not 1152x648+0+0"
[ "$(window_at "$presenter_title" | cut -d+ -f2-)" = 1152+0 ] || fail "--rehearse: the presenter window is not beside the map"
"$tool" key "$map_title" w # W closes it, and opens it again
wait_until '[ -z "$(window_at "$presenter_title")" ]' || fail "W did not close the presenter window"
"$tool" key "$map_title" w
wait_until '[ -n "$(window_at "$presenter_title")" ]' || fail "W did not open the presenter window again"
"$tool" shot "$out/rehearse.png" 0 0 1920 1080
finish rehearse.log

if ((failures)); then echo "$failures failure(s); frames and logs in $out"; exit 1; fi
echo "live tools: all checks passed"
