#!/bin/sh
# Benchmarks `piiscan person` (one Hyperscan database for the whole query)
# against `rg -F -i -f variants.txt` with the same variant list, and against a
# normal `piiscan scan`, on a generated text corpus (default 128 MiB in
# /tmp/piiscan-person-bench). Both tools get the same number of threads.
#
# usage: bench/person_bench.sh [BUILD_DIR] [MIB] [THREADS]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
mib=${2:-128}
threads=${3:-2}
bin=$build/piiscan
work=/tmp/piiscan-person-bench
corpus=$work/corpus
mkdir -p "$work"
if [ "$(ls "$corpus" 2>/dev/null | wc -l)" != "$mib" ]; then
  rm -rf "$corpus"
  /usr/bin/python3 "$here/person_corpus.py" "$corpus" "$mib"
fi
cat > "$work/subject.yaml" <<'YAML'
names: [Jan Peter de Vries]
emails: [jan.devries@example.nl]
phones: ['06-12345678']
iban: NL91 ABNA 0417 1643 00
bsn: '111222333'
birth_date: 1985-03-12
YAML
"$bin" person --subject "$work/subject.yaml" --list-variants "$corpus" > "$work/variants.txt"
echo "corpus: $(du -sh "$corpus" | cut -f1) in $mib files; $(wc -l < "$work/variants.txt") variants; $threads threads"
key=$work/key
[ -f "$key" ] || echo "bench-key-0123456789abcdef" > "$key"
chmod 600 "$key"  # piiscan refuses a key others can read
# Warm the page cache so that both read from memory.
cat "$corpus"/* > /dev/null
hyperfine --warmup 1 --runs 5 --export-json "$work/result.json" \
  -n "piiscan person" "$bin person --subject $work/subject.yaml --threads $threads -q --no-progress --hash-key-file $key -o /dev/null $corpus" \
  -n "rg -F -i -f variants.txt" "rg -F -i --no-unicode -j $threads -c -f $work/variants.txt $corpus > /dev/null" \
  -n "piiscan scan" "$bin scan --threads $threads -q --no-progress --hash-key-file $key -o /dev/null $corpus"
/usr/bin/python3 - "$work/result.json" "$mib" <<'PY'
import json, sys
r = {x["command"]: x["mean"] for x in json.load(open(sys.argv[1]))["results"]}
mib = int(sys.argv[2])
for k, v in r.items():
    print(f"{k:28s} {v:7.3f} s  {mib / v:7.1f} MiB/s")
print(f"person / rg time ratio: {r['piiscan person'] / r['rg -F -i -f variants.txt']:.2f} "
      f"(person / scan: {r['piiscan person'] / r['piiscan scan']:.2f})")
PY
