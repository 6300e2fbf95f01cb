#!/usr/bin/env python3
"""Turn public named-entity sets into the input of scripts/ner-score.py (names in [[…]]).

    python3 scripts/ner-convert.py norne NORNE_UD_CONLLU OUT
    python3 scripts/ner-convert.py danplus DANPLUS_TSV DDT_UD_CONLLU OUT
    python3 scripts/ner-convert.py danplus DANPLUS_TSV - OUT     (spacing guessed: the stored DDT lacks train)
    python3 scripts/ner-convert.py ndt-train NDT_DIR nob|nno OUT_TUNING OUT_UNTOUCHED
    python3 scripts/ner-convert.py swener TRAIN_CORPUS OUT_TRAIN OUT_DEV

- NorNE (github.com/ltgoslo/norne, `ud/nob|nno/*-ud-{train,dev}.conllu`): the `# text =` line of each sentence,
  with the tokens labelled `name=B-PER`/`I-PER` wrapped; `# newpar` starts a new paragraph.
- DaN+ (github.com/bplank/DaNplus, `data/da_news_{train,dev}.tsv`) labels the tokens of the Danish DDT; the text
  with its spacing comes from UD_Danish-DDT (`da_ddt-ud-{train,dev}.conllu`), sentence by sentence in the same
  order. Only the outer level's PER is a person (the inner level marks parts of other names).

- NorNE's `ndt/nob|nno/*.conll` (the NDT documents with `name=` in the last column) when the UD train file is not
  at hand (the stored copies of NorNE and of UD_Norwegian-* hold it only as a missing large file). `ndt/` holds
  every document, of all three splits, so the train documents are picked *positively*: only files inside the
  train ranges that UD_Norwegian-Bokmaal's and -Nynorsk's README list under "DATA SPLITS" (TRAIN_RANGES below)
  are opened; nothing else in the folder is read. The text is rebuilt from the tokens (the `|` tokens NDT adds
  after headings end a paragraph and are dropped, as UD does). The train documents are split by document
  (`ap001`, the part before `_0000`) into two fixed halves: within each source, in name order, the 1st, 3rd,
  5th … document is the tuning half, the 2nd, 4th … the untouched half, on which no rule may be written.

- The Swedish NER corpus (github.com/klintan/swedish-ner-corpus, `train_corpus.txt`: Webbnyheter 2012 of
  Språkbanken, one token and its label (`PER`, `ORG`, `LOC`, `MISC`, `0`) a line, an empty line after each
  sentence). It has a train and a test file and no dev, so its train file is cut by a rule fixed before it was
  read: sentence 5, 10, 15 … (every fifth, counting from 1) is dev, the others train. The sentences are
  Språkbanken's, shuffled (no document order), so they are written one a line without paragraphs, as DaN+ is;
  the spacing is guessed from the tokens (`detokenize`). A run of `PER` tokens is one name (the corpus has no
  B-/I-).

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
    inside a pair of straight quotes. A straight quote that ends the sentence closes a quotation opened in
    an earlier one (DDT's sentences split quoted speech)."""
    out, quote_open, glue = "", False, True
    for i, f in enumerate(forms):
        last = i == len(forms) - 1
        closing = f in {",", ".", ":", ";", "!", "?", ")", "]", "'s", "%", "»", "..."} or (
            f == '"' and (quote_open or last)
        )
        if out and not glue and not closing:
            out += " "
        out += f
        glue = f in {"(", "[", "«"} or (f == '"' and not quote_open)
        if f == '"':
            quote_open = not quote_open
    return out


# The train split of the Norwegian UD treebanks, file ranges as listed (inclusive) in the "DATA SPLITS"
# section of UD_Norwegian-Bokmaal/README.md and UD_Norwegian-Nynorsk/README.md.
TRAIN_RANGES = {
    "nob": [
        ("ap001_0000", "ap012_0002"), ("bt001_0000", "bt005_0001"), ("db001a_0000", "db013_0004"),
        ("kk001_0000", "kk005_0001"), ("sp-bm001_0000", "sp-bm001_0008"), ("vg001_0000", "vg002_0003"),
        ("blogg-bm001_0000", "blogg-bm003_0000"), ("nou001_0000", "nou004_0000"), ("st001_0000", "st005_0000"),
    ],
    "nno": [
        ("blogg-nn001_0000", "blogg-nn003_0001"), ("dot001_0000", "dot014_0007"),
        ("firda-nn001_0000", "firda-nn004_0005"), ("kk-nn001_0000", "kk-nn006_0002"),
        ("mom001_0000", "mom003_0004"), ("st-nn001_0000", "st-nn002_0000"), ("vtb-nn001_0000", "vtb-nn006_0004"),
    ],
}


def source_of(stem):
    """'blogg-bm001_0000' -> 'blogg-bm': the letters before the document's number."""
    head = stem.split("_")[0]
    j = 0
    while j < len(head) and not head[j].isdigit():
        j += 1
    return head[:j]


def in_ranges(stem, ranges):
    src = source_of(stem)
    return any(source_of(a) == src and a <= stem <= b for a, b in ranges)


def ndt_sentences(path):
    """(forms, labels, ends_paragraph) for each sentence of an NDT .conll file with NorNE's name= column."""
    forms, labels, par = [], [], False
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip():
            if forms or par:
                yield forms, labels, par
            forms, labels, par = [], [], False
            continue
        cols = line.split("\t")
        if cols[1] == "|":
            par = True  # NDT's heading/paragraph mark: not in the text
            continue
        lab = next((f[5:] for f in cols[-1].split("|") if f.startswith("name=")), "O")
        # NDT repeats the full stop after an abbreviation that ends a sentence; the text has one.
        if cols[1] == "." and forms and forms[-1].endswith(".") and len(forms[-1]) > 1:
            continue
        forms.append(cols[1])
        labels.append(lab if lab.endswith("-PER") else "O")
    if forms or par:
        yield forms, labels, par


def ndt_train(folder, lang, out_tuning, out_untouched):
    refuse_test(out_tuning, out_untouched)
    ranges = TRAIN_RANGES[lang]
    stems = sorted(f[: -len(".conll")] for f in os.listdir(folder) if f.endswith(".conll"))
    train = [s for s in stems if in_ranges(s, ranges)]
    docs = {}
    for s in train:
        docs.setdefault(s.split("_")[0], []).append(s)
    halves = {0: [], 1: []}
    per_source = {}
    for doc in sorted(docs):
        src = source_of(doc)
        n = per_source.get(src, 0)
        per_source[src] = n + 1
        halves[n % 2].append(doc)
    for half, dst in ((0, out_tuning), (1, out_untouched)):
        lines = []
        for doc in halves[half]:
            for stem in docs[doc]:
                if lines and lines[-1] != "":
                    lines.append("")
                for forms, labels, par in ndt_sentences(os.path.join(folder, stem + ".conll")):
                    if forms:
                        lines.append(wrap(detokenize(forms), forms, labels))
                    if par and lines and lines[-1] != "":
                        lines.append("")
        write(dst, lines)
        print(f"{dst}: {len(halves[half])} documents ({sum(len(docs[d]) for d in halves[half])} files): "
              + " ".join(halves[half]), file=sys.stderr)


def swener(src, out_train, out_dev):
    refuse_test(src, out_train, out_dev)
    sents, cur = [], []
    for line in open(src, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip():
            if cur:
                sents.append(cur)
            cur = []
            continue
        cols = line.split()  # a tab or a run of spaces between token and label
        cur.append((cols[0], cols[-1]))
    if cur:
        sents.append(cur)
    parts = {0: [], 1: []}
    for i, labelled in enumerate(sents):
        # Soft hyphens glued to a word by the source's markup are not text.
        forms = [f.replace("\u00ad", "") or f for f, _ in labelled]
        labels = [
            ("I-PER" if j and labelled[j - 1][1] == "PER" else "B-PER") if lab == "PER" else "O"
            for j, (_, lab) in enumerate(labelled)
        ]
        parts[1 if i % 5 == 4 else 0].append(wrap(detokenize(forms), forms, labels))
    write(out_train, parts[0])
    write(out_dev, parts[1])
    print(f"{out_train}: {len(parts[0])} sentences; {out_dev}: {len(parts[1])}", file=sys.stderr)


def write(dst, lines):
    with open(dst, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def main():
    a = sys.argv[1:]
    if len(a) == 3 and a[0] == "norne":
        norne(a[1], a[2])
    elif len(a) == 5 and a[0] == "ndt-train":
        ndt_train(a[1], a[2], a[3], a[4])
    elif len(a) == 4 and a[0] == "swener":
        swener(a[1], a[2], a[3])
    elif len(a) == 4 and a[0] == "danplus":
        danplus(a[1], a[2], a[3])
    else:
        sys.exit(__doc__)


main()
