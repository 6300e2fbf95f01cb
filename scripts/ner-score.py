#!/usr/bin/env python3
"""Person-name recall and precision of Andel's unknown-name recognizer on news-style text.

Measures what `andel detect FILE --json` (without `--vault`, so only the pattern and unknown-name
recognizers run) finds as `person`, token by token, against a text in which every person's name is
wrapped in double square brackets:

    Dommer [[Finn Eilertsen]] avstår, selvfølgelig bevisst, fra å ...

One sentence per line, an empty line between paragraphs. Such a file can be made from a CoNLL-U
named-entity set (NorNE's `name=B-PER`/`I-PER`, DaNE's PER) by wrapping the PER tokens of each
`# text =` line. No such data is kept in this repository: public news text names real people.

    python3 scripts/ner-score.py [-v] [--per-line] FILE...

`--per-line` runs each sentence as its own document (no help from the rest of the text);
`-v` lists the missed and the wrongly found words. Tokens are runs of letters and digits; a token
counts as found when a `person` finding overlaps it.
"""
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

BIN = os.environ.get(
    "ANDEL", os.path.join(os.path.dirname(__file__), "..", "target", "debug", "andel")
)


def parse(raw):
    """The text without the brackets, and the character spans of the bracketed names."""
    out, spans, pos = [], [], 0
    for m in re.finditer(r"\[\[(.*?)\]\]", raw, re.S):
        out.append(raw[pos : m.start()])
        start = sum(len(x) for x in out)
        out.append(m.group(1))
        spans.append((start, start + len(m.group(1))))
        pos = m.end()
    out.append(raw[pos:])
    return "".join(out), spans


def detect(text):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write(text)
    try:
        res = subprocess.run([BIN, "detect", f.name, "--json"], capture_output=True, text=True)
    finally:
        os.unlink(f.name)
    if res.returncode not in (0, 3):
        sys.exit(f"andel detect failed: {res.stderr.strip()}")
    return [(x["start"], x["end"]) for x in json.loads(res.stdout) if x["kind"] == "person"]


def count(text, gold, pred, c, missed, wrong):
    overlaps = lambda t, spans: any(a < t[1] and t[0] < b for a, b in spans)
    for m in re.finditer(r"\w+", text):
        t = (m.start(), m.end())
        g, p = overlaps(t, gold), overlaps(t, pred)
        c["gold"] += g
        c["found"] += p
        c["right"] += g and p
        if g and not p:
            missed[m.group()] += 1
        if p and not g:
            wrong[m.group()] += 1


def main():
    args = sys.argv[1:]
    verbose, per_line = "-v" in args, "--per-line" in args
    files = [a for a in args if not a.startswith("-")]
    if not files:
        sys.exit(__doc__)
    total = collections.Counter()
    for path in files:
        raw = open(path, encoding="utf-8").read()
        c, missed, wrong = collections.Counter(), collections.Counter(), collections.Counter()
        parts = [l for l in raw.split("\n") if l.strip()] if per_line else [raw]
        for part in parts:
            text, gold = parse(part)
            count(text, gold, detect(text), c, missed, wrong)
        recall = c["right"] / max(c["gold"], 1)
        precision = c["right"] / max(c["found"], 1)
        print(f"{os.path.basename(path)}: {c['gold']} name tokens, {c['found']} found, "
              f"recall {recall:.3f}, precision {precision:.3f}")
        if verbose:
            print("  missed:", ", ".join(f"{w}×{n}" for w, n in missed.most_common(100)))
            print("  wrong: ", ", ".join(f"{w}×{n}" for w, n in wrong.most_common(100)))
        total += c
    if len(files) > 1:
        recall = total["right"] / max(total["gold"], 1)
        precision = total["right"] / max(total["found"], 1)
        print(f"all: {total['gold']} name tokens, recall {recall:.3f}, precision {precision:.3f}")


main()
