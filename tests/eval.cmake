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
