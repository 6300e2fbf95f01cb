// The board's own words, one glossary per language: the same files the documents in andel-core
// use (assets/i18n/glossary/*.json), imported when the UI is built, so a term changes in one place.
// Each file also lists the words its language must avoid; i18n.test.ts checks the catalogues
// against them, as the core's tests check every document.
import daFile from '../../../../assets/i18n/glossary/da.json';
import enFile from '../../../../assets/i18n/glossary/en.json';
import nbFile from '../../../../assets/i18n/glossary/nb.json';
import svFile from '../../../../assets/i18n/glossary/sv.json';

/** The four forms of a term: "andelshaver", "andelshaveren", "andelshavere", "andelshaverne". */
export interface Forms {
  one: string;
  the: string;
  many: string;
  the_many: string;
  source?: string;
  /** For a role: further titles boards write for it (read by the core, never shown). */
  titles?: string[];
}

export type Term = keyof typeof enFile.terms;

export interface Avoid {
  word: string;
  use: string;
  why: string;
}

export interface Glossary {
  language: string;
  quotes: string[];
  terms: Record<Term, Forms>;
  avoid: Avoid[];
  english_only?: string[];
}

// Typed against the English file: a term missing in another language fails `npm run check`.
export const glossaries = {
  da: daFile satisfies Glossary,
  nb: nbFile satisfies Glossary,
  sv: svFile satisfies Glossary,
  en: enFile satisfies Glossary,
} as const;

/** A term's singular with a capital first letter, as a label. */
export function label(forms: Forms): string {
  return forms.one.charAt(0).toUpperCase() + forms.one.slice(1);
}

/** Capitalise any form: `cap(g.member.the_many)` → "Andelshaverne". */
export function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Mette" → "Mettes", "Jens" → "Jens'" (da, nb), "Jens" (sv), "Jens’s" (en). */
export function possessive(lang: 'da' | 'nb' | 'sv' | 'en', name: string): string {
  const sibilant = /[sxz]$/i.test(name);
  if (lang === 'en') return `${name}’s`;
  if (!sibilant) return `${name}s`;
  return lang === 'sv' ? name : `${name}'`;
}
