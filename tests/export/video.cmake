# ktmap --export-story STORY --out DIR --video: an H.264 MP4 whose frames are the presentation's
# (the last frame is the still export of the last step), Ctrl+C leaves nothing, bad outputs are said.
add_test(NAME "export: story to video"
  COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/render/with_display.sh ${CMAKE_CURRENT_SOURCE_DIR}/export/video_check.sh
          $<TARGET_FILE:ktmap> $<TARGET_FILE:image_compare> ${CMAKE_CURRENT_SOURCE_DIR}/data/briefing/shipped_2026-12.toml
          ${CMAKE_CURRENT_BINARY_DIR}/video-output)
set_tests_properties("export: story to video" PROPERTIES LABELS render TIMEOUT 600 SKIP_RETURN_CODE 77)

# Every export on a full disk: said, and nothing left behind (a small tmpfs: Skipped where it
# cannot be mounted). Each export adds its own run line in tests/export/disk_full.d/.
add_test(NAME "export: a full disk is said and leaves no file"
  COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/render/with_display.sh ${CMAKE_CURRENT_SOURCE_DIR}/export/disk_full.sh
          $<TARGET_FILE:ktmap> ${CMAKE_CURRENT_SOURCE_DIR}/data/briefing/shipped_2026-12.toml ${CMAKE_CURRENT_BINARY_DIR}/disk-full)
set_tests_properties("export: a full disk is said and leaves no file" PROPERTIES LABELS render TIMEOUT 300 SKIP_RETURN_CODE 77)

# Every export refuses to write over one of its inputs. Each export adds its own line in
# tests/export/inputs_refused.d/.
add_test(NAME "export: an output that is an input is refused"
  COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/render/with_display.sh ${CMAKE_CURRENT_SOURCE_DIR}/export/inputs_refused.sh
          $<TARGET_FILE:ktmap> ${CMAKE_CURRENT_SOURCE_DIR}/data/briefing/shipped_2026-12.toml ${CMAKE_CURRENT_BINARY_DIR}/inputs-refused)
set_tests_properties("export: an output that is an input is refused" PROPERTIES LABELS render TIMEOUT 300 SKIP_RETURN_CODE 77)
