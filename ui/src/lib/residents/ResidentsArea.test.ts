import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import { setUiLanguage } from '$lib/i18n/index.svelte';
import { backend } from '$lib/ipc';
import type { MockBackend } from '$lib/ipc/mock-replay';
import { recorded } from '$lib/ipc/recording';
import ResidentsArea from './ResidentsArea.svelte';

let mock: MockBackend;

async function openDemo() {
  const demo = await backend().openDemo();
  if (demo.status !== 'ok') throw new Error('demo');
  const r = await backend().unlockArchive({ path: demo.data.path, passphrase: demo.data.passphrase, identity_file: null, actor: 'Mette Kragh', take_over_lock: false });
  if (r.status !== 'ok') throw new Error(r.error.message);
}

/** The administrator's resident list, as a board member saves it; `name` is the name column's header. */
function residentList(name: string): string {
  return [
    `Andelsnr;Adresse;${name};Telefon;E-mail`,
    '1;Kastanjevej 2;Anne Kastrup;20405599;anne@example.dk',
    '41;Kastanjevej 12;Yasmin Berg;31313131;',
    '42;Kastanjevej 12;;;',
    '43;Kastanjevej 12;Otto Dahl;0101701234;',
  ].join('\n');
}

/** Every current owner of the demo, one row each. */
const DEMO_OWNERS: [string, string][] = [
  ['1', 'Anne Kastrup'],
  ['2', 'Bent Mølgaard'],
  ['2', 'Claus Mølgaard'],
  ['3', 'Camilla Holmsted'],
  ['4', 'Dennis Lindbjerg'],
  ['5', 'Ellen Damsgaard'],
  ['6', 'Frank Skovbo'],
  ['7', 'Gitte Kjærholm'],
  ['7', 'Hanne Kjærholm'],
  ['8', 'Henrik Bækgaard'],
  ['9', 'Inge Fjordside'],
  ['10', 'Jesper Højlund'],
  ['11', 'Karen Engholm'],
  ['12', 'Lars Sandvad'],
  ['12', 'Morten Sandvad'],
  ['13', 'Mette Ravnholt'],
  ['14', 'Niels Gyldenø'],
  ['15', 'Oda Stenbæk'],
  ['16', 'Poul Ålund'],
  ['17', 'Rikke Birkedal'],
  ['17', 'Signe Birkedal'],
  ['18', 'Søren Hasselby'],
  ['19', 'Tove Troelund'],
  ['20', 'Ulla Vestergaard-Mose'],
  ['21', 'Vagn Ørnebjerg'],
  ['22', 'Winnie Lyngdal'],
  ['22', 'Bo Lyngdal'],
  ['23', 'Yrsa Brøndsted'],
  ['24', 'Åge Egeskov'],
  ['25', 'Birthe Fuglsang'],
  ['26', 'Claus Granhøj'],
  ['27', 'Dorthe Hedelund'],
  ['27', 'Camilla Hedelund'],
  ['28', 'Erik Isbrand'],
  ['29', 'Freja Juulsgaard'],
  ['30', 'Gorm Klitgaard'],
  ['31', 'Hanne Løvenhøj'],
  ['32', 'Ib Marbæk'],
  ['32', 'Henrik Marbæk'],
  ['33', 'Jytte Nørrelund'],
  ['34', 'Kasper Overby'],
  ['35', 'Lone Pilegaard'],
  ['36', 'Morten Rosenvold'],
  ['37', 'Nanna Sølund'],
  ['37', 'Mette Sølund'],
  ['38', 'Ole Tornbjerg'],
  ['39', 'Pia Urhøj'],
  ['40', 'Malthe Kornerup'],
];

/** A list that names every current owner, and one more. */
function fullList(): string {
  return ['Andelsnr;Adresse;Navn;Telefon;E-mail', ...DEMO_OWNERS.map(([unit, name]) => `${unit};;${name};;`), '41;Kastanjevej 12;Yasmin Berg;31313131;'].join('\n');
}

beforeEach(() => {
  setUiLanguage('en');
});

describe('residents', () => {
  beforeEach(async () => {
    mock = await recorded();
    await openDemo();
  });

  it('lists units with their current owners and searches by name, unit and address', async () => {
    render(ResidentsArea);
    const row = await screen.findByTestId('unit-row-2');
    expect(row.textContent).toContain('Bent Mølgaard');
    expect(row.textContent).toContain('Claus Mølgaard');
    expect(screen.getAllByTestId(/^unit-row-/)).toHaveLength(40);

    await fireEvent.input(screen.getByTestId('residents-search'), { target: { value: 'Fjordside' } });
    await expect.poll(() => screen.queryAllByTestId(/^unit-row-/).length).toBe(1);
    expect(screen.getByTestId('unit-row-9')).toBeTruthy();

    await fireEvent.input(screen.getByTestId('residents-search'), { target: { value: 'Kastanjevej 6' } });
    await expect.poll(() => screen.queryAllByTestId(/^unit-row-/).length).toBe(8);

    await fireEvent.input(screen.getByTestId('residents-search'), { target: { value: 'Zzyzx' } });
    expect((await screen.findByTestId('residents-empty')).textContent).toContain('Nothing matches');
  });

  it('shows current and former people', async () => {
    render(ResidentsArea);
    await fireEvent.click(await screen.findByTestId('residents-tab-people'));
    await expect.poll(() => screen.queryByTestId('people-table')?.textContent ?? '').toContain('Anne Kastrup');
    expect(screen.getByTestId('people-table').textContent).not.toContain('Oda Hedelund');
    await fireEvent.change(screen.getByTestId('residents-filter'), { target: { value: 'true' } });
    await expect.poll(() => screen.queryByTestId('people-table')?.textContent ?? '').toContain('Oda Hedelund');
    expect(screen.getByTestId('people-table').textContent).toContain('Moved out');
  });

  it('opens a unit page with its full history, and a person from there', async () => {
    render(ResidentsArea);
    await fireEvent.click(await screen.findByTestId('unit-open-4'));
    const owners = await screen.findByTestId('unit-owners');
    expect(owners.textContent).toContain('Dennis Lindbjerg');
    expect(owners.textContent).toContain('Oda Hedelund');
    expect(owners.textContent).toContain('ongoing');
    await fireEvent.click(within(owners).getByText('Oda Hedelund'));
    const page = await screen.findByTestId('person-page');
    await expect.poll(() => page.textContent).toContain('Former resident');
    await fireEvent.click(screen.getByTestId('person-back'));
    await screen.findByTestId('area-residents');
  });
});

describe('import wizard', () => {
  async function start(nameHeader: string) {
    mock = await recorded({ files: { '/home/board/beboere.csv': residentList(nameHeader) } });
    await openDemo();
  }

  async function readList(path = '/home/board/beboere.csv') {
    render(ResidentsArea);
    await fireEvent.click(await screen.findByTestId('import-open'));
    await fireEvent.input(screen.getByTestId('import-path'), { target: { value: path } });
    await fireEvent.click(screen.getByTestId('import-read'));
  }

  it('shows the columns when a needed one is not recognised; mapping it by hand brings the preview', async () => {
    await start('Husstand');
    await readList();
    // "Husstand" is not a column name Andel knows: no owner's name, so no preview yet.
    const problem = await screen.findByTestId('import-problem');
    expect(problem.textContent).toContain("no column with the owners' names");
    expect(screen.queryByTestId('import-added')).toBeNull();
    expect((screen.getByTestId('import-apply') as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.change(screen.getByTestId('import-field-2'), { target: { value: 'name' } });
    expect((await screen.findByTestId('import-added')).textContent).toContain('Yasmin Berg');
    expect(screen.queryByTestId('import-problem')).toBeNull();
    expect(mock.calls).toContain('import_preview');
    // Nothing is imported before Import.
    const units = await backend().unitsList('');
    expect(units.status === 'ok' && units.data.some((u) => u.number === '41')).toBe(false);
  });

  it('previews added, changed, ended and rejected rows with reasons; a changed field updates the preview; Import carries it out', async () => {
    await start('Navn');
    await readList();
    const added = await screen.findByTestId('import-added');
    expect(added.textContent).toContain('Yasmin Berg');
    expect(screen.getByTestId('import-rejected').textContent).toContain('Row 4: No owner’s name');
    expect(screen.getByTestId('import-warnings').textContent).toContain('national ID');
    expect(screen.getByTestId('import-ended').getAttribute('data-count')).toBe('47');

    // The board says the phone column is to be left out: the preview follows.
    expect(screen.getByTestId('import-changed').textContent).toContain('phone');
    await fireEvent.change(screen.getByTestId('import-field-3'), { target: { value: 'ignore' } });
    await expect.poll(() => screen.getByTestId('import-changed').textContent).not.toContain('phone');
    expect(mock.calls).toContain('import_preview');

    // Mapping the name column away leaves no preview to import: Import waits.
    await fireEvent.change(screen.getByTestId('import-field-2'), { target: { value: 'ignore' } });
    expect((await screen.findByTestId('import-problem')).textContent).toContain("no column with the owners' names");
    expect((screen.getByTestId('import-apply') as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.change(screen.getByTestId('import-field-2'), { target: { value: 'name' } });
    // The list ends 47 of the 48 current ownerships: Import waits for the board's tick, which
    // names how many end.
    const massEnd = await screen.findByTestId('import-mass-end');
    expect(massEnd.textContent).toContain('This list ends 47 of the 48 current ownerships');
    expect(massEnd.textContent).toContain('Yes, end these 47 ownerships');
    expect((screen.getByTestId('import-apply') as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.click(screen.getByTestId('import-mass-end-confirm'));
    await expect.poll(() => (screen.getByTestId('import-apply') as HTMLButtonElement).disabled).toBe(false);

    await fireEvent.click(screen.getByTestId('import-apply'));
    const report = await screen.findByTestId('import-report');
    expect(report.textContent).toMatch(/2 added, 1 changed, 47 ended, 1 rows not taken/);
    await fireEvent.click(screen.getByTestId('import-close'));
    expect((await screen.findByTestId('unit-row-41')).textContent).toContain('Yasmin Berg');
  });

  it('a list in which no row can be taken says so, and neither the screen nor the backend imports it', async () => {
    const slipped = 'Andelsnr;Adresse;Navn;Indflyttet\n41;Kastanjevej 12;Yasmin Berg;31.02.2015\n42;Kastanjevej 14;Ulrik Damsgaard;30.02.2016';
    mock = await recorded({ files: { '/home/board/datoer.csv': slipped } });
    await openDemo();
    await readList('/home/board/datoer.csv');
    const notice = await screen.findByTestId('import-takes-nothing');
    expect(notice.textContent).toContain('None of the 2 rows of this list can be taken');
    expect(screen.getByTestId('import-rejected').getAttribute('data-count')).toBe('2');
    expect((screen.getByTestId('import-apply') as HTMLButtonElement).disabled).toBe(true);
    // Even with the mass end ticked, the backend refuses a list that takes nothing; nothing changes.
    const refused = await backend().importApply([], true);
    expect(refused.status === 'error' && refused.error.message).toContain('None of the 2 rows');
    const units = await backend().unitsList('');
    expect(units.status === 'ok' && units.data.length).toBe(40);
  });

  it('a list that ends half or fewer of the ownerships needs no tick; without the tick the backend refuses a mass end', async () => {
    mock = await recorded({ files: { '/home/board/beboere.csv': residentList('Navn'), '/home/board/alle.csv': fullList() } });
    await openDemo();
    // Without the tick the import itself refuses, whatever the screen shows; nothing changes.
    expect((await backend().importRead('/home/board/beboere.csv')).status).toBe('ok');
    const refused = await backend().importApply([], false);
    expect(refused.status === 'error' && refused.error.message).toContain('would end 47 of the 48');
    const units = await backend().unitsList('');
    expect(units.status === 'ok' && units.data.some((u) => u.number === '41')).toBe(false);

    // Every current owner listed (and one more): nothing ends, no question asked.
    await readList('/home/board/alle.csv');
    expect((await screen.findByTestId('import-ended')).getAttribute('data-count')).toBe('0');
    expect(screen.queryByTestId('import-mass-end')).toBeNull();
    expect((screen.getByTestId('import-apply') as HTMLButtonElement).disabled).toBe(false);
  });
});
