#!/usr/bin/python3
"""Scores piiscan findings against labelled truth.

  bench/eval.py FINDINGS.jsonl TRUTH.jsonl [--min-confidence medium]
                [--targets bench/targets.json] [--root DIR] [--show N]

A finding matches a truth row when file, detector and normalised value are
equal (findings need --show-values; person names compare case- and
space-insensitively). Counts are over distinct (file, detector, value)
triples. Prints per-detector TP/FP/FN, precision, recall, F1 and the micro
average; exits 1 when a target in --targets is not met, 2 on bad input.
Finding paths are taken relative to --root (default: the truth file's
directory, i.e. the corpus root that was scanned).
"""
import argparse
import json
import os
import sys

LEVELS = {"low": 0, "medium": 1, "high": 2}


def norm(detector, value):
    if detector == "person_name":
        return " ".join(value.split()).casefold()
    return value


def load_truth(path):
    out = set()
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            out.add((row["file"], row["detector"], norm(row["detector"], row["value"])))
    return out


def load_findings(path, root, min_level):
    out = set()
    missing_values = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            row = json.loads(line)
            if "detector" not in row:
                continue  # a status record
            if LEVELS.get(row.get("confidence"), 0) < min_level:
                continue
            if "value" not in row:
                missing_values += 1
                continue
            rel = os.path.relpath(os.path.abspath(row["file"]), root)
            out.add((rel, row["detector"], norm(row["detector"], row["value"])))
    if missing_values:
        print(f"eval: {missing_values} findings without a value: scan with --show-values", file=sys.stderr)
    return out


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f1


def main():
    ap = argparse.ArgumentParser(description="Score piiscan findings against truth.")
    ap.add_argument("findings")
    ap.add_argument("truth")
    ap.add_argument("--min-confidence", default="medium", choices=list(LEVELS))
    ap.add_argument("--targets")
    ap.add_argument("--root")
    ap.add_argument("--show", type=int, default=0, help="print up to N false positives/negatives per detector")
    a = ap.parse_args()
    root = os.path.abspath(a.root or os.path.dirname(os.path.abspath(a.truth)))
    try:
        truth = load_truth(a.truth)
        found = load_findings(a.findings, root, LEVELS[a.min_confidence])
    except (OSError, ValueError, KeyError) as e:
        print(f"eval: {e}", file=sys.stderr)
        return 2
    # Findings in files without any truth row count too (hard negatives).
    detectors = sorted({d for _, d, _ in truth} | {d for _, d, _ in found})
    results = {}
    tot = [0, 0, 0]
    print(f"{'detector':<28}{'TP':>6}{'FP':>6}{'FN':>6}{'prec':>8}{'recall':>8}{'F1':>8}")
    for det in detectors:
        t = {x for x in truth if x[1] == det}
        f = {x for x in found if x[1] == det}
        tp, fp, fn = len(t & f), len(f - t), len(t - f)
        p, r, f1 = prf(tp, fp, fn)
        results[det] = {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f1}
        tot = [tot[0] + tp, tot[1] + fp, tot[2] + fn]
        print(f"{det:<28}{tp:>6}{fp:>6}{fn:>6}{p:>8.3f}{r:>8.3f}{f1:>8.3f}")
        if a.show:
            for x in sorted(f - t)[:a.show]:
                print(f"    FP {x[0]}: {x[2]}")
            for x in sorted(t - f)[:a.show]:
                print(f"    FN {x[0]}: {x[2]}")
    p, r, f1 = prf(*tot)
    results["micro"] = {"tp": tot[0], "fp": tot[1], "fn": tot[2], "precision": p, "recall": r, "f1": f1}
    print(f"{'micro average':<28}{tot[0]:>6}{tot[1]:>6}{tot[2]:>6}{p:>8.3f}{r:>8.3f}{f1:>8.3f}")

    if not a.targets:
        return 0
    with open(a.targets, encoding="utf-8") as fh:
        targets = json.load(fh)
    failed = []
    for key, want in targets.items():
        if key.startswith("_"):
            continue
        got = results.get(key)
        if got is None:
            failed.append(f"{key}: no truth and no findings")
            continue
        for metric, minimum in want.items():
            if got[metric] + 1e-9 < minimum:
                failed.append(f"{key}: {metric} {got[metric]:.3f} < {minimum}")
    for line in failed:
        print(f"BELOW TARGET  {line}")
    print("targets: " + ("met" if not failed else f"{len(failed)} not met"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
