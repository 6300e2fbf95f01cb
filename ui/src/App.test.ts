import { fireEvent, render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import App from './App.svelte';
import { setUiLanguage } from '$lib/i18n/index.svelte';
import { setBackend } from '$lib/ipc';
import { MOCK_DEMO_PASSPHRASE, MockBackend } from '$lib/ipc/mock';

let mock: MockBackend;

beforeEach(() => {
  mock = new MockBackend();
  setBackend(mock);
  setUiLanguage('en');
});

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
  await fireEvent.click(screen.getByTestId('create-submit'));
  return screen.findByTestId('main-screen');
}

describe('start screen', () => {
  it('creates an archive and shows the main screen with its name', async () => {
    await createArchive();
    expect(screen.getByTestId('assoc-name').textContent).toBe('A/B Solsikken');
    const path = '/home/board/Documents/A-B-Solsikken.andel';
    expect(mock.openPath).toBe(path);
    expect(mock.files.get(path)?.association.country).toBe('NO');
    expect(mock.prefs.actor).toBe('Mette Jensen');
    expect(screen.getByTestId('save-indicator').dataset.state).toBe('saved');
  });

  it('suggests a path from the name until the user chooses one', async () => {
    render(App);
    await fireEvent.click(await screen.findByTestId('start-create'));
    await type('create-name', 'Brf Lönnen');
    await expect.poll(() => (screen.getByTestId('create-path') as HTMLInputElement).value).toBe('/home/board/Documents/Brf-Lönnen.andel');
    mock.nextPickedNewPath = '/media/usb/lonnen.andel';
    await fireEvent.click(screen.getByTestId('create-choose-path'));
    await expect.poll(() => (screen.getByTestId('create-path') as HTMLInputElement).value).toBe('/media/usb/lonnen.andel');
    await type('create-name', 'Brf Lönnen 2');
    await new Promise((r) => setTimeout(r, 10));
    expect((screen.getByTestId('create-path') as HTMLInputElement).value).toBe('/media/usb/lonnen.andel');
  });

  it('rates the passphrase, warns about a weak one and about a mismatch', async () => {
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
    render(App);
    await fireEvent.click(await screen.findByTestId('start-create'));
    await type('create-passphrase', 'abc');
    await type('create-passphrase2', 'abc');
    await fireEvent.click(screen.getByTestId('create-submit'));
    expect(screen.getByText('Write the association’s name.')).toBeTruthy();
    expect(mock.calls).not.toContain('createArchive');
  });

  it('explains an existing file in plain words', async () => {
    mock.addArchive('/home/board/Documents/A-B-Solsikken.andel');
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
    mock.addArchive('/a.andel', { name: 'A/B Æblehaven' });
    mock.prefs.recent = [{ path: '/a.andel', association: 'A/B Æblehaven', opened_at: '2026-11-01T10:00:00Z' }];
    render(App);
    const item = await screen.findByTestId('recent-item');
    expect(item.textContent).toContain('A/B Æblehaven');
    await fireEvent.click(screen.getByTestId('recent-forget'));
    await expect.poll(() => screen.queryByTestId('recent-item')).toBeNull();
    expect(mock.prefs.recent).toEqual([]);
  });

  it('opens an existing archive through the native dialog', async () => {
    mock.addArchive('/home/board/bf.andel', { name: 'Bf Skogly', passphrase: 'riktig' });
    mock.nextPickedArchive = '/home/board/bf.andel';
    render(App);
    await fireEvent.click(await screen.findByTestId('start-open'));
    await screen.findByTestId('unlock-passphrase');
    await type('unlock-passphrase', 'riktig');
    await fireEvent.click(screen.getByTestId('unlock-submit'));
    expect((await screen.findByTestId('assoc-name')).textContent).toBe('Bf Skogly');
  });

  it('opens the demo with its passphrase shown on screen', async () => {
    render(App);
    await fireEvent.click(await screen.findByTestId('start-demo'));
    const shown = await screen.findByTestId('unlock-demo-passphrase');
    expect(shown.textContent).toContain(MOCK_DEMO_PASSPHRASE);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Unlock A/B Kastanjegården');
    await type('unlock-passphrase', MOCK_DEMO_PASSPHRASE);
    await fireEvent.click(screen.getByTestId('unlock-submit'));
    expect((await screen.findByTestId('assoc-name')).textContent).toBe('A/B Kastanjegården');
  });
});

describe('unlock screen', () => {
  beforeEach(() => {
    mock.addArchive('/x.andel', { name: 'A/B Test', passphrase: 'right one' });
    mock.prefs.recent = [{ path: '/x.andel', association: 'A/B Test', opened_at: '2026-11-01T10:00:00Z' }];
    mock.prefs.actor = 'Ole';
  });

  async function toUnlock() {
    render(App);
    await fireEvent.click(await screen.findByTestId('recent-item'));
    return screen.findByTestId('unlock-passphrase');
  }

  it('a wrong passphrase shows its own message; the right one unlocks', async () => {
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
    mock.files.get('/x.andel')!.kind = kind;
    await toUnlock();
    await type('unlock-passphrase', 'right one');
    await fireEvent.click(screen.getByTestId('unlock-submit'));
    const error = await screen.findByTestId('unlock-error');
    expect(error.dataset.code).toBe(kind);
    expect(error.textContent).toContain(text);
  });

  it('a file that is gone or not an archive is explained before asking anything', async () => {
    mock.files.delete('/x.andel');
    render(App);
    await fireEvent.click(await screen.findByTestId('recent-item'));
    const error = await screen.findByTestId('unlock-error');
    expect(error.dataset.code).toBe('not_found');
    expect(screen.queryByTestId('unlock-passphrase')).toBeNull();
    await fireEvent.click(screen.getByTestId('unlock-back'));
    await screen.findByTestId('start-screen');
  });

  it('warns when someone else has it open, and opens anyway on request', async () => {
    mock.files.get('/x.andel')!.openElsewhere = { user: 'karen', host: 'karens-laptop', pid: 4242, since: '2026-11-22T19:00:00Z' };
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
    const a = mock.files.get('/x.andel')!;
    a.protection = 'recipients';
    a.keyFile = '/home/ole/andel.key';
    render(App);
    await fireEvent.click(await screen.findByTestId('recent-item'));
    await screen.findByTestId('unlock-keyfile');
    expect(screen.queryByTestId('unlock-passphrase')).toBeNull();
    await type('unlock-keyfile', '/home/ole/other.key');
    await fireEvent.click(screen.getByTestId('unlock-submit'));
    expect((await screen.findByTestId('unlock-error')).dataset.code).toBe('wrong_key');
    await type('unlock-keyfile', '/home/ole/andel.key');
    await fireEvent.click(screen.getByTestId('unlock-submit'));
    await screen.findByTestId('main-screen');
  });
});

describe('main screen', () => {
  it('locks back to the unlock screen of the same archive', async () => {
    await createArchive('A/B Låsen');
    await fireEvent.click(screen.getByTestId('lock-button'));
    await screen.findByTestId('unlock-screen');
    expect(screen.getByTestId('unlock-screen').textContent).toContain('A/B Låsen');
    expect(mock.openPath).toBeNull();
  });

  it('when saving fails at lock, says why and offers to lock anyway', async () => {
    await createArchive();
    mock.saveFailure = { code: 'disk_full', message: 'No space left on device (os error 28)' };
    await fireEvent.click(screen.getByTestId('lock-button'));
    const dialog = await screen.findByTestId('lock-failed');
    expect(dialog.textContent).toContain('The disk is full.');
    await fireEvent.click(screen.getByTestId('lock-keep-open'));
    expect(screen.queryByTestId('lock-failed')).toBeNull();
    expect(mock.openPath).not.toBeNull();
    await fireEvent.click(screen.getByTestId('lock-button'));
    await fireEvent.click(await screen.findByTestId('lock-anyway'));
    await screen.findByTestId('unlock-screen');
    expect(mock.openPath).toBeNull();
  });

  it('every area is built: none says it is not built', async () => {
    await createArchive();
    for (const area of ['residents', 'sublets', 'plates', 'minutes', 'requests', 'privacy', 'board', 'settings']) {
      await fireEvent.click(screen.getByTestId(`nav-${area}`));
      expect(screen.queryByTestId('area-not-built')).toBeNull();
    }
    await fireEvent.click(screen.getByTestId('nav-overview'));
    expect(screen.getByTestId('count-audit_entries').textContent).toMatch(/\d/);
  });

  it('switches the language in Settings and remembers the choice', async () => {
    await createArchive();
    await fireEvent.click(screen.getByTestId('nav-settings'));
    await fireEvent.change(screen.getByTestId('settings-language'), { target: { value: 'da' } });
    await expect.poll(() => screen.getByTestId('nav-residents').textContent).toBe('Beboere');
    expect(mock.prefs.language).toBe('da');
    expect(document.documentElement.lang).toBe('da');
    await fireEvent.change(screen.getByTestId('settings-language'), { target: { value: 'system' } });
    await expect.poll(() => screen.getByTestId('nav-residents').textContent).toBe('Residents');
    expect(mock.prefs.language).toBeNull();
  });

  it('sets the auto-lock minutes, clamped as the archive keeps them', async () => {
    await createArchive();
    await fireEvent.click(screen.getByTestId('nav-settings'));
    await fireEvent.input(screen.getByTestId('settings-autolock'), { target: { value: '5' } });
    await fireEvent.submit(screen.getByTestId('settings-autolock').closest('form')!);
    await screen.findByText('Andel locks after 5 minutes without activity.');
    const path = mock.openPath!;
    expect(mock.files.get(path)?.autoLockMinutes).toBe(5);
  });

  it('validates the association’s record inline and saves it', async () => {
    await createArchive();
    await fireEvent.click(screen.getByTestId('nav-settings'));
    await type('settings-assoc-email', 'bestyrelsen');
    await fireEvent.blur(screen.getByTestId('settings-assoc-email'));
    expect(screen.getByTestId('settings-email-invalid')).toBeTruthy();
    await fireEvent.click(screen.getByTestId('settings-assoc-save'));
    expect(mock.calls).not.toContain('updateAssociation');
    await type('settings-assoc-email', 'bestyrelsen@solsikken.no');
    await type('settings-assoc-org', '923 456 789');
    await type('settings-assoc-name', 'Borettslaget Solsikken');
    await fireEvent.click(screen.getByTestId('settings-assoc-save'));
    await expect.poll(() => screen.getByTestId('assoc-name').textContent).toBe('Borettslaget Solsikken');
    const a = mock.files.get(mock.openPath!)!.association;
    expect(a.email).toBe('bestyrelsen@solsikken.no');
    expect(a.org_number).toBe('923 456 789');
    await expect.poll(() => screen.getByTestId('settings-audit').textContent).toContain('Changed the association’s record');
  });

  it('asks before quitting when closing the window could not save', async () => {
    await createArchive();
    mock.saveFailure = { code: 'not_writable', message: 'Permission denied' };
    mock.emitCloseBlocked('Permission denied (os error 13)');
    const dialog = await screen.findByTestId('close-blocked');
    expect(dialog.textContent).toContain('Permission denied (os error 13)');
    await fireEvent.click(screen.getByTestId('close-quit-anyway'));
    await expect.poll(() => mock.quitCalled).toBe(true);
  });
});
