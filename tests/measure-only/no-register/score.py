"""Scores `andel detect --json` (no register) against [[name|person]] labels: names found and precision.

usage: python3 score.py ANDEL [SET_DIR] [--show]   (ANDEL: the andel binary; SET_DIR: a no-register set with
src/, by default this folder, e.g. ../batch2/no-register; --show lists misses: do not use it while working on the
engine, see ../README.md)"""
import json, re, subprocess, sys, glob, os, tempfile
args = [a for a in sys.argv[1:] if not a.startswith('--')]; show = '--show' in sys.argv
A = args[0]; root = os.path.abspath(args[1]) if len(args) > 1 else os.path.dirname(os.path.abspath(__file__))
mark = re.compile(r'\[\[(.+?)(?:\|(\w+))?\]\]|\{\{(.+?)\|(\w+)\}\}')
def ctx(p, a, b, w=60):
    return (p[max(0, a - w):a] + '[' + p[a:b] + ']' + p[b:b + w]).replace('\n', '\u23ce')
tot = dict(m=0, found=0, pf=0, ptp=0, stays=0, stay_hit=0)
work = tempfile.mkdtemp(prefix='andel-measure-')
for src in sorted(glob.glob(f'{root}/src/*.txt')):
    s = open(src).read(); out = []; pos = 0; go = []; other_go = []; stay = []; n = 0
    for m in mark.finditer(s):
        out.append(s[pos:m.start()]); n += len(s[pos:m.start()])
        text, kind = (m.group(1), m.group(2) or 'person') if m.group(1) else (m.group(3), m.group(4))
        # Names are the person labels; a set may also mark other must-gos (phones, e-mails): a person
        # finding on one is no wrong finding, and no figure here counts them.
        if m.group(1) and kind in ('person', 'p'): go.append((n, n + len(text), text, kind))
        elif m.group(1): other_go.append((n, n + len(text)))
        else: stay.append((n, n + len(text), text, kind))
        out.append(text); n += len(text); pos = m.end()
    out.append(s[pos:]); plain = ''.join(out)
    doc = os.path.join(work, os.path.basename(src)); open(doc, 'w').write(plain)
    r = subprocess.run([A, 'detect', doc, '--json'], capture_output=True, text=True)
    fs = [f for f in json.loads(r.stdout) if f['decision'] == 'redact']
    covered = [False] * len(plain)
    for f in fs:
        for i in range(f['start'], min(f['end'], len(plain))): covered[i] = True
    dm = df = 0
    for a, b, t, k in go:
        ok = all(covered[i] for i in range(a, b) if plain[i].isalnum())
        dm += 1; df += ok
        if not ok and show: print('MISS', os.path.basename(src), t, '|', ctx(plain, a, b))
    pt = pf = 0
    for f in fs:
        if f['kind'] != 'person': continue
        hit = any(f['start'] < b and a < f['end'] for a, b in [g[:2] for g in go] + other_go)
        pf += 1; pt += hit
        if not hit and show: print('FP  ', os.path.basename(src), f['text'], '|', ctx(plain, f['start'], f['end']))
    sh = sum(1 for a, b, t, k in stay if any(covered[i] for i in range(a, b)))
    if show:
        for a, b, t, k in stay:
            if any(covered[i] for i in range(a, b)): print('STAY', os.path.basename(src), t, '|', ctx(plain, a, b))
    print(f'{os.path.basename(src):40} names found {df}/{dm}  person findings right {pt}/{pf}  stays hit {sh}/{len(stay)}')
    tot['m'] += dm; tot['found'] += df; tot['pf'] += pf; tot['ptp'] += pt; tot['stays'] += len(stay); tot['stay_hit'] += sh
print(f"ALL names found {tot['found']}/{tot['m']} ({100*tot['found']/tot['m']:.1f} %), precision {tot['ptp']}/{tot['pf']} ({100*tot['ptp']/max(1,tot['pf']):.1f} %), stays touched {tot['stay_hit']}/{tot['stays']}")
