# fuzz/: one fuzz target per parser we wrote (fuzz/NAME_fuzz.cc) and one per
# extractor through the public interface (extract_fuzz.cc, built once per
# sniffed type as extract_TYPE_fuzz). Seeds: fuzz/seeds.txt.
#
# Normal build: each target is linked with fuzz/standalone_main.cc (seeds,
# then a second of random mutations, fixed random sequence) and registered in
# ctest under the label `fuzz`. With PIISCAN_LIBFUZZER (scripts/fuzz, clang)
# the targets are linked with libFuzzer instead and not registered.

set(PIISCAN_FUZZ_EXTRACT_TYPES text csv html eml mbox zip tar 7z rar gzip bzip2 xz zstd pst msg
    pdf docx xlsx pptx odt ods odp rtf office_encrypted)

file(GLOB PIISCAN_FUZZ_SRCS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/fuzz/*_fuzz.cc)
list(FILTER PIISCAN_FUZZ_SRCS EXCLUDE REGEX "/extract_fuzz\\.cc$")
set(PIISCAN_FUZZ_TARGETS "")
foreach(src ${PIISCAN_FUZZ_SRCS})
  get_filename_component(name ${src} NAME_WE)
  string(REGEX REPLACE "_fuzz$" "" name ${name})
  list(APPEND PIISCAN_FUZZ_TARGETS ${name})
  set(fuzz_src_${name} ${src})
endforeach()
foreach(type ${PIISCAN_FUZZ_EXTRACT_TYPES})
  list(APPEND PIISCAN_FUZZ_TARGETS extract_${type})
  set(fuzz_src_extract_${type} ${PROJECT_SOURCE_DIR}/fuzz/extract_fuzz.cc)
  set(fuzz_def_extract_${type} PIISCAN_FUZZ_TYPE="${type}")
endforeach()

# Seed patterns per target, from fuzz/seeds.txt.
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/fuzz/seeds.txt)
file(STRINGS ${PROJECT_SOURCE_DIR}/fuzz/seeds.txt seed_lines REGEX "^[a-z]")
foreach(line ${seed_lines})
  string(REGEX REPLACE "[ \t]+" ";" words "${line}")
  list(POP_FRONT words name)
  set(fuzz_seeds_${name} "")
  foreach(pattern ${words})
    if(pattern MATCHES "^fixtures(/|$)")
      list(APPEND fuzz_seeds_${name} ${PROJECT_BINARY_DIR}/${pattern})
    else()
      list(APPEND fuzz_seeds_${name} ${PROJECT_SOURCE_DIR}/${pattern})
    endif()
  endforeach()
endforeach()

add_custom_target(fuzz_targets)
if(NOT PIISCAN_LIBFUZZER)
  add_library(piiscan_fuzz_main OBJECT fuzz/standalone_main.cc)
  target_compile_options(piiscan_fuzz_main PRIVATE ${PIISCAN_WARNINGS})
endif()
foreach(name ${PIISCAN_FUZZ_TARGETS})
  set(target ${name}_fuzz)
  add_executable(${target} ${fuzz_src_${name}})
  add_dependencies(fuzz_targets ${target})
  target_compile_options(${target} PRIVATE ${PIISCAN_WARNINGS})
  if(fuzz_def_${name})
    target_compile_definitions(${target} PRIVATE ${fuzz_def_${name}})
  endif()
  target_link_libraries(${target} PRIVATE piiscan_format_table piiscan_rules)
  set_target_properties(${target} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/fuzz)
  if(PIISCAN_LIBFUZZER)
    target_link_options(${target} PRIVATE -fsanitize=fuzzer)
    continue()
  endif()
  target_link_libraries(${target} PRIVATE piiscan_fuzz_main)
  set(seeds ${fuzz_seeds_${name}})
  if(EXISTS ${PROJECT_SOURCE_DIR}/fuzz/seeds/${name})
    list(APPEND seeds ${PROJECT_SOURCE_DIR}/fuzz/seeds/${name})
  endif()
  add_test(NAME fuzz_${name} COMMAND ${target} ${seeds}
           WORKING_DIRECTORY ${PROJECT_BINARY_DIR}/fuzz)
  # 36 targets of about a second each: the label runs in ~30 s on 2 cores.
  set_tests_properties(fuzz_${name} PROPERTIES LABELS fuzz TIMEOUT 60
                       FIXTURES_REQUIRED piiscan_fixtures)
endforeach()
