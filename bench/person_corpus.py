#!/usr/bin/env python3
"""Writes a synthetic text corpus for bench/person_bench.sh: N files of about
1 MiB of Dutch-looking business text (names, amounts, dates, phone numbers,
IBAN-like and order numbers), with the DSAR subject Jan Peter de Vries
planted in a few forms about every 200 KiB, and his namesake Piet de Vries
as often. Deterministic (fixed seed). All data synthetic.

usage: person_corpus.py OUT_DIR MIB
"""
import pathlib
import random
import sys

WORDS = ("de het een en van in op voor met aan dat is zijn wordt factuur offerte klant order "
         "betaling levering afspraak vergadering project planning rapport bijlage contract "
         "medewerker afdeling gemeente straat nummer bedrag totaal datum graag vriendelijke "
         "groet bericht mail telefoon week maand jaar kwartaal budget overzicht").split()
FIRST = "Anna Bram Carla Daan Eva Femke Gert Hanna Ilse Joost Kees Lotte Mark Noor Otto Pim Rik Sanne Tim Wouter".split()
LAST = "Jansen Bakker Visser Smit Meijer Mulder Bos Vos Peters Hendriks Dekker Brouwer Dijkstra Kok".split()
PLANTS = ["Beste Jan de Vries, ", "t.a.v. J.P. de Vries ", "De Vries, Jan ", "IBAN NL91 ABNA 0417 1643 00 ",
          "bel 06-12345678 ", "mail jan.devries@example.nl ", "geboren 12-03-1985 ", "Piet de Vries belde. "]


def block(rng, size):
    out, n = [], 0
    while n < size:
        r = rng.random()
        if r < 0.03:
            w = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        elif r < 0.05:
            w = f"{rng.randint(1, 99999)},{rng.randint(0, 99):02d}"
        elif r < 0.06:
            w = f"{rng.randint(1, 28):02d}-{rng.randint(1, 12):02d}-{rng.randint(1950, 2024)}"
        elif r < 0.065:
            w = f"06-{rng.randint(10000000, 99999999)}"
        elif r < 0.07:
            w = f"ordernummer {rng.randint(10 ** 8, 10 ** 10)}"
        else:
            w = rng.choice(WORDS)
        if rng.random() < 0.08:
            w += ".\n" if rng.random() < 0.5 else ","
        out.append(w)
        n += len(w) + 1
    return " ".join(out)


def main():
    out = pathlib.Path(sys.argv[1])
    mib = int(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(42)
    blocks = [block(rng, 1 << 20) for _ in range(8)]
    for i in range(mib):
        text = blocks[i % len(blocks)]
        parts, pos = [], 0
        for cut in sorted(rng.sample(range(len(text)), 5)):
            cut = text.rfind(" ", 0, cut) + 1
            parts.append(text[pos:cut])
            parts.append(rng.choice(PLANTS))
            pos = cut
        parts.append(text[pos:])
        (out / f"doc{i:04d}.txt").write_text("".join(parts), encoding="utf-8")


if __name__ == "__main__":
    main()
