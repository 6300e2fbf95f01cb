import { fireEvent, render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import { setUiLanguage } from '$lib/i18n/index.svelte';
import { backend } from '$lib/ipc';
import type { MockBackend } from '$lib/ipc/mock-replay';
import { recorded } from '$lib/ipc/recording';
import PrivacyArea from './PrivacyArea.svelte';

let mock: MockBackend;

beforeEach(async () => {
  mock = await recorded();
  setUiLanguage('en');
  const demo = await backend().openDemo();
  if (demo.status !== 'ok') throw new Error('demo');
  await backend().unlockArchive({ path: demo.data.path, passphrase: demo.data.passphrase, identity_file: null, actor: 'Mette Kragh', take_over_lock: false });
});

describe('organisations', () => {
  it('lists organisations with their agreement and transfers', async () => {
    render(PrivacyArea);
    const table = await screen.findByTestId('orgs-table');
    expect(table.textContent).toContain('DBA-2023-014');
    expect(table.textContent).toContain('EU-US Data Privacy Framework');
    expect(screen.queryByTestId('area-not-built')).toBeNull();
  });

  it('adds an organisation with its agreement and a third-country transfer', async () => {
    render(PrivacyArea);
    await fireEvent.click(await screen.findByTestId('org-new'));
    await fireEvent.input(screen.getByTestId('org-name'), { target: { value: 'Dropbox' } });
    await fireEvent.change(screen.getByTestId('org-kind'), { target: { value: 'cloud' } });
    await fireEvent.input(screen.getByTestId('org-dpa-signed'), { target: { value: '2025-13-01' } });
    await fireEvent.input(screen.getByTestId('org-third-country'), { target: { value: 'USA' } });
    await fireEvent.click(screen.getByTestId('org-submit'));
    expect(screen.getByTestId('org-form').textContent).toContain('Write a date as YYYY-MM-DD.');
    expect(screen.getByTestId('org-form').textContent).toContain('two-letter country code');
    await fireEvent.input(screen.getByTestId('org-dpa-signed'), { target: { value: '2025-03-01' } });
    await fireEvent.input(screen.getByTestId('org-third-country'), { target: { value: 'us' } });
    await fireEvent.input(screen.getByTestId('org-safeguard'), { target: { value: 'Standard contractual clauses' } });
    await fireEvent.click(screen.getByTestId('org-submit'));
    await expect.poll(() => screen.getByTestId('orgs-table').textContent).toContain('Dropbox');
    expect(screen.getByTestId('orgs-table').textContent).toContain('Standard contractual clauses');
  });

  it('keeps the language the board wrote its own safeguard in, and shows it when editing', async () => {
    render(PrivacyArea);
    await fireEvent.click(await screen.findByTestId('org-new'));
    await fireEvent.input(screen.getByTestId('org-name'), { target: { value: 'Nordlys Hosting Inc.' } });
    await fireEvent.change(screen.getByTestId('org-kind'), { target: { value: 'cloud' } });
    await fireEvent.input(screen.getByTestId('org-third-country'), { target: { value: 'us' } });
    // No safeguard, no language to choose.
    expect(screen.queryByTestId('org-safeguard-lang')).toBeNull();
    await fireEvent.input(screen.getByTestId('org-safeguard'), { target: { value: 'Binding corporate rules of the group' } });
    const picker = (await screen.findByTestId('org-safeguard-lang')) as HTMLSelectElement;
    expect(Array.from(picker.options).map((o) => o.textContent)).toEqual([
      'The association’s language',
      'Danish',
      'Norwegian',
      'Swedish',
      'English',
    ]);
    await fireEvent.change(picker, { target: { value: 'en' } });
    await fireEvent.click(screen.getByTestId('org-submit'));
    await expect.poll(() => screen.getByTestId('orgs-table').textContent).toContain('Nordlys Hosting Inc.');
    const rows = screen.getAllByTestId('org-row');
    const row = rows.find((r) => r.textContent?.includes('Nordlys Hosting Inc.'))!;
    await fireEvent.click(row.querySelector('[data-testid="org-edit"]')!);
    expect((screen.getByTestId('org-safeguard-lang') as HTMLSelectElement).value).toBe('en');
  });

  it('shows the archive’s message when a CPR number is typed into a field', async () => {
    render(PrivacyArea);
    await fireEvent.click((await screen.findAllByTestId('org-edit'))[0]!);
    await fireEvent.input(screen.getByTestId('org-contact'), { target: { value: 'Bo Nielsen 010170-1234' } });
    await fireEvent.click(screen.getByTestId('org-submit'));
    const error = await screen.findByTestId('org-form-error');
    expect(error.getAttribute('data-code')).toBe('invalid_input');
    expect(screen.getByTestId('org-form-error-message').textContent).toContain('Andel never stores national identity numbers');
    expect(screen.getByTestId('orgs-table').textContent).not.toContain('010170-1234');
  });
});
