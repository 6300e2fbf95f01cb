// Words a language's texts must not use, from its glossary (the same rules andel-core's
// i18n::glossary::misused applies to every document): the wrong word for the board's world,
// another language's word, English in a Nordic text, and another language's quotation marks.
import { glossaries } from './glossary';

export interface Misused {
  found: string;
  use: string;
  why: string;
}

type Lang = keyof typeof glossaries;

/** "ejerskab*" → a whole-word, case-insensitive pattern; spaces match any run of white space. */
function pattern(word: string): RegExp {
  const longer = word.endsWith('*');
  const stem = longer ? word.slice(0, -1) : word;
  const body = stem
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])(${body}${longer ? '[\\p{L}\\p{N}]*' : ''})(?![\\p{L}\\p{N}])`, 'giu');
}

const QUOTES = ['"', '„', '“', '”', '«', '»'];

export function misused(lang: Lang, text: string): Misused[] {
  const g = glossaries[lang];
  const rules: { word: string; use: string; why: string }[] = [...g.avoid];
  if (lang !== 'en') {
    for (const word of glossaries.en.english_only) {
      rules.push({ word, use: `(${lang})`, why: 'English in a Danish, Norwegian or Swedish text' });
    }
  }
  const found: Misused[] = [];
  const seen = new Set<number>(); // an English word may also be on the language's own list
  for (const rule of rules) {
    for (const m of text.matchAll(pattern(rule.word))) {
      if (seen.has(m.index)) continue;
      seen.add(m.index);
      found.push({ found: m[1] ?? m[0], use: rule.use, why: rule.why });
    }
  }
  for (const c of text) {
    if (QUOTES.includes(c) && !g.quotes.includes(c)) {
      found.push({ found: c, use: `${g.quotes[0]}…${g.quotes[1]}`, why: 'the language’s own quotation marks' });
    }
  }
  return found;
}
