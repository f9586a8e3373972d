#!/usr/bin/env bash
# Exports the shipped briefing to a GeoPackage and opens it in QGIS (PyQGIS): the default
# styles of its tables and the project stored in it. Exit 77 (skipped) without python3-qgis.
# Usage: qgis_package_check.sh KTMAP ASSETS_DIR WORK_DIR [PNG]
set -euo pipefail
ktmap=$1 assets=$2 work=$3 png=${4:-}
python=
for candidate in /usr/bin/python3 python3; do
  if command -v "$candidate" >/dev/null && QT_QPA_PLATFORM=offscreen "$candidate" -c "import qgis.core" 2>/dev/null; then
    python=$candidate
    break
  fi
done
if [ -z "$python" ]; then
  echo "qgis_package_check: SKIPPED: no python3 with the qgis module (Debian: python3-qgis)"
  exit 77
fi
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work" && mkdir -p "$work"
"$ktmap" --export "$work/briefing.gpkg" --briefing "$assets/briefing.toml" --lang en
# Opened from elsewhere: the project's sources are relative to the package, not the current folder.
cd /
QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$work" "$python" "$here/qgis_package_check.py" "$work/briefing.gpkg" $png
