#!/bin/sh
# ktmap --export OUT.kml|OUT.kmz from the command line (tests/export/google_earth.cmake).
# Usage: google_earth_cli.sh KTMAP ASSETS_DIR FIXTURE_DIR OUTPUT_DIR
set -u
ktmap=$1 assets=$2 fixtures=$3 out=$4
rm -rf "$out" && mkdir -p "$out" || exit 1
command -v ogrinfo >/dev/null || { echo "ogrinfo (gdal-bin) is not installed: skipped"; exit 77; }
fail() { echo "FAIL: $*"; exit 1; }

"$ktmap" --briefing "$assets/briefing.toml" --export "$out/briefing.kmz" || fail "--export briefing.kmz failed"
ogrinfo -ro -so "$out/briefing.kmz" 2>&1 | grep -q "using driver .LIBKML. successful" || fail "GDAL cannot open the KMZ"
"$ktmap" --briefing "$assets/briefing.toml" --export "$out/briefing.kml" --lang zh || fail "--export briefing.kml failed"
ogrinfo -ro -so "$out/briefing.kml" 2>&1 | grep -q "using driver .LIBKML. successful" || fail "GDAL cannot open the KML"

# The briefing as its own output: refused, named, untouched, no temporary file left.
cp "$fixtures/small.toml" "$out/small.kml"
before=$(cksum < "$out/small.kml")
msg=$("$ktmap" --briefing "$out/small.kml" --export "$out/small.kml" 2>&1) && fail "exporting over the briefing succeeded"
echo "$msg" | grep -q "small.kml" || fail "the refusal does not name the file: $msg"
[ "$(cksum < "$out/small.kml")" = "$before" ] || fail "the briefing was changed"
# A folder that cannot be made (a file is in the way): one message naming it, exit 1.
touch "$out/blocker"
msg=$("$ktmap" --briefing "$fixtures/small.toml" --export "$out/blocker/x.kmz" 2>&1) && fail "exporting under a file succeeded"
echo "$msg" | grep -q "blocker" || fail "the message does not name the folder: $msg"
leftovers=$(ls -A "$out" | grep -v -e '^briefing.kml$' -e '^briefing.kmz$' -e '^small.kml$' -e '^blocker$')
[ -z "$leftovers" ] || fail "files left behind: $leftovers"
echo "ok"
