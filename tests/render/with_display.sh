#!/usr/bin/env bash
# Runs a command with an X display: the current one, or a private Xvfb. Without either it
# exits 77, which ctest reports as Skipped.
if [ -n "${DISPLAY:-}" ] && xdpyinfo >/dev/null 2>&1 || { [ -n "${DISPLAY:-}" ] && ! command -v xdpyinfo >/dev/null; }; then
  exec "$@"
fi
command -v xvfb-run >/dev/null || { echo "SKIP: no X display and no xvfb-run (.ci/install-deps installs it)"; exit 77; }
exec xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp" "$@"
