#!/usr/bin/env python3
"""Deterministic benchmark corpus: Dutch business text with about one item of
personal data per 2 KB (IBANs, BSNs with and without labels, phone numbers,
e-mail addresses, postcodes, dates) among hard negatives (order numbers,
versions, amounts, dates). Writes one large file and a tree of small files.

  gen_text.py OUT_DIR [--mb 256] [--files 50000] [--seed 7]
"""
import argparse
import os
import random

WORDS = ("de het een en van in op met voor naar bij uit over door tot als dat die deze "
         "klant factuur bedrag order levering project overleg afspraak medewerker rapport "
         "dossier systeem gegevens verwerking afdeling planning offerte contract storing "
         "melding oplossing server netwerk licentie gebruiker wachtwoord back-up update "
         "vergadering notulen actiepunt budget kwartaal jaarrekening leverancier").split()
FIRST = "Jan Piet Anna Sanne Mohamed Fatima Emre Ayse Priya Kevin Sophie Daan Lotte Bram".split()
LAST = ["de Vries", "Jansen", "van den Berg", "Bakker", "El Amrani", "Yilmaz", "Visser", "Smit",
        "de Jong", "Meijer", "van Dijk", "Mulder", "Bos", "Kramer"]


def bsn(r):
    while True:
        d = [r.randint(0, 9) for _ in range(8)]
        d[0] = r.randint(1, 9)
        s = sum(w * x for w, x in zip(range(9, 1, -1), d))
        last = s % 11
        if last <= 9:
            return "".join(map(str, d + [last]))


def iban(r):
    bank = r.choice(["ABNA", "INGB", "RABO", "SNSB", "TRIO"])
    acct = "".join(str(r.randint(0, 9)) for _ in range(10))
    num = int("".join(str(int(c, 36)) for c in bank + acct + "NL00"))
    check = 98 - num % 97
    raw = f"NL{check:02d}{bank}{acct}"
    return " ".join(raw[i:i + 4] for i in range(0, len(raw), 4)) if r.random() < 0.5 else raw


def pii(r):
    k = r.random()
    name = f"{r.choice(FIRST)} {r.choice(LAST)}"
    if k < 0.2:
        return f"IBAN {iban(r)} t.n.v. {name}"
    if k < 0.35:
        return f"BSN: {bsn(r)}"
    if k < 0.55:
        return f"tel. 06-{r.randint(10000000, 99999999)}"
    if k < 0.8:
        return f"mail {name.split()[0].lower()}.{name.split()[-1].lower()}@voorbeeld.nl"
    return f"adres Dorpsstraat {r.randint(1, 200)}, {r.randint(1000, 9999)} AB Utrecht"


def negative(r):
    return r.choice([
        f"order {r.randint(100000, 999999999)}", f"versie {r.randint(1, 9)}.{r.randint(0, 20)}.{r.randint(0, 99)}",
        f"bedrag EUR {r.randint(10, 99999)},{r.randint(0, 99):02d}", f"op {r.randint(1, 28):02d}-{r.randint(1, 12):02d}-2024",
        f"ticket #{r.randint(10000, 99999)}", f"artikelnummer {r.randint(10000000, 99999999)}"])


def paragraph(r, size):
    out, n = [], 0
    while n < size:
        s = " ".join(r.choice(WORDS) for _ in range(r.randint(6, 16))).capitalize()
        if r.random() < 0.25:
            s += " " + negative(r)
        out.append(s + ".")
        n += len(s) + 2
    return " ".join(out)


def text(r, size):
    """About one personal-data item per 2 KB."""
    parts, n = [], 0
    while n < size:
        p = paragraph(r, r.randint(600, 1400))
        if r.random() < 0.5:  # two paragraphs ~ 2 KB per item
            p += " " + pii(r) + "."
        parts.append(p)
        n += len(p) + 1
    return "\n".join(parts) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--mb", type=int, default=256)
    ap.add_argument("--files", type=int, default=50000)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    r = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)
    # The big file: repeat 4 MB of generated blocks with fresh PII per block.
    with open(os.path.join(a.out, "big.txt"), "w") as f:
        left = a.mb << 20
        while left > 0:
            block = text(r, min(left, 1 << 20))
            f.write(block)
            left -= len(block)
    tree = os.path.join(a.out, "tree")
    for i in range(a.files):
        d = os.path.join(tree, f"d{i // 1000:03d}")
        if i % 1000 == 0:
            os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, f"f{i:06d}.txt"), "w") as f:
            f.write(text(r, 4000))


if __name__ == "__main__":
    main()
