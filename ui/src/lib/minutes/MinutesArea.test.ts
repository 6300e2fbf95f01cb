import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { setUiLanguage } from '$lib/i18n/index.svelte';
import { backend, type ExportReport, type ImportedMinutes, type IpcError, type Review } from '$lib/ipc';
import { REPLAY, type MockBackend, type Setup } from '$lib/ipc/mock-replay';
import { recorded } from '$lib/ipc/recording';
import MinutesArea from './MinutesArea.svelte';

// An emoji (two UTF-16 units) before the names: offsets only line up when converted.
const MINUTES = `Referat af generalforsamling 2024-03-12 😀

Søren Ågård foreslog at male opgangen. 👩‍👩‍👧 Åse Bø (tlf. 12 34 56 78) var imod.
Søren Ågård trak forslaget. Kontakt: aase@example.dk.
`;
const FLAGGED = ['Søren Ågård', 'Åse Bø', '12 34 56 78', 'aase@example.dk'];
/** Residents in the register, so the engine knows their names. */
const RESIDENTS = ['Søren Ågård', 'Åse Bø'];
/** A scan's text: printed, then read back by OCR (no emoji, which the font has no glyph for). */
const SCAN = `Referat af generalforsamling 1987-03-12

Søren Ågård foreslog at male opgangen. Åse Bø var imod.
`;

let mock: MockBackend;

/** A fresh archive (Danish unless told) with the residents, open as the webmaster. */
async function open(setup: Setup = {}, country: 'DK' | 'NO' | 'SE' = 'DK', residents: string[] = RESIDENTS) {
  mock = await recorded({
    archives: [{ path: '/home/board/Documents/Solsikken.andel', name: 'A/B Solsikken', country, passphrase: 'pw' }],
    files: { '/docs/gf-2024.txt': MINUTES },
    ...setup,
  });
  setUiLanguage('en');
  const r = await backend().unlockArchive({ path: '/home/board/Documents/Solsikken.andel', passphrase: 'pw', identity_file: null, actor: 'Webmaster', take_over_lock: false });
  if (r.status !== 'ok') throw new Error(r.error.message);
  for (const name of residents) {
    const p = await backend().personAdd({ name, phone: null, email: null, note: null });
    if (p.status !== 'ok') throw new Error(p.error.message);
  }
}

async function importAndOpen(residents: string[] = RESIDENTS) {
  await open({}, 'DK', residents);
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

async function auditActions(): Promise<string[]> {
  const r = await backend().auditTrail(100);
  if (r.status !== 'ok') throw new Error(r.error.message);
  return r.data.map((e) => e.action);
}

/** Accepts (redacts) every pending finding, one keypress at a time. */
async function acceptAll() {
  while (pending() > 0) {
    const before = pending();
    await key('a');
    await expect.poll(pending).toBeLessThan(before);
  }
}

describe('minutes', () => {
  it('imports a file by path and searches with the matched words marked', async () => {
    await open();
    render(MinutesArea, { readOnly: false });
    await fireEvent.click(await screen.findByTestId('minutes-import-submit'));
    expect(screen.getByText('Choose the file, or write where it is.')).toBeTruthy();
    await fireEvent.input(screen.getByTestId('minutes-import-path'), { target: { value: '/docs/missing.txt' } });
    await fireEvent.click(screen.getByTestId('minutes-import-submit'));
    expect((await screen.findByTestId('minutes-import-error')).dataset.code).toBe('not_found');

    mock.picked.pick_minutes_file = '/docs/gf-2024.txt';
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

  it('warns in the review when the register knows no residents', async () => {
    await importAndOpen([]);
    expect((await screen.findByTestId('review-no-residents')).textContent).toContain('The register knows no residents on this meeting’s date');
  });

  it('shows no such warning when the register knows the residents', async () => {
    await importAndOpen();
    expect(screen.queryByTestId('review-no-residents')).toBeNull();
  });

  it('highlights findings at the right place although an emoji comes before them', async () => {
    await importAndOpen();
    const marks = screen.getAllByTestId(/^finding-\d+$/);
    expect(marks.map((m) => m.textContent)).toEqual(['Søren Ågård', 'Åse Bø', '12 34 56 78', 'Søren Ågård', 'aase@example.dk']);
    expect(marks.map((m) => m.dataset.kind)).toEqual(['person', 'person', 'phone', 'person', 'email']);
    // The text as shown is the text as stored: nothing lost or doubled around the findings. Andel
    // stores it without the invisible characters that could split a name (the emoji's joiners).
    expect(screen.getByTestId('review-text').textContent).toBe((mock.answers.get('minutes_review') as Review).text);
    expect(screen.getByTestId('review-text').textContent).toBe(MINUTES.replaceAll('\u200d', ''));
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

    const target = '/home/board/Documents/gf-2024-web.txt';
    await fireEvent.input(screen.getByTestId('export-path'), { target: { value: target } });
    await fireEvent.click(submit);
    const report = await screen.findByTestId('export-report');
    expect(screen.getByTestId('report-kind-person').textContent).toContain('2');
    expect(screen.getByTestId('report-kind-phone').textContent).toContain('1');
    expect(screen.getByTestId('report-kind-email').textContent).toContain('1');
    expect(report.textContent).toContain('1 finding kept on purpose');
    expect(screen.queryByTestId('export-rescanned')).toBeNull();
    // The report counts; it never shows the values.
    for (const v of FLAGGED) expect(report.textContent).not.toContain(v);
    expect((mock.answers.get('export_minutes') as ExportReport).path).toBe(target);
    const out = mock.written.get(target)!;
    for (const v of ['Søren Ågård', '12 34 56 78', 'aase@example.dk']) expect(out).not.toContain(v);
    expect(out).toContain('Åse Bø');

    // Exporting again to the same typed name asks before replacing the file; the export is in
    // the audit trail each time.
    await fireEvent.click(submit);
    const exists = await screen.findByTestId('export-error');
    expect(exists.textContent).toContain('already exists');
    expect((await auditActions()).filter((a) => a === 'minutes.export.txt')).toHaveLength(1);
    await fireEvent.click(screen.getByTestId('export-replace'));
    await screen.findByTestId('export-report');
    expect(screen.queryByTestId('export-replace')).toBeNull();
    expect((await auditActions()).filter((a) => a === 'minutes.export.txt')).toHaveLength(2);
  });

  it('says when the check of the redacted text found more than the review showed', async () => {
    // Removing a surname changes what stands beside it: "Major █████" reads as a name. The export
    // redacts it too and the report says so, without the value.
    await open({ files: { '/docs/rygter.txt': 'Referat af bestyrelsesmøde 3. marts 2025\nHistorien om en af foreningens gamle venner, Major Rønsholt, er på alles læber.\n' } }, 'DK', []);
    render(MinutesArea, { readOnly: false });
    await screen.findByTestId('minutes-empty');
    await fireEvent.input(screen.getByTestId('minutes-import-path'), { target: { value: '/docs/rygter.txt' } });
    await fireEvent.click(screen.getByTestId('minutes-import-submit'));
    await screen.findByTestId('minutes-import-done');
    await fireEvent.click(await screen.findByTestId('minutes-review-1'));
    await screen.findByTestId('finding-0');
    await acceptAll();
    const target = '/home/board/Documents/rygter-web.txt';
    await fireEvent.input(screen.getByTestId('export-path'), { target: { value: target } });
    await fireEvent.click(screen.getByTestId('export-submit'));
    const report = await screen.findByTestId('export-report');
    const rescanned = (mock.answers.get('export_minutes') as ExportReport).rescanned;
    expect(rescanned).toBeGreaterThan(0);
    expect(screen.getByTestId('export-rescanned').textContent).toContain('found only by Andel’s check of the redacted text');
    expect(report.textContent).not.toContain('Rønsholt');
    const out = mock.written.get(target)!;
    expect(out).not.toContain('Rønsholt');
    expect(out).not.toContain('Major');
  });

  it('offers a .docx as the original first and reports what was cleaned and the pictures to check', async () => {
    // Hand-written WordprocessingML shaped like Word's output, with a picture and properties
    // (tests/fixtures/publish/make_fixtures.py).
    await open({ fixtures: { '/docs/gf-2024.docx': 'publish/handwritten.docx' } });
    render(MinutesArea, { readOnly: false });
    await screen.findByTestId('minutes-empty');
    await fireEvent.input(screen.getByTestId('minutes-import-path'), { target: { value: '/docs/gf-2024.docx' } });
    await fireEvent.click(screen.getByTestId('minutes-import-submit'));
    await screen.findByTestId('minutes-import-done');
    await fireEvent.click(await screen.findByTestId('minutes-review-1'));
    await screen.findByTestId('finding-0');
    await acceptAll();
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
    expect(await auditActions()).toContain('minutes.export.original.docx');
    expect(mock.written.has('/home/board/Documents/gf-2024-web.docx')).toBe(true);
    // What the webmaster redacted is not in the published file's text.
    const redacted = (mock.answers.get('minutes_decide') as Review).findings.filter((i) => i.decision === 'redact').map((i) => i.text);
    expect(redacted.length).toBeGreaterThan(0);
    const published = await documentText((mock.answers.get('export_minutes_original') as { file: number[] }).file);
    for (const v of redacted) expect(published).not.toContain(v);

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
    await open();
    const imported = await backend().importMinutes('/docs/gf-2024.txt', null, null, null);
    if (imported.status !== 'ok') throw new Error(imported.error.message);
    render(MinutesArea, { readOnly: true });
    await fireEvent.click(await screen.findByTestId('minutes-review-1'));
    await screen.findByTestId('finding-0');
    expect(screen.queryByTestId('minutes-import')).toBeNull();
    expect(screen.queryByTestId('review-accept')).toBeNull();
    await key('a');
    expect(pending()).toBe(5);
    expect(mock.calls).not.toContain('minutes_decide');
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
    await open({ scans: { '/scans/gf-1987.pdf': { text: SCAN } } }, 'SE');
    // The test paces the import: the answer waits for `release`, and the pages are announced as
    // the command announces them (the `scan-progress` event).
    let release: () => void = () => {};
    const hold = () => new Promise<void>((r) => (release = r));
    const page = (page: number, pages: number) => mock.emit('scan-progress', { page, pages });
    // The recorder runs one call at a time, so it cannot cancel an import under way: the
    // cancelled import answers as andel-core does (ocr::Error::Cancelled), and the command's
    // own cancel is tested in Rust (recorded.rs, `a_scan_import_cancelled_at_its_first_page`).
    mock.impose('import_minutes', async () => {
      await hold();
      throw { code: 'cancelled', message: 'Reading the scan was cancelled; nothing was imported.' } satisfies IpcError;
    });
    render(MinutesArea, { readOnly: false, country: 'SE' });
    await screen.findByTestId('minutes-empty');
    // The association is Swedish: scans are read in Swedish unless another language is chosen.
    expect((screen.getByTestId('minutes-import-language') as HTMLSelectElement).value).toBe('sv');

    await fireEvent.input(screen.getByTestId('minutes-import-path'), { target: { value: '/scans/gf-1987.pdf' } });
    await fireEvent.click(screen.getByTestId('minutes-import-submit'));
    await page(1, 3);
    const progress = await screen.findByTestId('minutes-import-progress');
    expect(progress.textContent).toContain('Reading page 1 of 3');
    expect((screen.getByTestId('minutes-import-submit') as HTMLButtonElement).disabled).toBe(true);
    await page(2, 3);
    await expect.poll(() => screen.getByTestId('minutes-import-progress').dataset.page).toBe('2');
    expect(screen.getByTestId('minutes-import-progress').textContent).toContain('Reading page 2 of 3');
    await fireEvent.click(screen.getByTestId('minutes-import-cancel'));
    expect(screen.getByTestId('minutes-import-cancel').textContent).toContain('Cancelling');
    await expect.poll(() => mock.calls).toContain('cancel_minutes_import');
    release();
    await screen.findByTestId('minutes-import-cancelled');
    expect(screen.queryByTestId('minutes-import-progress')).toBeNull();
    expect(screen.queryByTestId('minutes-import-error')).toBeNull();
    // Nothing was imported.
    const list = await backend().minutesList();
    expect(list.status === 'ok' ? list.data : null).toEqual([]);
    screen.getByTestId('minutes-empty');

    // Again, in Danish this time, to the end: andel-core reads the scan.
    mock.impose('import_minutes', async () => {
      await hold();
      return REPLAY;
    });
    await fireEvent.change(screen.getByTestId('minutes-import-language'), { target: { value: 'da' } });
    await fireEvent.click(screen.getByTestId('minutes-import-submit'));
    await page(1, 1);
    release();
    const done = await screen.findByTestId('minutes-import-ocr');
    expect(done.textContent).toContain('1 page was read by OCR (Danish)');
    expect((mock.answers.get('import_minutes') as ImportedMinutes).ocr_language).toBe('da');
    expect(screen.queryByTestId('minutes-import-cancelled')).toBeNull();
    expect((await screen.findByTestId('minutes-row-1')).textContent).toContain('1987');

    // A new import clears the last one's result while it runs.
    await fireEvent.input(screen.getByTestId('minutes-import-path'), { target: { value: '/docs/gf-2024.txt' } });
    await fireEvent.click(screen.getByTestId('minutes-import-submit'));
    await expect.poll(() => (screen.getByTestId('minutes-import-submit') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByTestId('minutes-import-done')).toBeNull();
    expect(screen.queryByTestId('minutes-import-ocr')).toBeNull();
    release();
    await screen.findByTestId('minutes-import-done');
    await screen.findByTestId('minutes-row-2');
  });

  it('shows a poor page with its mean confidence', async () => {
    // Scanned at 100 dpi, too coarse to trust: andel-core warns whatever Tesseract made of it.
    await open({ scans: { '/scans/gf-1990.png': { text: SCAN, dpi: 100 } } });
    render(MinutesArea, { readOnly: false });
    await fireEvent.input(await screen.findByTestId('minutes-import-path'), { target: { value: '/scans/gf-1990.png' } });
    await fireEvent.click(screen.getByTestId('minutes-import-submit'));
    const warning = await screen.findByTestId('minutes-import-warning-1');
    const [w] = (mock.answers.get('import_minutes') as ImportedMinutes).warnings;
    expect(w!.dpi).toBe(100);
    expect(warning.textContent).toContain(`mean confidence of ${w!.mean_confidence} % (at 100 dpi)`);
  });
});

/** The text of a .docx's main part, its runs joined (a name split over runs is one name again). */
async function documentText(bytes: number[]): Promise<string> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(new Uint8Array(bytes));
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return xml.replace(/<[^>]+>/g, '');
}
