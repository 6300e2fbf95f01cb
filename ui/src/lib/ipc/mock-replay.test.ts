// The replay itself: answers come from the recording in its order, and nothing else is answered.
import { describe, expect, it } from 'vitest';
import { canonical, MockBackend, Recording, REPLAY, type Scenario } from './mock-replay';

const scenario: Scenario = {
  setup: {},
  steps: [
    { cmd: 'units_list', args: { query: '' }, ok: ['before'] },
    { cmd: 'unit_add', args: { fields: { number: '9' } }, ok: { id: 9 }, changes: true },
    { cmd: 'units_list', args: { query: '' }, ok: ['before', 'after'] },
    { cmd: 'unit_add', args: { fields: { number: '9' } }, err: { code: 'invalid_input', message: 'There is already a unit number 9.' }, changes: false },
    { cmd: 'export_minutes', args: { id: 1 }, ok: null, changes: true, wrote: { '/home/board/x.txt': 'redacted' } },
  ],
};

describe('replaying a recording', () => {
  it('answers a query from the calls since the last change, as often as asked', async () => {
    const r = new Recording(scenario);
    expect((await r.answer('units_list', { query: '' }))?.ok).toEqual(['before']);
    expect((await r.answer('units_list', { query: '' }))?.ok).toEqual(['before']);
    expect((await r.answer('unit_add', { fields: { number: '9' } }))?.ok).toEqual({ id: 9 });
    expect((await r.answer('units_list', { query: '' }))?.ok).toEqual(['before', 'after']);
  });

  it('answers nothing recorded after a change before that change, and nothing with other arguments', async () => {
    const r = new Recording(scenario);
    expect(await r.answer('export_minutes', { id: 1 })).toBeNull();
    expect(await r.answer('units_list', { query: 'x' })).toBeNull();
  });

  it('compares arguments whatever the order of their keys', () => {
    expect(canonical({ b: 1, a: { d: 2, c: 3 } })).toBe(canonical({ a: { c: 3, d: 2 }, b: 1 }));
  });

  it('a call nobody recorded is an internal error and a miss; errors and written files come through', async () => {
    const m = new MockBackend(new Recording(scenario));
    // Without the IPC installed: call the handler as Tauri would.
    const invoke = (cmd: string, args: Record<string, unknown>) => (m as unknown as { invoke: (c: string, a: Record<string, unknown>) => Promise<unknown> }).invoke(cmd, args);
    await expect(invoke('people_list', { former: false, query: '' })).rejects.toMatchObject({ code: 'internal' });
    expect(m.misses).toEqual(['people_list {"former":false,"query":""}']);
    await invoke('unit_add', { fields: { number: '9' } });
    await expect(invoke('unit_add', { fields: { number: '9' } })).rejects.toMatchObject({ code: 'invalid_input' });
    await invoke('export_minutes', { id: 1 });
    expect(m.written.get('/home/board/x.txt')).toBe('redacted');
    expect(m.calls).toEqual(['people_list', 'unit_add', 'unit_add', 'export_minutes']);
  });

  it('answers the dialogs itself, and an imposed failure until released', async () => {
    const m = new MockBackend(new Recording(scenario));
    const invoke = (cmd: string, args: Record<string, unknown>) => (m as unknown as { invoke: (c: string, a: Record<string, unknown>) => Promise<unknown> }).invoke(cmd, args);
    expect(await invoke('pick_archive', {})).toBeNull();
    m.picked.pick_archive = '/a.andel';
    expect(await invoke('pick_archive', {})).toBe('/a.andel');
    m.impose('units_list', (args) => {
      if (args.query === '') return REPLAY;
      throw { code: 'disk_full', message: 'full' };
    });
    await expect(invoke('units_list', { query: 'x' })).rejects.toMatchObject({ code: 'disk_full' });
    expect(await invoke('units_list', { query: '' })).toEqual(['before']);
    m.release('units_list');
    await expect(invoke('units_list', { query: 'x' })).rejects.toMatchObject({ code: 'internal' });
  });

  it('holds a recorded answer back while an imposed promise waits, and keeps the last answer', async () => {
    const m = new MockBackend(new Recording(scenario));
    const invoke = (cmd: string, args: Record<string, unknown>) => (m as unknown as { invoke: (c: string, a: Record<string, unknown>) => Promise<unknown> }).invoke(cmd, args);
    let release: () => void = () => {};
    m.impose('units_list', () => new Promise((r) => (release = () => r(REPLAY))));
    let answered: unknown = 'not yet';
    const call = invoke('units_list', { query: '' }).then((a) => (answered = a));
    await new Promise((r) => setTimeout(r, 10));
    expect(answered).toBe('not yet');
    expect(m.answers.has('units_list')).toBe(false);
    release();
    await call;
    expect(answered).toEqual(['before']);
    expect(m.answers.get('units_list')).toEqual(['before']);
  });
});

describe('the test backend', () => {
  // Issue 13: the former fake re-implemented deadlines, the national-ID guard and retention in
  // 3,100 lines and drifted from the core. The replay answers from recordings of the real
  // commands; a backend growing back past this budget is writing rules again.
  it('stays a replay: the mock files hold at most 1,200 lines', () => {
    const files = import.meta.glob('./mock*.ts', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
    const names = Object.keys(files);
    expect(names).toContain('./mock-replay.ts');
    const lines = Object.values(files).reduce((n, text) => n + text.split('\n').length, 0);
    expect(lines).toBeLessThanOrEqual(1200);
  });
});
