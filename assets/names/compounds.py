#!/usr/bin/env python3
"""Writes compounds.txt: the two-part Nordic first names that the lists' own parts make and the lists lack.

usage: python3 compounds.py DANISH BOKMAAL NYNORSK SWEDISH
(the word lists of the Debian packages wdanish, wnorwegian and wswedish, as for extract.py; run after
extract.py, before damaged.py.)

Most old Nordic given names are two parts, a first one ("Hall-", "Sig-", "Tor-", "Gun-") and a second one
from a short closed set ("-geir", "-stein", "-bjørn", "-hild", "-run", "-dis", "-laug", "-veig" …), and
families have joined the parts freely for a thousand years ("Hallgeir", "Gunstein", "Torleiv"): a source
of counts lists the common joins and misses the rest, though any of them is a name to a reader. A first
part counts where it opens listed Nordic names (da, nb, sv, is, extra, modern) with two second parts or
more; every such first part joined with every second part that is not listed already is written, frequency
1 for all. A join that is an ordinary word of the four word lists ("alvor"), a place on places.txt or a
surname on surnames.txt is left out. Only Scandinavian letters: Iceland's ð and þ are left to is.txt.
"""
import collections
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SECOND = [
    "geir", "stein", "bjørn", "björn", "jørn", "hild", "run", "laug", "dis", "veig", "frid", "vald",
    "mund", "ulf", "leif", "leiv", "lev", "vor", "unn", "gerd", "grim", "var", "ny", "ei",
]
LETTERS = re.compile(r"[a-zæøåäö]+")


def listed(stem, tab=True):
    with open(os.path.join(HERE, stem + ".txt"), encoding="utf-8") as f:
        rows = [l.strip() for l in f if l.strip() and not l.startswith("#")]
    return [r.split("\t")[0].strip() for r in rows] if tab else rows


nordic = set()
for stem in ["da", "nb", "sv", "is", "extra", "modern"]:
    nordic.update(n.lower() for n in listed(stem))
seconds = collections.defaultdict(set)
for n in nordic:
    for s in SECOND:
        first = n[: -len(s)]
        if n.endswith(s) and len(first) >= 2 and LETTERS.fullmatch(first):
            seconds[first].add(s)
firsts = sorted(f for f, s in seconds.items() if len(s) >= 2)
words = set()
for p in sys.argv[1:5]:
    with open(p, encoding="utf-8", errors="replace") as f:
        words.update(w.strip() for w in f if w.strip() and w.strip().islower())
known = set()
for stem in ["da", "nb", "sv", "is", "fi", "intl", "extra", "modern", "world"]:
    known.update(n.lower() for n in listed(stem))
taken = known | words | {p.lower() for p in listed("places", False)}
taken |= {s.lower() for s in listed("surnames", False)}
joins = sorted({f + s for f in firsts for s in SECOND} - taken)
with open(os.path.join(HERE, "compounds.txt"), "w", encoding="utf-8") as f:
    for j in joins:
        f.write(f"{j.capitalize()}\t1\n")
