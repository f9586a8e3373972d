#!/usr/bin/env bash
# Coverage-guided fuzzing of geo's loaders with libFuzzer (clang, ASan + UBSan).
#
# Harnesses (tests/fuzz/fuzz_*.cpp):
#   briefing      geo::parseBriefing (content-file parser and validator)
#   layer_config  geo::parseLayerConfig (layer-file parser)
#   shapefile     geo::loadLayer over a .shp/.shx/.dbf/.prj/.cpg set (packed into one input)
#   geojson       geo::loadLayer over a .geojson file
#
# Usage (from anywhere; ctest runs it as the test "fuzz: geo loaders", label fuzz):
#   tests/fuzz/run.sh                                 # every harness for 60 s
#   FUZZ_SECONDS=600 tests/fuzz/run.sh                # longer: 10 minutes each
#   FUZZ_SECONDS=3600 FUZZ_TARGETS="shapefile geojson" tests/fuzz/run.sh
# Environment:
#   FUZZ_SECONDS    seconds per harness (default 60)
#   FUZZ_TARGETS    harnesses to run (default: all four)
#   FUZZ_BUILD_DIR  the clang build tree (default build/fuzz)
#   FUZZ_ARGS       extra libFuzzer options, e.g. "-jobs=4 -workers=4"
#
# Each harness starts from a copy of its seed corpus (the project's fixtures under
# tests/data, the shipped layer file and small base-map shapefiles, plus every input
# kept in tests/data/fuzz/<harness>/), in a temporary folder: nothing in the
# repository is written. Limits: -rss_limit_mb=2048 -timeout=10. A crash, timeout or
# out-of-memory makes the script fail; its input is copied to build/fuzz/artifacts/.
# Then: minimise it
#   build/fuzz/fuzz_<harness> -minimize_crash=1 -runs=10000 -exact_artifact_path=min <input>
# and keep it in tests/data/fuzz/<harness>/ with a regression test in
# tests/geo/*_regression_test.cpp that asserts the diagnostic the user gets.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
seconds="${FUZZ_SECONDS:-60}"
targets="${FUZZ_TARGETS:-briefing layer_config shapefile geojson}"
build="${FUZZ_BUILD_DIR:-$root/build/fuzz}"
jobs="$(nproc 2>/dev/null || echo 2)"

echo "fuzz: building geo and the harnesses with clang in $build"
CC=clang CXX=clang++ cmake -S "$root/tests/fuzz" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$build.configure.log" 2>&1 ||
  { cat "$build.configure.log"; exit 1; }
cmake --build "$build" -j "$jobs" >"$build.build.log" 2>&1 || { tail -50 "$build.build.log"; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/ktmap-fuzz-run.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# ---- seed corpora ------------------------------------------------------------
le32() { printf '\\x%02x\\x%02x\\x%02x\\x%02x' $(($1 & 255)) $((($1 >> 8) & 255)) $((($1 >> 16) & 255)) $((($1 >> 24) & 255)); }
size() { if [ -f "$1" ]; then stat -c %s "$1"; else echo 0; fi; }
# pack_shapefile BASE OUT: BASE.shp/.shx/.dbf/.prj/.cpg in the harness's input format.
pack_shapefile() {
  local b="$1" out="$2" header=""
  for ext in shp shx dbf prj; do header+="$(le32 "$(size "$b.$ext")")"; done
  { printf '%b' "$header"; for ext in shp shx dbf prj cpg; do [ -f "$b.$ext" ] && cat "$b.$ext"; done; true; } >"$out"
}
copy_seeds() { # copy_seeds HARNESS FILE...
  local dir="$work/corpus/$1"; shift
  mkdir -p "$dir"
  for f in "$@"; do [ -f "$f" ] && cp "$f" "$dir/$(basename "$f")"; done
  true
}
shopt -s nullglob
copy_seeds briefing "$root"/tests/data/briefing/*.toml "$root"/tests/data/fuzz/briefing/*
copy_seeds layer_config "$root"/tests/data/layers/*.toml "$root"/assets/layers.toml "$root"/tests/data/fuzz/layer_config/*
copy_seeds geojson "$root"/tests/data/vector/*.geojson "$root"/tests/data/fuzz/geojson/*
copy_seeds shapefile "$root"/tests/data/fuzz/shapefile/*
for base in country_lines jp_prefecture_lines tw_county_lines; do
  [ -f "$root/assets/basemap/$base.shp" ] && pack_shapefile "$root/assets/basemap/$base" "$work/corpus/shapefile/$base"
done
if command -v ogr2ogr >/dev/null; then # the GeoJSON fixture as shapefiles, one per geometry type
  mkdir -p "$work/shp"
  for type in POLYGON LINESTRING POINT; do
    ogr2ogr -q -f "ESRI Shapefile" -where "OGR_GEOMETRY='$type'" -lco ENCODING=UTF-8 "$work/shp/$type.shp" \
      "$root/tests/data/vector/sample.geojson" 2>/dev/null && pack_shapefile "$work/shp/$type" "$work/corpus/shapefile/sample-$type"
    rm -f "$work/shp/$type".*
  done
fi

# ---- fuzzing -------------------------------------------------------------------
failed=()
summary=()
mkdir -p "$build/artifacts"
for t in $targets; do
  bin="$build/fuzz_$t"
  [ -x "$bin" ] || { echo "fuzz: no harness $t" >&2; failed+=("$t"); continue; }
  mkdir -p "$work/artifacts/$t" "$work/tmp/$t"
  log="$build/fuzz_$t.log"
  seeds=$(ls "$work/corpus/$t" | wc -l)
  echo "fuzz: $t for ${seconds}s from $seeds seed(s) (log: $log)"
  status=0
  # TMPDIR: the loader harnesses write their input files there.
  TMPDIR="$work/tmp/$t" "$bin" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$work/artifacts/$t/" ${FUZZ_ARGS:-} "$work/corpus/$t" >"$log" 2>&1 || status=$?
  stats="$(grep -E '^#[0-9]+.*(DONE|INITED|pulse|NEW|REDUCE)' "$log" | tail -1 || true)"
  execs="$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}' || true)"
  rate="$(grep -E '^stat::average_exec_per_sec' "$log" | awk '{print $2}' || true)"
  cov="$(sed -nE 's/.* cov: ([0-9]+) ft: ([0-9]+) corp: ([0-9]+).*/cov \1, ft \2, corpus \3/p' <<<"$stats")"
  line="$t: ${execs:-?} execs, ${rate:-?} exec/s, ${cov:-no stats}"
  if [ "$status" -ne 0 ] || compgen -G "$work/artifacts/$t/*" >/dev/null; then
    failed+=("$t")
    line+=" — FAILED (exit $status)"
    for a in "$work/artifacts/$t"/*; do cp "$a" "$build/artifacts/$t-$(basename "$a")"; line+=$'\n    input kept: '"$build/artifacts/$t-$(basename "$a")"; done
    grep -E 'ERROR: (libFuzzer|AddressSanitizer|UndefinedBehaviorSanitizer)|runtime error|SUMMARY' "$log" | head -5 || true
    tail -40 "$log"
  fi
  summary+=("$line")
done

echo "fuzz: summary (${seconds}s each)"
printf '  %s\n' "${summary[@]}"
if ((${#failed[@]})); then
  echo "fuzz: FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "fuzz: no crash, timeout or out-of-memory"
