# Sourced by disk_full.sh: the printed handout on a full disk.
run handout --export-handout "$out/full/handout.pdf"
