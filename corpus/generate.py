#!/usr/bin/python3
"""Generates a labelled corpus of realistic Dutch business documents.

  corpus/generate.py OUT_DIR [--seed N] [--scale S]

Writes a share-like tree under OUT_DIR (shares/hr, shares/sales,
shares/finance, support, mail, marketing, meetings) and OUT_DIR/truth.jsonl:
one {"file", "detector", "value"} per planted item (file relative to
OUT_DIR, value normalised as in docs/detectors.md). Every value is synthetic
(valid check digits, made-up people). Hard negatives -- order and invoice
numbers, versions, timestamps, IBAN-like strings with a wrong check, phone-
like order numbers, 9-digit numbers that pass the 11-test under an order
label, unit sizes like "1200 MB", newsletters about health -- are planted
without truth. Deterministic: the same seed and scale give the same truth.
See corpus/README.md (and register.yaml / expected_gaps.jsonl for the audit).
"""
import argparse
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_docs as D  # noqa: E402
import gen_values as V  # noqa: E402
from gen_names import Person, company, slug  # noqa: E402

OUR = {"name": "Voorbeeld Software B.V.", "domain": "voorbeeldsoftware.example.nl"}


class Truth:
    def __init__(self):
        self.rows = []

    def add(self, file, detector, value):
        row = {"file": file, "detector": detector, "value": value}
        if row not in self.rows:
            self.rows.append(row)


class Corpus:
    def __init__(self, out, seed, scale):
        self.out = out
        self.rng = random.Random(seed)
        self.scale = scale
        self.truth = Truth()
        r = self.rng
        # Our own organisation: letterhead identifiers appear in many files.
        self.kvk = V.kvk(r)
        self.btw = V.btw(r)
        self.iban = V.iban(r, grouped=True)
        self.phone = V.phone(r, mobile=False)
        self.street, self.city_line, self.postcode = V.address(r)

    def n(self, base):
        return max(1, round(base * self.scale))

    def path(self, rel):
        return os.path.join(self.out, rel)

    def t(self, rel, detector, value):
        self.truth.add(rel, detector, value)

    def person(self):
        return Person(self.rng)

    # -- shared fragments ---------------------------------------------------
    def letterhead(self, rel, with_iban=True):
        """Our company's footer: KvK, BTW, (IBAN), phone, address."""
        self.t(rel, "kvk", self.kvk[1])
        self.t(rel, "btw", self.btw[1])
        self.t(rel, "phone_nl", self.phone[1])
        self.t(rel, "postcode_nl", self.postcode)
        lines = [OUR["name"], self.street, self.city_line, f"Tel: {self.phone[0]}",
                 f"KvK-nummer: {self.kvk[0]}", f"BTW-nummer: {self.btw[0]}"]
        if with_iban:
            self.t(rel, "iban", self.iban[1])
            lines.append(f"IBAN: {self.iban[0]}")
        return lines

    def signature(self, rel, p, role, with_phone=True):
        self.t(rel, "person_name", p.full)
        lines = ["Met vriendelijke groet,", "", p.full, role]
        if with_phone:
            ph = V.phone(self.rng)
            self.t(rel, "phone_nl", ph[1])
            lines.append(f"T: {ph[0]}")
        mail = p.email(OUR["domain"])
        self.t(rel, "email", mail)
        lines.append(f"E: {mail}")
        return lines

    # -- shares/hr ----------------------------------------------------------
    def hr_dossier(self, i):
        r = self.rng
        p = self.person()
        rel = f"shares/hr/personeelsdossiers/dossier_{slug(p.surname)}_{i}.docx"
        street, city, pc = V.address(r)
        dob = V.birth_date(r)
        bsn = V.bsn(r)
        iban = V.iban(r)
        ph = V.phone(r, mobile=True)
        mail = p.email("example.com")
        personeelsnr = V.nine_digit_elfproef(r)
        for d, v in [("person_name", p.full), ("postcode_nl", pc), ("date_of_birth", dob[1]), ("bsn", bsn[1]),
                     ("iban", iban[1]), ("phone_nl", ph[1]), ("email", mail)]:
            self.t(rel, d, v)
        paras = ["Personeelsdossier", f"Naam: {p.full}", f"Adres: {street}", city,
                 f"Geboortedatum: {dob[0]}", f"Datum in dienst: {V.other_date(r)}",
                 f"Ordernummer laptop: {personeelsnr}", f"BSN: {bsn[0]}", f"IBAN: {iban[0]}",
                 f"Telefoon: {ph[0]}", f"E-mail: {mail}", f"Functie: {r.choice(['Developer', 'Consultant', 'Office manager', 'Supportmedewerker'])}"]
        if r.random() < 0.5:
            belief = r.choice(["rooms-katholiek", "islamitisch", "protestants"])
            paras.append(f"Religie: {belief}")
            self.t(rel, "special_religion", "religie")
            self.t(rel, "special_religion", belief.split("-")[-1])
        if r.random() < 0.4:
            paras.append("Medewerker heeft verzocht om een vrije dag tijdens het suikerfeest.")
            self.t(rel, "special_religion", "suikerfeest")
        if r.random() < 0.3:
            dl = V.drivers_licence(r)
            paras.append(f"Rijbewijsnummer (leaseauto): {dl[0]}")
            self.t(rel, "drivers_licence_nl", dl[1])
        if r.random() < 0.3:
            paras.append("De werknemer is lid van de vakbond; de vakbondscontributie wordt via de salarisadministratie ingehouden.")
            self.t(rel, "special_union", "lid van de vakbond")
            self.t(rel, "special_union", "vakbondscontributie")
        D.docx(self.path(rel), paras)

    def hr_ziekmelding(self, i):
        r = self.rng
        p, boss = self.person(), self.person()
        rel = f"shares/hr/verzuim/ziekmelding_{i:03d}.txt"
        self.t(rel, "person_name", p.full)
        self.t(rel, "person_name", boss.with_initials)
        self.t(rel, "special_health", "ziekmelding")
        self.t(rel, "special_health", "bedrijfsarts")
        self.t(rel, "special_health", "ziek gemeld")
        body = [f"Ziekmelding", f"Naam medewerker: {p.full}", f"Leidinggevende: {boss.with_initials}",
                f"Datum ziekmelding: {V.other_date(r, 2023, 2024)}", "",
                f"De medewerker heeft zich vandaag ziek gemeld. Een afspraak met de bedrijfsarts staat gepland."]
        extra = r.choice(["burn-out", "medicatie", "re-integratie", "arbeidsongeschikt", None])
        if extra == "burn-out":
            body.append("Volgens de medewerker gaat het om een burn-out; zie het verslag in het verzuimdossier.")
            self.t(rel, "special_health", "burn-out")
            self.t(rel, "special_health", "verzuimdossier")
        elif extra == "medicatie":
            body.append("De werknemer gebruikt medicatie en kan voorlopig niet autorijden.")
            self.t(rel, "special_health", "medicatie")
        elif extra == "re-integratie":
            body.append("Het plan van aanpak voor de re-integratie volgt na week 6.")
            self.t(rel, "special_health", "re-integratie")
        elif extra == "arbeidsongeschikt":
            body.append("De medewerker is gedeeltelijk arbeidsongeschikt verklaard.")
            self.t(rel, "special_health", "arbeidsongeschikt")
        body += [""] + self.signature(rel, self.person(), "HR-adviseur")
        D.text(self.path(rel), "\n".join(body) + "\n")

    def hr_cv(self, i):
        r = self.rng
        p = self.person()
        rel = f"shares/hr/sollicitaties/cv_{slug(p.given)}_{i}.pdf"
        street, city, pc = V.address(r)
        dob = V.birth_date(r)
        ph = V.phone(r, mobile=True)
        mail = p.email("example.org")
        for d, v in [("person_name", p.full), ("postcode_nl", pc), ("date_of_birth", dob[1]),
                     ("phone_nl", ph[1]), ("email", mail)]:
            self.t(rel, d, v)
        lines = ["Curriculum Vitae", "", f"Naam: {p.full}", f"Adres: {street}", city, f"Telefoon: {ph[0]}",
                 f"E-mail: {mail}", f"Geboortedatum: {dob[0]}", "Rijbewijs: B", "",
                 "Werkervaring", f"2019 - heden  Consultant bij {company(r)}",
                 f"2015 - 2019  Medewerker klantenservice bij {company(r)}", "",
                 "Opleiding", "2011 - 2015  HBO Informatica", "", "Referenties op aanvraag."]
        D.pdf(self.path(rel), lines)

    def hr_sheet(self):
        r = self.rng
        rel = "shares/hr/personeel_overzicht.xlsx"
        rows = []
        for _ in range(self.n(8)):
            p = self.person()
            dob, bsn, iban = V.birth_date(r), V.bsn(r), V.iban(r)
            _, _, pc = V.address(r)
            pcw = pc[:4] + " " + pc[4:]
            rows.append([V.nine_digit_elfproef(r), p.full, dob[0], bsn[0], iban[0], pcw, V.other_date(r)])
            for d, v in [("person_name", p.full), ("date_of_birth", dob[1]), ("bsn", bsn[1]),
                         ("iban", iban[1]), ("postcode_nl", pc)]:
                self.t(rel, d, v)
        D.xlsx(self.path(rel), "Personeel", ["Personeelsnummer", "Naam", "Geboortedatum", "BSN", "IBAN",
                                              "Postcode", "Datum in dienst"], rows)

    # -- shares/sales -------------------------------------------------------
    def sales_customers(self):
        r = self.rng
        rel_csv, rel_xlsx = "shares/sales/klanten.csv", "shares/sales/klanten_2024.xlsx"
        header = ["Klantnummer", "Bedrijf", "Contactpersoon", "E-mail", "Telefoon", "Adres", "Postcode",
                  "Plaats", "KvK-nummer"]
        for rel, count in ((rel_csv, self.n(12)), (rel_xlsx, self.n(8))):
            rows = []
            for _ in range(count):
                p, comp = self.person(), company(r)
                mail = p.email(slug(comp) + ".example.nl")
                ph, kvk = V.phone(r), V.kvk(r)
                street, city, pc = V.address(r)
                rows.append([V.nine_digit_elfproef(r), comp, p.full, mail, ph[0], street,
                             pc[:4] + " " + pc[4:], city.split(" ", 2)[-1], kvk[0]])
                for d, v in [("person_name", p.full), ("email", mail), ("phone_nl", ph[1]),
                             ("postcode_nl", pc), ("kvk", kvk[1])]:
                    self.t(rel, d, v)
            if rel.endswith(".csv"):
                D.csv_file(self.path(rel), header, rows)
            else:
                D.xlsx(self.path(rel), "Klanten", header, rows)

    def sales_crm_export(self):
        """Planted gap: BSNs and birth dates in a share that declares only contact data."""
        r = self.rng
        rel = "shares/sales/export_crm_oud.csv"
        rows = []
        for _ in range(self.n(5)):
            p = self.person()
            bsn, dob = V.bsn(r), V.birth_date(r)
            mail = p.email("example.net")
            rows.append([p.full, mail, bsn[0], dob[0]])
            for d, v in [("person_name", p.full), ("email", mail), ("bsn", bsn[1]), ("date_of_birth", dob[1])]:
                self.t(rel, d, v)
        D.csv_file(self.path(rel), ["Naam", "E-mail", "BSN", "Geboortedatum"], rows)

    def sales_quote(self, i):
        r = self.rng
        p, seller, comp = self.person(), self.person(), company(r)
        rel = f"shares/sales/offertes/offerte_2024-{i:04d}.docx"
        street, city, pc = V.address(r)
        self.t(rel, "person_name", p.with_initials)
        self.t(rel, "person_name", p.formal)
        self.t(rel, "postcode_nl", pc)
        aanhef = "heer" if r.random() < 0.5 else "mevrouw"
        paras = [f"Offerte 2024-{i:04d}", comp, f"T.a.v. {'de heer' if aanhef == 'heer' else 'mevrouw'} {p.with_initials}",
                 street, city, "", f"Geachte {aanhef} {p.formal},", "",
                 "Hierbij ontvangt u onze offerte voor de implementatie van het klantportaal.",
                 f"Artikelnummer 87{r.randint(10**10, 10**11 - 1)} - licentie (versie 4.2.0.1), 12 maanden.",
                 f"Uw referentie: ordernummer {V.nine_digit_elfproef(r)}.", ""]
        paras += self.signature(rel, seller, "Accountmanager")
        paras += ["", " | ".join(self.letterhead(rel, with_iban=False))]
        D.docx(self.path(rel), paras)

    # -- shares/finance -----------------------------------------------------
    def invoice(self, i, as_pdf):
        r = self.rng
        p, comp = self.person(), company(r)
        ext = "pdf" if as_pdf else "txt"
        rel = f"shares/finance/facturen/factuur_F2024-{i:05d}.{ext}"
        street, city, pc = V.address(r)
        self.t(rel, "person_name", p.with_initials)
        self.t(rel, "postcode_nl", pc)
        kenmerk = "".join(str(r.randint(0, 9)) for _ in range(16))
        lines = self.letterhead(rel) + ["", "FACTUUR", comp, f"T.a.v. dhr. {p.with_initials}" if r.random() < 0.5
                                        else f"t.a.v. {p.with_initials}", street, city, "",
                                        f"Factuurnummer: F2024-{i:05d}", f"Factuurdatum: {V.other_date(r, 2024, 2024)}",
                                        f"Betalingskenmerk: {kenmerk}",
                                        f"Uw ordernummer: {V.nine_digit_elfproef(r)}",
                                        f"Artikelnummer 8718{r.randint(10**8, 10**9 - 1)}  Support-uren  EUR {r.randint(100, 900)},00",
                                        f"Niet gebruiken: oud rekeningnummer {V.iban_wrong_check(r)} (vervallen)",
                                        "", "Betaling binnen 30 dagen op bovenstaand IBAN."]
        if as_pdf:
            D.pdf(self.path(rel), lines)
        else:
            D.text(self.path(rel), "\n".join(lines) + "\n")

    def card_payments(self):
        """Planted gap: payment-card numbers in the finance share."""
        r = self.rng
        rel = "shares/finance/creditcard_betalingen_2023.txt"
        lines = ["Handmatig verwerkte creditcardbetalingen 2023", ""]
        for _ in range(self.n(4)):
            p = self.person()
            cc = V.creditcard(r)
            lines.append(f"Kaarthouder: {p.full}  Creditcard: {cc[0]}  Geldig tot: {r.randint(1, 12):02d}/{r.randint(26, 29)}")
            self.t(rel, "person_name", p.full)
            self.t(rel, "creditcard", cc[1])
        D.text(self.path(rel), "\n".join(lines) + "\n")

    # -- support ------------------------------------------------------------
    def ticket(self, i):
        r = self.rng
        p, agent = self.person(), self.person()
        rel = f"support/tickets/ticket_{48000 + i}.txt"
        mail = p.email("example.com")
        ph = V.phone(r)
        ip = V.ipv4(r) if r.random() < 0.7 else V.ipv6(r)
        det = "ipv4" if "." in ip[0] else "ipv6"
        for d, v in [("person_name", p.full), ("person_name", p.given), ("email", mail), ("phone_nl", ph[1]),
                     (det, ip[1])]:
            self.t(rel, d, v)
        body = [f"Ticket #{48000 + i}", f"Klant: {p.full}", f"E-mail: {mail}", f"Telefoon: {ph[0]}",
                f"Aangemaakt: {V.other_date(r, 2024, 2024)} 14:{r.randint(10, 59)}:{r.randint(10, 59)}",
                f"Laatste login vanaf IP-adres {ip[0]}", "", f"Beste {p.given},", "",
                "Dank voor je melding. De fout zat in versie 3.1.4.2 van de app; de update (1200 MB) staat klaar.",
                f"Je bestelnummer {r.choice(['0301234567', '0201987654', '0104567890'])} is gekoppeld aan het ticket.", ""]
        body += self.signature(rel, agent, "Supportmedewerker", with_phone=False)
        D.text(self.path(rel), "\n".join(body) + "\n")

    def ticket_id_copy(self, i):
        """Planted gap: a copy of a passport / ID card in the support system."""
        r = self.rng
        p = self.person()
        rel = f"support/tickets/ticket_{49000 + i}_identificatie.txt"
        dob = V.birth_date(r)
        # Every other copy is of a 2014-design document with the BSN in its MRZ.
        bsn9 = V.bsn_digits(r) if i % 2 == 0 else None
        if r.random() < 0.5:
            lines, doc = V.mrz_td3(r, (p.prefix + " " + p.surname).strip(), p.given, dob[1], bsn9)
        else:
            lines, doc = V.mrz_td1(r, (p.prefix + " " + p.surname).strip(), p.given, dob[1], bsn9)
        self.t(rel, "person_name", p.full)
        self.t(rel, "id_document_nl", doc)
        self.t(rel, "date_of_birth", dob[1])
        if bsn9:
            self.t(rel, "bsn", bsn9)
        body = [f"Ticket #{49000 + i}", f"Klant: {p.full}", "",
                "Klant heeft ter verificatie een scan van het identiteitsbewijs gestuurd (OCR-tekst hieronder):", ""]
        body += lines + [""]
        doc2, _ = V.document_number(r)
        body.append(f"Het documentnummer van het vorige paspoort was {doc2}.")
        self.t(rel, "id_document_nl", doc2)
        body.append(f"Serienummer router: {V.document_number(r)[0]} (geen persoonsgegeven).")
        D.text(self.path(rel), "\n".join(body) + "\n")

    def ticket_export(self):
        r = self.rng
        rel = "support/export/tickets_week12.html"
        rows = []
        for k in range(self.n(6)):
            p = self.person()
            mail = p.email("example.com")
            rows.append([str(51000 + k), p.full, mail, r.choice(["Inloggen lukt niet", "Factuurvraag", "Wachtwoord reset"])])
            self.t(rel, "person_name", p.full)
            self.t(rel, "email", mail)
        D.html(self.path(rel), "Tickets week 12", [("p", "Export uit het ticketsysteem"),
                                                   ("table", ["Ticket", "Naam", "E-mail", "Onderwerp"], rows)])

    # -- mail ---------------------------------------------------------------
    def mail(self):
        r = self.rng
        rel_box = "mail/archief_2024.mbox"
        msgs = []
        for k in range(self.n(5)):
            a, b = self.person(), self.person()
            ma, mb = a.email("example.com"), b.email(OUR["domain"])
            for d, v in [("person_name", a.full), ("person_name", b.full), ("email", ma), ("email", mb),
                         ("person_name", b.given)]:
                self.t(rel_box, d, v)
            sig = self.signature(rel_box, a, "Inkoper")
            body = [f"Hoi {b.given},", "", r.choice([
                "Zoals besproken stuur ik je de gegevens voor de nieuwe leverancier.",
                "Kun je de factuur van vorige maand nog eens sturen? Ordernummer 2024-00871.",
                "Dank voor het prettige gesprek van vanmorgen."])]
            if k % 2 == 0:
                iban = V.iban(r)
                body.append(f"Het nieuwe rekeningnummer is {iban[0]} t.n.v. {company(r)}.")
                self.t(rel_box, "iban", iban[1])
            atts = []
            if k == 0:
                rows = [["Naam", "BSN", "E-mail"]]
                for _ in range(self.n(3)):
                    p = self.person()
                    bsn = V.bsn(r)
                    mp = p.email("example.org")
                    rows.append([p.full, bsn[0], mp])
                    for d, v in [("person_name", p.full), ("bsn", bsn[1]), ("email", mp)]:
                        self.t(rel_box, d, v)
                body.append("In de bijlage de deelnemerslijst.")
                atts.append(("deelnemers.csv", "text/csv", "\n".join(";".join(x) for x in rows).encode()))
            body += [""] + sig
            msgs.append(D.message(f"{a.full} <{ma}>", f"{b.full} <{mb}>", "Re: leverancier",
                                  f"Mon, {10 + k} Jun 2024 09:{10 + k}:00 +0200", "\n".join(body) + "\n", atts))
        D.mbox(self.path(rel_box), msgs)
        for k in range(self.n(2)):
            a = self.person()
            rel = f"mail/los/bericht_{k + 1}.eml"
            ma = a.email("example.net")
            self.t(rel, "person_name", a.full)
            self.t(rel, "email", ma)
            self.t(rel, "email", "administratie@" + OUR["domain"])
            inv = ["FACTUUR"] + self.letterhead(rel) + [f"t.a.v. {a.with_initials}"]
            self.t(rel, "person_name", a.with_initials)
            body = f"Geachte heer/mevrouw,\n\nBijgaand de factuur.\n\nMet vriendelijke groet,\n\nAdministratie\n"
            msg = D.message(f"Administratie <administratie@{OUR['domain']}>", f"{a.full} <{ma}>",
                            "Factuur", f"Tue, {4 + k} Jun 2024 10:00:00 +0200", body,
                            [("factuur.pdf", "application/pdf", D.pdf_bytes(inv))])
            D.eml(self.path(rel), msg)

    # -- marketing (hard negatives only) ------------------------------------
    def newsletter(self, i):
        r = self.rng
        rel = f"marketing/nieuwsbrief_{i + 1}.html"
        D.html(self.path(rel), "Nieuwsbrief", [
            ("p", "Nieuwsbrief | Tips voor een gezonde werkplek"),
            ("p", "Vijf tips tegen een burn-out en meer aandacht voor gezondheid op kantoor. Lees meer op onze website."),
            ("p", "De vakbond en de werkgevers hebben een nieuwe cao afgesproken; lees meer in het artikel."),
            ("p", f"Nieuw: versie 2.{r.randint(0, 9)}.{r.randint(0, 9)}.{r.randint(0, 9)} met een download van 1200 MB en 500 GB opslag."),
            ("p", f"Gebruik kortingscode {V.document_number(r)[0]} voor 10% korting, geldig tot {V.other_date(r, 2024, 2024)}."),
            ("p", f"Artikelnummer {r.randint(10**7, 10**8 - 1)} - bestel voor 1 juli."),
            ("p", "Vacature: voor deze functie is een VOG vereist. Aanmelden via de website."),
            ("p", "Bekijk ook de nieuwe showroom aan de Willem de Zwijgerlaan."),
        ])

    # -- meetings (no system covers them: a planted undeclared location) ----
    def notes(self, i):
        r = self.rng
        people = [self.person() for _ in range(4)]
        rel = f"meetings/notulen_mt_{i + 1:02d}.txt"
        sick = self.person()
        for p in people:
            self.t(rel, "person_name", p.full)
        self.t(rel, "person_name", sick.with_initials)
        self.t(rel, "person_name", people[0].with_initials)
        self.t(rel, "special_health", "ziekgemeld")
        body = [f"Notulen MT-overleg {V.other_date(r, 2024, 2024)}",
                f"Aanwezig: {people[0].full}, {people[1].full} en {people[2].full}",
                f"Afwezig: {people[3].full}", "",
                "1. Personeel",
                f"Collega {sick.with_initials} is sinds vorige week ziekgemeld; HR houdt contact.", "",
                "2. Actiepunten", f"- {people[0].with_initials} stuurt de planning rond (versie 1.2.3.4 van het plan).", ""]
        D.text(self.path(rel), "\n".join(body) + "\n")


def generate(out, seed, scale):
    c = Corpus(out, seed, scale)
    for i in range(c.n(4)):
        c.hr_dossier(i)
    for i in range(c.n(6)):
        c.hr_ziekmelding(i)
    for i in range(c.n(3)):
        c.hr_cv(i)
    c.hr_sheet()
    c.sales_customers()
    c.sales_crm_export()
    for i in range(c.n(3)):
        c.sales_quote(i + 1)
    for i in range(c.n(6)):
        c.invoice(i + 1, as_pdf=i % 2 == 0)
    c.card_payments()
    for i in range(c.n(8)):
        c.ticket(i)
    for i in range(c.n(3)):
        c.ticket_id_copy(i)
    c.ticket_export()
    c.mail()
    for i in range(c.n(2)):
        c.newsletter(i)
    for i in range(c.n(3)):
        c.notes(i)
    rows = sorted(c.truth.rows, key=lambda x: (x["file"], x["detector"], x["value"]))
    with open(os.path.join(out, "truth.jsonl"), "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out_dir")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--check-truth", metavar="FILE",
                    help="after generating, fail unless the truth equals FILE (reproducibility test)")
    a = ap.parse_args()
    os.makedirs(a.out_dir, exist_ok=True)
    rows = generate(a.out_dir, a.seed, a.scale)
    print(f"{len(rows)} truth rows in {os.path.join(a.out_dir, 'truth.jsonl')}")
    if a.check_truth:
        with open(a.check_truth, encoding="utf-8") as f:
            want = [json.loads(line) for line in f if line.strip()]
        if want != rows:
            missing = [r for r in want if r not in rows][:5]
            extra = [r for r in rows if r not in want][:5]
            print(f"truth differs from {a.check_truth}: missing {missing} extra {extra}", file=sys.stderr)
            sys.exit(1)
        print(f"truth equals {a.check_truth}")


if __name__ == "__main__":
    main()
