#!/usr/bin/python3
"""Person-name precision beside organisations named after people.

  bench/org_names.py [--piiscan build/piiscan] [--files 200] [--seed 7]
                     [--public] [--min-confidence medium] [--show N]

Writes short Dutch business notes (text files, in a temporary folder) in
which real-looking people (corpus/gen_names.py: given name, tussenvoegsel
and surname drawn independently) stand beside organisations and products
built from a person's name, the way a company share is full of them:
hospitals, clinics, schools, museums, stadiums, supermarkets, shops,
foundations, coffee brands, regional firms (`<region> Dierenkliniek`) and
van models (brand + model). The institution word stands after the name
("Sanne Bakker Ziekenhuis", "het Jeroen Visser ziekenhuis") or before it
("Basisschool Anne Kaya", "Stichting Piet Mulder"). The truth is the list
of people of each file; every other person_name finding at the confidence
asked is a false positive. --public takes the organisations from a fixed
list of real Dutch institutions and brands named after people (Jeroen Bosch
Ziekenhuis, Van Gogh Museum, Abe Lenstra Stadion, Albert Heijn ...) instead,
a set the lexicon was not built from.

Prints person_name precision and recall over distinct (file, value) pairs,
and how many organisation mentions were reported as a name. --show N prints
N false positives (to the terminal only).
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "corpus"))
from gen_names import Person  # noqa: E402

# Institution and business words (in the order a user writes them).
AFTER = ["Ziekenhuis", "ziekenhuis", "Kinderziekenhuis", "Gasthuis", "Kliniek", "Medisch Centrum", "MC",
         "College", "Lyceum", "Scholengemeenschap", "Museum", "museum", "Stadion", "stadion", "Supermarkt",
         "Supermarkten", "Bakkerij", "Mode", "Fashion", "Schoenen", "Wonen", "Koffie", "Tuincentrum",
         "Huisartsenpraktijk", "Apotheek", "Dierenkliniek", "Theater", "Hotel", "Restaurant", "Autobedrijf"]
BEFORE = ["Basisschool", "Stichting", "Museum", "Supermarkt", "Kinderopvang", "Sporthal", "Zwembad",
          "Theater", "Restaurant", "Tandartspraktijk", "Apotheek", "Kapsalon", "Bibliotheek"]
REGIONS = ["Utrecht", "Brabant", "Twente", "Veluwe", "Drenthe", "Zeeland", "Haaglanden", "Kennemerland"]
VANS = ["Mercedes Sprinter", "Mercedes Vito", "Mercedes Citan"]
# Organisations of the Netherlands named after a person (public names), the
# way they are written in mail; not used to build the lexicon (--public).
PUBLIC = ["Jeroen Bosch Ziekenhuis", "het Jeroen Bosch ziekenhuis", "Catharina Ziekenhuis",
          "Maxima Medisch Centrum", "Wilhelmina Kinderziekenhuis", "Juliana Kinderziekenhuis",
          "Van Gogh Museum", "Frans Hals Museum", "Kröller-Müller Museum", "Abe Lenstra Stadion",
          "Philips Stadion", "Hendrik Pierson College", "Christiaan Huygens College",
          "Willem de Zwijger College", "Johan de Witt Scholengroep", "Erasmus MC",
          "Antonius Ziekenhuis", "Laurentius Ziekenhuis", "Amalia Kinderziekenhuis",
          "Sint Maartenskliniek", "het Anne Frank Huis", "Basisschool Anne Frank",
          "Museum Jan Cunen", "Stichting Vincent van Gogh", "Jan Linders supermarkt",
          "Albert Heijn supermarkt", "Douwe Egberts koffie", "Hunkemöller Fashion"]

PERSON_LINES = [
    "Vandaag sprak ik {p} over de planning van volgende week.",
    "Graag een terugbelverzoek voor {p}, die vanmiddag langskwam.",
    "Het verslag is opgesteld door {p} en gecontroleerd door de afdeling.",
    "Zoals besproken neemt {p} de overdracht op zich.",
]
ORG_LINES = [
    "De afspraak vindt plaats in het {o}, tweede verdieping.",
    "Morgen leveren we de bestelling af bij {o} in de binnenstad.",
    "De factuur van {o} is nog niet betaald.",
    "Volgende maand organiseren we een bijeenkomst bij {o}.",
    "{o} heeft de offerte goedgekeurd.",
]
VAN_LINES = [
    "De {v} staat vanaf maandag weer bij de garage.",
    "Voor de verhuizing huren we een {v} met laadklep.",
]


def org(rng, public):
    if public:
        return rng.choice(PUBLIC)
    p = Person(rng)
    kind = rng.random()
    if kind < 0.45:
        name = rng.choice([p.full, p.given + " " + p.surname])
        return f"{name} {rng.choice(AFTER)}"
    if kind < 0.8:
        return f"{rng.choice(BEFORE)} {rng.choice([p.full, p.given + ' ' + p.surname])}"
    if kind < 0.9:
        return f"{rng.choice(REGIONS)} Dierenkliniek"
    return f"{p.given} {p.surname} {rng.choice(['Mode', 'Supermarkt', 'Koffie'])}"


def build(folder, files, seed, public=False):
    rng = random.Random(seed)
    truth, orgs = {}, {}
    for i in range(files):
        people, names, lines = [], [], []
        for _ in range(rng.randint(1, 3)):
            p = Person(rng)
            people.append(p.full)
            lines.append(rng.choice(PERSON_LINES).format(p=p.full))
        for _ in range(rng.randint(1, 3)):
            o = org(rng, public)
            names.append(o)
            lines.append(rng.choice(ORG_LINES).format(o=o))
        if rng.random() < 0.3:
            lines.append(rng.choice(VAN_LINES).format(v=rng.choice(VANS)))
        rng.shuffle(lines)
        path = os.path.join(folder, f"note_{i:04d}.txt")
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write("\n\n".join(lines) + "\n")
        truth[path] = {norm(x) for x in people}
        orgs[path] = names
    return truth, orgs


def norm(s):
    return " ".join(s.split()).casefold()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--piiscan", default=os.path.join(os.path.dirname(__file__), "..", "build", "piiscan"))
    ap.add_argument("--files", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--min-confidence", default="medium")
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--public", action="store_true",
                    help="organisations: public names of Dutch institutions and brands, not built ones")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="piiscan-orgs-") as tmp:
        docs = os.path.join(tmp, "docs")
        os.mkdir(docs, 0o700)
        truth, orgs = build(docs, a.files, a.seed, a.public)
        out = os.path.join(tmp, "f.jsonl")
        subprocess.run([a.piiscan, "scan", "--detectors", "person_name", "--show-values", "--no-progress",
                        "-q", "--min-confidence", a.min_confidence, "-o", out, docs], check=True)
        found = {}
        with open(out, encoding="utf-8") as f:
            for raw in f:
                row = json.loads(raw)
                if row.get("detector") == "person_name":
                    found.setdefault(row["file"], set()).add(norm(row["value"]))
    tp = fp = org_hits = 0
    false = []
    for path, want in truth.items():
        got = found.get(path, set())
        tp += len(got & want)
        for g in got - want:
            fp += 1
            false.append(g)
            if any(g in norm(o) for o in orgs[path]):
                org_hits += 1
    n = sum(len(w) for w in truth.values())
    mentions = sum(len(o) for o in orgs.values())
    prec = tp / (tp + fp) if tp + fp else 1.0
    print(f"org_names: {a.files} files, {n} people, {mentions} organisation mentions; person_name at "
          f"{a.min_confidence}+: precision {prec:.3f} ({tp} true, {fp} false, {org_hits} of them "
          f"organisations), recall {tp / n:.3f}")
    for g in false[:a.show]:
        print(f"  false: {g!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
