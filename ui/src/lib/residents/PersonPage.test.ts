import { fireEvent, render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import { setUiLanguage } from '$lib/i18n/index.svelte';
import { backend } from '$lib/ipc';
import type { MockBackend } from '$lib/ipc/mock-replay';
import { recorded } from '$lib/ipc/recording';
import PersonPage from './PersonPage.svelte';

let mock: MockBackend;

beforeEach(async () => {
  mock = await recorded();
  setUiLanguage('en');
  const demo = await backend().openDemo();
  if (demo.status !== 'ok') throw new Error('demo');
  await backend().unlockArchive({ path: demo.data.path, passphrase: demo.data.passphrase, identity_file: null, actor: 'Mette Kragh', take_over_lock: false });
});

/** One record owning units 97 and 98: two namesakes merged, as an earlier Andel could. */
async function merged(): Promise<number> {
  const p = await backend().personAdd({ name: 'Jens Hansen', phone: '20 30 40 50', email: null, note: null });
  if (p.status !== 'ok') throw new Error('person');
  for (const number of ['97', '98']) {
    const u = await backend().unitAdd({ number, flat: null, address: `Lærkevej ${number}`, postcode_city: null, floor_side: null });
    if (u.status !== 'ok') throw new Error('unit');
    const o = await backend().ownershipStart({ unit_id: u.data.id, person_id: p.data.id, new_person: null, from: '2019-01-01', end_current: false });
    if (o.status !== 'ok') throw new Error(o.error.message);
  }
  return p.data.id;
}

describe('splitting a record that stands for two people (issue 11)', () => {
  it('moves one unit to a new person of the same name, with the phone given', async () => {
    const id = await merged();
    render(PersonPage, { id, onBack: () => {}, onUnit: () => {} });
    await fireEvent.click(await screen.findByTestId('person-split'));
    await fireEvent.change(screen.getByTestId('split-unit'), { target: { value: '98' } });
    await fireEvent.input(screen.getByTestId('split-phone'), { target: { value: '61 62 63 64' } });
    await fireEvent.click(screen.getByTestId('split-ok'));
    const done = await screen.findByTestId('person-split-done');
    const newId = Number(/#(\d+)/.exec(done.textContent ?? '')?.[1]);
    expect(newId).toBeGreaterThan(id);
    await expect.poll(() => screen.getByTestId('person-ownerships').textContent).not.toContain('98');
    const other = await backend().personPage(newId);
    if (other.status !== 'ok') throw new Error('page');
    expect(other.data.person.name).toBe('Jens Hansen');
    expect(other.data.person.phone).toBe('61 62 63 64');
    expect(other.data.ownerships.map((o) => o.unit_number)).toEqual(['98']);
    expect(mock.calls).toContain('person_split');
  });

  it('a split that would leave a record with nothing says why and changes nothing', async () => {
    const id = await merged();
    const first = await backend().personSplit(id, '98', null, null);
    expect(first.status).toBe('ok');
    const again = await backend().personSplit(id, '97', null, null);
    expect(again.status === 'error' && again.error.message).toContain('without any data');
    const unknown = await backend().personSplit(id, '404', null, null);
    expect(unknown.status === 'error' && unknown.error.code).toBe('not_found');
    const page = await backend().personPage(id);
    expect(page.status === 'ok' && page.data.ownerships.map((o) => o.unit_number)).toEqual(['97']);
  });
});
