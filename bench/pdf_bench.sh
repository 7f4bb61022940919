#!/usr/bin/env bash
# PDF throughput against pdftotext (the extraction baseline): a generated
# 300-page Dutch PDF (reportlab), `pdftotext -layout` vs `piiscan scan`
# (extraction + detection), best of 3 each.
#   bench/pdf_bench.sh [build/piiscan]
set -euo pipefail
bin=$(realpath "${1:-build/piiscan}")
here=$(cd "$(dirname "$0")" && pwd)
pdf=/tmp/piiscan-bench/pages300.pdf
mkdir -p /tmp/piiscan-bench
if [[ ! -f $pdf ]]; then
  /usr/bin/python3 - "$pdf" "$here" <<'PY'
import random, sys
sys.path.insert(0, sys.argv[2])
import gen_text
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
r = random.Random(5)
c = canvas.Canvas(sys.argv[1], pagesize=A4)
for page in range(300):
    y = 800
    for line in gen_text.text(r, 3500).split(". "):
        for i in range(0, len(line), 95):
            c.drawString(40, y, line[i:i + 95]); y -= 12
            if y < 40: break
        if y < 40: break
    c.showPage()
c.save()
PY
fi
best() {
  local b=999 t
  t=$(mktemp)
  for _ in 1 2 3; do
    /usr/bin/time -f %e -o "$t" "$@" >/dev/null 2>&1
    b=$(awk -v b="$b" '{print ($1<b)?$1:b}' "$t")
  done
  rm -f "$t"
  echo "$b"
}
[[ -f $here/bench.key ]] || echo "benchmark-key-not-secret-0123456789" > "$here/bench.key"
chmod 600 "$here/bench.key"  # piiscan refuses a key others can read
t_pdftotext=$(best pdftotext -layout "$pdf" /dev/null)
t_piiscan=$(best "$bin" scan -q --no-progress -j1 --min-confidence low --hash-key-file "$here/bench.key" -o /dev/null "$pdf")
echo "300-page PDF: pdftotext -layout ${t_pdftotext} s, piiscan scan ${t_piiscan} s, ratio $(echo "$t_pdftotext $t_piiscan" | awk '{printf "%.2f", $1/$2}') (>1: piiscan faster)"
