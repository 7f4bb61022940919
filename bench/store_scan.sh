#!/bin/sh
# The findings store end to end on a tree (not a test): a first scan without a
# store, a first scan with --db (a fresh store), and re-scans of the unchanged
# tree, interleaved ROUNDS times; prints wall and CPU seconds (user + system:
# the machine is shared, CPU says more than wall), peak RSS and files/s.
#   bench/store_scan.sh TREE [PIISCAN] [ROUNDS]
# The tree of docs/store.md's figures: `bench/gen_text.py DIR --files 50000`
# (DIR/tree: 50,000 text files, 376 MB, 121,733 findings).
set -eu
tree=$1
piiscan=${2:-$(dirname "$0")/../build/piiscan}
rounds=${3:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
files=$(find "$tree" -type f | wc -l)
run() {  # NAME COMMAND...
  name=$1
  shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/t" "$@" >/dev/null
  read -r wall user sys rss <"$work/t"
  awk -v n="$name" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v f="$files" \
    'BEGIN { printf "%-16s %6.2f s wall %6.2f s CPU %7.0f files/s (wall) %5.0f MB RSS\n", n, w, u + s, f / w, r / 1024 }'
}
i=0
while [ $i -lt "$rounds" ]; do
  run "no store" "$piiscan" scan -q --no-progress -o "$work/out.jsonl" "$tree"
  rm -f "$work/s.db" "$work/s.db-wal" "$work/s.db-shm"
  run "--db first" "$piiscan" scan -q --no-progress --db "$work/s.db" -o "$work/out.jsonl" "$tree"
  run "--db re-scan" "$piiscan" scan -q --no-progress --db "$work/s.db" -o "$work/out.jsonl" "$tree"
  i=$((i + 1))
done
