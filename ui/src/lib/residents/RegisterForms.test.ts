// The register's hand forms: adding and changing units and people, recording a new owner and an
// owner moving out. Against the mock backend, which follows andel-core's rules.
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import { todayIso } from '$lib/common/format';
import { setUiLanguage } from '$lib/i18n/index.svelte';
import { backend } from '$lib/ipc';
import type { MockBackend } from '$lib/ipc/mock-replay';
import { recorded } from '$lib/ipc/recording';
import ResidentsArea from './ResidentsArea.svelte';

let mock: MockBackend;

beforeEach(async () => {
  mock = await recorded();
  setUiLanguage('en');
  const demo = await backend().openDemo();
  if (demo.status !== 'ok') throw new Error('demo');
  const r = await backend().unlockArchive({ path: demo.data.path, passphrase: demo.data.passphrase, identity_file: null, actor: 'Mette Kragh', take_over_lock: false });
  if (r.status !== 'ok') throw new Error(r.error.message);
});

async function openUnit(number: string) {
  render(ResidentsArea);
  await fireEvent.click(await screen.findByTestId(`unit-open-${number}`));
  await screen.findByTestId('unit-owners');
}

function type(testid: string, value: string) {
  return fireEvent.input(screen.getByTestId(testid), { target: { value } });
}

async function owners(number: string): Promise<string[]> {
  const r = await backend().unitsList('');
  if (r.status !== 'ok') throw new Error(r.error.message);
  return r.data.find((u) => u.number === number)?.owners ?? [];
}

async function auditActions(): Promise<string[]> {
  const r = await backend().auditTrail(100);
  return r.status === 'ok' ? r.data.map((e) => e.action) : [];
}

function row(person: string): HTMLElement {
  const found = screen.getAllByTestId('ownership-row').find((r) => r.getAttribute('data-person') === person);
  if (!found) throw new Error(`no ownership of ${person}`);
  return found;
}

describe('a unit by hand', () => {
  it('changes a unit’s details; a national ID is refused before anything is sent', async () => {
    await openUnit('4');
    await fireEvent.click(screen.getByTestId('unit-edit'));
    expect((screen.getByTestId('unit-form-number') as HTMLInputElement).value).toBe('4');
    await type('unit-form-address', 'Kastanjevej 4, 070761-4285');
    await fireEvent.click(screen.getByTestId('unit-form-submit'));
    expect(screen.getByTestId('unit-form-address-error').textContent).toContain('national identity number');
    expect(mock.calls).not.toContain('unit_update');

    await type('unit-form-address', 'Kastanjevej 4A');
    await type('unit-form-postcode', '8000 Aarhus C');
    await type('unit-form-floor', '');
    await fireEvent.click(screen.getByTestId('unit-form-submit'));
    const facts = await screen.findByTestId('unit-facts');
    await expect.poll(() => facts.textContent).toContain('Kastanjevej 4A, 8000 Aarhus C');
    expect(screen.queryByTestId('unit-form')).toBeNull();
    // An emptied field is cleared, not kept.
    const page = await backend().unitPage(await findUnitId('4'));
    expect(page.status === 'ok' && page.data.unit.floor_side).toBe(null);
    expect(await auditActions()).toContain('unit.update');
  });

  it('shows andel-core’s message when the number is taken', async () => {
    await openUnit('4');
    await fireEvent.click(screen.getByTestId('unit-edit'));
    await type('unit-form-number', ' 2 ');
    await fireEvent.click(screen.getByTestId('unit-form-submit'));
    expect((await screen.findByTestId('unit-form-error-message')).textContent).toContain('There is already a unit number 2');
    await fireEvent.click(screen.getByTestId('unit-form-cancel'));
    expect(screen.getByTestId('unit-facts')).toBeTruthy();
  });

  it('adds a unit from the Residents area and opens its page', async () => {
    render(ResidentsArea);
    await fireEvent.click(await screen.findByTestId('unit-new'));
    await fireEvent.click(screen.getByTestId('unit-form-submit'));
    expect(screen.getByTestId('unit-form-number-error').textContent).toContain('Required');
    expect(mock.calls).not.toContain('unit_add');
    await type('unit-form-number', '41');
    await type('unit-form-flat', 'H0301');
    await type('unit-form-address', 'Kastanjevej 8');
    await fireEvent.click(screen.getByTestId('unit-form-submit'));
    const page = await screen.findByTestId('unit-page');
    await expect.poll(() => page.textContent).toContain('Unit 41');
    expect(screen.getByTestId('unit-facts').textContent).toContain('H0301');
    expect(await auditActions()).toContain('unit.add');
  });
});

async function findUnitId(number: string): Promise<number> {
  const r = await backend().unitsList('');
  if (r.status !== 'ok') throw new Error(r.error.message);
  return r.data.find((u) => u.number === number)!.id;
}

describe('a person by hand', () => {
  async function openDennis() {
    await openUnit('4');
    await fireEvent.click(within(screen.getByTestId('unit-owners')).getByText('Dennis Lindbjerg'));
    await screen.findByTestId('person-facts');
  }

  it('changes a person’s details, checking the e-mail address and the national-ID guard first', async () => {
    await openDennis();
    await fireEvent.click(screen.getByTestId('person-edit'));
    await type('person-form-email', '20 40 55 99');
    await type('person-form-note', 'Nøgle til cykelkælder. CPR 0707614285');
    await fireEvent.click(screen.getByTestId('person-form-submit'));
    expect(screen.getByTestId('person-form-email-error').textContent).toContain('not an e-mail address');
    expect(screen.getByTestId('person-form-note-error').textContent).toContain('national identity number');
    expect(mock.calls).not.toContain('person_update');

    await type('person-form-email', 'dennis.lindbjerg@example.dk');
    await type('person-form-note', 'Nøgle til cykelkælder.');
    await type('person-form-name', 'Dennis  Lindbjerg-Holm');
    await fireEvent.click(screen.getByTestId('person-form-submit'));
    const facts = await screen.findByTestId('person-facts');
    await expect.poll(() => facts.textContent).toContain('dennis.lindbjerg@example.dk');
    expect(facts.textContent).toContain('Nøgle til cykelkælder.');
    // The name is tidied, and the unit shows it.
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Dennis Lindbjerg-Holm');
    expect(await owners('4')).toEqual(['Dennis Lindbjerg-Holm']);
    expect(await auditActions()).toContain('person.update');
  });

  it('shows the message when andel-core refuses the change', async () => {
    await openDennis();
    await fireEvent.click(screen.getByTestId('person-edit'));
    // A refusal the UI's own guard lets through (andel-core's guard reads more than the UI's).
    mock.impose('person_update', () => {
      throw { code: 'invalid_input', message: 'The note holds what looks like a Swedish personnummer. Andel never stores national identity numbers: the board does not need them. Remove it and try again.' };
    });
    await type('person-form-note', 'Ring efter kl. 17');
    await fireEvent.click(screen.getByTestId('person-form-submit'));
    expect((await screen.findByTestId('person-form-error-message')).textContent).toContain('Swedish personnummer');
    expect(screen.getByTestId('person-form')).toBeTruthy();
  });

  it('adds a person from the Residents area and opens their page', async () => {
    render(ResidentsArea);
    await fireEvent.click(await screen.findByTestId('person-new'));
    await type('person-form-name', '811218-9876');
    await fireEvent.click(screen.getByTestId('person-form-submit'));
    expect(screen.getByTestId('person-form-name-error').textContent).toContain('national identity number');
    // Someone already in the register by that name: a hint, not a refusal (namesakes exist).
    await type('person-form-name', ' anne  kastrup ');
    expect((await screen.findByTestId('person-form-namesake')).textContent).toContain('Anne Kastrup is already in the register');
    await type('person-form-name', 'Karin Lund');
    expect(screen.queryByTestId('person-form-namesake')).toBeNull();
    await type('person-form-phone', '+46 70 123 45 67');
    await fireEvent.click(screen.getByTestId('person-form-submit'));
    const page = await screen.findByTestId('person-page');
    await expect.poll(() => page.textContent).toContain('Karin Lund');
    expect(screen.getByTestId('person-facts').textContent).toContain('+46 70 123 45 67');
    // Connected to nothing yet: a former, not a current, person.
    expect(page.textContent).toContain('Former resident');
    expect(await auditActions()).toContain('person.add');
  });
});

describe('moving in and out', () => {
  it('records a new owner who is new to the register; the old owner moves out that day and a name-plate draft is proposed', async () => {
    await openUnit('4');
    await fireEvent.click(screen.getByTestId('move-in-open'));
    await fireEvent.click(screen.getByTestId('move-in-submit'));
    expect(screen.getByTestId('move-in-person-error').textContent).toContain('Required');
    expect(mock.calls).not.toContain('ownership_start');

    await expect.poll(() => (screen.getByTestId('move-in-person') as HTMLSelectElement).options.length).toBeGreaterThan(10);
    await fireEvent.change(screen.getByTestId('move-in-person'), { target: { value: 'new' } });
    await type('move-in-name', 'Birgitte Holm 010190-1234');
    await fireEvent.click(screen.getByTestId('move-in-submit'));
    expect(screen.getByTestId('move-in-name-error').textContent).toContain('national identity number');
    expect(mock.calls).not.toContain('ownership_start');

    await type('move-in-name', 'Birgitte Holm');
    await type('move-in-email', 'birgitte@example.dk');
    expect((screen.getByTestId('move-in-from') as HTMLInputElement).value).toBe(todayIso());
    expect((screen.getByTestId('move-in-end-current') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByTestId('move-in-form').textContent).toContain('Dennis Lindbjerg moved out that day');
    await fireEvent.click(screen.getByTestId('move-in-submit'));

    const done = await screen.findByTestId('move-in-done');
    expect(done.textContent).toContain('Birgitte Holm is recorded as owner; Dennis Lindbjerg moved out.');
    expect(screen.getByTestId('move-in-plate').textContent).toContain('“Birgitte Holm”');
    await expect.poll(() => row('Dennis Lindbjerg').textContent).not.toContain('ongoing');
    expect(row('Dennis Lindbjerg').textContent).not.toContain('Moved out');
    expect(row('Birgitte Holm').textContent).toContain('ongoing');
    expect(within(screen.getByTestId('unit-plates')).getByText('Birgitte Holm')).toBeTruthy();
    expect(await owners('4')).toEqual(['Birgitte Holm']);
    const actions = await auditActions();
    expect(actions).toContain('ownership.start');
    expect(actions).toContain('ownership.end');
  });

  it('adds a co-owner from the register without ending the current ownership; the unit’s unsent draft gets both names', async () => {
    const before = await backend().platesList();
    const count = before.status === 'ok' ? before.data.length : -1;
    await openUnit('40');
    await fireEvent.click(screen.getByTestId('move-in-open'));
    const select = screen.getByTestId('move-in-person') as HTMLSelectElement;
    await expect.poll(() => select.options.length).toBeGreaterThan(10);
    const oda = [...select.options].find((o) => o.textContent === 'Oda Hedelund')!;
    await fireEvent.change(select, { target: { value: oda.value } });
    await fireEvent.click(screen.getByTestId('move-in-end-current'));
    await fireEvent.click(screen.getByTestId('move-in-submit'));
    expect((await screen.findByTestId('move-in-done')).textContent).toContain('Oda Hedelund is recorded as owner.');
    expect(screen.getByTestId('move-in-plate').textContent).toContain('Malthe Kornerup / Oda Hedelund');
    expect(await owners('40')).toEqual(['Malthe Kornerup', 'Oda Hedelund']);
    // As andel-core's plates::propose: the unit's draft was brought up to date, not doubled.
    const after = await backend().platesList();
    expect(after.status === 'ok' && after.data.length).toBe(count);
  });

  it('shows andel-core’s message when the new owner already owns the unit', async () => {
    await openUnit('4');
    await fireEvent.click(screen.getByTestId('move-in-open'));
    const select = screen.getByTestId('move-in-person') as HTMLSelectElement;
    await expect.poll(() => select.options.length).toBeGreaterThan(10);
    const ali = [...select.options].find((o) => o.textContent?.startsWith('Dennis Lindbjerg'))!;
    await fireEvent.change(select, { target: { value: ali.value } });
    await fireEvent.click(screen.getByTestId('move-in-submit'));
    expect((await screen.findByTestId('move-in-error-message')).textContent).toContain('Dennis Lindbjerg already owns unit 4.');
    expect(await owners('4')).toEqual(['Dennis Lindbjerg']);
  });

  it('records an owner moving out on a date; a date before the ownership began is refused with andel-core’s message', async () => {
    await openUnit('6');
    await fireEvent.click(within(row('Frank Skovbo')).getByTestId('ownership-end'));
    expect((screen.getByTestId('move-out-date') as HTMLInputElement).value).toBe(todayIso());
    await fireEvent.input(screen.getByTestId('move-out-date'), { target: { value: '2001-01-01' } });
    await fireEvent.click(screen.getByTestId('move-out-ok'));
    expect((await screen.findByTestId('move-out-error-message')).textContent).toContain('cannot end (2001-01-01) before it starts (2014-02-01)');

    await fireEvent.input(screen.getByTestId('move-out-date'), { target: { value: todayIso() } });
    await fireEvent.click(screen.getByTestId('move-out-ok'));
    await expect.poll(() => screen.queryByTestId('move-out-confirm')).toBeNull();
    await expect.poll(() => row('Frank Skovbo').textContent).not.toContain('ongoing');
    expect(within(row('Frank Skovbo')).queryByTestId('ownership-end')).toBeNull();
    expect(await owners('6')).toEqual([]);
    const former = await backend().peopleList(true, 'Frank');
    expect(former.status === 'ok' && former.data.map((p) => p.name)).toEqual(['Frank Skovbo']);
  });
});

describe('a read-only archive', () => {
  it('offers the forms but disables them', async () => {
    render(ResidentsArea, { props: { readOnly: true } });
    expect((await screen.findByTestId('unit-new') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('person-new') as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.click(await screen.findByTestId('unit-open-4'));
    await screen.findByTestId('unit-owners');
    expect((screen.getByTestId('unit-edit') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('move-in-open') as HTMLButtonElement).disabled).toBe(true);
    expect((within(row('Dennis Lindbjerg')).getByTestId('ownership-end') as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.click(within(screen.getByTestId('unit-owners')).getByText('Dennis Lindbjerg'));
    await screen.findByTestId('person-facts');
    expect((screen.getByTestId('person-edit') as HTMLButtonElement).disabled).toBe(true);
  });
});
