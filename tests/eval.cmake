# Accuracy on a generated corpus (issue 3): generate -> piiscan scan -> score
# against the truth; fails below bench/targets.json. And the committed sample
# corpus/sample must be exactly what the generator makes from its seed.
# Included from the top-level CMakeLists.txt.
add_test(NAME eval_corpus
  COMMAND /usr/bin/python3 ${PROJECT_SOURCE_DIR}/bench/run_eval.py $<TARGET_FILE:piiscan>
          ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR}/eval --seed 11 --scale 1)
set_tests_properties(eval_corpus PROPERTIES TIMEOUT 300)
add_test(NAME corpus_sample_reproducible
  COMMAND /usr/bin/python3 ${PROJECT_SOURCE_DIR}/corpus/generate.py
          ${PROJECT_BINARY_DIR}/corpus_sample_check --seed 7 --scale 0.35
          --check-truth ${PROJECT_SOURCE_DIR}/corpus/sample/truth.jsonl)
# Real-world negative set (issue 18): the changelogs, copyright, NEWS and
# AUTHORS files of this machine's /usr/share/doc hold almost no Dutch
# personal data; the Dutch identifiers found there at medium+ must stay
# under the ceilings of bench/realworld_doc.py (skips when there is none).
add_test(NAME realworld_doc
  COMMAND /usr/bin/python3 ${PROJECT_SOURCE_DIR}/bench/realworld_doc.py
          --piiscan $<TARGET_FILE:piiscan> --subset --check -j 2)
set_tests_properties(realworld_doc PROPERTIES LABELS realworld TIMEOUT 180)
if(PIISCAN_SANITIZE AND NOT PIISCAN_SANITIZE STREQUAL "OFF")
  # scripts/test --sanitize: it took 171 s under TSan on the shared machine
  # and hit the 180 s limit once.
  set_tests_properties(realworld_doc PROPERTIES TIMEOUT 1800)
endif()
# Identifier forms (issue 18): lower-case IBANs and postcodes, IBANs of
# every registry country, 7-digit service numbers, printed and labelled
# BSNs, BSNs in table rows, and mistyped IBANs that must not turn into
# phone or card numbers; bench/identifier_forms.py builds them from
# checksummed random numbers (seed fixed) and checks its floors.
add_test(NAME identifier_forms
  COMMAND /usr/bin/python3 ${PROJECT_SOURCE_DIR}/bench/identifier_forms.py
          --piiscan $<TARGET_FILE:piiscan> --check)
set_tests_properties(identifier_forms PROPERTIES TIMEOUT 120)
