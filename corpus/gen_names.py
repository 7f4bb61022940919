"""Synthetic people and companies for the corpus.

The lists mix names the person_name gazetteer knows with names it does not
(the detectors must find the latter from structure: salutations, initials,
labels, columns, signatures). Any resemblance to real people is chance:
given name, tussenvoegsel and surname are drawn independently.
"""

GIVEN = {
    "nl": ["Jan", "Sanne", "Pieter", "Anouk", "Kees", "Marieke", "Wouter", "Femke", "Henk", "Esther",
           "Jeroen", "Lotte", "Bas", "Ingrid", "Thijs", "Mirjam", "Ruud", "Janneke", "Sjoerd", "Wilma",
           "Gerrit", "Annelies", "Joost", "Floor", "Hidde", "Marloes", "Daan", "Eline", "Stijn", "Noor"],
    "tr": ["Mehmet", "Ayşe", "Emre", "Elif", "Burak", "Zeynep", "Hakan", "Fatma", "Murat", "Esra"],
    "ma": ["Youssef", "Fatima", "Mohamed", "Khadija", "Soufiane", "Imane", "Bilal", "Samira", "Hamza", "Naima"],
    "sr": ["Ravi", "Shanti", "Anil", "Priya", "Sherida", "Dinesh", "Roshni", "Kavita"],
    "pl": ["Piotr", "Katarzyna", "Tomasz", "Agnieszka", "Krzysztof", "Magdalena"],
    "id": ["Dewi", "Budi", "Putri", "Agus", "Sri", "Wulan"],
}
SURNAMES = {
    "nl": [("", "Jansen"), ("de", "Vries"), ("van den", "Berg"), ("van", "Dijk"), ("", "Bakker"),
           ("", "Visser"), ("", "Smit"), ("", "Meijer"), ("de", "Boer"), ("", "Mulder"), ("de", "Groot"),
           ("", "Bos"), ("", "Hendriks"), ("van", "Leeuwen"), ("", "Dekker"), ("", "Brouwer"), ("de", "Wit"),
           ("", "Dijkstra"), ("", "Verhagen"), ("", "Brinkman"), ("", "Kortekaas"), ("", "Hoogendoorn"),
           ("van der", "Heijden"), ("", "Wijnands"), ("van 't", "Hof"), ("ter", "Horst"), ("", "Zwart"),
           ("", "Postma"), ("in 't", "Veld"), ("", "Schoonderwoerd"), ("", "Oosterhuis"), ("van", "Rijn")],
    "tr": [("", "Yılmaz"), ("", "Kaya"), ("", "Demir"), ("", "Şahin"), ("", "Çelik"), ("", "Öztürk"),
           ("", "Aydın"), ("", "Arslan")],
    "ma": [("el", "Amrani"), ("", "Benali"), ("", "Bakkali"), ("el", "Idrissi"), ("", "Azzouzi"),
           ("", "Ouali"), ("", "Tahiri"), ("", "Bouzid")],
    "sr": [("", "Ramdin"), ("", "Jagessar"), ("", "Baldew"), ("", "Mahabier"), ("", "Kromodimedjo"),
           ("", "Pinas")],
    "pl": [("", "Kowalski"), ("", "Nowak"), ("", "Wiśniewska"), ("", "Lewandowski")],
    "id": [("", "Wattimena"), ("", "Latuheru"), ("", "Pattipeilohy"), ("", "Setiawan")],
}
ORIGINS = ["nl"] * 10 + ["tr"] * 2 + ["ma"] * 2 + ["sr", "pl", "id"]

COMPANY_WORDS = ["Bakker", "Jansen", "De Vries", "Noord", "Polder", "Delta", "Zuid", "Rivier", "Molen", "Duin"]
COMPANY_KINDS = ["Installatietechniek B.V.", "Holding B.V.", "Advies", "Bouw B.V.", "& Zn", "Groep",
                 "Consultancy", "Logistics B.V.", "ICT Solutions B.V.", "Transport B.V."]


class Person:
    def __init__(self, rng):
        origin = rng.choice(ORIGINS)
        self.given = rng.choice(GIVEN[origin])
        prefix, surname = rng.choice(SURNAMES[origin if rng.random() < 0.8 else "nl"])
        self.prefix = prefix
        self.surname = surname
        self.initials = self.given[0] + "." + (rng.choice("ACHJMPW") + "." if rng.random() < 0.3 else "")

    @property
    def full(self):  # "Jan de Vries"
        return " ".join(x for x in (self.given, self.prefix, self.surname) if x)

    @property
    def formal(self):  # "De Vries" (surname standing alone: prefix capitalised)
        if not self.prefix:
            return self.surname
        return self.prefix[0].upper() + self.prefix[1:] + " " + self.surname

    @property
    def with_initials(self):  # "J. de Vries"
        return " ".join(x for x in (self.initials, self.prefix, self.surname) if x)

    @property
    def email_local(self):
        import unicodedata
        base = f"{self.given[0]}.{self.prefix.replace(' ', '').replace(chr(39), '')}{self.surname}".lower()
        return "".join(c for c in unicodedata.normalize("NFKD", base) if c.isascii() and (c.isalnum() or c == "."))

    def email(self, domain):
        return f"{self.email_local}@{domain}"


def company(rng):
    return f"{rng.choice(COMPANY_WORDS)} {rng.choice(COMPANY_KINDS)}"


def slug(name):
    return "".join(c for c in name.lower() if c.isalnum())[:20]
