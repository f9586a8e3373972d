# Sourced by inputs_refused.sh: a QGIS package named as the briefing (through a link) is refused.
ln -sf "$out/briefing.toml" "$out/briefing-link.gpkg"
refused gpkg --export "$out/briefing-link.gpkg"
