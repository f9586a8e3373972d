#!/usr/bin/env bash
# usage: inputs_refused.sh KTMAP BRIEFING OUT_DIR
# Every output that names one of the run's inputs (the briefing, the palette) is refused with
# the message, and the input keeps every byte.
set -u
ktmap=$1 briefing=$2 out=$3
rm -rf "$out" && mkdir -p "$out" || exit 1
cp "$briefing" "$out/briefing.toml"
before=$(sha256sum < "$out/briefing.toml")
fail=0
refused() { # NAME ARGS...: the command must fail, saying it refuses, and leave the briefing as it was
  local name=$1
  shift
  "$ktmap" --briefing "$out/briefing.toml" "$@" >"$out/$name.log" 2>&1
  local rc=$?
  if [ $rc -ne 0 ] && grep -q 'refusing to overwrite an input file' "$out/$name.log" && [ "$(sha256sum < "$out/briefing.toml")" = "$before" ]; then
    echo "ok: $name refused"
  else
    echo "FAIL: $name: exit $rc"; tail -3 "$out/$name.log"; fail=1
  fi
}
refused screenshot --screenshot "$out/briefing.toml"
refused geojson --export "$out/./briefing.toml"
mkdir -p "$out/videos" && ln -sf "$out/briefing.toml" "$out/videos/nycu-kyushu-2025-07-forum.mp4"
refused video --export-story nycu-kyushu-2025-07-forum --out "$out/videos" --video --size 640x360
for extra in "$(dirname "$0")"/inputs_refused.d/*.sh; do
  [ -e "$extra" ] && . "$extra"
done
exit $fail
