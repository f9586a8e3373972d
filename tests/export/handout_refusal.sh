#!/usr/bin/env bash
# The handout never writes over its input nor into a folder it cannot make: the briefing named as
# the output is refused and left as it was; a folder that cannot be made is named.
# usage: handout_refusal.sh KTMAP BRIEFING OUT_DIR
set -u
ktmap=$1 briefing=$2 out=$3
rm -rf "$out" && mkdir -p "$out" || exit 1
cp "$briefing" "$out/briefing.pdf" || exit 1
cp "$briefing" "$out/original" || exit 1
fail=0
msg=$("$ktmap" --briefing "$out/briefing.pdf" --export-handout "$out/briefing.pdf" 2>&1) && { echo "FAIL: writing over the briefing exited 0"; fail=1; }
echo "$msg" | grep -q "refusing to overwrite an input file" || { echo "FAIL: no refusal message: $msg"; fail=1; }
cmp -s "$out/briefing.pdf" "$out/original" || { echo "FAIL: the briefing was changed"; fail=1; }
msg=$("$ktmap" --briefing "$briefing" --export-handout /proc/ktmap-no-such-folder/handout.pdf 2>&1) && { echo "FAIL: an impossible folder exited 0"; fail=1; }
echo "$msg" | grep -q "cannot make the folder" || { echo "FAIL: the folder is not named: $msg"; fail=1; }
[ "$(ls -a "$out" | grep -c '\.part-')" = 0 ] || { echo "FAIL: a temporary file was left"; fail=1; }
[ $fail = 0 ] && echo "PASS"
exit $fail
