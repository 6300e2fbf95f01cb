// The Tauri side of the seam: commands go to the generated bindings, events arrive as payloads.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const invoke = vi.fn();
const listen = vi.fn();

vi.mock('@tauri-apps/api/core', () => ({ invoke: (...a: unknown[]) => invoke(...a), Channel: class {} }));
vi.mock('@tauri-apps/api/event', () => ({ listen: (...a: unknown[]) => listen(...a), once: vi.fn(), emit: vi.fn() }));

const { call, tauriBackend } = await import('./index');

describe('tauri backend', () => {
  beforeEach(() => {
    invoke.mockReset();
    listen.mockReset();
  });

  it('sends commands with the Rust names and argument names', async () => {
    invoke.mockResolvedValue(null);
    await tauriBackend.lockArchive(true);
    expect(invoke).toHaveBeenCalledWith('lock_archive', { discardUnsaved: true });
  });

  it('turns a rejected command into its {code, message}', async () => {
    invoke.mockRejectedValue({ code: 'wrong_passphrase', message: 'no' });
    const r = await tauriBackend.unlockArchive({ path: '/a', passphrase: 'x', identity_file: null, actor: '', take_over_lock: false });
    expect(r).toEqual({ status: 'error', error: { code: 'wrong_passphrase', message: 'no' } });
  });

  it('reports a failure of the IPC itself as an internal error', async () => {
    invoke.mockRejectedValue(new Error('IPC is gone'));
    const r = await call(() => tauriBackend.overview());
    expect(r).toEqual({ status: 'error', error: { code: 'internal', message: 'IPC is gone' } });
  });

  it('hands event payloads to the handlers', async () => {
    const unlisten = vi.fn();
    listen.mockImplementation(async (_name: string, cb: (e: { payload: unknown }) => void) => {
      cb({ payload: { state: 'saving' } });
      return unlisten;
    });
    const seen: unknown[] = [];
    const off = await tauriBackend.onSaveStateChanged((s) => seen.push(s));
    expect(listen.mock.calls[0]?.[0]).toBe('save-state-changed');
    expect(seen).toEqual([{ state: 'saving' }]);
    off();
    expect(unlisten).toHaveBeenCalled();
  });
});
