// The mock must behave like the Rust side where the UI can tell, or the UI tests prove nothing.
import { describe, expect, it } from 'vitest';
import { estimateStrength, MockBackend } from './mock';

describe('mock backend', () => {
  it('refuses a wrong passphrase with its code and keeps nothing open', async () => {
    const m = new MockBackend();
    m.addArchive('/a.andel', { passphrase: 'rigtig' });
    const r = await m.unlockArchive({ path: '/a.andel', passphrase: 'forkert', identity_file: null, actor: '', take_over_lock: false });
    expect(r).toMatchObject({ status: 'error', error: { code: 'wrong_passphrase' } });
    expect(m.openPath).toBeNull();
    expect((await m.overview()).status).toBe('error');
  });

  it('keeps the archive open when the save before locking fails, unless told to discard', async () => {
    const m = new MockBackend();
    m.addArchive('/a.andel', { passphrase: 'p' });
    await m.unlockArchive({ path: '/a.andel', passphrase: 'p', identity_file: null, actor: 'Ole', take_over_lock: false });
    m.saveFailure = { code: 'disk_full', message: 'full' };
    expect((await m.lockArchive(false)).status).toBe('error');
    expect(m.openPath).toBe('/a.andel');
    expect((await m.lockArchive(true)).status).toBe('ok');
    expect(m.openPath).toBeNull();
  });

  it('remembers opened archives and the board member, newest first', async () => {
    const m = new MockBackend();
    m.addArchive('/a.andel', { passphrase: 'p', name: 'A' });
    m.addArchive('/b.andel', { passphrase: 'p', name: 'B' });
    for (const path of ['/a.andel', '/b.andel']) {
      await m.unlockArchive({ path, passphrase: 'p', identity_file: null, actor: 'Ole', take_over_lock: false });
    }
    const prefs = await m.preferences();
    expect(prefs.recent.map((r) => r.association)).toEqual(['B', 'A']);
    expect(prefs.actor).toBe('Ole');
  });

  it('rates passphrases like andel-core', () => {
    expect(estimateStrength('kort')).toBe('weak');
    expect(estimateStrength('Sommer2024')).toBe('weak');
    expect(estimateStrength('bestyrelsen123')).toBe('weak');
    expect(estimateStrength('correct horse battery staple')).not.toBe('weak');
    expect(estimateStrength('Xk#9vQ!2mR@7pL$4')).toBe('strong');
  });
});
