#!/usr/bin/env bash
# Runs a command with an X display: the current one, or a private Xvfb of its own. Without
# either it exits 77, which ctest reports as Skipped.
# The private server picks its own free display number (-displayfd): `xvfb-run -a` guesses
# one from the lock files, and two tests started at once (ctest -j2) can guess the same.
if [ -n "${DISPLAY:-}" ] && xdpyinfo >/dev/null 2>&1 || { [ -n "${DISPLAY:-}" ] && ! command -v xdpyinfo >/dev/null; }; then
  exec "$@"
fi
command -v Xvfb >/dev/null || { echo "SKIP: no X display and no Xvfb (.ci/install-deps installs it)"; exit 77; }
dir=$(mktemp -d) || exit 1
Xvfb -displayfd 5 -screen 0 1920x1080x24 -nolisten tcp 5>"$dir/display" 2>"$dir/xvfb.log" &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; wait $xvfb 2>/dev/null; rm -rf "$dir"' EXIT
trap 'exit 143' TERM INT
for _ in $(seq 100); do [ -s "$dir/display" ] && break; sleep 0.1; done
[ -s "$dir/display" ] || { echo "FAIL: Xvfb did not start"; cat "$dir/xvfb.log"; exit 1; }
DISPLAY=:$(head -1 "$dir/display") "$@"
