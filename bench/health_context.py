#!/usr/bin/python3
"""special_health in free text about a person, and not in policy text.

  bench/health_context.py [--piiscan build/piiscan] [--files 200] [--seed 3]
                          [--seeds DIR] [--statements DIR] [--show N]

Positives: short Dutch notes and mails about one person's health (sick
leave, reintegration, diagnoses, medication, pregnancy, company-doctor
notes), written the way HR staff and managers write them: the person is
named, or referred to by a pronoun or a role ("medewerker"), not always
right next to the health words. Two template sets: `dev` (the detector was
tuned against it) and `held-out` (written at the same time, not looked at
while tuning); each file holds one note, names from corpus/gen_names.py.

Negatives: sentences of privacy statements and HR policies that name
health data without being about a person ("Wij verwerken
gezondheidsgegevens alleen ..."), one file each; plus every *.txt of
--seeds and --statements (real privacy statements, not committed: their
text stays outside the repository).

Prints, per set, the share of files with a special_health finding at
medium or higher (recall on positives; false findings on negatives).
"""
import argparse
import glob
import json
import os
import random
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "corpus"))
from gen_names import Person  # noqa: E402

# {n}: full name, {g}: given name, {s}: formal surname ("De Vries"), {hij}/{zij}: pronoun by chance.
DEV = [
    "{n} heeft zich vanochtend ziek gemeld. Ze verwacht volgende week weer te kunnen beginnen.",
    "Gesprek met {g} gehad over haar re-integratie. Zij start met twee dagen per week aangepast werk.",
    "{n} is zwanger en gaat vanaf 1 juni met zwangerschapsverlof.",
    "Hoi, {g} belde: hij heeft griep en blijft vandaag thuis. De bedrijfsarts is ingelicht.",
    "Terugkoppeling bedrijfsarts over {n}: belastbaarheid beperkt, geen zware tilwerkzaamheden.",
    "{g} gebruikt sinds kort antidepressiva en is daardoor soms vermoeid.",
    "Bij {n} is vorige maand diabetes vastgesteld; zij moet op vaste tijden kunnen eten.",
    "Verzuimgesprek {n}, 12 maart. Klachten: rugpijn (hernia). Fysiotherapie twee keer per week.",
    "{s} is na zijn hartinfarct nog niet volledig hersteld en werkt halve dagen.",
    "Plan van aanpak re-integratie {n}: opbouw naar 24 uur in 6 weken, evaluatie met de arbodienst.",
    "Beste {g}, wat vervelend dat je in het ziekenhuis bent opgenomen. Beterschap!",
    "Notitie: {g} meldt dat ze een burn-out heeft en onder behandeling is bij een psycholoog.",
]
HELD_OUT = [
    "{n} is sinds maandag uitgevallen met overspannenheid; de huisarts heeft rust voorgeschreven.",
    "Ik heb {g} gesproken, ze is in verwachting en vraagt of ze minder kan reizen.",
    "{g} laat weten dat hij volgende week geopereerd wordt aan zijn knie en twee weken thuis is.",
    "Update: {n} krijgt chemotherapie en werkt voorlopig niet. Graag discreet behandelen.",
    "Medewerker {n} heeft een ziekmelding gedaan via de app, reden onbekend.",
    "{s} heeft migraine en vraagt om een werkplek zonder tl-verlichting.",
    "Probleemanalyse bedrijfsarts voor {n} ontvangen, geen benutbare mogelijkheden de komende 4 weken.",
    "Hoi allemaal, {g} is bevallen van een gezonde dochter! Zij is de komende 16 weken met verlof.",
    "{n} slikt bloedverdunners; bij een ongeval op de werkvloer direct 112 bellen.",
    "Verslag: {g} heeft astma en mag niet in de stoffige hal werken.",
    "{g} gaf aan dat hij sinds de scheiding slecht slaapt en medicijnen gebruikt.",
    "{n} is na de operatie arbeidsongeschikt verklaard voor 50 procent.",
]
POLICY = [
    "Wij verwerken gezondheidsgegevens alleen als dat wettelijk verplicht is.",
    "Gegevens over ziekteverzuim en re-integratie delen wij uitsluitend met de bedrijfsarts.",
    "Bijzondere persoonsgegevens, zoals gegevens over uw gezondheid, verwerken wij niet.",
    "In geval van ziekte verwerkt de arbodienst medische gegevens; de werkgever ontvangt geen diagnose.",
    "De bewaartermijn van het verzuimdossier is twee jaar na afloop van het dienstverband.",
    "Ons verzuimprotocol beschrijft hoe medewerkers zich ziek melden en wat de bedrijfsarts doet.",
    "Zwangere medewerkers hebben recht op zestien weken zwangerschaps- en bevallingsverlof.",
    "Tijdens de workshop leert u hoe u een burn-out voorkomt.",
    "De Wet verbetering poortwachter regelt de re-integratie van zieke werknemers.",
    "Medische gegevens worden opgeslagen in een beveiligd dossier waar alleen de bedrijfsarts bij kan.",
    "Wij vragen sollicitanten niet naar hun gezondheid of medicijngebruik.",
    "Lees meer over depressie en angststoornissen op onze website.",
]


def fill(tmpl, rng):
    p = Person(rng)
    return tmpl.format(n=p.full, g=p.given, s=("de heer " if rng.random() < 0.5 else "mevrouw ") + p.formal)


def write(folder, name, text):
    path = os.path.join(folder, name)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def scan(piiscan, folder):
    out = os.path.join(folder, "..", os.path.basename(folder) + ".jsonl")
    # All detectors: a person_name finding near a health word is its context.
    subprocess.run([piiscan, "scan", "--show-values", "--no-progress", "-q",
                    "--min-confidence", "medium", "-o", out, folder], check=True)
    hit = set()
    with open(out, encoding="utf-8") as f:
        for raw in f:
            row = json.loads(raw)
            if row.get("detector") == "special_health":
                hit.add(row["file"])
    return hit


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--piiscan", default=os.path.join(os.path.dirname(__file__), "..", "build", "piiscan"))
    ap.add_argument("--files", type=int, default=200)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--seeds", default="", help="folder of privacy statements (*.txt), negatives")
    ap.add_argument("--statements", default="", help="another such folder")
    ap.add_argument("--show", type=int, default=0)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    with tempfile.TemporaryDirectory(prefix="piiscan-health-") as tmp:
        sets = {}
        for label, templates in (("dev", DEV), ("held-out", HELD_OUT)):
            folder = os.path.join(tmp, label)
            os.mkdir(folder, 0o700)
            sets[label] = [write(folder, f"note_{i:03d}.txt", fill(templates[i % len(templates)], rng) + "\n")
                           for i in range(a.files)]
        folder = os.path.join(tmp, "policy")
        os.mkdir(folder, 0o700)
        sets["policy"] = [write(folder, f"policy_{i:02d}.txt", t + "\n") for i, t in enumerate(POLICY)]
        folder = os.path.join(tmp, "statements")
        os.mkdir(folder, 0o700)
        stmts = []
        for d in (a.seeds, a.statements):
            for src in sorted(glob.glob(os.path.join(d, "*.txt"))) if d else []:
                with open(src, "rb") as f:
                    data = f.read()
                path = os.path.join(folder, f"{len(stmts):03d}_{os.path.basename(src)}")
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(fd, "wb") as f:
                    f.write(data)
                stmts.append(path)
        if stmts:
            sets["statements"] = stmts
        for label, files in sets.items():
            hit = scan(a.piiscan, os.path.dirname(files[0]))
            n = sum(1 for f in files if f in hit)
            kind = "found in" if label in ("dev", "held-out") else "false findings in"
            print(f"{label:10s} {len(files):4d} files: special_health at medium+ {kind} {n} ({n / len(files):.0%})")
            missed = [f for f in files if (f in hit) != (kind == "found in")]
            for f in missed[:a.show]:
                with open(f, encoding="utf-8", errors="replace") as fh:
                    print("   ", fh.read(200).strip().replace("\n", " ")[:160])
    return 0


if __name__ == "__main__":
    sys.exit(main())
