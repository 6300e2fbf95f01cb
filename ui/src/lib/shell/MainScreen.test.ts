import { fireEvent, render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setUiLanguage } from '$lib/i18n/index.svelte';
import { backend, type Overview } from '$lib/ipc';
import { REPLAY, type MockBackend } from '$lib/ipc/mock-replay';
import { recorded } from '$lib/ipc/recording';
import MainScreen from './MainScreen.svelte';

let mock: MockBackend;

/** Opens A/B Hvilen, which locks itself after `minutes` without activity (andel-core keeps the setting). */
async function openArchive(minutes: number): Promise<Overview> {
  mock = await recorded({ archives: [{ path: '/idle.andel', name: 'A/B Hvilen', country: 'DK', passphrase: 'p' }] });
  const r = await backend().unlockArchive({ path: '/idle.andel', passphrase: 'p', identity_file: null, actor: 'Ole', take_over_lock: false });
  if (r.status !== 'ok') throw new Error(r.error.message);
  const kept = await backend().setAutoLock(minutes);
  if (kept.status !== 'ok') throw new Error(kept.error.message);
  return { ...r.data, auto_lock_minutes: kept.data };
}

async function isOpen(): Promise<boolean> {
  return (await backend().overview()).status === 'ok';
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

beforeEach(() => {
  setUiLanguage('en');
});

describe('auto-lock', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('locks after the archive’s minutes without activity', async () => {
    const initial = await openArchive(10);
    vi.useFakeTimers();
    const onLocked = renderMain(initial);
    await vi.advanceTimersByTimeAsync(9 * 60_000);
    expect(onLocked).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(60_000);
    await mock.settled();
    expect(onLocked).toHaveBeenCalledWith('/idle.andel', 'A/B Hvilen');
    expect(await isOpen()).toBe(false);
  });

  it('activity keeps the archive open', async () => {
    const initial = await openArchive(2);
    vi.useFakeTimers();
    const onLocked = renderMain(initial);
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(60_000);
    await mock.settled();
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Shift' }));
    }
    expect(onLocked).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    await mock.settled();
    expect(onLocked).toHaveBeenCalledTimes(1);
  });

  it('when the save before locking fails, shows why and offers to lock anyway', async () => {
    const initial = await openArchive(1);
    vi.useFakeTimers();
    const onLocked = renderMain(initial);
    // A full disk, which the recorder cannot cause: the save before locking fails until told to discard.
    mock.impose('lock_archive', (args) => {
      if (args.discardUnsaved) return REPLAY;
      throw { code: 'disk_full', message: 'No space left on device (os error 28)' };
    });
    await vi.advanceTimersByTimeAsync(60_000);
    await mock.settled();
    await tick();
    expect(onLocked).not.toHaveBeenCalled();
    const dialog = screen.getByTestId('lock-failed');
    expect(dialog.textContent).toContain('could not save');
    expect(dialog.textContent).toContain('The disk is full.');
    expect(await isOpen()).toBe(true);
    await fireEvent.click(screen.getByTestId('lock-anyway'));
    await vi.advanceTimersByTimeAsync(0);
    await mock.settled();
    expect(onLocked).toHaveBeenCalledTimes(1);
    expect(await isOpen()).toBe(false);
  });

  it('follows a new auto-lock setting at once', async () => {
    const initial = await openArchive(30);
    vi.useFakeTimers();
    const onLocked = renderMain(initial);
    await fireEvent.click(screen.getByTestId('nav-settings'));
    await fireEvent.input(screen.getByTestId('settings-autolock'), { target: { value: '1' } });
    await fireEvent.submit(screen.getByTestId('settings-autolock').closest('form')!);
    await vi.advanceTimersByTimeAsync(0);
    await mock.settled();
    await vi.advanceTimersByTimeAsync(60_000);
    await mock.settled();
    expect(onLocked).toHaveBeenCalledTimes(1);
  });
});

describe('save indicator in the main window', () => {
  it('follows the save-state events', async () => {
    renderMain(await openArchive(10));
    const indicator = () => screen.getByTestId('save-indicator');
    expect(indicator().dataset.state).toBe('saved');
    // The autosave's events, as the Rust side sends them.
    await mock.emit('save-state-changed', { state: 'pending' });
    await tick();
    expect(indicator().textContent).toBe('Saving…');
    await mock.emit('save-state-changed', { state: 'failed', code: 'not_writable', message: 'Permission denied' });
    await tick();
    expect(indicator().textContent).toBe('Not saved: Andel may not write in that folder or file.');
    expect(screen.getByTestId('save-error').textContent).toContain('Check that the folder exists');
    await mock.emit('save-state-changed', { state: 'saved', at: new Date(2026, 10, 22, 9, 5).toISOString() });
    await tick();
    expect(indicator().textContent).toBe('Saved 09:05');
    expect(screen.queryByTestId('save-error')).toBeNull();
  });
});

describe('after a conflict', () => {
  it('turns read-only and says which file holds whose version', async () => {
    // Issue 12: after a conflict the app accepted edits it could no longer save.
    renderMain(await openArchive(10));
    expect(screen.queryByTestId('conflict')).toBeNull();
    // A second writer on the same file, which the recorder does not simulate: the autosave's
    // event and the overview as the Rust side reports a conflict (vault::Error::ChangedOnDisk).
    const copy = '/idle (conflict 2026-05-01 120000 laptop).andel';
    const open = await backend().overview();
    if (open.status !== 'ok') throw new Error(open.error.message);
    mock.impose('overview', () => ({ ...open.data, read_only: true, conflict_copy: copy }));
    await mock.emit('save-state-changed', { state: 'failed', code: 'changed_on_disk', message: `Someone else saved the archive; your version is kept in ${copy}.` });
    await vi.waitFor(() => expect(screen.getByTestId('conflict')).toBeTruthy());
    const text = screen.getByTestId('conflict').textContent ?? '';
    expect(text).toContain('Someone else saved /idle.andel');
    expect(text).toContain(`is kept in ${copy}`);
    expect(text).toContain('read-only');
  });
});
