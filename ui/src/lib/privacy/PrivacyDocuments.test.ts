import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import { setUiLanguage } from '$lib/i18n/index.svelte';
import { backend } from '$lib/ipc';
import type { MockBackend } from '$lib/ipc/mock-replay';
import { recorded } from '$lib/ipc/recording';
import PrivacyArea from './PrivacyArea.svelte';

let mock: MockBackend;

beforeEach(async () => {
  mock = await recorded();
  setUiLanguage('en');
  const demo = await backend().openDemo();
  if (demo.status !== 'ok') throw new Error('demo');
  await backend().unlockArchive({ path: demo.data.path, passphrase: demo.data.passphrase, identity_file: null, actor: 'Mette Kragh', take_over_lock: false });
});

const rows = async () => await screen.findAllByTestId('activity-row');
const rowNamed = async (name: string) => (await rows()).find((r) => r.textContent?.includes(name))!;

describe('processing activities', () => {
  it('lists the country’s standard activities in the association’s language, and in another on request', async () => {
    render(PrivacyArea);
    expect(await rows()).toHaveLength(7);
    expect(screen.getByTestId('activities-table').textContent).toContain('Navneskilte');
    await fireEvent.change(screen.getByTestId('privacy-lang'), { target: { value: 'en' } });
    await expect.poll(() => screen.getByTestId('activities-table').textContent).toContain('Name plates');
    expect(screen.getByTestId('activities-table').textContent).toContain('Legitimate interest, Art. 6(1)(f)');
  });

  it('saves only the field the board changed, in the language it was written in, and puts it back to Andel’s text', async () => {
    render(PrivacyArea);
    await fireEvent.change(screen.getByTestId('privacy-lang'), { target: { value: 'en' } });
    await expect.poll(async () => (await rows())[2]?.textContent).toContain('Name plates');
    await fireEvent.click(within(await rowNamed('Name plates')).getByTestId('activity-edit'));
    expect(screen.queryByTestId('activity-reset-retention')).toBeNull();
    await fireEvent.input(screen.getByTestId('activity-retention'), { target: { value: 'Until the plate is up.' } });
    await fireEvent.click(screen.getByTestId('activity-submit'));
    await expect.poll(() => screen.queryByTestId('activity-form')).toBeNull();
    await expect.poll(async () => (await rowNamed('Name plates')).textContent).toContain('Until the plate is up.');
    const row = await rowNamed('Name plates');
    expect(within(row).getByTestId('activity-edited')).toBeTruthy();
    // The English wording belongs to English: in Swedish the name and the retention are Andel’s,
    // and the notice’s preview says which of the board’s texts it left out, and why.
    await fireEvent.change(screen.getByTestId('privacy-lang'), { target: { value: 'sv' } });
    await expect.poll(async () => (await rows())[2]?.textContent).toContain('Namnskyltar');
    expect((await rowNamed('Namnskyltar')).textContent).not.toContain('Until the plate is up.');
    expect(within(await rowNamed('Namnskyltar')).getByTestId('activity-other-language').textContent).toContain('Your wording in English');
    expect(within(await rowNamed('Namnskyltar')).queryByTestId('activity-edited')).toBeNull();
    await fireEvent.click(await screen.findByTestId('privacy-notice-show'));
    await expect.poll(() => screen.queryByTestId('privacy-notice-preview')?.textContent ?? '').toContain('Namnskyltar');
    expect(screen.getByTestId('privacy-notice-preview').textContent).not.toContain('Until the plate is up.');
    const marks = await screen.findByTestId('privacy-notice-preview-fallbacks');
    expect(within(marks).getAllByTestId('fallback').map((li) => li.textContent)).toEqual([
      'Namnskyltar · How long it is kept: your text is in English, so Andel’s text stands here. Write it in this language to use your own wording.',
    ]);
    // Back in English, the board’s text is there to put back to Andel’s.
    await fireEvent.change(screen.getByTestId('privacy-lang'), { target: { value: 'en' } });
    await expect.poll(async () => (await rows())[2]?.textContent).toContain('Until the plate is up.');
    await expect.poll(() => screen.queryByTestId('privacy-notice-preview-fallbacks')).toBeNull();
    await fireEvent.click(within(await rowNamed('Name plates')).getByTestId('activity-edit'));
    await fireEvent.click(screen.getByTestId('activity-reset-retention'));
    await expect.poll(() => (screen.getByTestId('activity-retention') as HTMLTextAreaElement).value).toContain('The order is kept for 1 year');
    expect(mock.calls).toContain('privacy_activity_reset');
  });

  it('asks for the interest when legitimate interest is chosen, and stops and resumes an activity', async () => {
    render(PrivacyArea);
    await fireEvent.click(await screen.findByTestId('activity-new'));
    await fireEvent.input(screen.getByTestId('activity-name'), { target: { value: 'Video in the bicycle cellar' } });
    await fireEvent.input(screen.getByTestId('activity-purpose'), { target: { value: 'To prevent bicycle theft.' } });
    await fireEvent.change(screen.getByTestId('activity-basis'), { target: { value: 'legitimate-interest' } });
    await fireEvent.click(screen.getByTestId('activity-submit'));
    expect(screen.getByTestId('activity-form').textContent).toContain('Say what the interest is');
    await fireEvent.input(screen.getByTestId('activity-legitimate_interest'), { target: { value: 'Residents’ bicycles are safe.' } });
    await fireEvent.click(screen.getByTestId('activity-kind-caretaker'));
    await fireEvent.click(screen.getByTestId('activity-submit'));
    await expect.poll(async () => (await rows()).length).toBe(8);
    const added = await rowNamed('Video in the bicycle cellar');
    expect(added.textContent).toContain('Caretaker');
    await fireEvent.click(within(added).getByTestId('activity-stop'));
    await expect.poll(async () => within(await rowNamed('Video in the bicycle cellar')).queryByTestId('activity-stopped')).toBeTruthy();
    await fireEvent.click(within(await rowNamed('Video in the bicycle cellar')).getByTestId('activity-resume'));
    await expect.poll(async () => within(await rowNamed('Video in the bicycle cellar')).queryByTestId('activity-stopped')).toBeNull();
  });

  it('shows the archive’s message when a national ID is typed into an activity', async () => {
    render(PrivacyArea);
    await fireEvent.click(within((await rows())[0]!).getByTestId('activity-edit'));
    await fireEvent.input(screen.getByTestId('activity-source'), { target: { value: 'The list, e.g. 010170-1234' } });
    await fireEvent.click(screen.getByTestId('activity-submit'));
    const error = await screen.findByTestId('activity-form-error');
    expect(error.getAttribute('data-code')).toBe('invalid_input');
    expect(screen.getByTestId('activities-table').textContent).not.toContain('010170-1234');
  });
});

describe('the privacy notice and the record', () => {
  it('previews the notice as a draft, saves it as version 1 through the save dialog and opens it', async () => {
    render(PrivacyArea);
    // The notice's state shows before any preview is opened.
    await expect.poll(() => screen.queryByTestId('privacy-notice-version')?.textContent).toContain('saving issues version 1');
    expect(screen.getByTestId('privacy-notice-version').textContent).toContain('Not issued to the residents yet');
    expect(screen.queryByTestId('privacy-notice-preview')).toBeNull();
    await fireEvent.click(await screen.findByTestId('privacy-notice-show'));
    const preview = await screen.findByTestId('privacy-notice-preview');
    expect(preview.textContent).toContain('Privatlivspolitik for A/B Kastanjegården');
    expect(preview.textContent).toContain('Datatilsynet');
    expect(screen.getByTestId('privacy-notice-version').textContent).toContain('saving issues version 1');
    mock.picked.pick_pdf_path = '/home/board/Documents/privatlivspolitik-da.pdf';
    await fireEvent.click(screen.getByTestId('privacy-notice-save'));
    await expect.poll(() => screen.queryByTestId('privacy-notice-done')?.textContent).toContain('Issued version 1');
    expect(mock.written.has('/home/board/Documents/privatlivspolitik-da.pdf')).toBe(true);
    await expect.poll(() => screen.getByTestId('privacy-notice-version').textContent).toContain('Version 1, effective');
    await fireEvent.click(screen.getByTestId('privacy-notice-open'));
    await expect.poll(() => mock.opened).toContain('/home/board/Documents/privatlivspolitik-da.pdf');
    // Saving the same content again issues nothing new.
    await fireEvent.click(screen.getByTestId('privacy-notice-save'));
    await expect.poll(() => screen.getByTestId('privacy-notice-done').textContent).toContain('Saved version 1');
  });

  it('saves the notice for the website as one web page or as Markdown, with the same version as the PDF', async () => {
    render(PrivacyArea);
    await fireEvent.click(await screen.findByTestId('privacy-notice-show'));
    await screen.findByTestId('privacy-notice-preview');
    await fireEvent.change(screen.getByTestId('privacy-notice-format'), { target: { value: 'html' } });
    expect(screen.getByTestId('privacy-notice-save').textContent).toContain('Save as web page…');
    expect(screen.getByTestId('privacy-notice-format-hint').textContent).toContain('one HTML file');
    mock.picked.pick_export_path = '/home/board/Documents/privatlivspolitik-da.html';
    await fireEvent.click(screen.getByTestId('privacy-notice-save'));
    await expect.poll(() => screen.queryByTestId('privacy-notice-done')?.textContent).toContain('Issued version 1');
    expect(mock.calls).not.toContain('pick_pdf_path');
    const html = mock.written.get('/home/board/Documents/privatlivspolitik-da.html') ?? '';
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<html lang="da-DK">');
    expect(html).toContain('Privatlivspolitik for A/B Kastanjegården');
    expect(html).toContain('Datatilsynet');
    // One file: no script, style sheet, font or picture fetched from anywhere.
    expect(html).not.toMatch(/<script|<link|<img|src=|url\(/i);
    // The system's PDF viewer is offered for PDFs only.
    expect(screen.queryByTestId('privacy-notice-open')).toBeNull();
    await fireEvent.change(screen.getByTestId('privacy-notice-format'), { target: { value: 'md' } });
    mock.picked.pick_export_path = '/home/board/Documents/privatlivspolitik-da.md';
    await fireEvent.click(screen.getByTestId('privacy-notice-save'));
    await expect.poll(() => screen.getByTestId('privacy-notice-done').textContent).toContain('Saved version 1');
    const md = mock.written.get('/home/board/Documents/privatlivspolitik-da.md') ?? '';
    expect(md).toContain('# Privatlivspolitik for A/B Kastanjegården');
    expect(md).toContain('Datatilsynet');
    await expect.poll(() => screen.getByTestId('privacy-notice-version').textContent).toContain('Version 1, effective');
  });

  it('a changed activity makes the next save a new version, in the language chosen', async () => {
    mock.picked.pick_pdf_path = '/home/board/Documents/privacy-notice-en.pdf';
    render(PrivacyArea);
    await fireEvent.change(screen.getByTestId('privacy-lang'), { target: { value: 'en' } });
    await fireEvent.click(await screen.findByTestId('privacy-notice-show'));
    await fireEvent.click(await screen.findByTestId('privacy-notice-save'));
    await expect.poll(() => screen.queryByTestId('privacy-notice-done')?.textContent).toContain('Issued version 1');
    await fireEvent.click(within(await rowNamed('Newsletter')).getByTestId('activity-stop'));
    await expect.poll(() => screen.getByTestId('privacy-notice-version').textContent).toContain('saving issues version 2');
    expect(screen.getByTestId('privacy-notice-version').textContent).toContain('The content has changed');
    expect(screen.getByTestId('privacy-notice-preview').textContent).not.toContain('Newsletter');
    expect(screen.getByTestId('privacy-notice-preview').textContent).toContain('Privacy notice of');
  });

  it('cancelling the save dialog writes nothing; the record saves and names the organisations', async () => {
    render(PrivacyArea);
    await fireEvent.click(await screen.findByTestId('privacy-record-show'));
    const preview = await screen.findByTestId('privacy-record-preview');
    expect(preview.textContent).toContain('Fortegnelse over behandlingsaktiviteter');
    expect(preview.textContent).toContain('DBA-2023-014');
    mock.picked.pick_pdf_path = null;
    await fireEvent.click(screen.getByTestId('privacy-record-save'));
    expect([...mock.written.keys()].filter((p) => p.endsWith('.pdf'))).toEqual([]);
    expect(screen.queryByTestId('privacy-record-done')).toBeNull();
    // A folder the board may not write to (the recorder runs as a user who may write anywhere).
    mock.picked.pick_pdf_path = '/readonly/record.pdf';
    mock.impose('privacy_record_save', () => {
      throw { code: 'not_writable', message: 'Cannot write /readonly/record.pdf: Permission denied (os error 13)' };
    });
    await fireEvent.click(screen.getByTestId('privacy-record-save'));
    expect((await screen.findByTestId('privacy-record-error')).getAttribute('data-code')).toBe('not_writable');
    mock.release('privacy_record_save');
    mock.picked.pick_pdf_path = '/home/board/Documents/record.pdf';
    await fireEvent.click(screen.getByTestId('privacy-record-save'));
    await expect.poll(() => screen.queryByTestId('privacy-record-done')?.textContent).toContain('/home/board/Documents/record.pdf');
  });
});
