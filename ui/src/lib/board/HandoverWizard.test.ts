import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import { setUiLanguage } from '$lib/i18n/index.svelte';
import { backend, type HandoverReceipt } from '$lib/ipc';
import type { MockBackend } from '$lib/ipc/mock-replay';
import { recorded } from '$lib/ipc/recording';
import BoardArea from './BoardArea.svelte';

let mock: MockBackend;
let demoPath: string;
let demoPassphrase: string;

beforeEach(async () => {
  mock = await recorded();
  setUiLanguage('en');
  const demo = await backend().openDemo();
  if (demo.status !== 'ok') throw new Error('demo');
  demoPath = demo.data.path;
  demoPassphrase = demo.data.passphrase;
  await backend().unlockArchive({ path: demo.data.path, passphrase: demo.data.passphrase, identity_file: null, actor: 'Mette Kragh', take_over_lock: false });
});

/** What the handover answered: the receipt the PDF is written from. */
const receipt = () => mock.answers.get('handover_run') as HandoverReceipt;

async function toProtection() {
  render(BoardArea);
  await fireEvent.click(await screen.findByTestId('handover-start'));
  await expect.poll(() => (screen.getByTestId('handover-incoming') as HTMLTextAreaElement).value).toContain('Camilla Holmsted');
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
    expect(receipt().receipt).toBe(screen.getByTestId('handover-receipt').textContent);
    expect(receipt().boards.incoming.join()).toContain('Camilla Holmsted');
    expect(receipt().verified).toBe(true);
    expect(receipt().old_passphrase_refused).toBe(true);

    // The new file: the new passphrase opens it, the demo's does not; the demo still opens.
    const newPath = screen.getByTestId('handover-file').textContent!;
    await backend().lockArchive(false);
    const old = await backend().unlockArchive({ path: newPath, passphrase: demoPassphrase, identity_file: null, actor: 'x', take_over_lock: false });
    expect(old.status === 'error' && old.error.code).toBe('wrong_passphrase');
    const fresh = await backend().unlockArchive({ path: newPath, passphrase: 'vinter kastanje lanterne 2027', identity_file: null, actor: 'x', take_over_lock: false });
    expect(fresh.status).toBe('ok');
    await backend().lockArchive(false);
    expect((await backend().unlockArchive({ path: demoPath, passphrase: demoPassphrase, identity_file: null, actor: 'x', take_over_lock: false })).status).toBe('ok');
  });

  it('offers the retention sweep first; the receipt says what it did, or what is still due', async () => {
    for (const sweep of [false, true]) {
      render(BoardArea);
      await fireEvent.click(await screen.findByTestId('handover-start'));
      await screen.findByTestId('handover-retention-warning');
      if (sweep) await fireEvent.click(screen.getByTestId('handover-sweep-first'));
      await expect.poll(() => (screen.getByTestId('handover-incoming') as HTMLTextAreaElement).value).toContain('Camilla Holmsted');
      await fireEvent.click(screen.getByTestId('handover-next'));
      await fireEvent.input(screen.getByTestId('handover-passphrase'), { target: { value: 'vinter kastanje lanterne 2027' } });
      await fireEvent.input(screen.getByTestId('handover-passphrase-again'), { target: { value: 'vinter kastanje lanterne 2027' } });
      await fireEvent.click(screen.getByTestId('handover-next'));
      await fireEvent.input(screen.getByTestId('handover-path'), { target: { value: `/home/board/Documents/handed-over-${sweep}.andel` } });
      await fireEvent.click(screen.getByTestId('handover-run'));
      await screen.findByTestId('handover-done');
      if (sweep) {
        expect(receipt().retention_swept).toBeGreaterThan(0);
        expect(receipt().retention_still_due).toEqual([]);
      } else {
        expect(receipt().retention_swept).toBe(0);
        expect(receipt().retention_still_due.length).toBeGreaterThan(0);
      }
      cleanup();
    }
  });

  it('refuses the old passphrase and an existing file, and says so', async () => {
    await toProtection();
    await fireEvent.input(screen.getByTestId('handover-passphrase'), { target: { value: demoPassphrase } });
    await fireEvent.input(screen.getByTestId('handover-passphrase-again'), { target: { value: demoPassphrase } });
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
