import { fireEvent, render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setUiLanguage } from '$lib/i18n/index.svelte';
import SaveIndicator from './SaveIndicator.svelte';

describe('save indicator', () => {
  beforeEach(() => setUiLanguage('en'));

  it('shows the time of the last save', () => {
    const at = new Date(2026, 10, 22, 14, 2).toISOString();
    render(SaveIndicator, { state: { state: 'saved', at }, onSaveNow: () => {} });
    expect(screen.getByTestId('save-indicator').textContent).toBe('Saved 14:02');
  });

  it('shows saving while changes wait or are written', async () => {
    const { rerender } = render(SaveIndicator, { state: { state: 'pending' }, onSaveNow: () => {} });
    expect(screen.getByTestId('save-indicator').textContent).toBe('Saving…');
    await rerender({ state: { state: 'saving' } });
    expect(screen.getByTestId('save-indicator').textContent).toBe('Saving…');
    expect(screen.getByTestId('save-indicator').dataset.state).toBe('saving');
  });

  it('says why it did not save, in the user’s language, and offers to try now', async () => {
    const onSaveNow = vi.fn();
    render(SaveIndicator, { state: { state: 'failed', code: 'disk_full', message: 'No space left on device' }, onSaveNow });
    expect(screen.getByTestId('save-indicator').textContent).toBe('Not saved: The disk is full.');
    await fireEvent.click(screen.getByRole('button'));
    expect(onSaveNow).toHaveBeenCalled();
  });

  it('speaks Danish', () => {
    setUiLanguage('da');
    render(SaveIndicator, { state: { state: 'failed', code: 'changed_on_disk', message: '' }, onSaveNow: () => {} });
    expect(screen.getByTestId('save-indicator').textContent).toBe('Ikke gemt: En anden har gemt arkivet, mens du havde det åbent.');
  });
});
