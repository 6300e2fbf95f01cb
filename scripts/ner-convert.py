#!/usr/bin/env python3
"""Turn public named-entity sets into the input of scripts/ner-score.py (names in [[…]]).

    python3 scripts/ner-convert.py norne NORNE_UD_CONLLU OUT
    python3 scripts/ner-convert.py danplus DANPLUS_TSV DDT_UD_CONLLU OUT
    python3 scripts/ner-convert.py danplus DANPLUS_TSV - OUT     (spacing guessed: the stored DDT lacks train)

- NorNE (github.com/ltgoslo/norne, `ud/nob|nno/*-ud-{train,dev}.conllu`): the `# text =` line of each sentence,
  with the tokens labelled `name=B-PER`/`I-PER` wrapped; `# newpar` starts a new paragraph.
- DaN+ (github.com/bplank/DaNplus, `data/da_news_{train,dev}.tsv`) labels the tokens of the Danish DDT; the text
  with its spacing comes from UD_Danish-DDT (`da_ddt-ud-{train,dev}.conllu`), sentence by sentence in the same
  order. Only the outer level's PER is a person (the inner level marks parts of other names).

The output is real news text naming real people: write it outside the repository (e.g. /tmp/ner/). The test
splits are kept for measurement by others, so this script refuses any file whose name says `test`.
"""
import os
import sys


def refuse_test(*paths):
    for p in paths:
        if "test" in os.path.basename(p):
            sys.exit(f"{p}: test splits are not converted (they are kept for measurement)")


def conllu_sentences(path):
    """(text, [(form, misc)], newpar) for each sentence of a CoNLL-U file."""
    text, toks, newpar = None, [], False
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("# text = "):
            text = line[len("# text = "):]
        elif line.startswith("# newpar") or line.startswith("# newdoc"):
            newpar = True
        elif line.startswith("#"):
            continue
        elif not line.strip():
            if text is not None:
                yield text, toks, newpar
            text, toks, newpar = None, [], False
        else:
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue  # multi-word ranges and empty nodes
            toks.append((cols[1], cols[9]))
    if text is not None:
        yield text, toks, newpar


def wrap(text, forms, labels):
    """The sentence with each run of B-/I-PER tokens in [[…]], tokens found in order in the text."""
    spans, pos = [], 0
    for form, lab in zip(forms, labels):
        at = text.find(form, pos)
        if at < 0:
            raise ValueError(f"token {form!r} not found in {text!r}")
        end = at + len(form)
        if lab == "B-PER" or (lab == "I-PER" and not spans):
            spans.append([at, end])
        elif lab == "I-PER":
            spans[-1][1] = end
        pos = end
    out, last = [], 0
    for a, b in spans:
        out += [text[last:a], "[[", text[a:b], "]]"]
        last = b
    out.append(text[last:])
    return "".join(out)


def norne(src, dst):
    refuse_test(src)
    lines = []
    for text, toks, newpar in conllu_sentences(src):
        labels = []
        for _, misc in toks:
            lab = next((f[5:] for f in misc.split("|") if f.startswith("name=")), "O")
            labels.append(lab)
        if newpar and lines:
            lines.append("")
        lines.append(wrap(text, [f for f, _ in toks], labels))
    write(dst, lines)


def danplus(tsv, ud, dst):
    refuse_test(tsv, ud)
    sents, cur = [], []
    for line in open(tsv, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip():
            if cur:
                sents.append(cur)
            cur = []
        else:
            cols = line.split("\t")
            cur.append((cols[0], cols[1]))
    if cur:
        sents.append(cur)
    lines = []
    if ud == "-":
        for labelled in sents:
            forms = [f for f, _ in labelled]
            text = detokenize(forms)
            labels = [lab if lab.endswith("-PER") else "O" for _, lab in labelled]
            lines.append(wrap(text, forms, labels))
        write(dst, lines)
        return
    ud_sents = list(conllu_sentences(ud))
    if len(ud_sents) != len(sents):
        sys.exit(f"{tsv} has {len(sents)} sentences, {ud} has {len(ud_sents)}")
    for (text, toks, _), labelled in zip(ud_sents, sents):
        if [f for f, _ in toks] != [f for f, _ in labelled]:
            sys.exit(f"sentences differ: {text!r}")
        labels = [lab if lab.endswith("-PER") else "O" for _, lab in labelled]
        lines.append(wrap(text, [f for f, _ in toks], labels))
    write(dst, lines)


def detokenize(forms):
    """Tokens joined as a writer would: no space before closing punctuation, after an opening one, nor
    inside a pair of straight quotes."""
    out, quote_open, glue = "", False, True
    for f in forms:
        closing = f in {",", ".", ":", ";", "!", "?", ")", "]", "'s", "%"} or (f == '"' and quote_open)
        if out and not glue and not closing:
            out += " "
        out += f
        glue = f in {"(", "["} or (f == '"' and not quote_open)
        if f == '"':
            quote_open = not quote_open
    return out


def write(dst, lines):
    with open(dst, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def main():
    a = sys.argv[1:]
    if len(a) == 3 and a[0] == "norne":
        norne(a[1], a[2])
    elif len(a) == 4 and a[0] == "danplus":
        danplus(a[1], a[2], a[3])
    else:
        sys.exit(__doc__)


main()
