import { fireEvent, render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setUiLanguage } from '$lib/i18n/index.svelte';
import { backend, type Overview } from '$lib/ipc';
import type { MockBackend } from '$lib/ipc/mock-replay';
import { recorded } from '$lib/ipc/recording';
import OverviewArea from './OverviewArea.svelte';

let mock: MockBackend;
let overview: Overview;

beforeEach(() => {
  setUiLanguage('en');
});

async function openDemo() {
  mock = await recorded();
  const demo = await backend().openDemo();
  if (demo.status !== 'ok') throw new Error('demo');
  const r = await backend().unlockArchive({ path: demo.data.path, passphrase: demo.data.passphrase, identity_file: null, actor: 'Mette Kragh', take_over_lock: false });
  if (r.status !== 'ok') throw new Error(r.error.message);
  overview = r.data;
}

describe('what needs the board’s attention', () => {
  it('lists requests awaiting a decision, sublets ending soon and plates not sent or mounted, each linking to its area', async () => {
    await openDemo();
    const onGo = vi.fn();
    render(OverviewArea, { overview, onGo });
    expect((await screen.findByTestId('attention-awaiting')).textContent).toContain('Sofie Aagaard Lunde');
    expect(screen.getByTestId('attention-ending-soon').textContent).toContain('Jonas Elkjær Vinter');
    expect(screen.getByTestId('attention-not-sent').textContent).toContain('Malthe Kornerup');
    expect(screen.getByTestId('attention-not-mounted').textContent).toContain('Gitte Kjærholm');
    expect(screen.queryByTestId('attention-overdue')).toBeNull();
    await fireEvent.click(screen.getByTestId('attention-go-awaiting'));
    expect(onGo).toHaveBeenLastCalledWith('sublets');
    await fireEvent.click(screen.getByTestId('attention-go-not-mounted'));
    expect(onGo).toHaveBeenLastCalledWith('plates');
  });

  it('asks for the privacy notice until it is issued, then says nothing needs attention', async () => {
    mock = await recorded({ archives: [{ path: '/empty.andel', name: 'A/B Tom', country: 'DK', passphrase: 'p' }] });
    const r = await backend().unlockArchive({ path: '/empty.andel', passphrase: 'p', identity_file: null, actor: 'Ole', take_over_lock: false });
    if (r.status !== 'ok') throw new Error(r.error.message);
    const view = render(OverviewArea, { overview: r.data });
    const notice = await screen.findByTestId('attention-notice');
    expect(notice.textContent).toContain('No privacy notice has been issued');
    view.unmount();
    // andel-core issues no notice that does not say how to reach the board.
    const refused = await backend().privacyNoticeSave(null, 'privatlivspolitik.pdf');
    expect(refused.status === 'error' && refused.error.message).toContain('neither an address nor an e-mail address');
    await backend().updateAssociation({ name: null, country: null, org_number: null, address: null, email: 'bestyrelsen@tom.example' });
    const saved = await backend().privacyNoticeSave(null, 'privatlivspolitik.pdf');
    if (saved.status !== 'ok') throw new Error(saved.error.message);
    render(OverviewArea, { overview: r.data });
    expect((await screen.findByTestId('attention-clear')).textContent).toContain('Nothing needs');
  });

  it('brings residents’ requests near their deadline and records past retention together', async () => {
    await openDemo();
    const r = await backend().overview();
    if (r.status !== 'ok') throw new Error(r.error.message);
    render(OverviewArea, { overview: r.data });
    const requests = await screen.findByTestId('attention-requests-due');
    expect(requests.textContent).toContain('Lars Sandvad');
    expect(screen.getByTestId('attention-retention-due').textContent).toContain('Oda Hedelund');
    expect(screen.getByTestId('count-requests')).toBeTruthy();
  });
});
