// A Norwegian borettslag: the board approves a sublet longer than borettslagsloven § 5-5 allows on
// the special grounds of § 5-6 (1), and the archive no longer calls it too long.
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { setUiLanguage } from '$lib/i18n/index.svelte';
import { backend } from '$lib/ipc';
import { recorded } from '$lib/ipc/recording';
import SubletsArea from './SubletsArea.svelte';

function rowOf(unit: string): HTMLElement {
  const row = screen.getAllByTestId('sublet-row').find((r) => r.getAttribute('data-unit') === unit);
  if (!row) throw new Error(`no sublet of unit ${unit}`);
  return row;
}

describe('sublets in a Norwegian borettslag', () => {
  it('approves a long sublet on the special grounds of § 5-6 (1): it is no longer too long', async () => {
    const mock = await recorded({ archives: [{ path: '/lia.andel', name: 'Lia borettslag', country: 'NO', passphrase: 'p' }] });
    setUiLanguage('nb');
    const opened = await backend().unlockArchive({ path: '/lia.andel', passphrase: 'p', identity_file: null, actor: 'Kari Styre', take_over_lock: false });
    if (opened.status !== 'ok') throw new Error(opened.error.message);
    const unit = await backend().unitAdd({ number: 'B-1', flat: null, address: 'Liaveien 1', postcode_city: null, floor_side: null });
    if (unit.status !== 'ok') throw new Error(unit.error.message);
    // Five years: longer than § 5-5's three.
    const asked = await backend().subletRequest({ unit_id: unit.data.id, subtenant: 'Ola Nordmann', requested_on: '2026-11-20', reason: 'Arbeid i Bergen', from: '2027-01-01', to: '2031-12-31' });
    if (asked.status !== 'ok') throw new Error(asked.error.message);

    render(SubletsArea);
    await screen.findByTestId('sublets-table');
    // The association's rule (and so its country) is read beside the list.
    expect((await screen.findByTestId('sublet-rule-source')).textContent).toContain('§ 5-5');
    expect(within(rowOf('B-1')).getByTestId('sublet-warning').getAttribute('data-kind')).toBe('too_long');
    await fireEvent.click(within(rowOf('B-1')).getByTestId('sublet-approve'));
    const grounds = screen.getByTestId('sublet-grounds') as HTMLSelectElement;
    expect(grounds.value).toBe('');
    expect([...grounds.options].map((o) => o.value)).toEqual(['', 'legal-person', 'absence', 'relative', 'family-law']);
    expect(screen.getByTestId('sublet-confirm').textContent).toContain('tungtveiende grunner');
    await fireEvent.change(grounds, { target: { value: 'absence' } });
    await fireEvent.click(screen.getByTestId('sublet-confirm-ok'));
    await expect.poll(() => within(rowOf('B-1')).getByTestId('sublet-status').getAttribute('data-status')).toBe('approved');
    expect(within(rowOf('B-1')).getByTestId('sublet-grounds-badge').textContent).toContain('§ 5-6 første ledd nr. 2');
    expect(within(rowOf('B-1')).queryByTestId('sublet-warning')).toBeNull();
    expect(mock.misses).toEqual([]);
  });
});
