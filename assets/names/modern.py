"""Writes modern.txt: the first names of the national statistics that the 2008 source of da.txt, nb.txt and
sv.txt lacks ("Jonatan", "Tilda", "Sondre"), and adds those that are also ordinary words to words.txt.

usage: python3 modern.py FAKER_DIR DANISH BOKMAAL SWEDISH
(FAKER_DIR: the unpacked wheel of the PyPI package Faker 40.63.0; the word lists of the Debian packages
wdanish, wnorwegian and wswedish, as for extract.py.)"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, sys.argv[1])
from faker.providers.person.da_DK import Provider as DK  # noqa: E402
from faker.providers.person.no_NO import Provider as NO  # noqa: E402
from faker.providers.person.sv_SE import Provider as SE  # noqa: E402


def listed(stem):
    with open(os.path.join(HERE, stem + ".txt"), encoding="utf-8") as f:
        return {l.split("\t")[0].strip().lower() for l in f if l.strip() and not l.startswith("#")}


known = listed("da") | listed("nb") | listed("sv") | listed("extra")
places = listed("places")
new = set()
for p in (DK, NO, SE):
    for n in list(p.first_names_male) + list(p.first_names_female):
        # Single names only: a double name ("Ann-Marie") is read as its two parts.
        if "-" in n or " " in n or n.lower() in known or n.lower() in places:
            continue
        new.add(n)
with open(os.path.join(HERE, "modern.txt"), "w", encoding="utf-8") as f:
    # One frequency for all (the statistics' top lists hold common names): 3 of the source's 1-13.
    for n in sorted(new):
        f.write(f"{n}\t3\n")
words = set()
for p in sys.argv[2:5]:
    with open(p, encoding="utf-8", errors="replace") as f:
        words.update(w.strip() for w in f if w.strip() and w.strip().islower())
old = listed("words")
with open(os.path.join(HERE, "words.txt"), "w", encoding="utf-8") as f:
    for n in sorted(old | {n.lower() for n in new if n.lower() in words}):
        f.write(n + "\n")
