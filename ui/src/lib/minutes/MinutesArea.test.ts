import { fireEvent, render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import { setUiLanguage } from '$lib/i18n/index.svelte';
import { setBackend } from '$lib/ipc';
import { MockBackend } from '$lib/ipc/mock';
import MinutesArea from './MinutesArea.svelte';

// An emoji (two UTF-16 units) before the names: offsets only line up when converted.
const MINUTES = `Referat af generalforsamling 2024-03-12 😀

Søren Ågård foreslog at male opgangen. 👩‍👩‍👧 Åse Bø (tlf. 12 34 56 78) var imod.
Søren Ågård trak forslaget. Kontakt: aase@example.dk.
`;
const FLAGGED = ['Søren Ågård', 'Åse Bø', '12 34 56 78', 'aase@example.dk'];

let mock: MockBackend;

beforeEach(async () => {
  mock = new MockBackend();
  setBackend(mock);
  setUiLanguage('en');
  mock.addArchive('/a.andel', { passphrase: 'pw' });
  const r = await mock.unlockArchive({ path: '/a.andel', passphrase: 'pw', identity_file: null, actor: 'Webmaster', take_over_lock: false });
  if (r.status !== 'ok') throw new Error(r.error.message);
  mock.minutes()!.names = ['Søren Ågård', 'Åse Bø'];
  mock.minutesFiles.set('/docs/gf-2024.txt', MINUTES);
});

async function importAndOpen() {
  render(MinutesArea, { readOnly: false });
  await screen.findByTestId('minutes-empty');
  await fireEvent.input(screen.getByTestId('minutes-import-path'), { target: { value: '/docs/gf-2024.txt' } });
  await fireEvent.click(screen.getByTestId('minutes-import-submit'));
  await screen.findByTestId('minutes-import-done');
  const row = await screen.findByTestId('minutes-row-1');
  expect(row.textContent).toContain('Ordinary general assembly');
  await fireEvent.click(screen.getByTestId('minutes-review-1'));
  await screen.findByTestId('finding-0');
}

const key = (k: string) => fireEvent.keyDown(window, { key: k });
const position = () => screen.getByTestId('review-position').textContent;
const pending = () => Number(screen.getByTestId('review-pending').dataset.pending);

describe('minutes', () => {
  it('imports a file by path and searches with the matched words marked', async () => {
    render(MinutesArea, { readOnly: false });
    await fireEvent.click(await screen.findByTestId('minutes-import-submit'));
    expect(screen.getByText('Choose the file, or write where it is.')).toBeTruthy();
    await fireEvent.input(screen.getByTestId('minutes-import-path'), { target: { value: '/docs/missing.txt' } });
    await fireEvent.click(screen.getByTestId('minutes-import-submit'));
    expect((await screen.findByTestId('minutes-import-error')).dataset.code).toBe('not_found');

    mock.nextPickedMinutes = '/docs/gf-2024.txt';
    await fireEvent.click(screen.getByTestId('minutes-import-choose'));
    await expect.poll(() => (screen.getByTestId('minutes-import-path') as HTMLInputElement).value).toBe('/docs/gf-2024.txt');
    await fireEvent.change(screen.getByTestId('minutes-import-kind'), { target: { value: 'board' } });
    await fireEvent.click(screen.getByTestId('minutes-import-submit'));
    expect((await screen.findByTestId('minutes-row-1')).textContent).toContain('Board meeting');

    await fireEvent.input(screen.getByTestId('minutes-search'), { target: { value: 'opgangen' } });
    const snippet = await screen.findByTestId('minutes-snippet-1');
    const marks = snippet.querySelectorAll('mark');
    expect(marks).toHaveLength(1);
    expect(marks[0]!.textContent).toBe('opgangen');
    expect(snippet.textContent).not.toContain('**');

    await fireEvent.input(screen.getByTestId('minutes-search'), { target: { value: 'tagrender' } });
    await screen.findByTestId('minutes-no-hits');
  });

  it('highlights findings at the right place although an emoji comes before them', async () => {
    await importAndOpen();
    const marks = screen.getAllByTestId(/^finding-\d+$/);
    expect(marks.map((m) => m.textContent)).toEqual(['Søren Ågård', 'Åse Bø', '12 34 56 78', 'Søren Ågård', 'aase@example.dk']);
    expect(marks.map((m) => m.dataset.kind)).toEqual(['person', 'person', 'phone', 'person', 'email']);
    // The text as shown is the text as stored: nothing lost or doubled around the findings.
    expect(screen.getByTestId('review-text').textContent).toBe(MINUTES);
    expect(screen.getByTestId('review-count-person').textContent).toContain('3');
    expect(screen.getByTestId('review-count-phone').textContent).toContain('1');
  });

  it('steps through the findings with n and p, decides with a and r, and exports only when nothing is pending', async () => {
    await importAndOpen();
    expect(position()).toBe('1 of 5');
    await key('n');
    expect(position()).toBe('2 of 5');
    expect(screen.getByTestId('review-current-text').textContent).toBe('Åse Bø');
    await key('p');
    await key('p');
    expect(position()).toBe('5 of 5');
    await key('n');
    expect(position()).toBe('1 of 5');

    const submit = screen.getByTestId('export-submit') as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    screen.getByTestId('export-blocked');

    // Typing in a field is not a shortcut.
    await fireEvent.keyDown(screen.getByTestId('export-path'), { key: 'a' });
    expect(pending()).toBe(5);

    await key('a'); // Søren Ågård → redact; moves on to the next pending
    await expect.poll(pending).toBe(4);
    expect(screen.getByTestId('review-item-0').dataset.state).toBe('redact');
    expect(position()).toBe('2 of 5');
    await key('r'); // Åse Bø → keep
    await expect.poll(pending).toBe(3);
    expect(screen.getByTestId('review-item-1').dataset.state).toBe('keep');
    expect(submit.disabled).toBe(true);
    for (let n = 3; n > 0; n--) {
      await key('a');
      await expect.poll(pending).toBe(n - 1);
    }
    expect(screen.getByTestId('review-pending').textContent).toContain('Every finding is decided');
    expect(submit.disabled).toBe(false);

    await fireEvent.input(screen.getByTestId('export-path'), { target: { value: '/web/gf-2024.txt' } });
    await fireEvent.click(submit);
    const report = await screen.findByTestId('export-report');
    expect(screen.getByTestId('report-kind-person').textContent).toContain('2');
    expect(screen.getByTestId('report-kind-phone').textContent).toContain('1');
    expect(screen.getByTestId('report-kind-email').textContent).toContain('1');
    expect(report.textContent).toContain('1 finding kept on purpose');
    // The report counts; it never shows the values.
    for (const v of FLAGGED) expect(report.textContent).not.toContain(v);
    const out = mock.exported.get('/web/gf-2024.txt')!;
    for (const v of ['Søren Ågård', '12 34 56 78', 'aase@example.dk']) expect(out).not.toContain(v);
    expect(out).toContain('Åse Bø');

    // Exporting again to the same typed name asks before replacing the file; the export is in
    // the audit trail each time.
    await fireEvent.click(submit);
    const exists = await screen.findByTestId('export-error');
    expect(exists.textContent).toContain('already exists');
    expect(mock.auditActions().filter((a) => a === 'minutes.export.txt')).toHaveLength(1);
    await fireEvent.click(screen.getByTestId('export-replace'));
    await screen.findByTestId('export-report');
    expect(screen.queryByTestId('export-replace')).toBeNull();
    expect(mock.auditActions().filter((a) => a === 'minutes.export.txt')).toHaveLength(2);
  });

  it('offers a .docx as the original first and reports what was cleaned and the pictures to check', async () => {
    mock.minutesFiles.set('/docs/gf-2024.docx', MINUTES);
    render(MinutesArea, { readOnly: false });
    await screen.findByTestId('minutes-empty');
    await fireEvent.input(screen.getByTestId('minutes-import-path'), { target: { value: '/docs/gf-2024.docx' } });
    await fireEvent.click(screen.getByTestId('minutes-import-submit'));
    await screen.findByTestId('minutes-import-done');
    await fireEvent.click(await screen.findByTestId('minutes-review-1'));
    await screen.findByTestId('finding-0');
    for (let n = 5; n > 0; n--) {
      await key('a');
      await expect.poll(pending).toBe(n - 1);
    }
    const as = screen.getByTestId('export-as') as HTMLSelectElement;
    expect(as.value).toBe('original');
    expect(as.options[0]?.textContent).toContain('.docx');
    expect((screen.getByTestId('export-path') as HTMLInputElement).value).toBe('gf-2024-web.docx');
    await fireEvent.click(screen.getByTestId('export-drop-images'));
    await fireEvent.click(screen.getByTestId('export-submit'));
    await screen.findByTestId('export-report');
    expect(screen.getByTestId('export-cleaned').textContent).toContain('1 picture removed');
    expect(screen.getByTestId('export-cleaned').textContent).toContain('Document properties');
    expect(screen.queryByTestId('export-images-kept')).toBeNull();
    screen.getByTestId('export-preview');
    expect(mock.auditActions()).toContain('minutes.export.original.docx');
    for (const v of FLAGGED) expect(mock.exported.get('gf-2024-web.docx')).not.toContain(v);

    // The text export stays one choice away, with its own extension.
    await fireEvent.change(as, { target: { value: 'text' } });
    expect((screen.getByTestId('export-path') as HTMLInputElement).value).toBe('gf-2024-web.txt');
    expect(screen.queryByTestId('export-drop-images')).toBeNull();
  });

  it('decides for every occurrence with o', async () => {
    await importAndOpen();
    await key('o');
    expect((screen.getByTestId('review-all-occurrences') as HTMLInputElement).checked).toBe(true);
    await key('a');
    await expect.poll(pending).toBe(3);
    expect(screen.getByTestId('review-item-3').dataset.state).toBe('redact');
    expect((screen.getByTestId('review-all-occurrences') as HTMLInputElement).checked).toBe(false);
  });

  it('in a read-only archive shows the minutes and the review but offers no changes', async () => {
    mock.minutes()!.add('gf-2024.txt', MINUTES);
    render(MinutesArea, { readOnly: true });
    await fireEvent.click(await screen.findByTestId('minutes-review-1'));
    await screen.findByTestId('finding-0');
    expect(screen.queryByTestId('minutes-import')).toBeNull();
    expect(screen.queryByTestId('review-accept')).toBeNull();
    await key('a');
    expect(pending()).toBe(5);
    expect(mock.calls).not.toContain('minutesDecide');
  });

  it('starts the review over after asking', async () => {
    await importAndOpen();
    await key('a');
    await expect.poll(pending).toBe(4);
    await fireEvent.click(screen.getByTestId('review-restart'));
    await fireEvent.click(await screen.findByTestId('review-restart-cancel'));
    expect(pending()).toBe(4);
    await fireEvent.click(screen.getByTestId('review-restart'));
    await fireEvent.click(await screen.findByTestId('review-restart-ok'));
    await expect.poll(pending).toBe(5);
    expect(screen.queryByTestId('review-restart-dialog')).toBeNull();
  });

  it('adds a selection of the text as a finding, at character offsets', async () => {
    await importAndOpen();
    const text = screen.getByTestId('review-text');
    // "opgangen" lies after the emoji: its UTF-16 index and its character offset differ.
    const node = [...text.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes('opgangen'))!;
    const i = node.textContent!.indexOf('opgangen');
    const range = document.createRange();
    range.setStart(node, i - 1); // a leading space is dropped
    range.setEnd(node, i + 'opgangen'.length);
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    document.dispatchEvent(new Event('selectionchange'));
    expect((await screen.findByTestId('review-selection')).textContent).toContain('“opgangen”');
    await fireEvent.change(screen.getByTestId('review-add-kind'), { target: { value: 'other' } });
    await fireEvent.click(screen.getByTestId('review-add-selection'));
    await expect.poll(() => screen.queryAllByTestId(/^finding-\d+$/).map((m) => m.textContent)).toContain('opgangen');
    const added = screen.getAllByTestId(/^finding-\d+$/).find((m) => m.textContent === 'opgangen')!;
    expect(added.dataset.kind).toBe('other');
    expect(pending()).toBe(5);
  });
  it('reads a scan page by page, can cancel it (nothing imported) and reads it in the chosen language', async () => {
    mock.scanFiles.set('/scans/gf-1987.pdf', { text: MINUTES, pages: 3 });
    let release: () => void = () => {};
    mock.scanPause = () => new Promise((r) => (release = r));
    render(MinutesArea, { readOnly: false, country: 'SE' });
    await screen.findByTestId('minutes-empty');
    // The association is Swedish: scans are read in Swedish unless another language is chosen.
    expect((screen.getByTestId('minutes-import-language') as HTMLSelectElement).value).toBe('sv');

    await fireEvent.input(screen.getByTestId('minutes-import-path'), { target: { value: '/scans/gf-1987.pdf' } });
    await fireEvent.click(screen.getByTestId('minutes-import-submit'));
    const progress = await screen.findByTestId('minutes-import-progress');
    expect(progress.textContent).toContain('Reading page 1 of 3');
    expect((screen.getByTestId('minutes-import-submit') as HTMLButtonElement).disabled).toBe(true);
    release();
    await expect.poll(() => screen.getByTestId('minutes-import-progress').dataset.page).toBe('2');
    expect(screen.getByTestId('minutes-import-progress').textContent).toContain('Reading page 2 of 3');
    await fireEvent.click(screen.getByTestId('minutes-import-cancel'));
    expect(screen.getByTestId('minutes-import-cancel').textContent).toContain('Cancelling');
    release();
    await screen.findByTestId('minutes-import-cancelled');
    expect(screen.queryByTestId('minutes-import-progress')).toBeNull();
    expect(screen.queryByTestId('minutes-import-error')).toBeNull();
    expect(mock.calls).toContain('cancelMinutesImport');
    // Nothing was imported.
    const list = await mock.minutesList();
    expect(list.status === 'ok' ? list.data : null).toEqual([]);
    screen.getByTestId('minutes-empty');

    // Again, in Danish this time, to the end.
    mock.scanPause = () => Promise.resolve();
    await fireEvent.change(screen.getByTestId('minutes-import-language'), { target: { value: 'da' } });
    await fireEvent.click(screen.getByTestId('minutes-import-submit'));
    const done = await screen.findByTestId('minutes-import-ocr');
    expect(done.textContent).toContain('3 pages were read by OCR (Danish)');
    expect(mock.lastScanLanguage).toBe('da');
    expect(screen.queryByTestId('minutes-import-cancelled')).toBeNull();
    await screen.findByTestId('minutes-row-1');

    // A new import clears the last one's result while it runs.
    mock.scanPause = () => new Promise((r) => (release = r));
    mock.scanFiles.set('/scans/gf-1988.pdf', { text: MINUTES.replace('2024', '2025'), pages: 1 });
    await fireEvent.input(screen.getByTestId('minutes-import-path'), { target: { value: '/scans/gf-1988.pdf' } });
    await fireEvent.click(screen.getByTestId('minutes-import-submit'));
    await screen.findByTestId('minutes-import-progress');
    expect(screen.queryByTestId('minutes-import-done')).toBeNull();
    release();
    await screen.findByTestId('minutes-import-done');
  });

  it('shows a poor page with its mean confidence', async () => {
    mock.scanFiles.set('/scans/gf-1990.pdf', { text: MINUTES, pages: 1 });
    const real = mock.importMinutes.bind(mock);
    mock.importMinutes = async (...args) => {
      const r = await real(...args);
      if (r.status === 'ok') r.data.warnings = [{ page: 1, dpi: 72, mean_confidence: 54 }];
      return r;
    };
    render(MinutesArea, { readOnly: false });
    await fireEvent.input(await screen.findByTestId('minutes-import-path'), { target: { value: '/scans/gf-1990.pdf' } });
    await fireEvent.click(screen.getByTestId('minutes-import-submit'));
    const warning = await screen.findByTestId('minutes-import-warning-1');
    expect(warning.textContent).toContain('mean confidence of 54 % (at 72 dpi)');
  });
});
