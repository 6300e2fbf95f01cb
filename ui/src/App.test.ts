import { fireEvent, render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import App from './App.svelte';
import { setUiLanguage } from '$lib/i18n/index.svelte';
import { backend } from '$lib/ipc';
import type { MockBackend, Setup } from '$lib/ipc/mock-replay';
import { recorded } from '$lib/ipc/recording';
import { REPLAY } from '$lib/ipc/mock-replay';

const DEMO_PASSPHRASE = 'demo-andel-2026';

let mock: MockBackend;

beforeEach(() => {
  setUiLanguage('en');
});

/** The pretend machine: preferences, archives and files on it (see $lib/ipc/recording.ts). */
async function machine(setup: Setup = {}) {
  mock = await recorded(setup);
}

async function overviewOf() {
  const r = await backend().overview();
  if (r.status !== 'ok') throw new Error(r.error.message);
  return r.data;
}

async function type(testid: string, value: string) {
  await fireEvent.input(screen.getByTestId(testid), { target: { value } });
}

async function createArchive(name = 'A/B Solsikken') {
  render(App);
  await fireEvent.click(await screen.findByTestId('start-create'));
  await type('create-name', name);
  await fireEvent.change(screen.getByTestId('create-country'), { target: { value: 'NO' } });
  await type('create-actor', 'Mette Jensen');
  await type('create-passphrase', 'kastanje lygte vandpyt 42');
  await type('create-passphrase2', 'kastanje lygte vandpyt 42');
  await mock.settled();
  await fireEvent.click(screen.getByTestId('create-submit'));
  return screen.findByTestId('main-screen');
}

describe('start screen', () => {
  it('creates an archive and shows the main screen with its name', async () => {
    await machine();
    await createArchive();
    expect(screen.getByTestId('assoc-name').textContent).toBe('A/B Solsikken');
    const open = await overviewOf();
    expect(open.path).toBe('/home/board/Documents/A-B-Solsikken.andel');
    expect(open.association.country).toBe('NO');
    expect((await backend().preferences()).actor).toBe('Mette Jensen');
    expect(screen.getByTestId('save-indicator').dataset.state).toBe('saved');
  });

  it('suggests a path from the name until the user chooses one', async () => {
    await machine();
    render(App);
    await fireEvent.click(await screen.findByTestId('start-create'));
    await type('create-name', 'Brf Lönnen');
    await expect.poll(() => (screen.getByTestId('create-path') as HTMLInputElement).value).toBe('/home/board/Documents/Brf-Lönnen.andel');
    mock.picked.pick_new_archive_path = '/media/usb/lonnen.andel';
    await fireEvent.click(screen.getByTestId('create-choose-path'));
    await expect.poll(() => (screen.getByTestId('create-path') as HTMLInputElement).value).toBe('/media/usb/lonnen.andel');
    await type('create-name', 'Brf Lönnen 2');
    await new Promise((r) => setTimeout(r, 10));
    expect((screen.getByTestId('create-path') as HTMLInputElement).value).toBe('/media/usb/lonnen.andel');
  });

  it('rates the passphrase (andel-core’s estimate), warns about a weak one and about a mismatch', async () => {
    await machine();
    render(App);
    await fireEvent.click(await screen.findByTestId('start-create'));
    await type('create-passphrase', 'sommer');
    await expect.poll(() => screen.getByTestId('create-strength').dataset.strength).toBe('weak');
    expect(screen.getByTestId('create-weak-warning')).toBeTruthy();
    await type('create-passphrase2', 'vinter');
    expect(screen.getByTestId('create-mismatch').textContent).toContain('not the same');
    await type('create-passphrase', 'Kastanje-Lygte-Vandpyt-Mørke');
    await expect.poll(() => screen.getByTestId('create-strength').dataset.strength).not.toBe('weak');
  });

  it('does not create without a name, and says so', async () => {
    await machine();
    render(App);
    await fireEvent.click(await screen.findByTestId('start-create'));
    await type('create-passphrase', 'abc');
    await type('create-passphrase2', 'abc');
    await fireEvent.click(screen.getByTestId('create-submit'));
    expect(screen.getByText('Write the association’s name.')).toBeTruthy();
    expect(mock.calls).not.toContain('create_archive');
  });

  it('explains an existing file in plain words', async () => {
    await machine({ archives: [{ path: '/home/board/Documents/A-B-Solsikken.andel', name: 'A/B Solsikken', country: 'DK', passphrase: 'x' }] });
    render(App);
    await fireEvent.click(await screen.findByTestId('start-create'));
    await type('create-name', 'A/B Solsikken');
    await type('create-path', '/home/board/Documents/A-B-Solsikken.andel');
    await type('create-passphrase', 'x');
    await type('create-passphrase2', 'x');
    await fireEvent.click(screen.getByTestId('create-submit'));
    const error = await screen.findByTestId('create-error');
    expect(error.dataset.code).toBe('already_exists');
    expect(error.textContent).toContain('Andel never writes over an existing file.');
  });

  it('lists recently opened archives and forgets one', async () => {
    await machine({
      prefs: { language: null, actor: null, recent: [{ path: '/a.andel', association: 'A/B Æblehaven', opened_at: '2026-11-01T10:00:00Z' }] },
      archives: [{ path: '/a.andel', name: 'A/B Æblehaven', country: 'DK', passphrase: 'p' }],
    });
    render(App);
    const item = await screen.findByTestId('recent-item');
    expect(item.textContent).toContain('A/B Æblehaven');
    await fireEvent.click(screen.getByTestId('recent-forget'));
    await expect.poll(() => screen.queryByTestId('recent-item')).toBeNull();
    expect((await backend().preferences()).recent).toEqual([]);
  });

  it('opens an existing archive through the native dialog', async () => {
    await machine({ archives: [{ path: '/home/board/bf.andel', name: 'Bf Skogly', country: 'NO', passphrase: 'riktig' }] });
    mock.picked.pick_archive = '/home/board/bf.andel';
    render(App);
    await fireEvent.click(await screen.findByTestId('start-open'));
    await screen.findByTestId('unlock-passphrase');
    await type('unlock-passphrase', 'riktig');
    await fireEvent.click(screen.getByTestId('unlock-submit'));
    expect((await screen.findByTestId('assoc-name')).textContent).toBe('Bf Skogly');
  });

  it('opens the demo with its passphrase shown on screen', async () => {
    await machine();
    render(App);
    await fireEvent.click(await screen.findByTestId('start-demo'));
    const shown = await screen.findByTestId('unlock-demo-passphrase');
    expect(shown.textContent).toContain(DEMO_PASSPHRASE);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Unlock A/B Kastanjegården');
    await type('unlock-passphrase', DEMO_PASSPHRASE);
    await fireEvent.click(screen.getByTestId('unlock-submit'));
    expect((await screen.findByTestId('assoc-name')).textContent).toBe('A/B Kastanjegården');
  });
});

describe('unlock screen', () => {
  type Archive = NonNullable<Setup['archives']>[number];
  /** `/x.andel` on the start screen's list, as `change` makes it. */
  async function archive(change: Partial<Archive> = {}) {
    await machine({
      prefs: { language: null, actor: 'Ole', recent: [{ path: '/x.andel', association: 'A/B Test', opened_at: '2026-11-01T10:00:00Z' }] },
      archives: [{ path: '/x.andel', name: 'A/B Test', country: 'DK', passphrase: 'right one', ...change }],
    });
  }

  async function toUnlock() {
    render(App);
    await fireEvent.click(await screen.findByTestId('recent-item'));
    return screen.findByTestId('unlock-passphrase');
  }

  it('a wrong passphrase shows its own message; the right one unlocks', async () => {
    await archive();
    await toUnlock();
    expect((screen.getByTestId('unlock-actor') as HTMLInputElement).value).toBe('Ole');
    await type('unlock-passphrase', 'wrong one');
    await fireEvent.click(screen.getByTestId('unlock-submit'));
    const error = await screen.findByTestId('unlock-error');
    expect(error.dataset.code).toBe('wrong_passphrase');
    expect(error.textContent).toContain('That passphrase does not open this archive.');
    expect(error.textContent).toContain('Caps Lock');
    await type('unlock-passphrase', 'right one');
    await fireEvent.click(screen.getByTestId('unlock-submit'));
    await screen.findByTestId('main-screen');
  });

  it.each([
    ['damaged', 'The archive is damaged or cut short.'],
    ['newer_version', 'This archive was saved by a newer version of Andel.'],
  ] as const)('%s has its own message', async (kind, text) => {
    await archive(kind === 'damaged' ? { damaged: true } : { newer: true });
    await toUnlock();
    await type('unlock-passphrase', 'right one');
    await fireEvent.click(screen.getByTestId('unlock-submit'));
    const error = await screen.findByTestId('unlock-error');
    expect(error.dataset.code).toBe(kind);
    expect(error.textContent).toContain(text);
  });

  it('a file that is gone or not an archive is explained before asking anything', async () => {
    await machine({ prefs: { language: null, actor: 'Ole', recent: [{ path: '/x.andel', association: 'A/B Test', opened_at: '2026-11-01T10:00:00Z' }] } });
    render(App);
    await fireEvent.click(await screen.findByTestId('recent-item'));
    const error = await screen.findByTestId('unlock-error');
    expect(error.dataset.code).toBe('not_found');
    expect(screen.queryByTestId('unlock-passphrase')).toBeNull();
    await fireEvent.click(screen.getByTestId('unlock-back'));
    await screen.findByTestId('start-screen');
  });

  it('warns when someone else has it open, and opens anyway on request', async () => {
    await archive({ held_by: { user: 'karen', host: 'karens-laptop', pid: 4242, since: '2026-11-30T09:00:00Z' } });
    await toUnlock();
    expect(screen.getByTestId('unlock-elsewhere').textContent).toContain('karens-laptop');
    await type('unlock-passphrase', 'right one');
    await fireEvent.click(screen.getByTestId('unlock-submit'));
    const error = await screen.findByTestId('unlock-error');
    expect(error.dataset.code).toBe('in_use');
    await fireEvent.click(screen.getByTestId('unlock-open-anyway'));
    await screen.findByTestId('main-screen');
  });

  it('asks for a key file for an archive encrypted to board members’ keys', async () => {
    await machine({
      prefs: { language: null, actor: 'Ole', recent: [{ path: '/x.andel', association: 'A/B Test', opened_at: '2026-11-01T10:00:00Z' }] },
      archives: [
        { path: '/x.andel', name: 'A/B Test', country: 'DK', key_file: '/home/ole/andel.key' },
        // Another association's archive, for a key that is a key but not this archive's.
        { path: '/y.andel', name: 'A/B Anden', country: 'DK', key_file: '/home/ole/other.key' },
      ],
    });
    render(App);
    await fireEvent.click(await screen.findByTestId('recent-item'));
    await screen.findByTestId('unlock-keyfile');
    expect(screen.queryByTestId('unlock-passphrase')).toBeNull();
    await type('unlock-keyfile', '/home/ole/missing.key');
    await fireEvent.click(screen.getByTestId('unlock-submit'));
    expect((await screen.findByTestId('unlock-error')).dataset.code).toBe('not_found');
    await type('unlock-keyfile', '/home/ole/other.key');
    await fireEvent.click(screen.getByTestId('unlock-submit'));
    await expect.poll(() => screen.getByTestId('unlock-error').dataset.code).toBe('wrong_key');
    await type('unlock-keyfile', '/home/ole/andel.key');
    await fireEvent.click(screen.getByTestId('unlock-submit'));
    await screen.findByTestId('main-screen');
  });
});

describe('main screen', () => {
  it('locks back to the unlock screen of the same archive', async () => {
    await machine();
    await createArchive('A/B Låsen');
    await fireEvent.click(screen.getByTestId('lock-button'));
    await screen.findByTestId('unlock-screen');
    expect(screen.getByTestId('unlock-screen').textContent).toContain('A/B Låsen');
    expect((await backend().overview()).status).toBe('error');
  });

  it('when saving fails at lock, says why and offers to lock anyway', async () => {
    await machine();
    await createArchive();
    // A full disk, which the recorder cannot cause: the save before locking fails until told to discard.
    mock.impose('lock_archive', (args) => {
      if (args.discardUnsaved) return REPLAY;
      throw { code: 'disk_full', message: 'No space left on device (os error 28)' };
    });
    await fireEvent.click(screen.getByTestId('lock-button'));
    const dialog = await screen.findByTestId('lock-failed');
    expect(dialog.textContent).toContain('The disk is full.');
    await fireEvent.click(screen.getByTestId('lock-keep-open'));
    expect(screen.queryByTestId('lock-failed')).toBeNull();
    expect((await backend().overview()).status).toBe('ok');
    await fireEvent.click(screen.getByTestId('lock-button'));
    await fireEvent.click(await screen.findByTestId('lock-anyway'));
    await screen.findByTestId('unlock-screen');
    expect((await backend().overview()).status).toBe('error');
  });

  it('every area is built: none says it is not built', async () => {
    await machine();
    await createArchive();
    for (const area of ['residents', 'sublets', 'plates', 'minutes', 'requests', 'privacy', 'board', 'settings']) {
      await fireEvent.click(screen.getByTestId(`nav-${area}`));
      expect(screen.queryByTestId('area-not-built')).toBeNull();
    }
    await fireEvent.click(screen.getByTestId('nav-overview'));
    expect(screen.getByTestId('count-audit_entries').textContent).toMatch(/\d/);
  });

  it('the demo, area by area (as npm run dev replays it)', async () => {
    // src/main.ts replays this scenario in a plain browser: keep it a walk through every area.
    await machine();
    render(App);
    await fireEvent.click(await screen.findByTestId('start-demo'));
    await screen.findByTestId('unlock-passphrase');
    await type('unlock-passphrase', DEMO_PASSPHRASE);
    await fireEvent.click(screen.getByTestId('unlock-submit'));
    expect((await screen.findByTestId('assoc-name')).textContent).toBe('A/B Kastanjegården');
    for (const area of ['residents', 'sublets', 'plates', 'minutes', 'requests', 'privacy', 'board', 'settings', 'overview']) {
      await fireEvent.click(screen.getByTestId(`nav-${area}`));
      await mock.settled();
      expect(screen.queryByTestId('area-not-built')).toBeNull();
    }
    expect(screen.getByTestId('count-units').textContent).toContain('40');
  });

  it('switches the language in Settings and remembers the choice', async () => {
    await machine();
    await createArchive();
    await fireEvent.click(screen.getByTestId('nav-settings'));
    await fireEvent.change(screen.getByTestId('settings-language'), { target: { value: 'da' } });
    await expect.poll(() => screen.getByTestId('nav-residents').textContent).toBe('Beboere');
    await expect.poll(async () => (await backend().preferences()).language).toBe('da');
    expect(document.documentElement.lang).toBe('da');
    await fireEvent.change(screen.getByTestId('settings-language'), { target: { value: 'system' } });
    await expect.poll(() => screen.getByTestId('nav-residents').textContent).toBe('Residents');
    await expect.poll(async () => (await backend().preferences()).language).toBeNull();
  });

  it('sets the auto-lock minutes, clamped as the archive keeps them', async () => {
    await machine();
    await createArchive();
    await fireEvent.click(screen.getByTestId('nav-settings'));
    await fireEvent.input(screen.getByTestId('settings-autolock'), { target: { value: '5' } });
    await fireEvent.submit(screen.getByTestId('settings-autolock').closest('form')!);
    await screen.findByText('Andel locks after 5 minutes without activity.');
    expect((await overviewOf()).auto_lock_minutes).toBe(5);
  });

  it('validates the association’s record inline and saves it', async () => {
    await machine();
    await createArchive();
    await fireEvent.click(screen.getByTestId('nav-settings'));
    await type('settings-assoc-email', 'bestyrelsen');
    await fireEvent.blur(screen.getByTestId('settings-assoc-email'));
    expect(screen.getByTestId('settings-email-invalid')).toBeTruthy();
    await fireEvent.click(screen.getByTestId('settings-assoc-save'));
    expect(mock.calls).not.toContain('update_association');
    await type('settings-assoc-email', 'bestyrelsen@solsikken.no');
    await type('settings-assoc-org', '923 456 789');
    await type('settings-assoc-name', 'Borettslaget Solsikken');
    await fireEvent.click(screen.getByTestId('settings-assoc-save'));
    await expect.poll(() => screen.getByTestId('assoc-name').textContent).toBe('Borettslaget Solsikken');
    const a = (await overviewOf()).association;
    expect(a.email).toBe('bestyrelsen@solsikken.no');
    expect(a.org_number).toBe('923 456 789');
    await expect.poll(() => screen.getByTestId('settings-audit').textContent).toContain('Changed the association’s record');
  });

  it('asks before quitting when closing the window could not save', async () => {
    await machine();
    await createArchive();
    // What the window's close handler sends when the save before closing failed.
    await mock.emit('close-blocked', { message: 'Permission denied (os error 13)' });
    const dialog = await screen.findByTestId('close-blocked');
    expect(dialog.textContent).toContain('Permission denied (os error 13)');
    await fireEvent.click(screen.getByTestId('close-quit-anyway'));
    await expect.poll(() => mock.quitCalled).toBe(true);
  });
});
