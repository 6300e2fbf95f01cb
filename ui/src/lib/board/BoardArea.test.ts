import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import { setUiLanguage } from '$lib/i18n/index.svelte';
import { backend } from '$lib/ipc';
import type { MockBackend } from '$lib/ipc/mock-replay';
import { recorded } from '$lib/ipc/recording';
import BoardArea from './BoardArea.svelte';

let mock: MockBackend;

beforeEach(async () => {
  mock = await recorded();
  setUiLanguage('en');
  const demo = await backend().openDemo();
  if (demo.status !== 'ok') throw new Error('demo');
  await backend().unlockArchive({ path: demo.data.path, passphrase: demo.data.passphrase, identity_file: null, actor: 'Mette Kragh', take_over_lock: false });
});

function row(kind: string): HTMLElement {
  const r = screen.getAllByTestId('role-row').find((x) => x.getAttribute('data-kind') === kind);
  if (!r) throw new Error(`no ${kind}`);
  return r;
}

describe('board and roles', () => {
  it('shows the current board, former roles on request, and offers the handover', async () => {
    render(BoardArea);
    await screen.findByTestId('roles-table');
    expect(row('chair').textContent).toContain('Camilla Holmsted');
    expect(screen.getByTestId('roles-table').textContent).not.toContain('Frank Skovbo');
    await fireEvent.click(screen.getByTestId('roles-all'));
    await expect.poll(() => screen.getByTestId('roles-table').textContent).toContain('Frank Skovbo');
    expect(screen.getByTestId('handover-start')).toBeTruthy();
  });

  it('adds a role for someone new, and ends one', async () => {
    render(BoardArea);
    await fireEvent.click(await screen.findByTestId('role-new'));
    await fireEvent.input(screen.getByTestId('role-name'), { target: { value: 'Advokat Lise Borg' } });
    await fireEvent.change(screen.getByTestId('role-kind'), { target: { value: 'meeting-chair' } });
    await fireEvent.click(screen.getByTestId('role-submit'));
    await expect.poll(() => screen.queryByTestId('role-form')).toBeNull();
    expect(row('meeting-chair').textContent).toContain('Advokat Lise Borg');

    await fireEvent.click(within(row('treasurer')).getByTestId('role-end'));
    await fireEvent.click(screen.getByTestId('role-end-ok'));
    // The last day is today: the role is still shown, now with its end and no End button.
    await expect.poll(() => within(row('treasurer')).queryByTestId('role-end')).toBeNull();
    expect(row('treasurer').textContent).not.toContain('ongoing');
  });

  it('warns at once when a national ID is typed into the name', async () => {
    render(BoardArea);
    await fireEvent.click(await screen.findByTestId('role-new'));
    await fireEvent.input(screen.getByTestId('role-name'), { target: { value: 'Lise Borg 0101701234' } });
    expect(screen.getByTestId('role-name-error').textContent).toContain('national identity number');
    await fireEvent.click(screen.getByTestId('role-submit'));
    expect(mock.calls).not.toContain('role_add');
  });
});
