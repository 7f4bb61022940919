#!/usr/bin/python3
"""Identifier forms: recall and false findings on how people write them.

  bench/identifier_forms.py [--piiscan build/piiscan] [--seed N] [--show]

A labelled set of written forms of the identifiers, built here from
checksummed random numbers (no real person's data): lower-case IBANs,
IBANs of every registry country, postcodes in lower case, 7-digit
0800/0900 numbers, BSNs printed in groups or labelled with a synonym or
standing in a table row, and traps (a mistyped IBAN whose digits look like
a phone or card number). Each case is one small file, so context cannot
leak from one case to the next. Each case says which detector and value
must be found at medium or higher ("" for a trap: nothing at medium or
higher). Prints one row per form: cases, found, false findings.
--check exits 1 when a form is found less often than its floor in FLOORS
(default: every case) or when anything is falsely found (the
identifier_forms ctest).
"""
import argparse
import collections
import json
import os
import random
import subprocess
import sys
import tempfile

# ISO 13616 registry lengths (as detectors/validators/iban.cc).
IBAN_LENGTHS = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22,
    "BI": 27, "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DJ": 27,
    "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27,
    "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22,
    "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32,
    "LI": 21, "LT": 20, "LU": 20, "LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19,
    "MN": 20, "MR": 27, "MT": 31, "MU": 30, "NI": 28, "NL": 18, "NO": 15, "OM": 23, "PK": 24,
    "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "RU": 33, "SA": 24, "SC": 31,
    "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25, "SV": 28, "TL": 23,
    "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30,
}
# Share of the cases each form must find under --check; 1.0 when not named.
# Lower-case postcodes whose letters are a common word or a unit (ad, ze,
# km ...) are left out on purpose (docs/accuracy.md).
FLOORS = {
    "postcode lower case, address": 0.8,
    "postcode lower case, compact": 0.8,
}
NL_BANKS = ["ABNA", "INGB", "RABO", "SNSB", "TRIO", "ASNB", "KNAB", "BUNQ"]


def mod97(s):
    r = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in r)) % 97


def iban(cc, bban):
    return f"{cc}{98 - mod97(cc + '00' + bban):02d}{bban}"


def mistyped(cc, bban):
    good = iban(cc, bban)
    wrong = (int(good[2:4]) + 1) % 100
    return f"{cc}{wrong:02d}{bban}"


def group4(s):
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


def nl_iban(rng):
    return iban("NL", rng.choice(NL_BANKS) + "".join(rng.choice("0123456789") for _ in range(10)))


def bsn(rng):
    while True:
        d = [rng.randrange(10) for _ in range(8)]
        s = sum(w * x for w, x in zip(range(9, 1, -1), d))
        last = s % 11
        if last < 10 and (d[0] or d[1]):
            return "".join(map(str, d)) + str(last)


def postcode(rng):
    while True:
        letters = rng.choice("ABCDEFGHJKLMNPRTVWXZ") + rng.choice("ABCDEFGHJKLMNPRTVWXZ")
        if letters not in ("SA", "SD", "SS"):
            return f"{rng.randrange(1000, 10000)}", letters


def cases(rng, n):
    """(form, text, detector, value) tuples; detector "" marks a trap."""
    out = []
    for _ in range(n):
        v = nl_iban(rng)
        out.append(("iban upper case (control)", f"Graag overmaken op {group4(v)}.", "iban", v))
        out.append(("iban lower case, compact", f"rekening {v.lower()} ontvangen", "iban", v))
        out.append(("iban lower case, grouped", f"IBAN: {group4(v.lower())}", "iban", v))
        cc = rng.choice(sorted(IBAN_LENGTHS))
        bban = "".join(rng.choice("0123456789") for _ in range(IBAN_LENGTHS[cc] - 4))
        if cc == "NL":
            bban = rng.choice(NL_BANKS) + bban[4:]
        v = iban(cc, bban)
        out.append(("iban any registry country", f"IBAN {group4(v)} t.n.v. Stichting", "iban", v))
        # A mistyped NL IBAN whose account digits are a valid 020 number.
        acct = "020" + "".join(rng.choice("0123456789") for _ in range(7))
        bad = mistyped("NL", rng.choice(NL_BANKS) + acct)
        out.append(("trap: mistyped iban, phone-shaped digits", f"Rekening: {group4(bad)}", "", ""))
        # A mistyped Austrian IBAN (16 digits after the check) whose digits
        # are a Luhn-valid Visa number in groups of four.
        while True:
            card = "4" + "".join(rng.choice("0123456789") for _ in range(15))
            if luhn(card):
                break
        bad = mistyped("AT", card)
        out.append(("trap: mistyped iban, card-shaped digits", f"IBAN {group4(bad)}", "", ""))
        digits, letters = postcode(rng)
        out.append(("postcode upper case (control)", f"Kerkstraat 12\n{digits} {letters} Utrecht", "postcode_nl",
                    digits + letters))
        out.append(("postcode lower case, address", f"Dorpsweg 3, {digits} {letters.lower()} Goirle", "postcode_nl",
                    digits + letters))
        out.append(("postcode lower case, compact", f"Postcode: {digits}{letters.lower()}", "postcode_nl",
                    digits + letters))
        prefix = rng.choice(["0800", "0900", "0906", "0909"])
        rest = "".join(rng.choice("0123456789") for _ in range(7))
        written = rng.choice([f"{prefix}-{rest}", f"{prefix} {rest[:3]} {rest[3:5]} {rest[5:]}", f"{prefix}{rest}"])
        out.append(("service number, 7 digits", f"Bel ons op {written}.", "phone_nl", "+31" + prefix[1:] + rest))
        b = bsn(rng)
        out.append(("bsn compact with BSN (control)", f"BSN: {b}", "bsn", b))
        for form in (f"{b[:4]}.{b[4:6]}.{b[6:]}", f"{b[:3]} {b[3:6]} {b[6:]}", f"{b[:3]}-{b[3:6]}-{b[6:]}"):
            out.append(("bsn printed in groups, labelled", f"Burgerservicenummer: {form}", "bsn", b))
        word = rng.choice(["fiscaal nummer", "sofinummer", "sofi-nummer", "persoonsnummer", "BSN-nummer",
                           "Burgerservicenummer"])
        out.append(("bsn labelled with a synonym", f"Uw {word} is {b}.", "bsn", b))
        out.append(("bsn in a row with a name and an IBAN", f"Jan de Vries;{b};{nl_iban(rng)};Utrecht", "bsn", b))
        out.append(("bsn in a row with an IBAN", f"12\t{b}\t{nl_iban(rng)}", "bsn", b))
        out.append(("trap: 9-digit number in prose", f"Er waren {b} bezoekers in 2023.", "", ""))
    return out


def luhn(d):
    t = 0
    for i, c in enumerate(reversed(d)):
        x = int(c)
        if i % 2:
            x *= 2
            x -= 9 if x > 9 else 0
        t += x
    return t % 10 == 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--piiscan", default="build/piiscan")
    ap.add_argument("--seed", type=int, default=18)
    ap.add_argument("-n", type=int, default=40, help="cases per form")
    ap.add_argument("--show", action="store_true", help="print the missed and false cases")
    ap.add_argument("--check", action="store_true", help="exit 1 below a floor or on a false finding")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    all_cases = cases(rng, a.n)
    with tempfile.TemporaryDirectory() as tmp:
        os.chmod(tmp, 0o700)
        for i, (_, text, _, _) in enumerate(all_cases):
            with open(os.path.join(tmp, f"c{i:05d}.txt"), "w", encoding="utf-8") as f:
                f.write(text + "\n")
        out = os.path.join(tmp, "findings.jsonl")
        subprocess.run([a.piiscan, "scan", "--show-values", "--min-confidence", "medium", "-o", out, tmp],
                       check=False, stdout=subprocess.DEVNULL)
        by_case = collections.defaultdict(list)
        with open(out, encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                if "detector" not in r:
                    continue
                name = os.path.basename(r["file"])
                if name.startswith("c") and name.endswith(".txt"):
                    by_case[int(name[1:-4])].append(r)
    rows = collections.OrderedDict()
    for i, (form, text, det, value) in enumerate(all_cases):
        row = rows.setdefault(form, [0, 0, 0])
        row[0] += 1
        found = by_case.get(i, [])
        hit = any(r["detector"] == det and r.get("value") == value for r in found) if det else False
        # Names, and the IBANs that stand beside a BSN in its row, are true too.
        extra_ok = ("person_name",) if not det else ("person_name", "iban")
        false = [r for r in found if not (det and r["detector"] == det and r.get("value") == value)
                 and r["detector"] not in extra_ok]
        row[1] += hit
        row[2] += len(false)
        if a.show and ((det and not hit) or false):
            print(f"  {form}: {text!r} -> {[(r['detector'], r.get('value')) for r in found]}", file=sys.stderr)
    print(f"{'form':48} {'cases':>5} {'found':>5} {'false':>5}")
    failed = []
    for form, (n, hit, false) in rows.items():
        trap = form.startswith("trap")
        found = "-" if trap else str(hit)
        print(f"{form:48} {n:5d} {found:>5} {false:5d}")
        if false or (not trap and hit < FLOORS.get(form, 1.0) * n):
            failed.append(form)
    if a.check and failed:
        print("below the floor or falsely found: " + "; ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
