# Sourced by disk_full.sh: the Google Earth and QGIS exports on a full disk.
run kml --export "$out/full/briefing.kml"
run kmz --export "$out/full/briefing.kmz"
run gpkg --export "$out/full/briefing.gpkg"
