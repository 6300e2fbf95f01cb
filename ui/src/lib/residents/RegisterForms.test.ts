// The register's hand forms: adding and changing units and people, recording a new owner and an
// owner moving out. Against the mock backend, which follows andel-core's rules.
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import { todayIso } from '$lib/common/format';
import { setUiLanguage } from '$lib/i18n/index.svelte';
import { setBackend } from '$lib/ipc';
import { MockBackend } from '$lib/ipc/mock';
import ResidentsArea from './ResidentsArea.svelte';

let mock: MockBackend;

beforeEach(async () => {
  mock = new MockBackend();
  setBackend(mock);
  setUiLanguage('en');
  const demo = await mock.openDemo();
  if (demo.status !== 'ok') throw new Error('demo');
  const r = await mock.unlockArchive({ path: demo.data.path, passphrase: demo.data.passphrase, identity_file: null, actor: 'Mette Kragh', take_over_lock: false });
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
  const r = await mock.unitsList('');
  if (r.status !== 'ok') throw new Error(r.error.message);
  return r.data.find((u) => u.number === number)?.owners ?? [];
}

async function auditActions(): Promise<string[]> {
  const r = await mock.auditTrail(100);
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
    expect(mock.calls).not.toContain('unitUpdate');

    await type('unit-form-address', 'Kastanjevej 4A');
    await type('unit-form-postcode', '8000 Aarhus C');
    await type('unit-form-floor', '');
    await fireEvent.click(screen.getByTestId('unit-form-submit'));
    const facts = await screen.findByTestId('unit-facts');
    expect(facts.textContent).toContain('Kastanjevej 4A, 8000 Aarhus C');
    expect(screen.queryByTestId('unit-form')).toBeNull();
    // An emptied field is cleared, not kept.
    const page = await mock.unitPage(await findUnitId('4'));
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
    expect(mock.calls).not.toContain('unitAdd');
    await type('unit-form-number', '19');
    await type('unit-form-flat', 'H0301');
    await type('unit-form-address', 'Kastanjevej 8');
    await fireEvent.click(screen.getByTestId('unit-form-submit'));
    const page = await screen.findByTestId('unit-page');
    expect(page.textContent).toContain('Unit 19');
    expect(screen.getByTestId('unit-facts').textContent).toContain('H0301');
    expect(await auditActions()).toContain('unit.add');
  });
});

async function findUnitId(number: string): Promise<number> {
  const r = await mock.unitsList('');
  if (r.status !== 'ok') throw new Error(r.error.message);
  return r.data.find((u) => u.number === number)!.id;
}

describe('a person by hand', () => {
  async function openAli() {
    await openUnit('4');
    await fireEvent.click(within(screen.getByTestId('unit-owners')).getByText('Ali Rahimi'));
    await screen.findByTestId('person-facts');
  }

  it('changes a person’s details, checking the e-mail address and the national-ID guard first', async () => {
    await openAli();
    await fireEvent.click(screen.getByTestId('person-edit'));
    await type('person-form-email', '20 40 55 99');
    await type('person-form-note', 'Nøgle til cykelkælder. CPR 0707614285');
    await fireEvent.click(screen.getByTestId('person-form-submit'));
    expect(screen.getByTestId('person-form-email-error').textContent).toContain('not an e-mail address');
    expect(screen.getByTestId('person-form-note-error').textContent).toContain('national identity number');
    expect(mock.calls).not.toContain('personUpdate');

    await type('person-form-email', 'ali.rahimi@example.dk');
    await type('person-form-note', 'Nøgle til cykelkælder.');
    await type('person-form-name', 'Ali  Rahimi-Holm');
    await fireEvent.click(screen.getByTestId('person-form-submit'));
    const facts = await screen.findByTestId('person-facts');
    expect(facts.textContent).toContain('ali.rahimi@example.dk');
    expect(facts.textContent).toContain('Nøgle til cykelkælder.');
    // The name is tidied, and the unit shows it.
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Ali Rahimi-Holm');
    expect(await owners('4')).toEqual(['Ali Rahimi-Holm']);
    expect(await auditActions()).toContain('person.update');
  });

  it('shows the message when andel-core refuses the change', async () => {
    await openAli();
    await fireEvent.click(screen.getByTestId('person-edit'));
    mock.personUpdate = async () => ({
      status: 'error',
      error: { code: 'invalid_input', message: 'The note holds what looks like a Swedish personnummer. Andel never stores national identity numbers: the board does not need them. Remove it and try again.' },
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
    await type('person-form-name', ' mette  kragh ');
    expect((await screen.findByTestId('person-form-namesake')).textContent).toContain('Mette Kragh is already in the register');
    await type('person-form-name', 'Karin Lund');
    expect(screen.queryByTestId('person-form-namesake')).toBeNull();
    await type('person-form-phone', '+46 70 123 45 67');
    await fireEvent.click(screen.getByTestId('person-form-submit'));
    const page = await screen.findByTestId('person-page');
    expect(page.textContent).toContain('Karin Lund');
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
    expect(mock.calls).not.toContain('ownershipStart');

    await expect.poll(() => (screen.getByTestId('move-in-person') as HTMLSelectElement).options.length).toBeGreaterThan(10);
    await fireEvent.change(screen.getByTestId('move-in-person'), { target: { value: 'new' } });
    await type('move-in-name', 'Birgitte Holm 010190-1234');
    await fireEvent.click(screen.getByTestId('move-in-submit'));
    expect(screen.getByTestId('move-in-name-error').textContent).toContain('national identity number');
    expect(mock.calls).not.toContain('ownershipStart');

    await type('move-in-name', 'Birgitte Holm');
    await type('move-in-email', 'birgitte@example.dk');
    expect((screen.getByTestId('move-in-from') as HTMLInputElement).value).toBe(todayIso());
    expect((screen.getByTestId('move-in-end-current') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByTestId('move-in-form').textContent).toContain('Ali Rahimi moved out that day');
    await fireEvent.click(screen.getByTestId('move-in-submit'));

    const done = await screen.findByTestId('move-in-done');
    expect(done.textContent).toContain('Birgitte Holm is recorded as owner; Ali Rahimi moved out.');
    expect(screen.getByTestId('move-in-plate').textContent).toContain('“Birgitte Holm”');
    await expect.poll(() => row('Ali Rahimi').textContent).not.toContain('ongoing');
    expect(row('Ali Rahimi').textContent).not.toContain('Moved out');
    expect(row('Birgitte Holm').textContent).toContain('ongoing');
    expect(within(screen.getByTestId('unit-plates')).getByText('Birgitte Holm')).toBeTruthy();
    expect(await owners('4')).toEqual(['Birgitte Holm']);
    const actions = await auditActions();
    expect(actions).toContain('ownership.start');
    expect(actions).toContain('ownership.end');
  });

  it('adds a co-owner from the register without ending the current ownership; the unit’s unsent draft gets both names', async () => {
    const before = await mock.platesList();
    const count = before.status === 'ok' ? before.data.length : -1;
    await openUnit('5');
    await fireEvent.click(screen.getByTestId('move-in-open'));
    const select = screen.getByTestId('move-in-person') as HTMLSelectElement;
    await expect.poll(() => select.options.length).toBeGreaterThan(10);
    const gunnar = [...select.options].find((o) => o.textContent === 'Gunnar Lind')!;
    await fireEvent.change(select, { target: { value: gunnar.value } });
    await fireEvent.click(screen.getByTestId('move-in-end-current'));
    await fireEvent.click(screen.getByTestId('move-in-submit'));
    expect((await screen.findByTestId('move-in-done')).textContent).toContain('Gunnar Lind is recorded as owner.');
    expect(screen.getByTestId('move-in-plate').textContent).toContain('Karen Holm / Gunnar Lind');
    expect(await owners('5')).toEqual(['Karen Holm', 'Gunnar Lind']);
    // As andel-core's plates::propose: the unit's draft was brought up to date, not doubled.
    const after = await mock.platesList();
    expect(after.status === 'ok' && after.data.length).toBe(count);
  });

  it('shows andel-core’s message when the new owner already owns the unit', async () => {
    await openUnit('4');
    await fireEvent.click(screen.getByTestId('move-in-open'));
    const select = screen.getByTestId('move-in-person') as HTMLSelectElement;
    await expect.poll(() => select.options.length).toBeGreaterThan(10);
    const ali = [...select.options].find((o) => o.textContent?.startsWith('Ali Rahimi'))!;
    await fireEvent.change(select, { target: { value: ali.value } });
    await fireEvent.click(screen.getByTestId('move-in-submit'));
    expect((await screen.findByTestId('move-in-error-message')).textContent).toContain('Ali Rahimi already owns unit 4.');
    expect(await owners('4')).toEqual(['Ali Rahimi']);
  });

  it('records an owner moving out on a date; a date before the ownership began is refused with andel-core’s message', async () => {
    await openUnit('3');
    await fireEvent.click(within(row('Birthe Lauritsen')).getByTestId('ownership-end'));
    expect((screen.getByTestId('move-out-date') as HTMLInputElement).value).toBe(todayIso());
    await fireEvent.input(screen.getByTestId('move-out-date'), { target: { value: '2001-01-01' } });
    await fireEvent.click(screen.getByTestId('move-out-ok'));
    expect((await screen.findByTestId('move-out-error-message')).textContent).toContain('cannot end (2001-01-01) before it starts (2012-03-01)');

    await fireEvent.input(screen.getByTestId('move-out-date'), { target: { value: todayIso() } });
    await fireEvent.click(screen.getByTestId('move-out-ok'));
    await expect.poll(() => screen.queryByTestId('move-out-confirm')).toBeNull();
    await expect.poll(() => row('Birthe Lauritsen').textContent).not.toContain('ongoing');
    expect(within(row('Birthe Lauritsen')).queryByTestId('ownership-end')).toBeNull();
    expect(await owners('3')).toEqual([]);
    const former = await mock.peopleList(true, 'Birthe');
    expect(former.status === 'ok' && former.data.map((p) => p.name)).toEqual(['Birthe Lauritsen']);
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
    expect((within(row('Ali Rahimi')).getByTestId('ownership-end') as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.click(within(screen.getByTestId('unit-owners')).getByText('Ali Rahimi'));
    await screen.findByTestId('person-facts');
    expect((screen.getByTestId('person-edit') as HTMLButtonElement).disabled).toBe(true);
  });
});
