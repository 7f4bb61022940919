#!/usr/bin/env python3
"""Deterministic findings-dense benchmark file: a CRM export as CSV, one item
of personal data about every 70 bytes (valid 11-proef BSNs, IBANs with valid
check digits, e-mail addresses, Dutch mobile numbers, names), values drawn
from a pool of customers so that each value recurs (as in a real export,
where a customer has many orders). Synthetic values only, in the style of
gen_text.py.

  gen_dense.py OUT.csv [--mb 64] [--customers 20000] [--seed 11]
"""
import argparse
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_text import FIRST, LAST, bsn, iban  # noqa: E402


ITEMS = ("licentie kwartaal", "onderhoudscontract", "werkplek inrichting", "back-up opslag",
         "netwerkswitch 24 poorten", "servicebezoek op locatie", "software-update pakket")
STATES = ("verzonden", "geleverd en gefactureerd", "in behandeling", "retour ontvangen")


def customer(r, i):
    first, last = r.choice(FIRST), r.choice(LAST)
    mail = f"{first.lower()}.{last.replace(' ', '').lower()}{i}@voorbeeld.nl"
    return {
        "name": f"{first} {last}",
        "email": mail,
        "phone": f"06-{r.randint(10000000, 99999999)}",
        "iban": iban(r).replace(" ", ""),
        "bsn": bsn(r),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--mb", type=int, default=64)
    ap.add_argument("--customers", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=11)
    a = ap.parse_args()
    r = random.Random(a.seed)
    people = [customer(r, i) for i in range(a.customers)]
    left = a.mb << 20
    with open(a.out, "w") as f:
        f.write("order;datum;klant;veld;waarde;artikel;status\n")
        order = 100000
        while left > 0:
            rows = []
            for _ in range(2000):
                p = people[r.randrange(len(people))]
                order += 1
                day = f"2026-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
                # Every row holds an identifier and a name: ~115 bytes, so
                # about one finding per 70 bytes.
                kind = r.choice(("email", "phone", "iban", "bsn", "email"))
                label = {"email": "e-mail", "phone": "tel", "iban": "IBAN", "bsn": "BSN"}[kind]
                item = f"{r.choice(ITEMS)} {r.randint(1000, 99999)}"
                rows.append(f"{order};{day};{p['name']};{label};{p[kind]};{item};"
                            f"{r.choice(STATES)}\n")
            block = "".join(rows)
            f.write(block)
            left -= len(block)


if __name__ == "__main__":
    main()
