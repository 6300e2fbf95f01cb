// The UI language: every string the UI shows comes from one of the four catalogues here.
// The language follows the system unless the user chose one in Settings (kept in the
// preferences by the Rust side). `i18n.t` is reactive: components re-render on a switch.
import type { ErrorCode, IpcError } from '$lib/ipc';
import { da } from './da';
import { en, type ErrorText, type Messages } from './en';
import { nb } from './nb';
import { sv } from './sv';

export type { AreaId, ErrorText, Messages } from './en';

export const LANGUAGES = ['da', 'nb', 'sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const catalogues: Record<Language, Messages> = { da, nb, sv, en };

/** BCP 47 tags for dates and times in each language. */
const LOCALES: Record<Language, string> = { da: 'da-DK', nb: 'nb-NO', sv: 'sv-SE', en: 'en-GB' };

export function isLanguage(value: string | null | undefined): value is Language {
  return value !== null && value !== undefined && (LANGUAGES as readonly string[]).includes(value);
}

/** The language to show: the chosen one if any, else the system's, else English. */
export function resolveLanguage(chosen: string | null, system: string): Language {
  if (isLanguage(chosen)) return chosen;
  if (isLanguage(system)) return system;
  return 'en';
}

let current = $state<Language>('en');

export const i18n = {
  get lang(): Language {
    return current;
  },
  get t(): Messages {
    return catalogues[current];
  },
  get locale(): string {
    return LOCALES[current];
  },
};

export function setUiLanguage(lang: Language): void {
  current = lang;
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

/** "14:02" in the user's language, from an RFC 3339 time. */
export function formatTime(rfc3339: string): string {
  const d = new Date(rfc3339);
  if (Number.isNaN(d.getTime())) return rfc3339;
  return d.toLocaleTimeString(i18n.locale, { hour: '2-digit', minute: '2-digit' });
}

/** A date and time in the user's language, from an RFC 3339 time. */
export function formatDateTime(rfc3339: string): string {
  const d = new Date(rfc3339);
  if (Number.isNaN(d.getTime())) return rfc3339;
  return d.toLocaleString(i18n.locale, { dateStyle: 'medium', timeStyle: 'short' });
}

/** What to tell the user about an error code. */
export function errorText(code: ErrorCode): ErrorText {
  return i18n.t.errors[code] ?? i18n.t.errors.internal;
}

/** A short reason for the save indicator: what happened, in plain words. */
export function errorReason(error: Pick<IpcError, 'code'>): string {
  return errorText(error.code).what;
}

/** The audit trail's action in words, or the action's own name when Andel has no words for it. */
export function actionText(action: string): string {
  const actions: Record<string, string> = i18n.t.settings.actions;
  return actions[action] ?? action;
}
