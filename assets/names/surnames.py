#!/usr/bin/env python3
"""Extract Andel's list of common Nordic surnames from the Faker package's person providers (MIT).

usage: surnames.py FAKER_PERSON_DIR DICT_DA DICT_NB DICT_NN DICT_SV

FAKER_PERSON_DIR is `faker/providers/person/` of an unpacked Faker wheel; its `da_DK`, `no_NO` and `sv_SE`
providers hold the most common surnames of Denmark, Norway (Statistics Norway's list) and Sweden (the
Swedish Tax Agency's top 500). Writes `surnames.txt` next to this script: those surnames, one per line,
sorted, without the ones that are also an ordinary Danish, Norwegian or Swedish word in lower case
("berg", "holm", "strand") or a place on `places.txt` ("Lund"), which say nothing alone.
"""
import ast
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def last_names(path):
    """The `last_names` of one provider: a tuple, or an OrderedDict of name to weight."""
    tree = ast.parse(open(path, encoding="utf-8").read())
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "last_names":
            value = node.value
            if isinstance(value, ast.Call):  # OrderedDict((name, weight), ...)
                value = value.args[0]
            items = ast.literal_eval(value)
            return [x[0] if isinstance(x, tuple) else x for x in items]
    sys.exit(f"{path}: no last_names")


def words(paths):
    out = set()
    for p in paths:
        for line in open(p, encoding="utf-8", errors="replace"):
            w = line.strip()
            if w and w == w.lower():
                out.add(w)
    return out


def main():
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    person, dicts = sys.argv[1], sys.argv[2:]
    names = set()
    for loc in ("da_DK", "no_NO", "sv_SE"):
        names.update(last_names(os.path.join(person, loc, "__init__.py")))
    ordinary = words(dicts)
    places = {
        l.strip().lower()
        for l in open(os.path.join(HERE, "places.txt"), encoding="utf-8")
        if l.strip() and not l.startswith("#")
    }
    keep = sorted(
        n for n in names if n.lower() not in ordinary and n.lower() not in places and " " not in n
    )
    with open(os.path.join(HERE, "surnames.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(keep) + "\n")
    print(f"{len(names)} surnames, {len(keep)} kept")


main()
