#!/usr/bin/python3
"""Recall of person_name on real people's names: the `Name <address>` lines.

  bench/name_address_recall.py [--piiscan build/piiscan] [--root /usr/share/doc]
                               [--min-confidence medium] [--show N]

The Debian copyright files and changelog.Debian.gz trailers of the machine's
/usr/share/doc hold thousands of `Name <address>` lines written by the
people themselves, from every part of the world: "Copyright: 2012 Jan de
Vries <jan@...>", " -- Mark J. Wielaard <mark@...>  Tue, ...". The truth
for each line is the name right before `<address>`: the longest run of
capitalised words, initials and name particles (van, de, von, da ...) of at
least two words; lines whose run names a team or project (Debian QA Group,
... Maintainers) are left out. Those files are scanned with
--detectors person_name --show-values --each-occurrence (one record per
occurrence, so that each line has its own); a truth name is recalled when a
finding on its line has the same value (case- and space-insensitive), and
partly recalled when a finding on the line overlaps it (a shorter or longer
span). Prints counts and recall; --show N prints N missed names (to the
terminal only: the text is not written anywhere and not committed).
"""
import argparse
import collections
import glob
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile

PARTICLES = {"van", "de", "der", "den", "von", "da", "di", "du", "le", "la", "del", "della", "dos",
             "das", "do", "ten", "ter", "'t", "bin", "ben", "al", "el", "zu", "y", "af", "av", "vom",
             "op", "in", "het", "des", "st.", "mac"}
# Words that make the run a team, project or company, not a person (truth
# filter only; the detector has its own company markers).
NOT_PERSON = {"debian", "ubuntu", "team", "group", "maintainers", "maintainer", "developers",
              "project", "foundation", "inc", "inc.", "ltd", "ltd.", "force", "packaging",
              "contributors", "authors", "software", "corporation", "systems", "gmbh", "llc",
              "university", "institute", "community", "organization", "consortium", "list",
              "mailing", "bugs", "security", "qa", "x", "strike", "perl", "python", "gnome", "kde",
              "mozilla", "google", "microsoft", "apple", "oracle", "ibm", "intel", "red", "hat",
              "the", "and", "of", "free", "gnu", "fsf", "lab", "labs", "co", "co.", "ab", "corp",
              "corp.", "technologies", "association", "society", "unicode", "sun", "netscape",
              "xiph.org", "contributor", "all", "other", "others", "et", "al.", "copyright"}
TITLES = {"dr", "prof", "mr", "mrs", "ms", "ir", "ing", "drs", "sir"}
LINE = re.compile(r"<[^<>@\s]+@[^<>\s]+>")


def name_word(w):
    if w.lower() in PARTICLES:
        return True
    if re.fullmatch(r"(?:[A-Z]\.){1,3}|[A-Z]\.-[A-Z]\.", w):
        return True  # initials
    return bool(re.fullmatch(r"[^\W\d_](?:[^\W\d_]|['’.-])*", w)) and w[0].isupper() and not w.isupper()


def truth_name(prefix):
    """The name directly before '<address>' in `prefix`, or None."""
    words = prefix.rstrip().split()
    run = []
    for w in reversed(words):
        if not name_word(w):
            break
        run.append(w)
    run.reverse()
    while run and run[0].lower().rstrip(".") in TITLES:
        run.pop(0)  # "Dr. Tobias Quathamer": the title is no part of the name
    while run and run[0].lower() in PARTICLES and not run[0][0].isupper():
        run.pop(0)  # "and van ..." at the start is no part of the name
    if len(run) < 2 or not run[-1][0].isupper():
        return None
    if any(w.lower().strip(",") in NOT_PERSON for w in run):
        return None
    return " ".join(run)


def read_lines(path):
    try:
        data = gzip.open(path).read() if path.endswith(".gz") else open(path, "rb").read()
    except (OSError, EOFError):
        return []
    return data.decode("utf-8", "replace").split("\n")


def truth(root):
    files = sorted(glob.glob(os.path.join(root, "*", "copyright")) +
                   glob.glob(os.path.join(root, "*", "changelog.Debian.gz")))
    out = {}  # (file, line) -> name
    for f in files:
        for n, line in enumerate(read_lines(f), 1):
            m = LINE.search(line)
            if not m:
                continue
            name = truth_name(line[:m.start()])
            if name:
                out[(f, n)] = name
    return files, out


def norm(s):
    return " ".join(s.split()).casefold()


def in_prose(a, names):
    """Recall of the distinct names in a sentence with no cue but the name
    itself: what the gazetteer and the name shape find alone."""
    with tempfile.TemporaryDirectory(prefix="piiscan-names-") as tmp:
        text = os.path.join(tmp, "prose.txt")
        fd = os.open(text, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            for name in names:
                f.write(f"Vandaag sprak ik {name} over de planning.\n\n")
        out = os.path.join(tmp, "f.jsonl")
        cmd = [a.piiscan, "scan", "--detectors", "person_name", "--show-values", "--no-progress", "-q",
               "--min-confidence", a.min_confidence, "-o", out, text]
        subprocess.run(cmd, check=True)
        got = set()
        with open(out, encoding="utf-8") as f:
            for raw in f:
                row = json.loads(raw)
                if row.get("detector") == "person_name":
                    got.add(norm(row["value"]))
    hit = sum(1 for n in names if norm(n) in got)
    print(f"in prose (no address): {len(names)} distinct names; recalled {hit} ({hit / len(names):.1%})")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--piiscan", default=os.path.join(os.path.dirname(__file__), "..", "build", "piiscan"))
    ap.add_argument("--root", default="/usr/share/doc")
    ap.add_argument("--min-confidence", default="medium")
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("-j", "--threads", type=int, default=0)
    ap.add_argument("--in-prose", action="store_true",
                    help="also: each distinct name alone in a sentence, without its address")
    a = ap.parse_args()
    files, want = truth(a.root)
    if not want:
        print(f"name_address_recall: no Name <address> lines under {a.root}", file=sys.stderr)
        return 0
    if a.in_prose:
        in_prose(a, sorted(set(want.values())))
    with tempfile.TemporaryDirectory(prefix="piiscan-names-") as tmp:
        out = os.path.join(tmp, "f.jsonl")
        cmd = [a.piiscan, "scan", "--detectors", "person_name", "--show-values", "--no-progress", "-q",
               "--each-occurrence", "--min-confidence", a.min_confidence, "-o", out]
        if a.threads:
            cmd += ["-j", str(a.threads)]
        subprocess.run(cmd + files, check=True)
        found = collections.defaultdict(list)
        with open(out, encoding="utf-8") as f:
            for raw in f:
                row = json.loads(raw)
                if row.get("detector") == "person_name" and row.get("line"):
                    found[(row["file"], row["line"])].append(norm(row["value"]))
    exact = partial = 0
    missed = []
    for key, name in want.items():
        got = found.get(key, [])
        t = norm(name)
        if t in got:
            exact += 1
        elif any(g in t or t in g for g in got):
            partial += 1
            missed.append((name, got))
        else:
            missed.append((name, got))
    n = len(want)
    print(f"Name <address> lines: {n} in {len(files)} files; person_name at {a.min_confidence}+: "
          f"recalled {exact} ({exact / n:.1%}), partly {partial} ({partial / n:.1%}), "
          f"missed {n - exact - partial} ({(n - exact - partial) / n:.1%})")
    for name, got in missed[:a.show]:
        print(f"  missed: {name!r}  found: {got}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
