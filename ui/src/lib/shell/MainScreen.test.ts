import { fireEvent, render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setUiLanguage } from '$lib/i18n/index.svelte';
import { setBackend, type Overview } from '$lib/ipc';
import { MockBackend } from '$lib/ipc/mock';
import MainScreen from './MainScreen.svelte';

let mock: MockBackend;

async function openArchive(minutes: number): Promise<Overview> {
  mock.addArchive('/idle.andel', { name: 'A/B Hvilen', passphrase: 'p', autoLockMinutes: minutes });
  const r = await mock.unlockArchive({ path: '/idle.andel', passphrase: 'p', identity_file: null, actor: 'Ole', take_over_lock: false });
  if (r.status !== 'ok') throw new Error(r.error.message);
  return r.data;
}

function renderMain(initial: Overview) {
  const onLocked = vi.fn();
  render(MainScreen, {
    initial,
    languageChoice: null,
    systemLanguage: 'en',
    onLanguageChosen: () => {},
    onLocked,
  });
  return onLocked;
}

describe('auto-lock', () => {
  beforeEach(() => {
    mock = new MockBackend();
    setBackend(mock);
    setUiLanguage('en');
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('locks after the archive’s minutes without activity', async () => {
    const onLocked = renderMain(await openArchive(10));
    await vi.advanceTimersByTimeAsync(9 * 60_000);
    expect(onLocked).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(onLocked).toHaveBeenCalledWith('/idle.andel', 'A/B Hvilen');
    expect(mock.openPath).toBeNull();
  });

  it('activity keeps the archive open', async () => {
    const onLocked = renderMain(await openArchive(2));
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(60_000);
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Shift' }));
    }
    expect(onLocked).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    expect(onLocked).toHaveBeenCalledTimes(1);
  });

  it('when the save before locking fails, shows why and offers to lock anyway', async () => {
    const onLocked = renderMain(await openArchive(1));
    mock.saveFailure = { code: 'disk_full', message: 'No space left on device (os error 28)' };
    await vi.advanceTimersByTimeAsync(60_000);
    await tick();
    expect(onLocked).not.toHaveBeenCalled();
    const dialog = screen.getByTestId('lock-failed');
    expect(dialog.textContent).toContain('could not save');
    expect(dialog.textContent).toContain('The disk is full.');
    expect(mock.openPath).toBe('/idle.andel');
    await fireEvent.click(screen.getByTestId('lock-anyway'));
    await vi.advanceTimersByTimeAsync(0);
    expect(onLocked).toHaveBeenCalledTimes(1);
    expect(mock.openPath).toBeNull();
  });

  it('follows a new auto-lock setting at once', async () => {
    const onLocked = renderMain(await openArchive(30));
    await fireEvent.click(screen.getByTestId('nav-settings'));
    await fireEvent.input(screen.getByTestId('settings-autolock'), { target: { value: '1' } });
    await fireEvent.submit(screen.getByTestId('settings-autolock').closest('form')!);
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(onLocked).toHaveBeenCalledTimes(1);
  });
});

describe('save indicator in the main window', () => {
  beforeEach(() => {
    mock = new MockBackend();
    setBackend(mock);
    setUiLanguage('en');
  });

  it('follows the save-state events', async () => {
    renderMain(await openArchive(10));
    const indicator = () => screen.getByTestId('save-indicator');
    expect(indicator().dataset.state).toBe('saved');
    mock.emitSaveState({ state: 'pending' });
    await tick();
    expect(indicator().textContent).toBe('Saving…');
    mock.emitSaveState({ state: 'failed', code: 'not_writable', message: 'Permission denied' });
    await tick();
    expect(indicator().textContent).toBe('Not saved: Andel may not write in that folder or file.');
    expect(screen.getByTestId('save-error').textContent).toContain('Check that the folder exists');
    mock.emitSaveState({ state: 'saved', at: new Date(2026, 10, 22, 9, 5).toISOString() });
    await tick();
    expect(indicator().textContent).toBe('Saved 09:05');
    expect(screen.queryByTestId('save-error')).toBeNull();
  });
});

describe('after a conflict', () => {
  beforeEach(() => {
    mock = new MockBackend();
    setBackend(mock);
    setUiLanguage('en');
  });

  it('turns read-only and says which file holds whose version', async () => {
    // Issue 12: after a conflict the app accepted edits it could no longer save.
    renderMain(await openArchive(10));
    expect(screen.queryByTestId('conflict')).toBeNull();
    mock.simulateConflict('/idle (conflict 2026-05-01 120000 laptop).andel');
    await vi.waitFor(() => expect(screen.getByTestId('conflict')).toBeTruthy());
    const text = screen.getByTestId('conflict').textContent ?? '';
    expect(text).toContain('Someone else saved /idle.andel');
    expect(text).toContain('is kept in /idle (conflict 2026-05-01 120000 laptop).andel');
    expect(text).toContain('read-only');
    const overview = await mock.overview();
    expect(overview.status === 'ok' && overview.data.read_only).toBe(true);
  });
});
