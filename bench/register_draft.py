#!/usr/bin/env python3
"""Scores `piiscan register draft` against hand-read answers.

Usage: bench/register_draft.py --piiscan BIN DIR [DIR ...] [--show] [--keep OUT]

Each DIR holds privacy statements (*.txt, text written by others: kept outside
the repository) and an `expected.yaml` written by a person who read them,
before piiscan ran on them:

  NAME.txt:
    organisation: [acceptable spellings]   # [] when the text does not name it
    kvk: "12345678"                        # optional
    systems: [[acceptable names], ...]     # matched against a drafted system's id or name
    categories: [category ids]             # data the organisation says it processes
    retention: [months, ...]               # periods the text states

For each statement the draft is compared with the answer: the organisation
is right when it equals one spelling (case and spaces ignored); a system is
found when a drafted system's id or name contains one of its names, and a
drafted system that matches none is false; categories are those of the
drafted systems and the "Data the statement lists without naming a system"
comment, those outside the answer false; retention periods are the distinct
drafted `retention:` values and per-data periods (in months), matched as sets
against the distinct periods of the answer. Prints one line per statement and the totals per set.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter

import yaml


def norm(s):
    return re.sub(r"\s+", " ", (s or "").strip()).casefold()


def period_months(text):
    m = re.fullmatch(r"\s*(\d+)\s*([ym])\s*", text or "")
    if not m:
        return None
    return int(m.group(1)) * (12 if m.group(2) == "y" else 1)


def parse_draft(yaml_text):
    """The drafted answer: organisation, kvk, systems, categories, periods."""
    doc = yaml.safe_load(yaml_text) or {}
    out = {
        "organisation": doc.get("organisation") or "",
        "kvk": str(doc.get("kvk") or ""),
        "systems": [],
        "categories": set(),
        "retention": [],
    }
    if doc.get("retention"):
        out["retention"].append(period_months(str(doc["retention"])))
    for s in doc.get("systems") or []:
        out["systems"].append((str(s.get("id", "")), str(s.get("name", ""))))
        out["categories"].update(s.get("categories") or [])
        if s.get("retention"):
            out["retention"].append(period_months(str(s["retention"])))
    # Comments the draft writes for a person: the overall list and periods per data.
    for line in yaml_text.splitlines():
        m = re.match(r"# Data the statement lists without naming a system: \[(.*)\]", line)
        if m:
            out["categories"].update(c.strip() for c in m.group(1).split(",") if c.strip())
    per_data = False
    for line in yaml_text.splitlines():
        if line.startswith("# Retention periods the statement gives per kind of data"):
            per_data = True
            continue
        m = re.match(r"#   .*: (\d+[ym])  \(", line) if per_data else None
        if m:
            out["retention"].append(period_months(m.group(1)))
        elif per_data and not line.startswith("# "):
            per_data = False
    out["retention"] = sorted({r for r in out["retention"] if r})
    return out


def score(expected, got):
    s = {}
    orgs = [norm(o) for o in expected.get("organisation") or []]
    s["org_named"] = 1 if orgs else 0
    s["org_right"] = 1 if orgs and norm(got["organisation"]) in orgs else 0
    s["org_false"] = 1 if got["organisation"] and norm(got["organisation"]) not in orgs else 0
    if expected.get("kvk"):
        s["kvk_named"] = 1
        s["kvk_right"] = 1 if got["kvk"] == str(expected["kvk"]) else 0
    want = [[norm(n) for n in alts] for alts in expected.get("systems") or []]
    matched = set()
    false_sys = 0
    for sid, sname in got["systems"]:
        hay = (norm(sid), norm(sname))
        hit = [i for i, alts in enumerate(want) if any(a in h for a in alts for h in hay)]
        if hit:
            matched.update(hit)
        else:
            false_sys += 1
    s["sys_named"], s["sys_found"], s["sys_false"] = len(want), len(matched), false_sys
    cats = set(expected.get("categories") or [])
    s["cat_named"] = len(cats)
    s["cat_found"] = len(cats & got["categories"])
    s["cat_false"] = len(got["categories"] - cats)
    want_r = set(expected.get("retention") or [])
    got_r = set(got["retention"])
    s["ret_named"] = len(want_r)
    s["ret_found"] = len(want_r & got_r)
    s["ret_false"] = len(got_r - want_r)
    s["_missed_cats"] = sorted(cats - got["categories"])
    s["_false_cats"] = sorted(got["categories"] - cats)
    return s


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--piiscan", required=True)
    ap.add_argument("dirs", nargs="+")
    ap.add_argument("--show", action="store_true", help="print each statement's line")
    ap.add_argument("--keep", default="", help="write the drafts to this folder")
    a = ap.parse_args()
    keys = ["org_named", "org_right", "org_false", "kvk_named", "kvk_right", "sys_named", "sys_found",
            "sys_false", "cat_named", "cat_found", "cat_false", "ret_named", "ret_found", "ret_false"]
    for d in a.dirs:
        with open(os.path.join(d, "expected.yaml"), encoding="utf-8") as f:
            expected = yaml.safe_load(f)
        total = Counter()
        for name in sorted(expected):
            with tempfile.TemporaryDirectory() as tmp:
                out = os.path.join(tmp, "draft.yaml")
                r = subprocess.run([a.piiscan, "register", "draft", os.path.join(d, name), "-o", out],
                                   capture_output=True, text=True)
                if r.returncode != 0:
                    print(f"{name}: piiscan exit {r.returncode}: {r.stderr.strip()}", file=sys.stderr)
                    continue
                with open(out, encoding="utf-8") as f:
                    text = f.read()
            if a.keep:
                os.makedirs(a.keep, exist_ok=True)
                with open(os.path.join(a.keep, name.replace(".txt", ".yaml")), "w", encoding="utf-8") as f:
                    f.write(text)
            got = parse_draft(text)
            s = score(expected[name], got)
            total.update({k: v for k, v in s.items() if not k.startswith("_")})
            if a.show:
                print(f"  {name:28} org {'ok' if s['org_right'] else ('-' if not s['org_named'] else 'MISS')}"
                      f"{' (false: ' + repr(got['organisation']) + ')' if s['org_false'] else ''}"
                      f" | sys {s['sys_found']}/{s['sys_named']} +{s['sys_false']} {[n for _, n in got['systems']]}"
                      f" | cat {s['cat_found']}/{s['cat_named']} +{s['cat_false']}"
                      f"{' missed ' + ','.join(s['_missed_cats']) if s['_missed_cats'] else ''}"
                      f"{' false ' + ','.join(s['_false_cats']) if s['_false_cats'] else ''}"
                      f" | ret {s['ret_found']}/{s['ret_named']} +{s['ret_false']} {got['retention']}")
        print(f"{d}: {len(expected)} statements")
        print(f"  organisation {total['org_right']} of {total['org_named']} named, {total['org_false']} false;"
              f" kvk {total['kvk_right']} of {total['kvk_named']}")
        print(f"  systems {total['sys_found']} of {total['sys_named']}, {total['sys_false']} false")
        print(f"  categories {total['cat_found']} of {total['cat_named']}, {total['cat_false']} false")
        print(f"  retention {total['ret_found']} of {total['ret_named']}, {total['ret_false']} false")


if __name__ == "__main__":
    main()
