# Sourced by inputs_refused.sh: a handout named as the briefing (through a link) is refused.
ln -sf "$out/briefing.toml" "$out/briefing-link.pdf"
refused handout --export-handout "$out/briefing-link.pdf"
