#!/usr/bin/env bash
# Checks of an installed ktmap (tests/install/CMakeLists.txt registers one test per MODE):
#   install_check.sh MODE CMAKE BUILD_DIR SOURCE_DIR WORK_DIR
# install         cmake --install BUILD_DIR into a fresh WORK_DIR/prefix; the files a prefix must hold
# desktop         desktop-file-validate on the desktop entry; its Exec and Icon are in the prefix
# metainfo        appstreamcli validate --no-net on the metainfo; its launchable and binary are in the prefix
# man             the man page is there, made from --help, without a build path in it
# no-source-path  the installed executable names neither the checkout's assets/ or shaders/ nor the build tree
# moved           the prefix copied to another folder, run from yet another: --screenshot, --check
# no-data         bin/ktmap without share/ktmap: exit 1, the folders it looked in and what to do
# deb             cpack -G DEB: Depends has Debian runtime packages only, the files are in it
# Exit 0 passed, 1 failed, 77 skipped (a tool the check needs is missing).
set -uo pipefail
mode=$1 cmake=$2 build=$3 source=$4 work=$5
prefix=$work/prefix
id=io.github.ktmap.ktmap
fail() { echo "FAILED: $*" >&2; exit 1; }
skip() { echo "SKIPPED: $*"; exit 77; }
need() { command -v "$1" >/dev/null || skip "$1 is not installed (Debian: $2; .ci/install-deps installs it)"; }
fresh_dir() { local d; d=$(mktemp -d "${TMPDIR:-/tmp}/ktmap-$1.XXXXXX") && (cd "$d" && pwd -P); } # symlinks resolved, as /proc/self/exe has them
cleanup=()
trap 'for d in "${cleanup[@]}"; do rm -rf "$d"; done' EXIT

case $mode in
install)
  rm -rf "$prefix" || fail "cannot remove $prefix"
  mkdir -p "$work" || fail "cannot make $work"
  "$cmake" --install "$build" --prefix "$prefix" >"$work/install.log" 2>&1 || { cat "$work/install.log"; fail "cmake --install"; }
  [ -x "$prefix/bin/ktmap" ] || fail "no executable bin/ktmap"
  for f in share/ktmap/assets/layers.toml share/ktmap/assets/briefing.toml share/ktmap/assets/NOTICE.md \
           share/applications/$id.desktop share/metainfo/$id.metainfo.xml share/icons/hicolor/scalable/apps/$id.svg; do
    [ -s "$prefix/$f" ] || fail "missing or empty: $f"
  done
  # The data as the checkout has it, file for file, without the base map's build script.
  for dir in assets shaders; do
    count=0
    while IFS= read -r f; do
      cmp -s "$source/$dir/$f" "$prefix/share/ktmap/$dir/$f" || fail "share/ktmap/$dir/$f is not the checkout's $dir/$f"
      count=$((count + 1))
    done < <(cd "$source/$dir" && find . -type f ! -path '*/.*' ! -name '*~' ! -name build_basemap.sh | sed 's|^\./||')
    [ "$count" -gt 0 ] || fail "no files in $source/$dir"
    echo "share/ktmap/$dir: $count files as in the checkout"
  done
  [ ! -e "$prefix/share/ktmap/assets/build_basemap.sh" ] || fail "the developer's build_basemap.sh was installed"
  links=$(find "$prefix" -type l)
  [ -z "$links" ] || fail "symbolic links in the prefix (the build tree's links installed as links?): $links"
  echo "installed into $prefix"
  ;;

desktop)
  need desktop-file-validate desktop-file-utils
  entry=$prefix/share/applications/$id.desktop
  out=$(desktop-file-validate "$entry" 2>&1); rc=$?
  [ -z "$out" ] || echo "$out"
  [ $rc -eq 0 ] || fail "desktop-file-validate $entry: exit $rc"
  ! grep -qi "error\|warning" <<<"$out" || fail "desktop-file-validate $entry: warnings"
  exec_cmd=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$entry")
  [ -x "$prefix/bin/$exec_cmd" ] || fail "Exec=$exec_cmd: no bin/$exec_cmd in the prefix"
  icon=$(sed -n 's/^Icon=//p' "$entry")
  icons=$(cd "$prefix/share/icons/hicolor" && find . -path "./*/apps/$icon.svg" -o -path "./*/apps/$icon.png" | sort | tr '\n' ' ')
  [ -n "$icons" ] || fail "Icon=$icon: not in share/icons/hicolor"
  echo "$entry: valid; Exec=$exec_cmd, Icon=$icon: $icons"
  ;;

metainfo)
  need appstreamcli appstream
  file=$prefix/share/metainfo/$id.metainfo.xml
  appstreamcli validate --no-net "$file" || fail "appstreamcli validate --no-net $file"
  launchable=$(sed -n 's|.*<launchable type="desktop-id">\(.*\)</launchable>.*|\1|p' "$file")
  [ -f "$prefix/share/applications/$launchable" ] || fail "launchable $launchable: not in share/applications"
  binary=$(sed -n 's|.*<binary>\(.*\)</binary>.*|\1|p' "$file")
  [ -x "$prefix/bin/$binary" ] || fail "provides binary $binary: not in bin/"
  grep -q "<id>$id</id>" "$file" || fail "the component id is not $id"
  echo "$file: valid; launchable $launchable and binary $binary are in the prefix"
  ;;

man)
  [ "${KTMAP_MAN_PAGE_BUILT:-0}" = 1 ] || skip "help2man was not found when the build was configured: no man page (Debian: help2man)"
  page=$prefix/share/man/man1/ktmap.1
  [ -s "$page" ] || fail "no man page share/man/man1/ktmap.1, or it is empty"
  grep -q '^\.TH KTMAP "1"' "$page" || fail "$page: no .TH KTMAP 1 header"
  for text in '^\.SH OPTIONS' '\\-\\-screenshot' '\\-\\-check' '^\.SH ENVIRONMENT' 'KTMAP_ASSETS' '繁體中文'; do
    grep -q "$text" "$page" || fail "$page lacks $text"
  done
  ! grep -qF "$build" "$page" || fail "$page names the build tree ($build): --help printed a build path"
  if command -v man >/dev/null; then
    text=$(MANWIDTH=80 man -l "$page" 2>&1) || fail "man -l $page"
    grep -q "KTMAP_ASSETS" <<<"$text" || fail "man -l $page: no KTMAP_ASSETS in the formatted page"
  fi
  echo "$page: $(wc -l <"$page") lines"
  ;;

no-source-path)
  need objcopy binutils
  tmp=$(fresh_dir rodata) && cleanup+=("$tmp")
  objcopy -O binary --only-section=.rodata "$prefix/bin/ktmap" "$tmp/rodata" || fail "objcopy .rodata"
  grep -qaF "KTMAP_ASSETS" "$tmp/rodata" || fail "the read-only data of bin/ktmap has no KTMAP_ASSETS: not the right section?"
  for path in "$source/assets" "$source/shaders" "$build/share" "$build/bin"; do
    ! grep -qaF "$path" "$tmp/rodata" || fail "bin/ktmap has $path compiled in"
  done
  echo "bin/ktmap names neither $source/{assets,shaders} nor $build/{share,bin}"
  ;;

moved)
  [ -n "${DISPLAY:-}" ] || need Xvfb xvfb
  moved=$(fresh_dir prefix) && cleanup+=("$moved")
  run=$(fresh_dir run) && cleanup+=("$run")
  cp -a "$prefix/." "$moved/" || fail "cannot copy the prefix to $moved"
  touch "$run/.stamp"
  cd "$run" || fail "cd $run"
  env -u KTMAP_ASSETS -u KTMAP_SHADERS XDG_CONFIG_HOME="$run/.config" \
    "$source/tests/render/with_display.sh" "$moved/bin/ktmap" --screenshot out.png --size 320x200 >"$run/.log" 2>&1
  rc=$?
  cat "$run/.log"
  [ $rc -eq 0 ] || fail "$moved/bin/ktmap --screenshot out.png --size 320x200 (from $run): exit $rc"
  [ "$(head -c 8 out.png | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "out.png is not a PNG"
  [ "$(od -An -tx1 -j16 -N8 out.png | tr -d ' \n')" = 00000140000000c8 ] || fail "out.png is not 320x200" # IHDR width, height
  ! grep -qi "fallback\|\[error\]\|\[warning\]" "$run/.log" || fail "the copied prefix's run warned (its shaders or data not found?)"
  env -u KTMAP_ASSETS "$moved/bin/ktmap" --check "$moved/share/ktmap/assets/briefing.toml" || fail "--check of the copied briefing.toml"
  written=$(find "$moved" -newer "$run/.stamp")
  [ -z "$written" ] || fail "written into the prefix: $written"
  extra=$(find . -mindepth 1 ! -name out.png ! -name .log ! -name .stamp)
  [ -z "$extra" ] || fail "written into the folder it ran from: $extra"
  echo "the prefix copied to $moved ran from $run: out.png 320x200, --check exit 0, nothing written beside"
  ;;

no-data)
  lonely=$(fresh_dir lonely) && cleanup+=("$lonely")
  mkdir "$lonely/bin" || fail "cannot make $lonely/bin"
  cp "$prefix/bin/ktmap" "$lonely/bin/" || fail "cannot copy bin/ktmap"
  cd "$lonely" || fail "cd $lonely"
  env -u KTMAP_ASSETS -u KTMAP_SHADERS "$lonely/bin/ktmap" --screenshot out.png >"$lonely/log" 2>&1
  rc=$?
  cat "$lonely/log"
  [ $rc -eq 1 ] || fail "bin/ktmap without share/ktmap: exit $rc, not 1"
  for text in "looked in $lonely/share/ktmap/assets" "looked in $lonely/share/ktmap/shaders" "reinstall ktmap" \
              "set KTMAP_ASSETS" "set KTMAP_SHADERS"; do
    grep -qF "$text" "$lonely/log" || fail "the message does not say: $text"
  done
  [ ! -e out.png ] || fail "wrote out.png without its data"
  env -u KTMAP_SHADERS KTMAP_ASSETS="$lonely/nowhere" "$lonely/bin/ktmap" --no-shaders >"$lonely/log" 2>&1
  rc=$?
  cat "$lonely/log"
  [ $rc -eq 1 ] || fail "KTMAP_ASSETS naming no folder: exit $rc, not 1"
  grep -qF "looked in $lonely/nowhere (from \$KTMAP_ASSETS)" "$lonely/log" || fail "the message does not name \$KTMAP_ASSETS's folder"
  grep -qF "correct KTMAP_ASSETS" "$lonely/log" || fail "the message does not say to correct KTMAP_ASSETS"
  # KTMAP_ASSETS still overrides: --export reads the default briefing from there (no display needed).
  KTMAP_ASSETS="$prefix/share/ktmap/assets" "$lonely/bin/ktmap" --export "$lonely/sites.geojson" || fail "--export with KTMAP_ASSETS"
  [ -s "$lonely/sites.geojson" ] || fail "--export with KTMAP_ASSETS wrote nothing"
  echo "bin/ktmap alone: exit 1 naming the folders; with KTMAP_ASSETS: --export exit 0"
  ;;

deb)
  need dpkg-shlibdeps dpkg-dev
  need dpkg-deb dpkg
  cpack=$(dirname "$cmake")/cpack
  [ -x "$cpack" ] || cpack=cpack
  [ -f "$build/CPackConfig.cmake" ] || fail "no $build/CPackConfig.cmake (include(CPack) missing?)"
  out=$work/deb
  rm -rf "$out" || fail "cannot remove $out"
  mkdir -p "$out" || fail "cannot make $out"
  (cd "$out" && "$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$out") >"$out.log" 2>&1 || { cat "$out.log"; fail "cpack -G DEB"; }
  debs=("$out"/ktmap_*.deb)
  [ ${#debs[@]} -eq 1 ] || fail "cpack made several ktmap_*.deb in $out"
  [ -f "${debs[0]}" ] || fail "cpack made no ktmap_*.deb in $out"
  deb=${debs[0]}
  [ "$(dpkg-deb -f "$deb" Package)" = ktmap ] || fail "Package is not ktmap"
  depends=$(dpkg-deb -f "$deb" Depends)
  echo "$(basename "$deb"): Depends: $depends"
  [ -n "$depends" ] || fail "no Depends"
  IFS=',' read -r -a entries <<<"$depends"
  for e in "${entries[@]}"; do
    for alternative in ${e//|/ }; do
      case $alternative in (*-dev | *-dev:*) fail "Depends names a development package: $alternative" ;; esac
    done
  done
  for p in fonts-noto-cjk libgdal libsfml-graphics libc6; do
    grep -qE "(^|, )${p}" <<<"$depends" || fail "Depends lacks $p"
  done
  files=$(dpkg-deb -c "$deb" | awk '{print $6}')
  expected=(./usr/bin/ktmap ./usr/share/ktmap/assets/layers.toml ./usr/share/ktmap/assets/briefing.toml
            ./usr/share/ktmap/assets/basemap/land.shp ./usr/share/ktmap/shaders/fill.vert
            "./usr/share/applications/$id.desktop" "./usr/share/metainfo/$id.metainfo.xml"
            "./usr/share/icons/hicolor/scalable/apps/$id.svg")
  [ "${KTMAP_MAN_PAGE_BUILT:-0}" = 1 ] && expected+=(./usr/share/man/man1/ktmap.1)
  for f in "${expected[@]}"; do grep -qxF "$f" <<<"$files" || fail "the .deb lacks $f"; done
  ! grep -q "build_basemap.sh" <<<"$files" || fail "the .deb has build_basemap.sh"
  echo "$(basename "$deb"): $(wc -l <<<"$files") entries, runtime Depends only"
  ;;

*) fail "unknown mode $mode" ;;
esac
