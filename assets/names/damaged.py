#!/usr/bin/env python3
"""Writes damaged.txt: the listed first names as damaged text spells them, and adds those spellings that are
also ordinary words to words.txt.

usage: python3 damaged.py DANISH BOKMAAL NYNORSK SWEDISH
(the word lists of the Debian packages wdanish, wnorwegian and wswedish, as for extract.py; run after
extract.py and modern.py.)

Two damages, the ones a plain-ASCII export, an old code page and OCR do to names most:
  * the letters beyond ASCII lost ("Soren" for Søren, "Asgeir" for Ásgeir, "Ayse" for Ayşe): marks
    dropped, ø read as o, æ as ae, ð as d, þ as th;
  * an m read as r and n by OCR ("rnalin", "Ernrna"): every choice of the name's m's (a capital M
    read so is a small m after it: the lists are looked up in small letters).
One line per spelling, "spelling<TAB>Name …" (every name it may stand for): the names' lists (da, nb, sv, is, fi, intl, extra, modern,
world) give the spelling what they give those names together (lists.rs). A spelling that is a listed name, a place on
places.txt or a surname on surnames.txt is left out, and so are the spellings of names of three letters or
fewer and of the rarest names (frequency 1) (it is that, written right); one that is an ordinary
word of the four word lists stays, and goes on words.txt, so it needs the evidence such a name needs.
"""
import itertools
import os
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
LISTS = ["da", "nb", "sv", "is", "fi", "intl", "extra", "modern", "world"]
LETTERS = {"ø": "o", "æ": "ae", "œ": "oe", "ð": "d", "þ": "th", "ß": "ss", "ł": "l", "ı": "i"}


def frequencies():
    """Every listed name with its highest frequency on any list."""
    best = {}
    for stem in LISTS:
        with open(os.path.join(HERE, stem + ".txt"), encoding="utf-8") as f:
            for l in f:
                if l.strip() and not l.startswith("#"):
                    n, _, v = l.strip().partition("\t")
                    best[n] = max(best.get(n, 0), int(v or 1))
    return best


def listed(stem, tab=True):
    with open(os.path.join(HERE, stem + ".txt"), encoding="utf-8") as f:
        rows = [l.strip() for l in f if l.strip() and not l.startswith("#")]
    return [r.split("\t")[0].strip() for r in rows] if tab else rows


def ascii_form(name):
    out = []
    for c in unicodedata.normalize("NFD", name):
        if unicodedata.combining(c):
            continue
        low = c.lower()
        if low in LETTERS:
            r = LETTERS[low]
            out.append(r.capitalize() if c.isupper() else r)
        else:
            out.append(c)
    return "".join(out)


def ocr_forms(name):
    at = [i for i, c in enumerate(name) if c == "m"]
    for k in range(1, len(at) + 1):
        for pick in itertools.combinations(at, k):
            yield "".join("rn" if i in pick else c for i, c in enumerate(name))


best = frequencies()
names = set(best)
known = {n.lower() for n in names}
taken = known | {p.lower() for p in listed("places", False)} | {s.lower() for s in listed("surnames", False)}
spellings = {}
for n in sorted(names):
    # A rare name's damaged spelling is more often something else's ("Fifa" of Icelandic Fífa).
    # A name of three letters or fewer, damaged, is anything ("Run" of Rún, "rnan" of Man).
    if best[n] < 2 or len(n) < 4:
        continue
    forms = {ascii_form(n)} | set(ocr_forms(n.lower())) | set(ocr_forms(ascii_form(n).lower()))
    for f in forms:
        if f.lower() in taken or not f.isalpha() and "-" not in f:
            continue
        spellings.setdefault(f.lower(), []).append(n)
with open(os.path.join(HERE, "damaged.txt"), "w", encoding="utf-8") as f:
    for s in sorted(spellings):
        f.write(s + "\t" + " ".join(sorted(set(spellings[s]))) + "\n")
words = set()
for p in sys.argv[1:5]:
    with open(p, encoding="utf-8", errors="replace") as f:
        words.update(w.strip() for w in f if w.strip() and w.strip().islower())
old = set(listed("words", False))
with open(os.path.join(HERE, "words.txt"), "w", encoding="utf-8") as f:
    for w in sorted(old | {s for s in spellings if s in words}):
        f.write(w + "\n")
