#!/usr/bin/python3
"""Names in 8-bit text: is the value reported as written, or garbled by a
wrong code-page guess?

  bench/charset_names.py [--piiscan build/piiscan] [--files 60] [--seed 5]

Text without a byte-order mark that is not UTF-8 is decoded by a guess
(uchardet). A guess from a few accented letters is weak: windows-1252 text
with "Zoë" or "Inês" is read as MAC-CENTRALEUROPE or ISO-8859-10 and the
name comes out garbled. This writes short Dutch notes (a label line
"Naam: <name>", and in some a paragraph of prose and a signature) holding
names with letters outside ASCII, converts them with iconv (the real tool)
to the code page of each case, scans them with --detectors person_name
--show-values, and counts the files whose names are all reported exactly
as written.

Cases: windows-1252 (Dutch, French, German, Spanish, Portuguese, Nordic
names); and, as controls that must keep their own code page, windows-1250
and ISO-8859-2 (Polish and Czech names) and windows-1254 (Turkish).
(Cyrillic and Greek names are not read by person_name; formats_test holds
a Cyrillic text to its code page.) Files are written to a temporary folder (0600)
and removed.
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile

# Names per case (synthetic: given name and surname drawn independently).
GIVEN = {
    "cp1252": ["Zoë", "Noël", "Chloë", "Inês", "José", "Françoise", "Jürgen", "Søren", "Björn", "Anaïs",
               "Renée", "André", "Ángel", "Gülay", "Thérèse", "Joël", "Daniël", "Mañuel", "Aimée", "Jörg"],
    "pl": ["Łukasz", "Małgorzata", "Michał", "Paweł", "Władysław", "Bożena", "Jędrzej", "Grażyna"],
    "cz": ["Jiří", "Tomáš", "Lukáš", "Zdeněk", "Růžena", "Přemysl", "Kateřina", "Dušan"],
    "tr": ["Ayşe", "Gülşen", "İsmail", "Barış", "Çağla", "Doğan", "Şükrü", "Yağmur"],
}
SURNAMES = {
    "cp1252": ["Müller", "Lefèvre", "Gonçalves", "Núñez", "Jørgensen", "Åström", "Köhler", "Öztürk",
               "Hernández", "Bäcker", "Sánchez", "Doërr", "Ferreira", "Brønner", "Ibáñez", "Lindqvist"],
    "pl": ["Wiśniewski", "Wójcik", "Kamiński", "Dąbrowska", "Zieliński", "Woźniak", "Łęcka"],
    "cz": ["Dvořák", "Novák", "Černý", "Procházka", "Kučera", "Veselý", "Růžička"],
    "tr": ["Yılmaz", "Şahin", "Çelik", "Öztürk", "Aydın", "Doğan", "Kılıç"],
}
CASES = [("windows-1252", "CP1252", "cp1252"), ("windows-1250 (Polish)", "CP1250", "pl"),
         ("ISO-8859-2 (Czech)", "ISO-8859-2", "cz"), ("windows-1254 (Turkish)", "CP1254", "tr")]
PROSE = {
    "cp1252": "Gisteren sprak ik met de afdeling over de planning van het project. Zij vraagt of wij "
              "de stukken voor vrijdag kunnen sturen, zodat de overdracht op tijd rond is.",
    "pl": "Wczoraj rozmawiałem z działem o planie projektu. Prosi, abyśmy wysłali dokumenty do piątku.",
    "cz": "Včera jsem mluvil s oddělením o plánu projektu. Žádá, abychom poslali dokumenty do pátku.",
    "tr": "Dün proje planı hakkında bölümle konuştum. Belgeleri cumaya kadar göndermemizi istiyor.",
}


def note(rng, lang):
    name = f"{rng.choice(GIVEN[lang])} {rng.choice(SURNAMES[lang])}"
    if rng.random() < 0.5:
        return name, f"Naam: {name}\nAfdeling: Inkoop\n"
    return name, f"Naam: {name}\n\n{PROSE[lang]}\n\nMet vriendelijke groet,\n\n{name}\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--piiscan", default=os.path.join(os.path.dirname(__file__), "..", "build", "piiscan"))
    ap.add_argument("--files", type=int, default=60)
    ap.add_argument("--seed", type=int, default=5)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    for label, code, lang in CASES:
        with tempfile.TemporaryDirectory(prefix="piiscan-charset-") as tmp:
            docs = os.path.join(tmp, "docs")
            os.mkdir(docs, 0o700)
            want = {}
            for i in range(a.files):
                name, text = note(rng, lang)
                path = os.path.join(docs, f"note_{i:03d}.txt")
                enc = subprocess.run(["iconv", "-f", "UTF-8", "-t", code], input=text.encode(),
                                     capture_output=True, check=True).stdout
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(fd, "wb") as f:
                    f.write(enc)
                want[path] = name
            out = os.path.join(tmp, "f.jsonl")
            subprocess.run([a.piiscan, "scan", "--detectors", "person_name", "--show-values", "--no-progress",
                            "-q", "--min-confidence", "low", "-o", out, docs], check=True)
            got = {}
            with open(out, encoding="utf-8") as f:
                for raw in f:
                    row = json.loads(raw)
                    if row.get("detector") == "person_name":
                        got.setdefault(row["file"], set()).add(row["value"])
        exact = sum(1 for p, n in want.items() if got.get(p) == {n})
        print(f"{label:24s} {a.files} files: names exactly as written in {exact} ({exact / a.files:.0%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
