#!/usr/bin/env bash
# The printable handout: `ktmap --export-handout OUT.pdf --lang LANG` on a briefing, checked with
# poppler-utils: A4 portrait, a cover, a page per trip and per partnership and the index, every
# font embedded as a subset, each trip's title, a milestone and the page numbers in the text, a
# cover that renders with something on it. Exits 77 (Skipped) where poppler-utils are missing.
#
# usage: handout_check.sh KTMAP BRIEFING LANG OUT_DIR
set -u
ktmap=$1 briefing=$2 lang=$3 out=$4
for tool in pdfinfo pdffonts pdftotext pdftoppm; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool (poppler-utils) is not installed"; exit 77; }
done
rm -rf "$out" && mkdir -p "$out" || exit 1
pdf=$out/handout-$lang.pdf
fail=0
bad() { echo "FAIL: $*"; fail=1; }

"$ktmap" --briefing "$briefing" --lang "$lang" --export-handout "$pdf" || { echo "FAIL: the export did not exit 0"; exit 1; }
[ -s "$pdf" ] || { echo "FAIL: no $pdf"; exit 1; }
ls -a "$out" | grep -q '\.part-' && bad "a temporary file was left in $out"

# What the briefing holds: its trips' English titles, the first milestone's text.
trips=$(grep -c '^\[\[trip\]\]' "$briefing")
partnerships=$(grep -c '^\[\[partnership\]\]' "$briefing")
titles=$(awk '/^\[\[/ { inTrip = ($0 == "[[trip]]") } inTrip && /^title_en = "/ { sub(/^title_en = "/, ""); sub(/"$/, ""); print }' "$briefing")
milestone=$(awk '/^ *\[\[partnership.milestone\]\]/ { m = 1 } m && /^ *what_en = "/ { sub(/^ *what_en = "/, ""); sub(/"$/, ""); print; exit }' "$briefing")
[ "$trips" -gt 0 ] && [ "$partnerships" -gt 0 ] && [ -n "$titles" ] && [ -n "$milestone" ] || { echo "FAIL: $briefing has no trips or milestones to look for"; exit 1; }

info=$(pdfinfo "$pdf") || { echo "FAIL: pdfinfo cannot read $pdf"; exit 1; }
echo "$info" | grep -Eq '^Page size: +595(\.[0-9]+)? x 841(\.[0-9]+)?[0-9]* pts' || bad "not A4 portrait: $(echo "$info" | grep 'Page size')"
pages=$(echo "$info" | awk '/^Pages:/ { print $2 }')
least=$((1 + trips + partnerships + 1))
[ "${pages:-0}" -ge "$least" ] || bad "$pages pages; at least $least expected (cover, $trips trips, $partnerships partnerships, index)"
echo "pages: $pages (cover + $trips trips + $partnerships partnerships + index, at least $least)"

# Fonts: each embedded and subset (pdffonts' emb and sub columns, counted from the right).
fonts=$(pdffonts "$pdf" | tail -n +3)
[ -n "$fonts" ] || bad "no fonts in the PDF"
echo "$fonts" | awk '{ if ($(NF-4) != "yes" || $(NF-3) != "yes") { print "FAIL: font not embedded as a subset: " $0; bad = 1 } } END { exit bad }' || fail=1
if [ "$lang" != en ]; then
  echo "$fonts" | grep -q 'NotoSansCJK' || bad "no Noto Sans CJK font: the $lang text is not in a CJK face"
fi

# The text: whitespace removed on both sides (lines wrap anywhere in CJK text).
text=$(pdftotext -layout "$pdf" - | tr -d ' \n\t\f')
while IFS= read -r title; do
  t=$(printf '%s' "$title" | tr -d ' ')
  case "$text" in *"$t"*) ;; *) bad "the trip title '$title' is not in the text" ;; esac
done <<< "$titles"
m=$(printf '%s' "$milestone" | tr -d ' ')
case "$text" in *"$m"*) ;; *) bad "the milestone '$milestone' is not in the text" ;; esac
plain=$(pdftotext "$pdf" -) # "3 / 12" (pdftotext may drop a space beside a single digit)
for n in 1 2 "$pages"; do
  echo "$plain" | grep -Eq "(^|[^0-9])$n */ *$pages($|[^0-9])" || bad "no page number '$n / $pages'"
done

# The cover renders, with a map and text on it (a blank page is a few hundred bytes of PNG).
pdftoppm -png -r 40 -f 1 -l 1 "$pdf" "$out/cover" || bad "pdftoppm cannot render the cover"
cover=$(ls "$out"/cover*.png 2>/dev/null | head -1)
[ -n "$cover" ] && [ "$(stat -c %s "$cover")" -gt 20000 ] || bad "the cover rendered empty"

[ $fail = 0 ] && echo "PASS: $pdf"
exit $fail
