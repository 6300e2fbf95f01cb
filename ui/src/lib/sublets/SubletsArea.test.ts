import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import { todayIso } from '$lib/common/format';
import { setUiLanguage } from '$lib/i18n/index.svelte';
import { backend } from '$lib/ipc';
import type { MockBackend } from '$lib/ipc/mock-replay';
import { recorded } from '$lib/ipc/recording';
import SubletsArea from './SubletsArea.svelte';

let mock: MockBackend;

beforeEach(async () => {
  mock = await recorded();
  setUiLanguage('en');
  const demo = await backend().openDemo();
  if (demo.status !== 'ok') throw new Error('demo');
  await backend().unlockArchive({ path: demo.data.path, passphrase: demo.data.passphrase, identity_file: null, actor: 'Camilla Holmsted', take_over_lock: false });
});

function rowOf(unit: string): HTMLElement {
  const row = screen.getAllByTestId('sublet-row').find((r) => r.getAttribute('data-unit') === unit);
  if (!row) throw new Error(`no sublet of unit ${unit}`);
  return row;
}

describe('sublets', () => {
  it('lists sublets with status and warnings', async () => {
    render(SubletsArea);
    await screen.findByTestId('sublets-table');
    expect(within(rowOf('12')).getByTestId('sublet-status').textContent).toContain('Active');
    expect(within(rowOf('12')).getByTestId('sublet-warning').textContent).toMatch(/Ends in 21 days/);
    expect(within(rowOf('25')).getByTestId('sublet-status').textContent).toContain('Awaiting decision');
  });

  it('the board sets its maximum from the statutes; the default says it is a default, with its source', async () => {
    render(SubletsArea);
    await screen.findByTestId('sublet-rule');
    expect(screen.getByTestId('sublet-rule-months').textContent).toBe('24 months');
    expect(screen.getByTestId('sublet-rule-source').textContent).toContain('a default, not the association’s own rule');
    expect(screen.getByTestId('sublet-rule-source').textContent).toContain('ABF’s model statutes § 11');
    expect(screen.queryByTestId('sublet-rule-reset')).toBeNull();
    await fireEvent.input(screen.getByTestId('sublet-rule-input'), { target: { value: '0' } });
    expect(screen.getByTestId('sublet-rule-error').textContent).toContain('1 to 120');
    expect(screen.getByTestId('sublet-rule-save')).toHaveProperty('disabled', true);
    await fireEvent.input(screen.getByTestId('sublet-rule-input'), { target: { value: '36' } });
    await fireEvent.click(screen.getByTestId('sublet-rule-save'));
    await expect.poll(() => screen.getByTestId('sublet-rule-source').textContent).toContain('set by the board');
    expect(screen.getByTestId('sublet-rule-months').textContent).toBe('36 months');
    expect(mock.calls).toContain('sublet_rule_set');
    await fireEvent.click(screen.getByTestId('sublet-rule-reset'));
    await expect.poll(() => screen.getByTestId('sublet-rule-months').textContent).toBe('24 months');
  });

  it('approves a request on a date, by the board member using the app', async () => {
    render(SubletsArea);
    await screen.findByTestId('sublets-table');
    await fireEvent.click(within(rowOf('25')).getByTestId('sublet-approve'));
    const date = screen.getByTestId('sublet-date') as HTMLInputElement;
    expect(date.value).toBe(todayIso());
    // Special grounds are Norwegian law: a Danish association is not asked for them.
    expect(screen.queryByTestId('sublet-grounds')).toBeNull();
    await fireEvent.click(screen.getByTestId('sublet-confirm-ok'));
    await expect.poll(() => within(rowOf('25')).getByTestId('sublet-status').textContent).toContain('Approved');
    expect(rowOf('25').textContent).toContain('by Camilla Holmsted');
    expect(screen.queryByTestId('sublet-confirm')).toBeNull();
    expect(within(rowOf('25')).getByTestId('sublet-end')).toBeTruthy();
  });

  it('records a request, with inline validation first', async () => {
    render(SubletsArea);
    await fireEvent.click(await screen.findByTestId('sublet-new'));
    await fireEvent.click(screen.getByTestId('sublet-submit'));
    expect(screen.getByTestId('sublet-form').textContent).toContain('Required.');
    expect(mock.calls).not.toContain('sublet_request');

    await expect.poll(() => (screen.getByTestId('sublet-unit') as HTMLSelectElement).options.length).toBeGreaterThan(1);
    const unit = screen.getByTestId('sublet-unit') as HTMLSelectElement;
    const option = [...unit.options].find((o) => o.textContent?.startsWith('3 '))!;
    await fireEvent.change(unit, { target: { value: option.value } });
    await fireEvent.input(screen.getByTestId('sublet-subtenant'), { target: { value: 'Bo Winther' } });
    await fireEvent.input(screen.getByTestId('sublet-from'), { target: { value: '2027-02-01' } });
    await fireEvent.input(screen.getByTestId('sublet-to'), { target: { value: '2027-01-01' } });
    expect(screen.getByTestId('sublet-to-error').textContent).toContain('before the start');
    await fireEvent.input(screen.getByTestId('sublet-to'), { target: { value: '2027-12-31' } });

    // A CPR number typed into the reason is caught before anything is sent.
    await fireEvent.input(screen.getByTestId('sublet-reason'), { target: { value: 'Udlandsophold, cpr 010170-1234' } });
    await fireEvent.click(screen.getByTestId('sublet-submit'));
    expect(screen.getByTestId('sublet-reason-error').textContent).toContain('national identity number');
    expect(mock.calls).not.toContain('sublet_request');

    await fireEvent.input(screen.getByTestId('sublet-reason'), { target: { value: 'Udlandsophold' } });
    await fireEvent.click(screen.getByTestId('sublet-submit'));
    await expect.poll(() => screen.queryByTestId('sublet-form')).toBeNull();
    // The list reloads after the form closes.
    await expect.poll(() => screen.queryAllByTestId('sublet-row').some((r) => r.getAttribute('data-unit') === '3')).toBe(true);
    expect(within(rowOf('3')).getByTestId('sublet-status').textContent).toContain('Awaiting decision');
    expect(rowOf('3').textContent).toContain('Bo Winther');
  });

  it('shows why the archive refused an overlapping request', async () => {
    render(SubletsArea);
    await fireEvent.click(await screen.findByTestId('sublet-new'));
    await expect.poll(() => (screen.getByTestId('sublet-unit') as HTMLSelectElement).options.length).toBeGreaterThan(1);
    const unit = screen.getByTestId('sublet-unit') as HTMLSelectElement;
    const option = [...unit.options].find((o) => o.textContent?.startsWith('12 '))!;
    await fireEvent.change(unit, { target: { value: option.value } });
    await fireEvent.input(screen.getByTestId('sublet-subtenant'), { target: { value: 'Bo Winther' } });
    await fireEvent.input(screen.getByTestId('sublet-from'), { target: { value: todayIso() } });
    await fireEvent.input(screen.getByTestId('sublet-to'), { target: { value: '2099-01-01' } });
    await fireEvent.click(screen.getByTestId('sublet-submit'));
    const error = await screen.findByTestId('sublet-form-error');
    expect(error.getAttribute('data-code')).toBe('invalid_input');
    expect(screen.getByTestId('sublet-form-error-message').textContent).toContain('Unit 12 already has sublet #1');
  });

  it('rejects a request, and closes an active sublet on the day the subtenant moved out', async () => {
    render(SubletsArea);
    await screen.findByTestId('sublets-table');
    await fireEvent.click(within(rowOf('25')).getByTestId('sublet-reject'));
    await fireEvent.click(screen.getByTestId('sublet-confirm-ok'));
    await expect.poll(() => within(rowOf('25')).getByTestId('sublet-status').textContent).toContain('Rejected');
    expect(within(rowOf('25')).queryByTestId('sublet-end')).toBeNull();

    await fireEvent.click(within(rowOf('12')).getByTestId('sublet-end'));
    await fireEvent.input(screen.getByTestId('sublet-date'), { target: { value: '31-12-2026' } });
    expect(screen.getByTestId('sublet-confirm').textContent).toContain('Write a date as YYYY-MM-DD.');
    await fireEvent.input(screen.getByTestId('sublet-date'), { target: { value: todayIso() } });
    await fireEvent.click(screen.getByTestId('sublet-confirm-ok'));
    await expect.poll(() => within(rowOf('12')).getByTestId('sublet-status').textContent).toContain('Ended');
    expect(within(rowOf('12')).queryByTestId('sublet-warning')).toBeNull();
  });
});
