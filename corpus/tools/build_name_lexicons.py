#!/usr/bin/python3
"""Builds the name lexicons of the person_name detector from open sources.

Inputs:
  FAKER_DIR  the lists written by extract_faker_names.mjs from the npm package
             @faker-js/faker (MIT licence; see rules/README.md)
  the Dutch word list of Debian's `wdutch` package (/usr/share/dict/dutch,
             OpenTaal, BSD or CC BY 3.0)
  the curated lists below (common names of Dutch residents of Moroccan,
             Surinamese, Moluccan and Somali/Eritrean descent, and the most
             frequent Dutch surnames; compiled for this project)

Writes rules/data/lexicons/{first_names,surnames,common_words_nl}.txt.
Usage: corpus/tools/build_name_lexicons.py FAKER_DIR [RULES_LEXICON_DIR]
"""
import os
import sys

# Locales taken whole: Dutch, Flemish and the largest groups of Dutch
# residents with a foreign background that faker covers.
WHOLE = ["nl", "nl_BE", "tr", "pl", "id_ID"]
# International locales: only given names shared by at least two of them
# (Anna, David, Thomas ...) -- the full lists hold many ordinary words.
SHARED = ["de", "fr", "en", "es", "pt_PT", "it"]
# Surnames: all locales above.

CURATED_FIRST = """
Mohamed Mohammed Muhammad Ahmed Youssef Yusuf Mustafa Said Rachid Abdelkader Hassan
Hussein Karim Khalid Omar Othman Soufiane Ayoub Bilal Hamza Ilias Ilyas Imane Nadia
Fatima Khadija Aicha Aisha Meryem Maryam Samira Naima Latifa Malika Zineb Salma Houda
Loubna Hanan Najat Yasmina Yasmine Souad Rachida Hafsa Amina Mounir Nordin Driss Jamal
Jamila Redouan Redouane Anouar Zakaria Ismail Brahim Ibrahim Mehdi Nabil Tarik Younes
Yassine Zouhair Badr Hicham Hamid Abdellah Abdullah Mimoun Aziz Fouad Khalil Nourdin
Chaima Ikram Wiam Hajar Oumaima Rania Dounia Soumaya Abdi Abdullahi Farah Yonas Tesfay
Ravi Rajesh Anil Sunil Shanti Sita Priya Kiran Vishal Anjali Navin Soenita Rabindre
Sandjai Ritesh Sherida Radjesh Sharda Kavita Dinesh Ashwin Roshni Nirmala Chandrika
Henk Wim Ans Joke Annemarie Jeroen Ingrid Petra Marieke Ruud Geert Hans Ton Kees Gert Piet
Jaap Theo Frank Rob Paul Peter Arjan Arjen Erwin Edwin Marcel Remco Richard Ronald Sander
Martijn Joost Maarten Jasper Niels Wouter Ruben Thijs Koen Stefan Dennis Patrick Michel
Vincent Wilma Karin Marjolein Mirjam Saskia Marloes Ilse Inge Anke Janneke Annelies Els
Ellen Margreet Marja Gerda Hilde Nicole Wendy Chantal Miranda Yvonne Jolanda Bianca
Marianne Astrid Renate Judith Suzanne Manon Marit Lotte Fleur Floor Anneke Corrie Truus
Riet Bert Harm Jelle Sjoerd Wietse Hidde Tjeerd Hylke Siebe Durk Geertje Baukje Trijntje
Ayşe Emine Hatice Zeynep Elif Merve Esra Büşra Ahmet Mehmet Mustafa Ali Hüseyin Hasan
İbrahim Murat Emre Burak Hakan Kemal Osman Ömer Recep Selin Derya Serkan Volkan Tarkan
Gijs Hugo Jurgen Jorrit Menno Bram Erik Herman Willem Kim Joris Laura Mieke Nienke Sietske
"""
CURATED_SURNAMES = """
Amrani Idrissi Benali Bouzid Bakkali Azzouzi Khatib Ouali Boukhari Tahiri Aarab Ahmadi
Haddouchi Hamdaoui Bouhali Zaoui Belhaj Mansouri Bouchtaoui Ouazzani Chadli Hajji
Kaddouri Bouchikhi Azarkan Achahbar Benhammou Mahjoub Bousaid Yousfi Moussaoui Bouzerda
Ramdin Jagessar Ramcharan Baldew Mahabier Sewnath Soekhai Ramsaran Bhagwandin Kalloe
Ramdas Girjasing Bisoen Doerga Jhinkoe Badloe Biharie Ramautar Sital Kromodimedjo
Karijo Sastrodihardjo Pinas Doelwijt Kasanpawiro Wongsodikromo Tjin Tjon Latuheru
Pattipeilohy Tuhumury Sahetapy Pattiasina Manuhutu Wattimena Tahapary Leiwakabessy
Soplanit Nanlohy Warsame Abdi Tesfay Haile Yilmaz Kaya Demir Sahin Celik Yildiz Aydin
Jong Jansen Vries Berg Dijk Bakker Janssen Visser Smit Meijer Boer Mulder Groot Bos Vos
Peters Hendriks Leeuwen Dekker Brouwer Wit Dijkstra Smits Graaf Meer Linden Kok Jacobs
Haan Vermeulen Heuvel Veen Broek Bruijn Bruin Heijden Schouten Beek Willems Vliet Ven
Hoekstra Maas Verhoeven Koster Dam Wal Prins Blom Huisman Peeters Jonge Kuipers Post
Kuiper Veenstra Kramer Brink Scholten Wijk Postma Martens Vink Ruiter Timmermans Groen
Gerritsen Jonker Loon Velde Willemsen Smeets Lange Bosch Dongen Schipper Koning Laan
Velden Driessen Doorn Hermans Evers Bosch Meulen Hofman Bosman Wolters Sanders Horst
Zwart Schipper Timmer Wever Kuiper Koopman Brinkman Verhagen Hoogendoorn Oosterhuis
Mol Kuijpers Molenaar Pol Leeuw Verbeek Hart Zijlstra Hiemstra Claessens Hendrickx
"""
# Words that are never taken as given names even if a list has them.
NOT_GIVEN = {"van", "de", "der", "den", "ter", "ten", "het", "januari", "februari", "maart",
             "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november",
             "december", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag",
             "zondag", "beste", "geachte", "hallo", "dag", "met", "groet", "team", "bank"}


def read(path):
    if not os.path.exists(path):
        sys.exit(f"missing {path}: run extract_faker_names.mjs first")
    with open(path, encoding="utf-8") as f:
        return [l.strip() for l in f if l.strip()]


def good(name):
    return len(name) >= 2 and "Ã" not in name and not any(c.isdigit() for c in name)


def main():
    faker = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        os.path.dirname(__file__), "..", "..", "rules", "data", "lexicons")
    first, last = set(), set()
    for loc in WHOLE:
        first.update(n for n in read(f"{faker}/faker_{loc}_first.txt") if good(n) and " " not in n)
    counts = {}
    for loc in SHARED:
        for n in set(read(f"{faker}/faker_{loc}_first.txt")):
            if good(n) and " " not in n:
                counts[n] = counts.get(n, 0) + 1
    first.update(n for n, c in counts.items() if c >= 2)
    first.update(CURATED_FIRST.split())
    # Two-letter names (Bo, Al, Su) are mostly ordinary words in Dutch text.
    first = {n for n in first if n.lower() not in NOT_GIVEN and len(n) > 2}
    for loc in WHOLE + SHARED:
        for n in read(f"{faker}/faker_{loc}_last.txt"):
            # "van der Meer" -> the main part, which is what the finder looks up.
            word = n.split()[-1]
            if good(word):
                last.add(word)
    last.update(CURATED_SURNAMES.split())

    names_lower = {n.lower() for n in first | last}
    with open("/usr/share/dict/dutch", encoding="utf-8") as f:
        common = sorted({w.strip() for w in f if w.strip() and w.strip() in names_lower})

    header = "# Generated by corpus/tools/build_name_lexicons.py -- do not edit; see rules/README.md\n"
    def write(name, words, note, directive=""):
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write(directive + header + note)
            for w in sorted(words, key=lambda s: (s.lower(), s)):
                f.write(w + "\n")
        print(f"{name}: {len(words)}")
    # Matched as written: the finder only takes capitalised given names, and a
    # case-insensitive match would hit every "jan", "mark" and "ben" in text.
    write("first_names.txt", first,
          "# Given names. Sources: @faker-js/faker locales (MIT) + curated list.\n",
          directive="#! case-sensitive\n")
    write("surnames.txt", last,
          "# Surnames (main part, without tussenvoegsel). Sources: @faker-js/faker (MIT) + curated list.\n")
    write("common_words_nl.txt", common,
          "# Names that are also ordinary Dutch words. Source: OpenTaal word list\n"
          "# (Debian wdutch; BSD or CC BY 3.0, (c) OpenTaal), intersected with the name lists.\n")


if __name__ == "__main__":
    main()
