#!/usr/bin/python3
"""Dates of birth in prose: recall, and other dates in the same sentences.

  bench/dob_prose.py [--piiscan build/piiscan] [--files 300] [--seed 4] [--show N]

Writes one short Dutch (and some English) sentence per file with a date of
birth written the ways people write it in running text ("Sanne is geboren
op 3 maart 1985 in Tilburg", "geb. 03-03-1985", "werd op 3-3-1985
geboren", "geboortedatum van ...: ..."), in every date form the detector
reads (12-03-1985, 3-3-1985, 12.03.1985, 12/03/1985, 3 maart 1985, 3 mrt.
1985, 1985-03-12). Templates come in a `dev` set (looked at while tuning)
and a `held-out` set (written at the same time, not looked at). A third
set holds other dates in prose (in dienst, invoices, founding dates, a
child's birth and a start date in one sentence: only the birth date is
one). Recall counts files whose birth date is found at medium+ with its ISO
value; false findings count dates found that are not the birth date.
"""
import argparse
import datetime
import json
import os
import random
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "corpus"))
from gen_names import Person  # noqa: E402

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"]
SHORT = ["jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."]
CITIES = ["Tilburg", "Utrecht", "Paramaribo", "Rotterdam", "Nador", "Ankara", "Groningen", "Leiden"]

DEV = [
    "{n} is geboren op {d} in {c}.",
    "{n}, geboren {d} te {c}, treedt per 1 september in dienst.",
    "Betreft: {n} (geb. {d}), personeelsnummer 4471.",
    "Ze is op {d} geboren in {c} en woont sinds 2010 in Utrecht.",
    "{n} werd op {d} geboren als jongste van drie kinderen.",
    "Geboortedatum van {n}: {d}.",
    "{n} (geboren {d}) heeft het contract getekend.",
    "The employee, {n}, was born on {d} in {c}.",
]
HELD_OUT = [
    "Hierbij meld ik dat {n}, geb. {d}, per direct uit dienst gaat.",
    "Mijn zoon {g} is geboren op {d}; graag zijn gegevens aanpassen.",
    "{n} is op {d} te {c} geboren.",
    "Gegevens: {n}, geboren te {c} op {d}.",
    "{g} (geb {d}) start maandag.",
    "Hij is geboren {d} in {c}, zij in 1987.",
    "{n}, date of birth {d}, nationality Dutch.",
    "Op {d} werd {n} in {c} geboren.",
]
OTHER = [
    "{n} is op {d} in dienst getreden.",
    "De factuur van {d} is nog niet betaald.",
    "Het bedrijf is opgericht op {d} in {c}.",
    "{n} is geboren in {c} en is op {d} in dienst getreden.",
    "Vergadering van {d}: aanwezig {n}.",
    "Het contract van {n} loopt af op {d}.",
    "Op {d} verhuisde {n}, geboren in {c}, naar Utrecht.",
    "Het contract loopt af op {d}. {g} is geboren in {c}.",
]


def form(rng, day):
    f = rng.randrange(7)
    d, m, y = day.day, day.month, day.year
    return [f"{d:02d}-{m:02d}-{y}", f"{d}-{m}-{y}", f"{d:02d}.{m:02d}.{y}", f"{d:02d}/{m:02d}/{y}",
            f"{d} {MONTHS[m - 1]} {y}", f"{d} {SHORT[m - 1]} {y}", day.isoformat()][f]


def fill(tmpl, rng, lo, hi):
    p = Person(rng)
    day = datetime.date(rng.randint(lo, hi), rng.randint(1, 12), rng.randint(1, 28))
    return tmpl.format(n=p.full, g=p.given, c=rng.choice(CITIES), d=form(rng, day)), day.isoformat()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--piiscan", default=os.path.join(os.path.dirname(__file__), "..", "build", "piiscan"))
    ap.add_argument("--files", type=int, default=300)
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("--show", type=int, default=0)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    with tempfile.TemporaryDirectory(prefix="piiscan-dob-") as tmp:
        for label, templates, lo, hi in (("dev", DEV, 1940, 2005), ("held-out", HELD_OUT, 1940, 2005),
                                         ("other dates", OTHER, 1990, 2024)):
            folder = os.path.join(tmp, label.replace(" ", "_"))
            os.mkdir(folder, 0o700)
            want, texts = {}, {}
            for i in range(a.files):
                text, iso = fill(templates[i % len(templates)], rng, lo, hi)
                path = os.path.join(folder, f"s_{i:03d}.txt")
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(fd, "w", encoding="utf-8") as f:
                    f.write(text + "\n")
                want[path] = iso if label != "other dates" else None
                texts[path] = text
            out = folder + ".jsonl"
            subprocess.run([a.piiscan, "scan", "--detectors", "date_of_birth", "--show-values", "--no-progress",
                            "-q", "--min-confidence", "medium", "-o", out, folder], check=True)
            got = {}
            with open(out, encoding="utf-8") as f:
                for raw in f:
                    row = json.loads(raw)
                    if row.get("detector") == "date_of_birth":
                        got.setdefault(row["file"], set()).add(row["value"])
            found = sum(1 for p, iso in want.items() if iso and iso in got.get(p, set()))
            false = sum(len(got.get(p, set()) - {iso}) for p, iso in want.items())
            if label == "other dates":
                print(f"{label:12s} {a.files} files: dates reported as birth dates {false}")
            else:
                print(f"{label:12s} {a.files} files: birth date found in {found} ({found / a.files:.0%}), "
                      f"other dates reported {false}")
            shown = 0
            for p, iso in want.items():
                bad = (iso and iso not in got.get(p, set())) or (got.get(p, set()) - {iso})
                if bad and shown < a.show:
                    print("   ", texts[p])
                    shown += 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
