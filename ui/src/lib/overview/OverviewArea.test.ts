import { fireEvent, render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setUiLanguage } from '$lib/i18n/index.svelte';
import { setBackend, type Overview } from '$lib/ipc';
import { MockBackend } from '$lib/ipc/mock';
import OverviewArea from './OverviewArea.svelte';

let mock: MockBackend;
let overview: Overview;

beforeEach(async () => {
  mock = new MockBackend();
  setBackend(mock);
  setUiLanguage('en');
  const demo = await mock.openDemo();
  if (demo.status !== 'ok') throw new Error('demo');
  const r = await mock.unlockArchive({ path: demo.data.path, passphrase: demo.data.passphrase, identity_file: null, actor: 'Mette Kragh', take_over_lock: false });
  if (r.status !== 'ok') throw new Error(r.error.message);
  overview = r.data;
});

describe('what needs the board’s attention', () => {
  it('lists requests awaiting a decision, sublets ending soon and plates not sent or mounted, each linking to its area', async () => {
    const onGo = vi.fn();
    render(OverviewArea, { overview, onGo });
    expect((await screen.findByTestId('attention-awaiting')).textContent).toContain('Jakob Strand');
    expect(screen.getByTestId('attention-ending-soon').textContent).toContain('Freja Holt');
    expect(screen.getByTestId('attention-not-sent').textContent).toContain('Karen Holm');
    expect(screen.getByTestId('attention-not-mounted').textContent).toContain('Nadia Farouk');
    expect(screen.queryByTestId('attention-overdue')).toBeNull();
    await fireEvent.click(screen.getByTestId('attention-go-awaiting'));
    expect(onGo).toHaveBeenLastCalledWith('sublets');
    await fireEvent.click(screen.getByTestId('attention-go-not-mounted'));
    expect(onGo).toHaveBeenLastCalledWith('plates');
  });

  it('asks for the privacy notice until it is issued, then says nothing needs attention', async () => {
    mock.addArchive('/empty.andel', { name: 'A/B Tom', passphrase: 'p' });
    const r = await mock.unlockArchive({ path: '/empty.andel', passphrase: 'p', identity_file: null, actor: 'Ole', take_over_lock: false });
    if (r.status !== 'ok') throw new Error(r.error.message);
    const view = render(OverviewArea, { overview: r.data });
    const notice = await screen.findByTestId('attention-notice');
    expect(notice.textContent).toContain('No privacy notice has been issued');
    view.unmount();
    const saved = await mock.privacyNoticeSave(null, 'privatlivspolitik.pdf');
    if (saved.status !== 'ok') throw new Error(saved.error.message);
    render(OverviewArea, { overview: r.data });
    expect((await screen.findByTestId('attention-clear')).textContent).toContain('Nothing needs');
  });

  it('brings residents’ requests near their deadline and records past retention together', async () => {
    const r = await mock.overview();
    if (r.status !== 'ok') throw new Error(r.error.message);
    render(OverviewArea, { overview: r.data });
    const requests = await screen.findByTestId('attention-requests-due');
    expect(requests.textContent).toContain('Karen Holm');
    expect(screen.getByTestId('attention-retention-due').textContent).toContain('Gunnar Lind');
    expect(screen.getByTestId('count-requests')).toBeTruthy();
  });
});
