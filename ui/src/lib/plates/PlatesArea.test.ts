import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import { fmtDate, todayIso } from '$lib/common/format';
import { setUiLanguage } from '$lib/i18n/index.svelte';
import { backend } from '$lib/ipc';
import type { MockBackend } from '$lib/ipc/mock-replay';
import { recorded } from '$lib/ipc/recording';
import PlatesArea from './PlatesArea.svelte';

let mock: MockBackend;

beforeEach(async () => {
  mock = await recorded();
  setUiLanguage('en');
  const demo = await backend().openDemo();
  if (demo.status !== 'ok') throw new Error('demo');
  await backend().unlockArchive({ path: demo.data.path, passphrase: demo.data.passphrase, identity_file: null, actor: 'Mette Kragh', take_over_lock: false });
});

describe('name plates', () => {
  it('groups the queue by status and moves an order from draft to sent (to the caretaker) to mounted', async () => {
    render(PlatesArea);
    const drafts = await screen.findByTestId('plates-draft');
    await mock.settled();
    // The order Andel drafted when Malthe Kornerup moved in.
    expect(drafts.getAttribute('data-count')).toBe('1');
    expect(drafts.textContent).toContain('Malthe Kornerup');
    expect(screen.getByTestId('plates-sent').textContent).toContain('Kastanje Ejendomsservice ApS');
    expect(screen.getByTestId('plates-mounted').getAttribute('data-count')).toBe('1');

    await fireEvent.click(within(drafts).getAllByTestId('plate-mark-sent')[0]!);
    // The one caretaker is chosen already.
    await expect.poll(() => (screen.getByTestId('plate-to') as HTMLSelectElement).selectedOptions[0]?.textContent).toContain('Kastanje Ejendomsservice');
    await fireEvent.click(screen.getByTestId('plate-confirm-ok'));
    await expect.poll(() => screen.getByTestId('plates-sent').getAttribute('data-count')).toBe('2');
    expect(screen.getByTestId('plates-draft').getAttribute('data-count')).toBe('0');

    const sent = screen.getByTestId('plates-sent');
    await fireEvent.click(within(sent).getAllByTestId('plate-mark-mounted')[0]!);
    await fireEvent.click(screen.getByTestId('plate-confirm-ok'));
    await expect.poll(() => screen.getByTestId('plates-mounted').getAttribute('data-count')).toBe('2');
  });

  it('drafts a new order, with at most four lines', async () => {
    render(PlatesArea);
    await fireEvent.click(await screen.findByTestId('plate-new'));
    await expect.poll(() => (screen.getByTestId('plate-unit') as HTMLSelectElement).options.length).toBeGreaterThan(1);
    const unit = screen.getByTestId('plate-unit') as HTMLSelectElement;
    await fireEvent.change(unit, { target: { value: unit.options[2]!.value } });
    await fireEvent.input(screen.getByTestId('plate-lines'), { target: { value: 'A\nB\nC\nD\nE' } });
    await fireEvent.click(screen.getByTestId('plate-submit'));
    expect(screen.getByTestId('plate-lines-error').textContent).toContain('At most 4 lines');
    await fireEvent.input(screen.getByTestId('plate-lines'), { target: { value: 'Jonas & Signe Wendt' } });
    // The order keeps the day it was made: today unless the board says otherwise, never later.
    const made = screen.getByTestId('plate-made') as HTMLInputElement;
    expect(made.value).toBe(todayIso());
    await fireEvent.input(made, { target: { value: '2026-12-24' } });
    expect(screen.getByTestId('plate-made-error').textContent).toContain('after today');
    await fireEvent.click(screen.getByTestId('plate-submit'));
    expect(mock.calls).not.toContain('plate_add');
    await fireEvent.input(made, { target: { value: '2026-11-20' } });
    await fireEvent.click(screen.getByTestId('plate-submit'));
    await expect.poll(() => screen.getByTestId('plates-draft').textContent).toContain('Jonas & Signe Wendt');
    const order = within(screen.getByTestId('plates-draft'))
      .getAllByTestId('plate-order')
      .find((o) => o.textContent?.includes('Jonas & Signe Wendt'))!;
    expect(order.textContent).toContain(fmtDate('2026-11-20'));
  });

  it('orders the drafts from the caretaker as a PDF, previews it and records them as sent', async () => {
    // A second draft beside the demo's, for unit 5.
    const added = await backend().plateAdd(5, ['Ellen Damsgaard'], ['door', 'mailbox'], null);
    if (added.status !== 'ok') throw new Error(added.error.message);
    render(PlatesArea);
    await screen.findByTestId('plates-draft');
    await fireEvent.click(screen.getByTestId('plates-order'));
    const panel = await screen.findByTestId('plates-order-panel');
    const picks = within(panel).getAllByTestId('plates-order-pick') as HTMLInputElement[];
    expect(picks).toHaveLength(2);
    expect(picks.every((p) => p.checked)).toBe(true);
    const preview = await screen.findByTestId('plates-order-preview');
    // In the association's language: the demo is Danish.
    await expect.poll(() => preview.textContent).toContain('Lav og opsæt venligst disse navneskilte');
    expect(preview.textContent).toContain('Malthe Kornerup');
    expect(preview.textContent).toContain('Ellen Damsgaard');

    // One order left out: the preview follows.
    await fireEvent.click(picks.find((p) => within(p.parentElement!).queryByText(/Ellen Damsgaard/))!);
    await expect.poll(() => screen.getByTestId('plates-order-preview').textContent).not.toContain('Ellen Damsgaard');

    // A name that is not a PDF is refused with a message; nothing is written.
    await fireEvent.input(screen.getByTestId('plates-order-file'), { target: { value: 'order.docx' } });
    await fireEvent.click(screen.getByTestId('plates-order-save'));
    expect((await screen.findByTestId('plates-order-error')).textContent).toContain('.pdf');
    expect([...mock.written.keys()].filter((p) => p.endsWith('.pdf'))).toEqual([]);

    await fireEvent.input(screen.getByTestId('plates-order-file'), { target: { value: 'skilte' } });
    await fireEvent.click(screen.getByTestId('plates-order-save'));
    const done = await screen.findByTestId('plates-order-done');
    expect(done.textContent).toContain('/home/board/Documents/skilte.pdf');
    expect(done.textContent).toContain('One order recorded as sent');
    await expect.poll(() => screen.getByTestId('plates-draft').getAttribute('data-count')).toBe('1');
    expect(screen.getByTestId('plates-draft').textContent).toContain('Ellen Damsgaard');

    await fireEvent.click(screen.getByTestId('plates-order-open'));
    expect(mock.written.has('/home/board/Documents/skilte.pdf')).toBe(true);
    expect(mock.opened).toEqual(['/home/board/Documents/skilte.pdf']);
  });
});
