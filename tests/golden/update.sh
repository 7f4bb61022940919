#!/usr/bin/env bash
# Regenerates the expected findings of the demo sample after a deliberate
# detector change. Review the diff before committing it.
#   tests/golden/update.sh build/piiscan
set -euo pipefail
bin=$(realpath "${1:-build/piiscan}")
cd "$(dirname "$0")/../.."
# A private copy of the key: piiscan refuses a key others can read.
key=$(mktemp) && trap 'rm -f "$key"' EXIT
cp tests/golden/test.key "$key" && chmod 600 "$key"
"$bin" scan -q --no-progress -j1 --min-confidence low --exclude truth.jsonl \
  --hash-key-file "$key" corpus/sample |
  grep -v '^{"summary"\|^{"header"' | sed -E 's/,"item_time":[0-9]+//' > tests/golden/sample_findings.jsonl
git diff --stat -- tests/golden/sample_findings.jsonl || true
