# Sourced by tests/export/inputs_refused.sh (main): the Google Earth export refuses the briefing,
# reached through a link named .kml or .kmz, as its output.
ln -sf "$out/briefing.toml" "$out/briefing-link.kml"
refused google-earth-kml --export "$out/briefing-link.kml"
ln -sf "$out/briefing.toml" "$out/briefing-link.kmz"
refused google-earth-kmz --export "$out/briefing-link.kmz" --lang zh
