# The printable handout (ktmap --export-handout): written for the shipped briefing in Chinese and
# Japanese (with English) and in English, checked with poppler-utils (Skipped without them), under
# Xvfb when there is no display; and its refusal to write over an input.
foreach(handout_lang zh ja en)
  add_test(NAME "export: handout PDF (${handout_lang})"
    COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/render/with_display.sh ${CMAKE_CURRENT_SOURCE_DIR}/export/handout_check.sh $<TARGET_FILE:ktmap>
            ${CMAKE_CURRENT_SOURCE_DIR}/data/briefing/shipped_2026-12.toml ${handout_lang} ${CMAKE_CURRENT_BINARY_DIR}/handout-output/${handout_lang})
  set_tests_properties("export: handout PDF (${handout_lang})" PROPERTIES LABELS render TIMEOUT 300 SKIP_RETURN_CODE 77)
endforeach()
add_test(NAME "export: handout refuses its briefing as the output and names a folder it cannot make"
  COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/export/handout_refusal.sh $<TARGET_FILE:ktmap>
          ${CMAKE_CURRENT_SOURCE_DIR}/data/briefing/shipped_2026-12.toml ${CMAKE_CURRENT_BINARY_DIR}/handout-output/refusal)
