#!/usr/bin/env bash
# usage: disk_full.sh KTMAP BRIEFING OUT_DIR
# Every export into a folder on a file system that is full before it ends: the export says
# so (naming the space), exits non-zero, and leaves nothing there: no half file, no temporary
# file. Needs a small tmpfs mounted for it (root); where one cannot be mounted it exits 77
# (Skipped).
set -u
ktmap=$1 briefing=$2 out=$3
rm -rf "$out" && mkdir -p "$out/full" || exit 1
if ! mount -t tmpfs -o size=512k tmpfs "$out/full" 2>/dev/null; then
  echo "SKIP: cannot mount a small tmpfs here (needs root and mount rights)"
  exit 77
fi
trap 'umount "$out/full" 2>/dev/null' EXIT
fail=0
# NAME, then the command's arguments (the output goes under $out/full).
run() {
  local name=$1
  shift
  rm -rf "$out/full/"* "$out/full/".[!.]* 2>/dev/null
  # All but 48 KB taken: every export (the smallest, a KMZ, is about 130 KB) runs out.
  local free
  free=$(df -k --output=avail "$out/full" | tail -1)
  dd if=/dev/zero of="$out/full/filler" bs=1k count=$((free - 48)) 2>/dev/null
  "$ktmap" --briefing "$briefing" "$@" >"$out/$name.log" 2>&1
  local rc=$?
  rm -f "$out/full/filler"
  local left
  left=$(ls -A "$out/full" | tr '\n' ' ')
  if [ $rc -ne 0 ] && grep -qi 'no space left on device\|disk is full\|database or disk is full' "$out/$name.log" && [ -z "$(find "$out/full" -type f)" ]; then
    echo "ok: $name: said the disk is full, exit $rc, nothing left"
  else
    echo "FAIL: $name: exit $rc, left: [$left]"
    tail -5 "$out/$name.log"
    fail=1
  fi
}
run video --export-story nycu-kyushu-2025-07-forum --out "$out/full" --video --size 1280x720
for extra in "$(dirname "$0")"/disk_full.d/*.sh; do
  [ -e "$extra" ] && . "$extra"
done
exit $fail
