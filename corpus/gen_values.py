"""Synthetic Dutch identifiers with valid check digits, for the corpus.

Every value is made up from a seeded random generator: valid checksums,
no real people. Each function returns (written_form, normalised_value);
the normalised form is what piiscan reports with --show-values
(docs/detectors.md).
"""
import datetime

BANKS = ["ABNA", "INGB", "RABO", "SNSB", "TRIO", "ASNB", "KNAB", "BUNQ", "RBRB"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]


def _mod97(s):
    r = 0
    for c in s:
        r = (r * 100 + ord(c) - 55) % 97 if c.isalpha() else (r * 10 + int(c)) % 97
    return r


def elfproef_ok(d9):
    s = sum(int(c) * w for c, w in zip(d9, [9, 8, 7, 6, 5, 4, 3, 2, -1]))
    return s != 0 and s % 11 == 0


def bsn_digits(rng):
    while True:
        d = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(7)]
        check = sum(x * w for x, w in zip(d, [9, 8, 7, 6, 5, 4, 3, 2])) % 11
        if check < 10:
            s = "".join(map(str, d)) + str(check)
            if s not in ("111222333", "123456782"):
                return s


def bsn(rng):
    d = bsn_digits(rng)
    form = rng.choice(["plain", "plain", "dotted", "spaced"])
    written = {"plain": d, "dotted": f"{d[:4]}.{d[4:6]}.{d[6:]}", "spaced": f"{d[:3]} {d[3:6]} {d[6:]}"}[form]
    return written, d


def iban(rng, grouped=None):
    bank = rng.choice(BANKS)
    acct = "".join(str(rng.randint(0, 9)) for _ in range(10))
    check = 98 - _mod97(bank + acct + "NL00")
    value = f"NL{check:02d}{bank}{acct}"
    if grouped is None:
        grouped = rng.random() < 0.6
    written = " ".join(value[i:i + 4] for i in range(0, 18, 4)) if grouped else value
    return written, value


def iban_wrong_check(rng):
    written, value = iban(rng, grouped=True)
    last = value[-1]
    bad = value[:-1] + str((int(last) + rng.randint(1, 9)) % 10)
    return " ".join(bad[i:i + 4] for i in range(0, 18, 4))


def kvk(rng):
    while True:
        d = [rng.randint(5, 9)] + [rng.randint(0, 9) for _ in range(6)]
        s = sum(x * w for x, w in zip(d, [8, 7, 6, 5, 4, 3, 2]))
        last = (-s) % 11
        if last < 10:
            v = "".join(map(str, d)) + str(last)
            return v, v


def btw(rng):
    """Old form (RSIN/BSN + B01) or the 2020 btw-id (mod 97)."""
    if rng.random() < 0.5:
        nine = bsn_digits(rng)
        suffix = rng.choice(["01", "01", "02"])
        value = f"NL{nine}B{suffix}"
    else:
        while True:
            nine = "".join(str(rng.randint(0, 9)) for _ in range(9))
            if elfproef_ok(nine):
                continue
            for k in range(1, 100):
                cand = f"NL{nine}B{k:02d}"
                if _mod97(cand) == 1:
                    value = cand
                    break
            else:
                continue
            break
    form = rng.choice(["compact", "compact", "dotted", "spaced"])
    n = value[2:11]
    written = {"compact": value, "dotted": f"NL{n[:4]}.{n[4:6]}.{n[6:]}.B.{value[-2:]}",
               "spaced": f"NL {n} B{value[-2:]}"}[form]
    return written, value


AREAS = ["20", "10", "30", "70", "40", "50", "24", "26", "13", "33", "38", "53", "71", "76", "318", "345", "492"]


def phone(rng, mobile=None):
    if mobile is None:
        mobile = rng.random() < 0.6
    if mobile:
        nsn = "6" + str(rng.randint(1, 5)) + "".join(str(rng.randint(0, 9)) for _ in range(7))
        rest = nsn[1:]
        form = rng.choice(["06-{}", "06 {} {}", "+31 6 {}", "06{}"])
        if form == "06 {} {}":
            written = f"06 {rest[:4]} {rest[4:]}"
        else:
            written = form.format(rest)
    else:
        area = rng.choice(AREAS)
        sub = str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(8 - len(area)))
        nsn = area + sub
        form = rng.choice(["dash", "paren", "intl", "spaced"])
        if form == "dash":
            written = f"0{area}-{sub}"
        elif form == "paren":
            written = f"(0{area}) {sub[:3]} {sub[3:]}"
        elif form == "intl":
            written = f"+31 (0){area} {sub[:3]} {sub[3:]}"
        else:
            written = f"0{area} {sub[:3]} {sub[3:]}"
    return written, "+31" + nsn


STREETS = ["Kerkstraat", "Dorpsstraat", "Stationsweg", "Molenweg", "Schoolstraat", "Julianalaan",
           "Beatrixlaan", "Marktplein", "Prinsengracht", "Havenkade", "Nieuwe Binnenweg", "Oranjesingel",
           "Burgemeester de Withstraat", "Laan van Meerdervoort", "Hoofdstraat", "Lindenlaan", "Zuiderdijk",
           "Kastanjelaan", "Wilhelminastraat", "Emmaplein", "Parallelweg", "Rijksstraatweg"]
CITIES = ["Amsterdam", "Utrecht", "Rotterdam", "Den Haag", "Eindhoven", "Groningen", "Zwolle", "Nijmegen",
          "Arnhem", "Haarlem", "Leiden", "Delft", "Tilburg", "Breda", "'s-Hertogenbosch", "Amersfoort",
          "Deventer", "Enschede", "Almere", "Apeldoorn", "Alphen aan den Rijn", "Bergen op Zoom"]


def postcode(rng):
    while True:
        digits = rng.randint(1000, 9999)
        letters = chr(rng.randint(65, 90)) + chr(rng.randint(65, 90))
        if letters not in ("SA", "SD", "SS"):
            break
    value = f"{digits}{letters}"
    written = f"{digits} {letters}" if rng.random() < 0.8 else value
    return written, value


def address(rng):
    """Street line, postcode line; the postcode value."""
    pc_written, pc = postcode(rng)
    street = f"{rng.choice(STREETS)} {rng.randint(1, 220)}{rng.choice(['', '', '', 'a', 'B', '-2'])}"
    return street, f"{pc_written} {rng.choice(CITIES)}", pc


def birth_date(rng):
    d = datetime.date(rng.randint(1950, 2004), rng.randint(1, 12), rng.randint(1, 28))
    form = rng.choice(["dash", "dash", "dot", "slash", "month", "iso"])
    written = {"dash": f"{d.day:02d}-{d.month:02d}-{d.year}", "dot": f"{d.day:02d}.{d.month:02d}.{d.year}",
               "slash": f"{d.day:02d}/{d.month:02d}/{d.year}", "month": f"{d.day} {MONTHS[d.month - 1]} {d.year}",
               "iso": d.isoformat()}[form]
    return written, d.isoformat()


def other_date(rng, year_lo=2015, year_hi=2024):
    d = datetime.date(rng.randint(year_lo, year_hi), rng.randint(1, 12), rng.randint(1, 28))
    return f"{d.day:02d}-{d.month:02d}-{d.year}"


def _luhn_complete(prefix, length, rng):
    digits = prefix + "".join(str(rng.randint(0, 9)) for _ in range(length - len(prefix) - 1))
    total = 0
    for i, c in enumerate(reversed(digits)):
        x = int(c)
        if i % 2 == 0:
            x *= 2
            if x > 9:
                x -= 9
        total += x
    return digits + str((10 - total % 10) % 10)


def creditcard(rng):
    kind = rng.choice(["visa", "visa", "mc", "amex"])
    if kind == "visa":
        v = _luhn_complete("4" + str(rng.randint(0, 9)), 16, rng)
    elif kind == "mc":
        v = _luhn_complete(str(rng.randint(51, 55)), 16, rng)
    else:
        v = _luhn_complete(rng.choice(["34", "37"]), 15, rng)
    if v in ("4111111111111111", "4242424242424242"):
        return creditcard(rng)
    sep = rng.choice([" ", "-"])
    written = f"{v[:4]}{sep}{v[4:10]}{sep}{v[10:]}" if kind == "amex" else sep.join(v[i:i + 4] for i in range(0, 16, 4))
    return written, v


def luhn_ok(d):
    total = 0
    for i, c in enumerate(reversed(d)):
        x = int(c)
        if i % 2 == 1:
            x *= 2
            if x > 9:
                x -= 9
        total += x
    return total % 10 == 0


DOC_ALPHABET = "ABCDEFGHIJKLMNPQRSTUVWXYZ0123456789"  # no O


def document_number(rng, kind=None):
    first = kind or rng.choice("NI")
    while True:
        mid = "".join(rng.choice(DOC_ALPHABET) for _ in range(6))
        if any(c.isdigit() for c in mid):
            break
    v = first + rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") + mid + str(rng.randint(0, 9))
    return v, v


def _cd(s):
    w = [7, 3, 1]
    t = 0
    for i, c in enumerate(s):
        v = 0 if c == "<" else int(c) if c.isdigit() else ord(c) - 55
        t += v * w[i % 3]
    return str(t % 10)


def _mrz_name(surname, given):
    import unicodedata
    def clean(s):  # ICAO 9303: transliterate to A-Z, other characters become '<'
        s = unicodedata.normalize("NFKD", s.replace("ı", "i").replace("ł", "l")).encode("ascii", "ignore").decode()
        return "".join(c if c.isalpha() else "<" for c in s.upper().replace("'", ""))
    return clean(surname) + "<<" + clean(given)


def mrz_td3(rng, surname, given, dob_iso, bsn9=None):
    doc, _ = document_number(rng, "N")
    dob = dob_iso[2:4] + dob_iso[5:7] + dob_iso[8:10]
    exp = f"{rng.randint(26, 34)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    l1 = ("P<NLD" + _mrz_name(surname, given))[:44].ljust(44, "<")
    pn = (bsn9 or "").ljust(14, "<")
    l2 = doc + _cd(doc) + "NLD" + dob + _cd(dob) + rng.choice("MF") + exp + _cd(exp) + pn + _cd(pn)
    l2 += _cd(l2[0:10] + l2[13:20] + l2[21:43])
    return [l1, l2], doc


def mrz_td1(rng, surname, given, dob_iso, bsn9=None):
    doc, _ = document_number(rng, "I")
    dob = dob_iso[2:4] + dob_iso[5:7] + dob_iso[8:10]
    exp = f"{rng.randint(26, 34)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    l1 = ("I<NLD" + doc + _cd(doc) + (bsn9 or "")).ljust(30, "<")
    l2 = (dob + _cd(dob) + rng.choice("MF") + exp + _cd(exp) + "NLD").ljust(29, "<")
    l2 += _cd(l1[5:30] + l2[0:7] + l2[8:15] + l2[18:29])
    l3 = _mrz_name(surname, given)[:30].ljust(30, "<")
    return [l1, l2, l3], doc


def drivers_licence(rng):
    v = str(rng.choice([4, 5])) + "".join(str(rng.randint(0, 9)) for _ in range(9))
    return v, v


def ipv4(rng):
    first = rng.choice([31, 37, 62, 77, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 145, 149, 188, 212, 213, 217])
    v = f"{first}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    return v, v


def ipv6(rng):
    groups = ["2a02", f"{rng.randint(0x1000, 0xffff):x}", f"{rng.randint(0x1000, 0xffff):x}",
              f"{rng.randint(1, 0xffff):x}", f"{rng.randint(1, 0xffff):x}"]
    v = ":".join(groups) + "::" + f"{rng.randint(1, 0xfff):x}"
    return v, v


def nine_digit_elfproef(rng):
    """A 9-digit number that passes the 11-test: an order/customer number."""
    return bsn_digits(rng)
