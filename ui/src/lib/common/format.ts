// Small helpers the register's screens share: dates as the board reads them, and the checks
// forms run before anything is sent.
import { i18n } from '$lib/i18n/index.svelte';

/** A `YYYY-MM-DD` date in the UI's language; `null` as a dash. */
export function fmtDate(day: string | null | undefined): string {
  if (!day) return i18n.t.common.none;
  const d = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  return d.toLocaleDateString(i18n.locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
}

/** Today as `YYYY-MM-DD`, in local time. */
export function todayIso(now: Date = new Date()): string {
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${m}-${d}`;
}

/** Is `text` a real calendar date written `YYYY-MM-DD`? */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/**
 * Something shaped like a CPR number, fødselsnummer or personnummer: the form warns at once;
 * andel-core's guard has the last word.
 */
export function looksLikeNationalId(text: string): boolean {
  return /\b\d{6}[-+]?\d{4,5}\b/.test(text) || /\b(19|20)\d{6}[-+]?\d{4}\b/.test(text);
}

/** The inline message for an optional date field, or null when it is fine. */
export function dateProblem(text: string, required = false): string | null {
  if (!text.trim()) return required ? i18n.t.reg.required : null;
  return isIsoDate(text.trim()) ? null : i18n.t.reg.dateInvalid;
}

/** Does `text` look like an e-mail address? As loose as andel-core's check: it catches a phone
 * number typed into the e-mail field, not every RFC 5322 mistake. */
export function looksLikeEmail(text: string): boolean {
  const at = text.indexOf('@');
  if (at <= 0) return false;
  const domain = text.slice(at + 1);
  return domain.includes('.') && !domain.startsWith('.') && !domain.endsWith('.') && !/\s/.test(text);
}
