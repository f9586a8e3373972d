# A private X server whose screen is split into monitors, for the presenting tests
# (two_displays.sh, live_tools.sh): sourced with $out set. Skips (77) without Xvfb or xrandr;
# starts Xvfb on a display it picks itself (-displayfd), exports DISPLAY, stops it on exit, and
# defines monitors "NAME WxH+X+Y [primary]"... to set the RandR monitors.
for tool_needed in Xvfb xrandr; do
  command -v "$tool_needed" >/dev/null || { echo "SKIP: $tool_needed is not installed (.ci/install-deps installs it)"; exit 77; }
done

# 3840x2160, two 1920x1080 monitors on its top half: SFML 2.5 centres a new window using
# Xvfb's screen size with width and height swapped, and a window created wholly outside
# the screen is never reported mapped (SFML waits for it); a square-enough screen keeps
# the first position on it. -noreset: the monitors stay when xrandr disconnects.
Xvfb -displayfd 5 -screen 0 3840x2160x24 -nolisten tcp -noreset 5>"$out/display" 2>"$out/xvfb.log" &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; wait $xvfb 2>/dev/null' EXIT
for _ in $(seq 100); do [ -s "$out/display" ] && break; sleep 0.1; done
[ -s "$out/display" ] || { echo "FAIL: Xvfb did not start"; cat "$out/xvfb.log"; exit 1; }
export DISPLAY=:$(head -1 "$out/display")
output=$(xrandr | awk '/ connected/ { print $1; exit }')

monitors() { # monitors "NAME WxH+X+Y [primary]"...
  for m in $(xrandr --listmonitors | awk 'NR > 1 { print $2 }' | tr -d '*+'); do xrandr --delmonitor "$m" >/dev/null 2>&1; done
  local first=1
  for spec in "$@"; do
    set -- $spec
    local name=$1 geometry=$2 primary=${3:-}
    [ -n "$primary" ] && name="*$name"
    local w=${geometry%%x*} rest=${geometry#*x}
    local h=${rest%%+*} pos=${rest#*+}
    # The first monitor takes the screen's output (replacing its automatic monitor).
    local outputs=none
    if ((first)); then outputs=$output; first=0; fi
    xrandr --setmonitor "$name" "$w/$((w / 4))x$h/$((h / 4))+$pos" "$outputs" >/dev/null || return 1
  done
  xrandr --listmonitors
}

