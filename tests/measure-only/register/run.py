"""Redacts each document of this set with `andel redact` and its association's register, then scores it.
usage: python3 run.py ANDEL OUT_DIR [SET_DIR] [--board-only]
(SET_DIR: a set with assoc-*/ and docs/, by default this folder, e.g. ../batch2/register)"""
import json, os, subprocess, sys, glob, shutil
args = [a for a in sys.argv[1:] if not a.startswith('--')]; board_only = '--board-only' in sys.argv
A, OUT = args[0], args[1]
root = os.path.abspath(args[2]) if len(args) > 2 else os.path.dirname(os.path.abspath(__file__))
kinds = {'formand':'chair','styreleder':'chair','ordförande':'chair','næstformand':'vice-chair','nestleder':'vice-chair',
 'vice ordförande':'vice-chair','kasserer':'treasurer','kassør':'treasurer','kassör':'treasurer',
 'bestyrelsesmedlem':'board-member','styremedlem':'board-member','ledamot':'board-member',
 'suppleant':'alternate','varamedlem':'alternate','dirigent':'meeting-chair','møteleder':'meeting-chair',
 'stämmoordförande':'meeting-chair','referent':'minute-taker','protokollfører':'minute-taker',
 'protokollförare':'minute-taker','revisor':'auditor','valgkomité':'nomination-committee',
 # Nynorsk and Swedish forms the later batches' writers used
 'styreleiar':'chair','nestleiar':'vice-chair','møteleiar':'meeting-chair','protokollførar':'minute-taker',
 'sekreterare':'secretary','valberedning':'nomination-committee','valkomité':'nomination-committee',
 'valnemnd':'nomination-committee'}
env = dict(os.environ, ANDEL_PASSPHRASE='eval-set-passphrase-long-enough-4', ANDEL_SCRYPT_WORK_FACTOR='10', ANDEL_ACTOR='eval')
shutil.rmtree(OUT, ignore_errors=True); os.makedirs(OUT)
def run(*a, check=True):
    r = subprocess.run([A, *a], capture_output=True, text=True, env=env)
    if check and r.returncode not in (0,): print(a[:3], r.returncode, r.stderr.strip()[:300])
    return r
def role(p):  # a role no line above knows: said, and taken as a board member's (the board may keep their name)
    if p['role'].lower() not in kinds: print('unknown role', repr(p['role']), 'for', p['name'], '- taken as board-member')
    return kinds.get(p['role'].lower(), 'board-member')
for d in sorted(glob.glob(f'{root}/assoc-*')):
    slug = os.path.basename(d)[6:]; b = json.load(open(f'{d}/board.json')); v = f'{OUT}/{slug}.andel'
    run('init', '--vault', v, '--association', b['association'], '--country', b['country'])
    if b.get('address'):  # the association's own record, as a board fills it in when it sets Andel up
        run('association', 'set', '--vault', v, '--address', b['address'])
    if not board_only:
        # map.txt (optional): the board's answer to an import that asks which column holds what, one
        # COLUMN=field a line, as `andel import residents --map` takes it.
        maps = [l.strip() for l in open(f'{d}/map.txt', encoding='utf-8')] if os.path.exists(f'{d}/map.txt') else []
        r = run('import', 'residents', '--vault', v, f'{d}/residents.csv', *[a for m in maps if m for a in ('--map', m)])
        if 'not taken' in r.stdout and ' 0 rows not taken' not in r.stdout:  # rows the import refused: the register lacks them (exit 0 all the same)
            print(slug, 'import:', ' | '.join(r.stdout.strip().splitlines()[:3]))
    for p in b['board'] + b['officials']:
        r = run('roles', 'add', '--vault', v, '--person-name', p['name'], '--role', role(p), '--from', '2000-01-01', check=False)
        if r.returncode:  # not in the register (an official, or board-only): add as a person through the role command's own message
            print('role', p['name'], r.stderr.strip()[:200])
    for c in b['companies']:
        run('orgs', 'add', '--vault', v, '--name', c, '--kind', 'other')
    for doc in sorted(glob.glob(f'{root}/docs/{slug}-*.txt')):
        r = run('redact', '--vault', v, doc, '--out', f'{OUT}/{os.path.basename(doc)}', check=False)
        if r.returncode: print('redact', os.path.basename(doc), r.returncode, r.stderr.strip()[:300])
