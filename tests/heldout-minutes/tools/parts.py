#!/usr/bin/env python3
"""Score an output directory by part, listing misses of the tuning part only.

usage: python3 parts.py OUTPUT_DIR SET_DIR
       (SET_DIR: a held-out set's folder, e.g. tests/heldout-minutes-2, or heldout-minutes-3/no-register)

The held-out sets from 2026-12-03 on keep the documents with "-2026-" in their names untouched (one
per association; two of the third set's no-register part): they are reported as figures only, their
misses are never printed, so that nobody tunes on them by accident.
"""
import json
import os
import subprocess
import sys

tests = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
scorer = os.path.join(tests, "fixtures", "redaction-dev", "score.py")


def untouched(doc):
    return "-2026-" in doc


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    out, corpus = sys.argv[1], os.path.abspath(sys.argv[2])
    r = json.loads(subprocess.run([sys.executable, scorer, out, "--corpus", corpus, "--json"],
                                  capture_output=True, text=True, check=True).stdout)
    for part, pick in (("tuning", lambda d: not untouched(d)), ("untouched", untouched)):
        docs = {d: v for d, v in r["per_document"].items() if pick(d)}
        vo, vn = sum(v["vanish"]["ok"] for v in docs.values()), sum(v["vanish"]["n"] for v in docs.values())
        ko, kn = sum(v["keep"]["ok"] for v in docs.values()), sum(v["keep"]["n"] for v in docs.values())
        print(f"{part:9s} ({len(docs)} documents): removed {vo}/{vn} {100 * vo / max(vn, 1):.2f} %, "
              f"kept {ko}/{kn} {100 * ko / max(kn, 1):.2f} %")
    print("misses of the tuning part:")
    for key in ("leaks", "over_redactions", "case_insensitive_person_leftovers"):
        for it in r[key]:
            if not untouched(it["doc"]):
                print(f"  {key:16s} {it['doc']:30s} {it['kind']:12s} {it['text']!r}")


main()
