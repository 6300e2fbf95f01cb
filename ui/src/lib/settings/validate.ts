// Inline checks for the association's record, so a mistake shows beside its field before saving.
// The Rust side checks again; these only spare the user a round trip.
import type { Country } from '$lib/ipc';

const ORG_DIGITS: Record<Country, number[]> = {
  DK: [8], // CVR
  NO: [9], // organisasjonsnummer
  SE: [10, 12], // organisationsnummer, sometimes written with the century prefix 16
};

/** An empty value is fine (it clears the field); otherwise the country's number of digits. */
export function orgNumberValid(country: Country, value: string): boolean {
  const v = value.trim();
  if (v === '') return true;
  const digits = v.replace(/[\s.-]/g, '');
  return /^[0-9]+$/.test(digits) && ORG_DIGITS[country].includes(digits.length);
}

/** The same rule as andel-core: something@domain.tld, no spaces. Empty is fine. */
export function emailValid(value: string): boolean {
  const v = value.trim();
  if (v === '') return true;
  const at = v.indexOf('@');
  if (at <= 0) return false;
  const domain = v.slice(at + 1);
  return domain.includes('.') && !domain.startsWith('.') && !domain.endsWith('.') && !/\s/.test(v);
}
