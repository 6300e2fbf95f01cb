import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import { todayIso } from '$lib/common/format';
import { setUiLanguage } from '$lib/i18n/index.svelte';
import { fmtDate } from '$lib/common/format';
import { backend } from '$lib/ipc';
import type { MockBackend } from '$lib/ipc/mock-replay';
import { recorded } from '$lib/ipc/recording';
import RequestsArea from './RequestsArea.svelte';

// Against andel-core's answers on the demo archive, recorded (see $lib/ipc/recording.ts): the
// deadlines, the identity guard and retention shown here are the core's, not the test's.
let mock: MockBackend;

beforeEach(async () => {
  mock = await recorded();
  setUiLanguage('en');
  const demo = await backend().openDemo();
  if (demo.status !== 'ok') throw new Error('demo');
  await backend().unlockArchive({ path: demo.data.path, passphrase: demo.data.passphrase, identity_file: null, actor: 'Mette Kragh', take_over_lock: false });
});

/** The row of `name`'s request, once the list shows it. */
async function findRow(name: string): Promise<HTMLElement> {
  await expect.poll(() => screen.queryAllByTestId('request-row').some((r) => r.textContent?.includes(name))).toBe(true);
  return rowOf(name);
}

function rowOf(name: string): HTMLElement {
  const row = screen.getAllByTestId('request-row').find((r) => r.textContent?.includes(name));
  if (!row) throw new Error(`no request from ${name}`);
  return row;
}

describe('deadlines are andel-core’s', () => {
  it('one calendar month from receipt, clamped to the month’s end, with a weekend named', async () => {
    render(RequestsArea);
    await fireEvent.click(await screen.findByTestId('request-new'));
    await fireEvent.input(screen.getByTestId('request-received'), { target: { value: '2026-01-31' } });
    await fireEvent.input(screen.getByTestId('request-person-query'), { target: { value: 'Tove Lindqvist' } });
    await screen.findByTestId('request-person-outside');
    await fireEvent.click(screen.getByTestId('request-submit'));
    await expect.poll(() => screen.queryByTestId('request-form')).toBeNull();
    const row = await findRow('Tove Lindqvist');
    // 31 January + one month = 28 February 2026, a Saturday.
    expect(within(row).getByTestId('request-deadline').textContent).toContain(fmtDate('2026-02-28'));
    expect(within(row).getByTestId('request-day-off').textContent).toContain('Saturday');
    expect(within(row).getByTestId('request-state').textContent).toBe('Overdue by 275 days');
  });
});

describe('residents’ requests', () => {
  it('lists the demo’s requests with their deadlines, the one due soon first', async () => {
    render(RequestsArea);
    await screen.findByTestId('requests-table');
    const rows = screen.getAllByTestId('request-row');
    expect(rows[0]!.textContent).toContain('Lars Sandvad');
    expect(within(rowOf('Lars Sandvad')).getByTestId('request-state').textContent).toMatch(/\d+ days? left/);
    const closed = screen.getAllByTestId('request-row').find((r) => r.dataset.kind === 'rectification')!;
    expect(within(closed).getByTestId('request-state').textContent).toContain('Answered');
  });

  it('records a request from someone not in the register, with inline validation first', async () => {
    render(RequestsArea);
    await fireEvent.click(await screen.findByTestId('request-new'));
    expect((screen.getByTestId('request-received') as HTMLInputElement).value).toBe(todayIso());
    await fireEvent.click(screen.getByTestId('request-submit'));
    expect(screen.getByTestId('request-who-error').textContent).toContain('requester');
    expect(mock.calls).not.toContain('request_add');
    await fireEvent.change(screen.getByTestId('request-kind'), { target: { value: 'erasure' } });
    await fireEvent.input(screen.getByTestId('request-person-query'), { target: { value: 'Tove Lindqvist' } });
    expect((await screen.findByTestId('request-person-outside')).textContent).toContain('not in the register');
    await fireEvent.input(screen.getByTestId('request-channel'), { target: { value: 'brev' } });
    await fireEvent.click(screen.getByTestId('request-submit'));
    await expect.poll(() => screen.queryByTestId('request-form')).toBeNull();
    const row = await findRow('Tove Lindqvist');
    expect(row.dataset.kind).toBe('erasure');
    expect(within(row).getByTestId('request-deadline').textContent).not.toBe('');
    expect(within(row).getByTestId('request-state').textContent).toMatch(/days left/);
  });

  it('extends a deadline once, with the reason, and notes the identity check', async () => {
    render(RequestsArea);
    await screen.findByTestId('requests-table');
    await fireEvent.click(within(rowOf('Lars Sandvad')).getByTestId('request-extend'));
    expect(screen.getByTestId('request-dialog-ok')).toHaveProperty('disabled', true);
    await fireEvent.change(screen.getByTestId('request-months'), { target: { value: '2' } });
    await fireEvent.input(screen.getByTestId('request-reason'), { target: { value: 'Mange referater skal gennemgås' } });
    await fireEvent.click(screen.getByTestId('request-dialog-ok'));
    await expect.poll(() => screen.queryByTestId('request-dialog')).toBeNull();
    await expect.poll(() => within(rowOf('Lars Sandvad')).queryByTestId('request-extended')).not.toBeNull();
    expect(within(rowOf('Lars Sandvad')).getByTestId('request-extended').textContent).toContain('Mange referater');
    // Received 5 November: extended to three calendar months from receipt.
    expect(within(rowOf('Lars Sandvad')).getByTestId('request-deadline').textContent).toContain(fmtDate('2027-02-05'));
    expect(within(rowOf('Lars Sandvad')).queryByTestId('request-extend')).toBeNull();

    await fireEvent.click(within(rowOf('Lars Sandvad')).getByTestId('request-identity'));
    await fireEvent.input(screen.getByTestId('request-how'), { target: { value: '010203-1234' } });
    expect(screen.getByTestId('request-dialog-problem').textContent).toContain('national identity number');
    await fireEvent.input(screen.getByTestId('request-how'), { target: { value: 'Kendt andelshaver, ringet op' } });
    await fireEvent.click(screen.getByTestId('request-dialog-ok'));
    // The demo noted a check on 6 November; the new one is today's.
    await expect.poll(() => within(rowOf('Lars Sandvad')).queryByTestId('request-identity-note')?.textContent).toContain(fmtDate('2026-11-30'));
  });

  it('writes the access reply as PDF with its JSON, and refuses to overwrite it', async () => {
    render(RequestsArea);
    await screen.findByTestId('requests-table');
    await fireEvent.click(within(rowOf('Lars Sandvad')).getByTestId('request-reply'));
    await screen.findByTestId('reply-summary');
    expect(screen.getByTestId('reply-summary').textContent).toContain('1 ownership');
    await fireEvent.input(screen.getByTestId('reply-path'), { target: { value: '/home/board/svar.pdf' } });
    await fireEvent.click(screen.getByTestId('reply-save'));
    expect((await screen.findByTestId('reply-saved')).textContent).toContain('/home/board/svar.json');
    expect(mock.written.get('/home/board/svar.json')).toContain('"name": "Lars Sandvad"');
    await fireEvent.click(screen.getByTestId('reply-cancel'));
    await fireEvent.click(within(rowOf('Lars Sandvad')).getByTestId('request-reply'));
    await screen.findByTestId('reply-summary');
    await fireEvent.input(screen.getByTestId('reply-path'), { target: { value: '/home/board/svar.pdf' } });
    await fireEvent.click(screen.getByTestId('reply-save'));
    expect((await screen.findByTestId('reply-error')).textContent).toContain('already exists');
  });

  it('writes the reply in the language the requester chose', async () => {
    render(RequestsArea);
    await screen.findByTestId('requests-table');
    await fireEvent.click(within(rowOf('Lars Sandvad')).getByTestId('request-reply'));
    await screen.findByTestId('reply-summary');
    // An owner who sublet: the member administration and the sublets concern him, among others.
    expect(screen.getByTestId('reply-purposes').textContent).toMatch(/^[2-9] purpose/);
    await fireEvent.change(screen.getByTestId('reply-lang'), { target: { value: 'en' } });
    await expect.poll(() => mock.calls.filter((c) => c === 'access_reply_preview').length).toBe(2);
    await fireEvent.input(screen.getByTestId('reply-path'), { target: { value: '/home/board/reply.pdf' } });
    await fireEvent.click(screen.getByTestId('reply-save'));
    await screen.findByTestId('reply-saved');
    const json = JSON.parse(mock.written.get('/home/board/reply.json') ?? '{}');
    expect(json.language).toBe('en');
    expect(json.processing.roles).toContain('owner');
    expect(json.processing.purposes.map((p: { key: string }) => p.key)).toContain('sublets');
  });

  it('records the request as answered once the reply is written', async () => {
    render(RequestsArea);
    await screen.findByTestId('requests-table');
    await fireEvent.click(within(rowOf('Lars Sandvad')).getByTestId('request-reply'));
    await screen.findByTestId('reply-summary');
    await fireEvent.click(screen.getByTestId('reply-save'));
    await fireEvent.click(await screen.findByTestId('reply-mark-answered'));
    await expect.poll(() => within(rowOf('Lars Sandvad')).getByTestId('request-state').textContent).toContain('Answered');
  });

  it('closes a request as answered', async () => {
    render(RequestsArea);
    await screen.findByTestId('requests-table');
    await fireEvent.click(within(rowOf('Lars Sandvad')).getByTestId('request-close'));
    await fireEvent.click(screen.getByTestId('request-dialog-ok'));
    await expect.poll(() => within(rowOf('Lars Sandvad')).getByTestId('request-state').textContent).toContain('Answered');
  });
});

describe('retention and erasure', () => {
  it('lists what is past its retention and deletes it in one confirmed action', async () => {
    render(RequestsArea);
    const items = await screen.findAllByTestId('retention-item');
    expect(items.map((i) => i.dataset.kind)).toContain('former_owner_contact');
    const formerOwners = items.filter((i) => i.dataset.kind === 'former_owner_contact').map((i) => i.textContent);
    expect(formerOwners.some((t) => t?.includes('Oda Hedelund'))).toBe(true);
    await fireEvent.click(screen.getByTestId('retention-apply'));
    await fireEvent.click(screen.getByTestId('retention-confirm-cancel'));
    expect(mock.calls).not.toContain('retention_apply');
    await fireEvent.click(screen.getByTestId('retention-apply'));
    await fireEvent.click(screen.getByTestId('retention-confirm-ok'));
    await screen.findByTestId('retention-applied');
    await screen.findByTestId('retention-none');
  });

  it('edits a rule, but not the minutes’', async () => {
    render(RequestsArea);
    await screen.findByTestId('retention-rules');
    const rule = (kind: string) => screen.getAllByTestId('retention-rule').find((r) => r.dataset.kind === kind)!;
    expect(within(rule('closed_request')).getByTestId('retention-period').textContent).toBe('3 years');
    expect(within(rule('minutes')).queryByTestId('retention-edit')).toBeNull();
    await fireEvent.click(within(rule('closed_request')).getByTestId('retention-edit'));
    await fireEvent.input(screen.getByTestId('retention-months'), { target: { value: '48' } });
    await fireEvent.click(screen.getByTestId('retention-save'));
    await expect.poll(() => within(rule('closed_request')).getByTestId('retention-period').textContent).toBe('4 years');
    expect(rule('closed_request').textContent).toContain('default 3 years');
  });

  it('an erasure request from someone in the register opens the explanation for that person', async () => {
    const gunnar = (await backend().peopleList(true, 'Oda')) as { status: 'ok'; data: { id: number }[] };
    await backend().requestAdd({ kind: 'erasure', received_on: null, channel: 'e-mail', person_id: gunnar.data[0]!.id, requester_name: null, note: null });
    render(RequestsArea);
    await screen.findByTestId('requests-table');
    await fireEvent.click(within(await findRow('Oda Hedelund')).getByTestId('request-erase'));
    const plan = await screen.findByTestId('erase-plan');
    expect(plan.textContent).toContain('Erase Oda Hedelund');
  });

  it('explains an erasure first, refuses a current resident, and erases a former one', async () => {
    render(RequestsArea);
    const select = (await screen.findByTestId('erase-person')) as HTMLSelectElement;
    await expect.poll(() => select.options.length).toBeGreaterThan(2);
    const option = (name: string) => [...select.options].find((o) => o.textContent?.startsWith(name))!.value;
    await fireEvent.change(select, { target: { value: option('Lars Sandvad') } });
    expect((await screen.findByTestId('erase-error')).textContent).toContain('still connected');
    await fireEvent.change(select, { target: { value: option('Oda Hedelund') } });
    const plan = await screen.findByTestId('erase-plan');
    expect(within(plan).getByTestId('erase-kept').textContent).toContain('history');
    expect(within(plan).getByTestId('erase-kept').textContent).toContain('accounting');
    await fireEvent.click(screen.getByTestId('erase-start'));
    await fireEvent.click(screen.getByTestId('erase-confirm-ok'));
    expect((await screen.findByTestId('erase-done')).textContent).toContain('Slettet person #');
  });
});

describe('the right person (issue 11)', () => {
  /** A second Lars Sandvad in unit 99 with her own phone: two residents, one name. */
  async function namesake(): Promise<number> {
    const u = await backend().unitAdd({ number: '99', flat: null, address: 'Lærkevej 99', postcode_city: null, floor_side: null });
    const p = await backend().personAdd({ name: 'Lars Sandvad', phone: '99 88 77 66', email: null, note: null });
    if (u.status !== 'ok' || p.status !== 'ok') throw new Error('namesake');
    const o = await backend().ownershipStart({ unit_id: u.data.id, person_id: p.data.id, new_person: null, from: '2020-01-01', end_current: false });
    if (o.status !== 'ok') throw new Error(o.error.message);
    return p.data.id;
  }

  it('the picker shows namesakes with their units and phones, and the board chooses one', async () => {
    const second = await namesake();
    render(RequestsArea);
    await fireEvent.click(await screen.findByTestId('request-new'));
    await fireEvent.input(screen.getByTestId('request-person-query'), { target: { value: 'lars sandvad' } });
    await expect.poll(() => screen.queryAllByTestId('request-person-option').length).toBe(2);
    const options = screen.getAllByTestId('request-person-option');
    expect(options.some((o) => o.textContent?.includes('unit 99') && o.textContent.includes('99 88 77 66'))).toBe(true);
    expect(screen.getByTestId('request-person-same-name').textContent).toContain('2 people');
    await fireEvent.click(options.find((o) => o.dataset.id === String(second))!);
    expect(screen.getByTestId('request-person-chosen').dataset.id).toBe(String(second));
    await fireEvent.click(screen.getByTestId('request-submit'));
    await expect.poll(() => screen.queryByTestId('request-form')).toBeNull();
    const list = await backend().requestsList();
    if (list.status !== 'ok') throw new Error('list');
    expect(list.data.filter((r) => r.person_id === second)).toHaveLength(1);
  });

  it('Reply stays disabled, with the reason, until the identity check is noted', async () => {
    const second = await namesake();
    const added = await backend().requestAdd({ kind: 'access', received_on: todayIso(), channel: null, person_id: second, requester_name: null, note: null });
    if (added.status !== 'ok') throw new Error('add');
    render(RequestsArea);
    await screen.findByTestId('requests-table');
    const row = screen.getAllByTestId('request-row').find((r) => r.dataset.id === String(added.data.id))!;
    expect(within(row).getByTestId('request-reply')).toHaveProperty('disabled', true);
    expect(within(row).getByTestId('request-reply-why').textContent).toContain('identity');
    await fireEvent.click(within(row).getByTestId('request-identity'));
    await fireEvent.input(screen.getByTestId('request-how'), { target: { value: 'Ringet op på nummeret i registret' } });
    await fireEvent.click(screen.getByTestId('request-dialog-ok'));
    await expect.poll(() => screen.queryByTestId('request-dialog')).toBeNull();
    const again = screen.getAllByTestId('request-row').find((r) => r.dataset.id === String(added.data.id))!;
    await expect.poll(() => (within(again).getByTestId('request-reply') as HTMLButtonElement).disabled).toBe(false);
    expect(within(again).queryByTestId('request-reply-why')).toBeNull();
  });
});
