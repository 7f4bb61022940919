#!/usr/bin/python3
"""BSN in CSV and XLSX rows with no BSN word: row context by the cells.

  /usr/bin/python3 bench/bsn_rows.py [--piiscan build/piiscan] [--rows 40] [--seed 6]

Writes exports the way HR and payroll tools write them, one CSV (Python's
csv module) and one XLSX (openpyxl, Debian's python3-openpyxl) per case,
whose header says nothing about a BSN ("Nummer": a column header that
names its numbers, "Personeelsnummer", says what they are and is left
alone): rows of (name, 9-digit number, IBAN). Cases:

  name + BSN + IBAN        the number is a valid BSN (11-proef): should be medium
  BSN + IBAN, no name      an account list with numbers: stays low
  name + BSN, no IBAN      stays low
  order no. + IBAN + name  9-digit order numbers that fail the 11-proef: never reported

Counts the rows whose number is reported as bsn at medium or higher.
"""
import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "corpus"))
import gen_values as V  # noqa: E402
from gen_names import Person  # noqa: E402


def not_bsn(rng):
    while True:
        s = f"{rng.randrange(100000000, 999999999)}"
        if sum(int(d) * w for d, w in zip(s, [9, 8, 7, 6, 5, 4, 3, 2, -1])) % 11:
            return s


def rows(case, rng, n):
    header = {"name+bsn+iban": ["Naam", "Nummer", "Rekening"], "bsn+iban": ["Nummer", "Rekening", "Bedrag"],
              "name+bsn": ["Naam", "Nummer", "Afdeling"], "order+iban+name": ["Naam", "Order", "Rekening"]}[case]
    out, want = [header], []
    for _ in range(n):
        p = Person(rng)
        num = not_bsn(rng) if case == "order+iban+name" else V.bsn_digits(rng)
        want.append(num)
        if case == "name+bsn+iban" or case == "order+iban+name":
            out.append([p.full, num, V.iban(rng, grouped=False)[0]])
        elif case == "bsn+iban":
            out.append([num, V.iban(rng, grouped=False)[0], f"{rng.randrange(10, 999)},00"])
        else:
            out.append([p.full, num, "Inkoop"])
    return out, want


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--piiscan", default=os.path.join(HERE, "..", "build", "piiscan"))
    ap.add_argument("--rows", type=int, default=40)
    ap.add_argument("--seed", type=int, default=6)
    a = ap.parse_args()
    import openpyxl
    rng = random.Random(a.seed)
    with tempfile.TemporaryDirectory(prefix="piiscan-bsnrows-") as tmp:
        for case in ("name+bsn+iban", "bsn+iban", "name+bsn", "order+iban+name"):
            table, want = rows(case, rng, a.rows)
            folder = os.path.join(tmp, case.replace("+", "_"))
            os.mkdir(folder, 0o700)
            path = os.path.join(folder, "export.csv")
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", newline="", encoding="utf-8") as f:
                csv.writer(f, delimiter=";").writerows(table)
            wb = openpyxl.Workbook()
            for i, r in enumerate(table):  # numbers as numbers, the way a spreadsheet holds them
                wb.active.append([int(c) if i and c.isdigit() else c for c in r])
            xlsx = os.path.join(folder, "export.xlsx")
            wb.save(xlsx)
            os.chmod(xlsx, 0o600)
            out = folder + ".jsonl"
            subprocess.run([a.piiscan, "scan", "--show-values", "--no-progress", "-q", "--min-confidence", "medium",
                            "-o", out, folder], check=True)
            got = {"csv": set(), "xlsx": set()}
            with open(out, encoding="utf-8") as f:
                for raw in f:
                    row = json.loads(raw)
                    if row.get("detector") == "bsn":
                        got["xlsx" if row["file"].endswith(".xlsx") else "csv"].add(row["value"])
            print(f"{case:16s} {a.rows} rows: bsn at medium+ in CSV {len(got['csv'] & set(want))}, "
                  f"in XLSX {len(got['xlsx'] & set(want))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
