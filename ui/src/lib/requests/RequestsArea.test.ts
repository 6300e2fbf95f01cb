import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import { todayIso } from '$lib/common/format';
import { setUiLanguage } from '$lib/i18n/index.svelte';
import { setBackend } from '$lib/ipc';
import { MockBackend } from '$lib/ipc/mock';
import { addMonths, dueDate } from '$lib/ipc/mock-requests';
import RequestsArea from './RequestsArea.svelte';

let mock: MockBackend;

beforeEach(async () => {
  mock = new MockBackend();
  setBackend(mock);
  setUiLanguage('en');
  const demo = await mock.openDemo();
  if (demo.status !== 'ok') throw new Error('demo');
  await mock.unlockArchive({ path: demo.data.path, passphrase: demo.data.passphrase, identity_file: null, actor: 'Mette Kragh', take_over_lock: false });
});

function rowOf(name: string): HTMLElement {
  const row = screen.getAllByTestId('request-row').find((r) => r.textContent?.includes(name));
  if (!row) throw new Error(`no request from ${name}`);
  return row;
}

describe('the mock’s deadlines follow andel-core', () => {
  it('one calendar month, clamped to the month’s end', () => {
    for (const [received, due] of [
      ['2026-01-31', '2026-02-28'],
      ['2028-01-31', '2028-02-29'],
      ['2026-03-31', '2026-04-30'],
      ['2026-12-31', '2027-01-31'],
      ['2026-12-15', '2027-01-15'],
    ]) {
      expect(dueDate(received!)).toBe(due);
    }
    expect(addMonths('2026-02-28', 2)).toBe('2026-04-28');
  });
});

describe('residents’ requests', () => {
  it('lists the demo’s requests with their deadlines, the one due soon first', async () => {
    render(RequestsArea);
    await screen.findByTestId('requests-table');
    const rows = screen.getAllByTestId('request-row');
    expect(rows[0]!.textContent).toContain('Karen Holm');
    expect(within(rowOf('Karen Holm')).getByTestId('request-state').textContent).toMatch(/\d+ days? left/);
    expect(within(rowOf('Vibeke Skov')).getByTestId('request-state').textContent).toContain('Answered');
  });

  it('records a request from someone not in the register, with inline validation first', async () => {
    render(RequestsArea);
    await fireEvent.click(await screen.findByTestId('request-new'));
    expect((screen.getByTestId('request-received') as HTMLInputElement).value).toBe(todayIso());
    await fireEvent.click(screen.getByTestId('request-submit'));
    expect(screen.getByTestId('request-who-error').textContent).toContain('requester');
    expect(mock.calls).not.toContain('requestAdd');
    await fireEvent.change(screen.getByTestId('request-kind'), { target: { value: 'erasure' } });
    await fireEvent.input(screen.getByTestId('request-person-query'), { target: { value: 'Tove Lindqvist' } });
    expect((await screen.findByTestId('request-person-outside')).textContent).toContain('not in the register');
    await fireEvent.input(screen.getByTestId('request-channel'), { target: { value: 'brev' } });
    await fireEvent.click(screen.getByTestId('request-submit'));
    await expect.poll(() => screen.queryByTestId('request-form')).toBeNull();
    const row = rowOf('Tove Lindqvist');
    expect(row.dataset.kind).toBe('erasure');
    expect(within(row).getByTestId('request-deadline').textContent).not.toBe('');
    expect(within(row).getByTestId('request-state').textContent).toMatch(/days left/);
  });

  it('extends a deadline once, with the reason, and notes the identity check', async () => {
    render(RequestsArea);
    await screen.findByTestId('requests-table');
    await fireEvent.click(within(rowOf('Karen Holm')).getByTestId('request-extend'));
    expect(screen.getByTestId('request-dialog-ok')).toHaveProperty('disabled', true);
    await fireEvent.change(screen.getByTestId('request-months'), { target: { value: '2' } });
    await fireEvent.input(screen.getByTestId('request-reason'), { target: { value: 'Mange referater skal gennemgås' } });
    await fireEvent.click(screen.getByTestId('request-dialog-ok'));
    await expect.poll(() => screen.queryByTestId('request-dialog')).toBeNull();
    expect(within(rowOf('Karen Holm')).getByTestId('request-extended').textContent).toContain('Mange referater');
    expect(within(rowOf('Karen Holm')).queryByTestId('request-extend')).toBeNull();

    await fireEvent.click(within(rowOf('Karen Holm')).getByTestId('request-identity'));
    await fireEvent.input(screen.getByTestId('request-how'), { target: { value: '010203-1234' } });
    expect(screen.getByTestId('request-dialog-problem').textContent).toContain('national identity number');
    await fireEvent.input(screen.getByTestId('request-how'), { target: { value: 'Kendt andelshaver, ringet op' } });
    await fireEvent.click(screen.getByTestId('request-dialog-ok'));
    await expect.poll(() => within(rowOf('Karen Holm')).queryByTestId('request-identity-note')).not.toBeNull();
  });

  it('writes the access reply as PDF with its JSON, and refuses to overwrite it', async () => {
    render(RequestsArea);
    await screen.findByTestId('requests-table');
    await fireEvent.click(within(rowOf('Karen Holm')).getByTestId('request-reply'));
    await screen.findByTestId('reply-summary');
    expect(screen.getByTestId('reply-summary').textContent).toContain('1 ownership');
    await fireEvent.input(screen.getByTestId('reply-path'), { target: { value: '/home/board/svar.pdf' } });
    await fireEvent.click(screen.getByTestId('reply-save'));
    expect((await screen.findByTestId('reply-saved')).textContent).toContain('/home/board/svar.json');
    expect(mock.savedReplies.get('/home/board/svar.pdf')?.person?.name).toBe('Karen Holm');
    await fireEvent.click(screen.getByTestId('reply-cancel'));
    await fireEvent.click(within(rowOf('Karen Holm')).getByTestId('request-reply'));
    await screen.findByTestId('reply-summary');
    await fireEvent.input(screen.getByTestId('reply-path'), { target: { value: '/home/board/svar.pdf' } });
    await fireEvent.click(screen.getByTestId('reply-save'));
    expect((await screen.findByTestId('reply-error')).textContent).toContain('already exists');
  });

  it('records the request as answered once the reply is written', async () => {
    render(RequestsArea);
    await screen.findByTestId('requests-table');
    await fireEvent.click(within(rowOf('Karen Holm')).getByTestId('request-reply'));
    await screen.findByTestId('reply-summary');
    await fireEvent.click(screen.getByTestId('reply-save'));
    await fireEvent.click(await screen.findByTestId('reply-mark-answered'));
    await expect.poll(() => within(rowOf('Karen Holm')).getByTestId('request-state').textContent).toContain('Answered');
  });

  it('closes a request as answered', async () => {
    render(RequestsArea);
    await screen.findByTestId('requests-table');
    await fireEvent.click(within(rowOf('Karen Holm')).getByTestId('request-close'));
    await fireEvent.click(screen.getByTestId('request-dialog-ok'));
    await expect.poll(() => within(rowOf('Karen Holm')).getByTestId('request-state').textContent).toContain('Answered');
  });
});

describe('retention and erasure', () => {
  it('lists what is past its retention and deletes it in one confirmed action', async () => {
    render(RequestsArea);
    const items = await screen.findAllByTestId('retention-item');
    expect(items.map((i) => i.dataset.kind)).toContain('former_owner_contact');
    expect(items.find((i) => i.dataset.kind === 'former_owner_contact')!.textContent).toContain('Gunnar Lind');
    await fireEvent.click(screen.getByTestId('retention-apply'));
    await fireEvent.click(screen.getByTestId('retention-confirm-cancel'));
    expect(mock.calls).not.toContain('retentionApply');
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
    const gunnar = (await mock.peopleList(true, 'Gunnar')) as { status: 'ok'; data: { id: number }[] };
    await mock.requestAdd({ kind: 'erasure', received_on: null, channel: 'e-mail', person_id: gunnar.data[0]!.id, requester_name: null, note: null });
    render(RequestsArea);
    await screen.findByTestId('requests-table');
    await fireEvent.click(within(rowOf('Gunnar Lind')).getByTestId('request-erase'));
    const plan = await screen.findByTestId('erase-plan');
    expect(plan.textContent).toContain('Erase Gunnar Lind');
  });

  it('explains an erasure first, refuses a current resident, and erases a former one', async () => {
    render(RequestsArea);
    const select = (await screen.findByTestId('erase-person')) as HTMLSelectElement;
    await expect.poll(() => select.options.length).toBeGreaterThan(2);
    const option = (name: string) => [...select.options].find((o) => o.textContent?.startsWith(name))!.value;
    await fireEvent.change(select, { target: { value: option('Karen Holm') } });
    expect((await screen.findByTestId('erase-error')).textContent).toContain('still connected');
    await fireEvent.change(select, { target: { value: option('Gunnar Lind') } });
    const plan = await screen.findByTestId('erase-plan');
    expect(within(plan).getByTestId('erase-kept').textContent).toContain('history');
    expect(within(plan).getByTestId('erase-kept').textContent).toContain('accounting');
    await fireEvent.click(screen.getByTestId('erase-start'));
    await fireEvent.click(screen.getByTestId('erase-confirm-ok'));
    expect((await screen.findByTestId('erase-done')).textContent).toContain('Slettet person #');
  });
});

describe('the right person (issue 11)', () => {
  /** A second Karen Holm in unit 99 with her own phone: two residents, one name. */
  async function namesake(): Promise<number> {
    const u = await mock.unitAdd({ number: '99', flat: null, address: 'Lærkevej 99', postcode_city: null, floor_side: null });
    const p = await mock.personAdd({ name: 'Karen Holm', phone: '99 88 77 66', email: null, note: null });
    if (u.status !== 'ok' || p.status !== 'ok') throw new Error('namesake');
    const o = await mock.ownershipStart({ unit_id: u.data.id, person_id: p.data.id, new_person: null, from: '2020-01-01', end_current: false });
    if (o.status !== 'ok') throw new Error(o.error.message);
    return p.data.id;
  }

  it('the picker shows namesakes with their units and phones, and the board chooses one', async () => {
    const second = await namesake();
    render(RequestsArea);
    await fireEvent.click(await screen.findByTestId('request-new'));
    await fireEvent.input(screen.getByTestId('request-person-query'), { target: { value: 'karen holm' } });
    await expect.poll(() => screen.queryAllByTestId('request-person-option').length).toBe(2);
    const options = screen.getAllByTestId('request-person-option');
    expect(options.some((o) => o.textContent?.includes('unit 99') && o.textContent.includes('99 88 77 66'))).toBe(true);
    expect(screen.getByTestId('request-person-same-name').textContent).toContain('2 people');
    await fireEvent.click(options.find((o) => o.dataset.id === String(second))!);
    expect(screen.getByTestId('request-person-chosen').dataset.id).toBe(String(second));
    await fireEvent.click(screen.getByTestId('request-submit'));
    await expect.poll(() => screen.queryByTestId('request-form')).toBeNull();
    const list = await mock.requestsList();
    if (list.status !== 'ok') throw new Error('list');
    expect(list.data.filter((r) => r.person_id === second)).toHaveLength(1);
  });

  it('Reply stays disabled, with the reason, until the identity check is noted', async () => {
    const second = await namesake();
    const added = await mock.requestAdd({ kind: 'access', received_on: todayIso(), channel: null, person_id: second, requester_name: null, note: null });
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
