#!/usr/bin/env python3
"""Extract Andel's first-name lists from Jörg Michael's nam_dict.txt (GNU FDL 1.2+).

usage: extract.py NAM_DICT [DICT_DA DICT_NB DICT_SV]

Writes, next to this script:
  da.txt, nb.txt, sv.txt  first names with a frequency in the Denmark, Norway or Sweden column,
                          one per line as "Name<TAB>frequency" (1 = rare .. 13 = extremely common);
  is.txt, fi.txt          first names with a frequency of 2 or more in the Iceland or the Finland
                          column that da.txt, nb.txt and sv.txt lack: the old Nordic names
                          (Ásgeir, Signý, Halldís) whose Norwegian forms the Norway column misses,
                          and the names of Finns and Finland-Swedes (the rarest, frequency 1, are
                          as often a brand's or a thing's word);
  intl.txt                names that are at least fairly common (frequency >= 4) in any other
                          country, for residents, guests and craftsmen with names from elsewhere;
  words.txt               (only with the three word lists) first names whose lower-case form is also
                          an ordinary Danish, Norwegian or Swedish word ("lykke", "sol", "per"): the
                          recognizer wants more evidence before it calls these a name.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
COL = {"da": 46, "nb": 47, "sv": 48}
# The Nordic neighbours, kept whole (any frequency) but apart: see the docstring.
NEIGHBOURS = {"is": 45, "fi": 49}
FIRST_COUNTRY, LAST_COUNTRY = 30, 84


def freq(ch):
    ch = ch.strip()
    return int(ch, 16) if ch else 0


def main():
    lists = {k: {} for k in COL}
    neighbours = {k: {} for k in NEIGHBOURS}
    intl = {}
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("=") or len(line) < 40:
                continue
            if line[29] == "+":  # duplicate with expanded umlauts (the file's own advice)
                continue
            name = line[3:29].strip()
            if not name or "+" in name or " " in name or "." in name:
                continue
            for k, c in COL.items():
                v = freq(line[c])
                if v:
                    lists[k][name] = max(v, lists[k].get(name, 0))
            for k, c in NEIGHBOURS.items():
                v = freq(line[c])
                if v:
                    neighbours[k][name] = max(v, neighbours[k].get(name, 0))
            best = max(freq(line[c]) for c in range(FIRST_COUNTRY, LAST_COUNTRY + 1))
            if best >= 4:
                intl[name] = max(best, intl.get(name, 0))
    for k, names in lists.items():
        write(k, names)
    write("intl", {n: v for n, v in intl.items() if not any(n in l for l in lists.values())})
    for k, names in neighbours.items():
        # The rarest (frequency 1) of a neighbour's names are as often a brand's or a thing's word.
        write(k, {n: v for n, v in names.items() if v >= 2 and not any(n in l for l in lists.values())})
    if len(sys.argv) == 5:
        words = set()
        for p in sys.argv[2:5]:
            with open(p, encoding="utf-8", errors="replace") as f:
                words.update(w.strip() for w in f if w.strip() and w.strip().islower())
        every = set(intl)
        for l in list(lists.values()) + list(neighbours.values()):
            every.update(l)
        with open(os.path.join(HERE, "words.txt"), "w", encoding="utf-8") as f:
            for n in sorted({n.lower() for n in every if n.lower() in words}):
                f.write(n + "\n")


def write(stem, names):
    with open(os.path.join(HERE, stem + ".txt"), "w", encoding="utf-8") as f:
        for n in sorted(names):
            f.write(f"{n}\t{names[n]}\n")


main()
