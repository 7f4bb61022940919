#!/usr/bin/python3
"""The eval_corpus ctest: generate a corpus, scan it, score it.

  bench/run_eval.py PIISCAN SOURCE_DIR WORK_DIR [--seed N] [--scale S]

Generates a corpus (corpus/generate.py) into WORK_DIR/corpus, scans it with
`PIISCAN scan --show-values` (truth.jsonl excluded) into
WORK_DIR/findings.jsonl, and runs bench/eval.py against bench/targets.json
at medium confidence. Exits with eval's status.
"""
import argparse
import os
import shutil
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("piiscan")
    ap.add_argument("source_dir")
    ap.add_argument("work_dir")
    ap.add_argument("--seed", default="11")
    ap.add_argument("--scale", default="1")
    a = ap.parse_args()
    corpus = os.path.join(a.work_dir, "corpus")
    findings = os.path.join(a.work_dir, "findings.jsonl")
    shutil.rmtree(corpus, ignore_errors=True)
    os.makedirs(a.work_dir, exist_ok=True)
    py = sys.executable
    subprocess.run([py, os.path.join(a.source_dir, "corpus", "generate.py"), corpus, "--seed", a.seed,
                    "--scale", a.scale], check=True)
    key = os.path.join(a.work_dir, "hash.key")
    with open(key, "w") as f:
        f.write("eval-corpus-key-not-a-secret-0123456789\n")
    os.chmod(key, 0o600)  # piiscan refuses a key others can read
    subprocess.run([a.piiscan, "scan", "-q", "--no-progress", "--show-values", "--exclude", "truth.jsonl",
                    "--hash-key-file", key, "-o", findings, corpus], check=True)
    return subprocess.run([py, os.path.join(a.source_dir, "bench", "eval.py"), findings,
                           os.path.join(corpus, "truth.jsonl"), "--min-confidence", "medium",
                           "--targets", os.path.join(a.source_dir, "bench", "targets.json")]).returncode


if __name__ == "__main__":
    sys.exit(main())
