#!/bin/sh
# `piiscan audit --db` with trends against the same audit without them
# (--trend-scans 0), on the store of a tree scanned SCANS times with changes
# between the scans (not a test): each round times both, interleaved, and
# prints wall and CPU seconds and peak RSS, then the ratio of the medians.
#   bench/audit_trends.sh TREE [PIISCAN] [ROUNDS] [SCANS] [SCAN_PIISCAN]
# The tree of docs/store.md's figures: `bench/gen_text.py DIR --files 50000`.
# The tree is copied (the changes are made to the copy). SCAN_PIISCAN builds
# the store (default PIISCAN; the store format is the same). KEEP=1 keeps
# the work dir (store, register, reports) and prints where it is.
set -eu
tree=$1
piiscan=${2:-$(dirname "$0")/../build/piiscan}
rounds=${3:-5}
scans=${4:-5}
scanner=${5:-$piiscan}
work=$(mktemp -d)
if [ -n "${KEEP:-}" ]; then echo "work dir (kept): $work"; else trap 'rm -rf "$work"' EXIT; fi
cp -r "$tree" "$work/tree"
head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$work/key"
chmod 600 "$work/key"
cat >"$work/register.yaml" <<'YAML'
organisation: Bench BV
systems:
YAML
for d in $(ls "$work/tree" | head -20); do
  printf '  - id: %s\n    locations: ["**/%s/**"]\n    categories: [name, email, phone, address, bank_account]\n' \
    "$d" "$d" >>"$work/register.yaml"
done
s=1
while [ "$s" -le "$scans" ]; do
  if [ "$s" -gt 1 ]; then  # 2 % of the files changed, 1 % deleted, 1 % added
    find "$work/tree" -type f -name '*.txt' | awk -v s="$s" 'NR % 50 == s % 50' | while read -r f; do
      printf 'Mail trend%s@voorbeeld.nl, BSN 111222333\n' "$s" >>"$f"
    done
    find "$work/tree" -type f -name '*.txt' | awk -v s="$s" 'NR % 100 == (s + 25) % 100' | xargs rm -f
    i=0
    while [ $i -lt 500 ]; do
      printf 'Nieuw %s: klant%s.%s@voorbeeld.nl\n' "$i" "$s" "$i" >"$work/tree/d000/new_${s}_$i.txt"
      i=$((i + 1))
    done
    sleep 1
  fi
  "$scanner" scan -q --no-progress --hash-key-file "$work/key" --db "$work/s.db" -o /dev/null "$work/tree"
  s=$((s + 1))
done
sqlite3 "$work/s.db" "SELECT 'findings rows', count(*) FROM findings; SELECT 'current', count(*) FROM findings WHERE resolved_in_scan IS NULL; SELECT 'completed scans', count(*) FROM scans WHERE status = 'completed';"
run() {  # NAME COMMAND...
  name=$1
  shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/t" "$@" >/dev/null
  read -r wall user sys rss <"$work/t"
  echo "$name $wall $user $sys $rss" >>"$work/times"
  awk -v n="$name" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" \
    'BEGIN { printf "%-14s %6.2f s wall %6.2f s CPU %5.0f MB RSS\n", n, w, u + s, r / 1024 }'
}
i=0
while [ $i -lt "$rounds" ]; do
  run no-trends "$piiscan" audit --register "$work/register.yaml" --db "$work/s.db" --trend-scans 0 \
    --report "$work/a.html" --xlsx "$work/a.xlsx" --format json -o "$work/a.json"
  run trends "$piiscan" audit --register "$work/register.yaml" --db "$work/s.db" \
    --report "$work/b.html" --xlsx "$work/b.xlsx" --format json -o "$work/b.json"
  i=$((i + 1))
done
python3 - "$work/times" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
def med(name, col):
    return statistics.median(float(r[col]) for r in rows if r[0] == name)
for col, what in ((1, "wall"), (2, "user CPU"), (4, "peak RSS KB")):
    a, b = med("no-trends", col), med("trends", col)
    print(f"median {what}: no trends {a:.2f}, trends {b:.2f}, ratio {b / a:.2f}")
PY
