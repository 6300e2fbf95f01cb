import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import { setUiLanguage } from '$lib/i18n/index.svelte';
import { setBackend } from '$lib/ipc';
import { MockBackend, MOCK_DEMO_PASSPHRASE } from '$lib/ipc/mock';
import BoardArea from './BoardArea.svelte';

let mock: MockBackend;
let demoPath: string;

beforeEach(async () => {
  mock = new MockBackend();
  setBackend(mock);
  setUiLanguage('en');
  const demo = await mock.openDemo();
  if (demo.status !== 'ok') throw new Error('demo');
  demoPath = demo.data.path;
  await mock.unlockArchive({ path: demo.data.path, passphrase: demo.data.passphrase, identity_file: null, actor: 'Mette Kragh', take_over_lock: false });
});

async function toProtection() {
  render(BoardArea);
  await fireEvent.click(await screen.findByTestId('handover-start'));
  await expect.poll(() => (screen.getByTestId('handover-incoming') as HTMLTextAreaElement).value).toContain('Mette Kragh');
  await fireEvent.click(screen.getByTestId('handover-next'));
}

describe('the handover wizard', () => {
  it('walks boards → new passphrase → new file → receipt, and the new file opens with the new passphrase only', async () => {
    await toProtection();
    expect((screen.getByTestId('handover-wizard') as HTMLElement).dataset.step).toBe('protection');
    // Too short, then two different passphrases: the wizard stays and says why.
    await fireEvent.input(screen.getByTestId('handover-passphrase'), { target: { value: 'kort' } });
    await fireEvent.click(screen.getByTestId('handover-next'));
    expect(screen.getByTestId('handover-protection-error').textContent).toContain('12 characters');
    await fireEvent.input(screen.getByTestId('handover-passphrase'), { target: { value: 'vinter kastanje lanterne 2027' } });
    await fireEvent.input(screen.getByTestId('handover-passphrase-again'), { target: { value: 'vinter kastanje lanterne 2028' } });
    await fireEvent.click(screen.getByTestId('handover-next'));
    expect(screen.getByTestId('handover-protection-error').textContent).toContain('differ');
    await fireEvent.input(screen.getByTestId('handover-passphrase-again'), { target: { value: 'vinter kastanje lanterne 2027' } });
    await fireEvent.click(screen.getByTestId('handover-next'));

    const path = screen.getByTestId('handover-path') as HTMLInputElement;
    expect(path.value).toMatch(/Kastanjegaarden-demo-\d{4}\.andel$/);
    await fireEvent.click(screen.getByTestId('handover-run'));
    await screen.findByTestId('handover-done');
    expect(screen.getByTestId('handover-sha256').textContent).toMatch(/^[0-9a-f]{64}$/);
    expect(screen.getByTestId('handover-receipt').textContent).toMatch(/-receipt\.pdf$/);
    expect(screen.getByTestId('handover-checked').textContent).toContain('the old one does not open it');
    const receipt = mock.receipts.get(screen.getByTestId('handover-receipt').textContent!)!;
    expect(receipt.boards.incoming.join()).toContain('Mette Kragh');

    // The new file: the new passphrase opens it, the demo's does not; the demo still opens.
    const newPath = screen.getByTestId('handover-file').textContent!;
    await mock.lockArchive(false);
    const old = await mock.unlockArchive({ path: newPath, passphrase: MOCK_DEMO_PASSPHRASE, identity_file: null, actor: 'x', take_over_lock: false });
    expect(old.status === 'error' && old.error.code).toBe('wrong_passphrase');
    const fresh = await mock.unlockArchive({ path: newPath, passphrase: 'vinter kastanje lanterne 2027', identity_file: null, actor: 'x', take_over_lock: false });
    expect(fresh.status).toBe('ok');
    await mock.lockArchive(false);
    expect((await mock.unlockArchive({ path: demoPath, passphrase: MOCK_DEMO_PASSPHRASE, identity_file: null, actor: 'x', take_over_lock: false })).status).toBe('ok');
  });

  it('offers the retention sweep first; the receipt says what it did, or what is still due', async () => {
    for (const sweep of [false, true]) {
      render(BoardArea);
      await fireEvent.click(await screen.findByTestId('handover-start'));
      await screen.findByTestId('handover-retention-warning');
      if (sweep) await fireEvent.click(screen.getByTestId('handover-sweep-first'));
      await expect.poll(() => (screen.getByTestId('handover-incoming') as HTMLTextAreaElement).value).toContain('Mette Kragh');
      await fireEvent.click(screen.getByTestId('handover-next'));
      await fireEvent.input(screen.getByTestId('handover-passphrase'), { target: { value: 'vinter kastanje lanterne 2027' } });
      await fireEvent.input(screen.getByTestId('handover-passphrase-again'), { target: { value: 'vinter kastanje lanterne 2027' } });
      await fireEvent.click(screen.getByTestId('handover-next'));
      await fireEvent.input(screen.getByTestId('handover-path'), { target: { value: `/home/board/Dokumenter/handed-over-${sweep}.andel` } });
      await fireEvent.click(screen.getByTestId('handover-run'));
      await screen.findByTestId('handover-done');
      const receipt = mock.receipts.get(screen.getByTestId('handover-receipt').textContent!)!;
      if (sweep) {
        expect(receipt.retention_swept).toBeGreaterThan(0);
        expect(receipt.retention_still_due).toEqual([]);
      } else {
        expect(receipt.retention_swept).toBe(0);
        expect(receipt.retention_still_due.length).toBeGreaterThan(0);
      }
      cleanup();
    }
  });

  it('refuses the old passphrase and an existing file, and says so', async () => {
    await toProtection();
    await fireEvent.input(screen.getByTestId('handover-passphrase'), { target: { value: MOCK_DEMO_PASSPHRASE } });
    await fireEvent.input(screen.getByTestId('handover-passphrase-again'), { target: { value: MOCK_DEMO_PASSPHRASE } });
    await fireEvent.click(screen.getByTestId('handover-next'));
    await fireEvent.click(screen.getByTestId('handover-run'));
    expect((await screen.findByTestId('handover-error')).textContent).toContain('old one');
    await fireEvent.click(screen.getByTestId('handover-back'));
    await fireEvent.input(screen.getByTestId('handover-passphrase'), { target: { value: 'et helt nyt kodeord 2027' } });
    await fireEvent.input(screen.getByTestId('handover-passphrase-again'), { target: { value: 'et helt nyt kodeord 2027' } });
    await fireEvent.click(screen.getByTestId('handover-next'));
    await fireEvent.input(screen.getByTestId('handover-path'), { target: { value: demoPath } });
    await fireEvent.click(screen.getByTestId('handover-run'));
    await expect.poll(() => screen.getByTestId('handover-error').textContent).toContain('new file');
    expect(screen.queryByTestId('handover-done')).toBeNull();
  });

  it('hands over to the new members’ keys', async () => {
    await toProtection();
    await fireEvent.click(screen.getByTestId('handover-mode-keys'));
    await fireEvent.input(screen.getByTestId('handover-keys'), { target: { value: 'not-a-key' } });
    await fireEvent.click(screen.getByTestId('handover-next'));
    expect(screen.getByTestId('handover-protection-error').textContent).toContain('age1');
    const key = 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p';
    await fireEvent.input(screen.getByTestId('handover-keys'), { target: { value: `${key}\n` } });
    await fireEvent.click(screen.getByTestId('handover-next'));
    await fireEvent.click(screen.getByTestId('handover-run'));
    await screen.findByTestId('handover-done');
    expect(screen.getByTestId('handover-checked').textContent).toContain('1 member key');
  });
});
