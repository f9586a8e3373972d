#!/usr/bin/env bash
# usage: video_check.sh KTMAP IMAGE_COMPARE BRIEFING OUT_DIR
# The story video of a 3-step story (a whole trip, then two trip days) at 640x360:
#  - ffprobe: H.264 (High), 640x360, yuv420p, 30 fps, as many frames as the export says it wrote,
#    and as many as its timeline has: each step's hold (1 s here), a day's legs played (2 s at
#    half a day a second) and the flights between steps (each at most 3 s);
#  - the last frame is the still export of the last step (H.264's loss allowed for);
#  - 60 fps doubles the frames; an odd size, a folder that cannot be made and Ctrl+C are said and
#    leave no file behind.
set -u
ktmap=$1 compare=$2 briefing=$3 out=$4
story=nycu-kyushu-2025-07-forum
command -v ffprobe >/dev/null && command -v ffmpeg >/dev/null || { echo "SKIP: ffprobe/ffmpeg missing (.ci/install-deps installs ffmpeg)"; exit 77; }
rm -rf "$out" && mkdir -p "$out/in" || exit 1
fail=0
check() { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1"; fail=1; fi; }

# The shipped story with 1 s holds: a short video.
sed 's/^\(\s*\)\[\[story\.step\]\]$/&\n\1hold = 1/' "$briefing" > "$out/in/briefing.toml"
"$ktmap" --briefing "$out/in/briefing.toml" --check "$out/in/briefing.toml" >/dev/null || { echo "FAIL: the copy with holds does not load"; exit 1; }

"$ktmap" --briefing "$out/in/briefing.toml" --export-story $story --out "$out/video" --video --size 640x360 >"$out/video.log" 2>&1
rc=$?
cat "$out/video.log" | tr '\r' '\n' | tail -3
check "the video export exits 0" "[ $rc = 0 ]"
mp4="$out/video/$story.mp4"
check "it wrote $mp4" "[ -s '$mp4' ]"
probe() { ffprobe -v error -select_streams v:0 -count_frames -show_entries "stream=$1" -of default=nw=1:nk=1 "$mp4"; }
check "H.264, High profile" "[ '$(probe codec_name)' = h264 ] && [ '$(probe profile)' = High ]"
check "640x360 yuv420p" "[ '$(probe width)x$(probe height) $(probe pix_fmt)' = '640x360 yuv420p' ]"
check "30 fps" "[ '$(probe r_frame_rate)' = 30/1 ]"
frames=$(probe nb_read_frames)
said=$(grep -o '([0-9]* frames' "$out/video.log" | tr -dc 0-9)
echo "frames in the file: $frames; the export said: $said"
check "the file holds the frames the export wrote" "[ '$frames' = '$said' ]"
# 3 holds of 1 s, 2 days played for 0.999 day at 0.5 day/s, 2 flights of 0.4..3 s each.
check "the timeline: holds, days played and flights ($frames frames)" "[ $frames -ge $((90 + 2 * 59 + 2 * 12)) ] && [ $frames -le $((90 + 2 * 61 + 2 * 90)) ]"
check "no temporary file left" "[ -z \"\$(find '$out/video' -name '.*part*')\" ]"

# Frame-exact: the last frame is the last step as the still export draws it.
"$ktmap" --briefing "$out/in/briefing.toml" --export-story $story --out "$out/still" --size 640x360 >/dev/null 2>&1
ffmpeg -v error -y -i "$mp4" -vf "select=eq(n\,$((frames - 1)))" -vsync 0 "$out/last.png"
check "the last frame was decoded" "[ -s '$out/last.png' ]"
# pixelmatch's threshold 0.1 takes H.264's small errors; a wrong picture (another step, a
# camera still flying) differs in far more than 3% of the pixels.
check "the last frame is the still of step 3" "'$compare' '$out/last.png' '$out/still/640x360/$story/03.png' '$out/last-diff.png' 0.03 0.1"
check "and not the still of step 2" "! '$compare' '$out/last.png' '$out/still/640x360/$story/02.png' '$out/last-diff2.png' 0.03 0.1 >/dev/null 2>&1"

# 60 fps: the same timeline, twice the frames.
"$ktmap" --briefing "$out/in/briefing.toml" --export-story $story --out "$out/v60" --video --size 640x360 --fps 60 2>/dev/null
frames60=$(ffprobe -v error -select_streams v:0 -count_frames -show_entries stream=nb_read_frames -of default=nw=1:nk=1 "$out/v60/$story.mp4")
check "60 fps: twice the frames ($frames60 against $frames)" "[ \$(( frames60 - 2 * frames )) -ge -2 ] && [ \$(( frames60 - 2 * frames )) -le 2 ]"

# Bad outputs.
"$ktmap" --briefing "$out/in/briefing.toml" --export-story $story --out "$out/odd" --video --size 641x360 >"$out/odd.log" 2>&1
rc=$?
check "an odd size is refused, saying so" "[ $rc -ne 0 ] && grep -q 'the size must be even' '$out/odd.log'"
touch "$out/a-file"
"$ktmap" --briefing "$out/in/briefing.toml" --export-story $story --out "$out/a-file/videos" --video --size 640x360 >"$out/blocked.log" 2>&1
rc=$?
check "a folder that cannot be made is named" "[ $rc -ne 0 ] && grep -q \"cannot make the folder $out/a-file\" '$out/blocked.log'"

# Ctrl+C: stops between frames, exit 130, no video and no temporary file.
"$ktmap" --briefing "$out/in/briefing.toml" --export-story $story --out "$out/stopped" --video --size 640x360 >"$out/stopped.log" 2>&1 &
pid=$!
for _ in $(seq 300); do [ -n "$(find "$out/stopped" -name '.*part*' 2>/dev/null)" ] && break; sleep 0.1; done
sleep 1
kill -INT $pid
wait $pid
rc=$?
check "Ctrl+C ends the export with 130 (it was $rc)" "[ $rc = 130 ]"
check "Ctrl+C leaves no video and no temporary file" "[ -z \"\$(ls -A '$out/stopped' 2>/dev/null)\" ]"
check "Ctrl+C is said" "grep -q 'interrupted' '$out/stopped.log'"
exit $fail
