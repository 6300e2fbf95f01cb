import { describe, expect, it } from 'vitest';
import { catalogues } from './index.svelte';
import { glossaries, possessive } from './glossary';
import { misused } from './misused';

type Tree = { [key: string]: unknown };

/** Every text of a catalogue with its path, functions called with sample arguments. */
function texts(tree: Tree, prefix = ''): [string, string][] {
  const out: [string, string][] = [];
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.push([path, value]);
    else if (typeof value === 'function') {
      out.push([path, String((value as (...a: unknown[]) => unknown)('X', 'Y', 'Z'))]);
      out.push([path, String((value as (...a: unknown[]) => unknown)(1, 2, 3, 4))]);
    } else if (value && typeof value === 'object') out.push(...texts(value as Tree, path));
  }
  return out;
}

describe('the board’s own words', () => {
  it.each(['da', 'nb', 'sv', 'en'] as const)('%s uses no word its glossary says to avoid', (lang) => {
    const found = texts(catalogues[lang] as unknown as Tree).flatMap(([path, text]) =>
      misused(lang, text).map((m) => `${lang} ${path}: “${m.found}” → ${m.use} (${m.why})`),
    );
    expect(found).toEqual([]);
  });

  it('every glossary has every term in four forms', () => {
    const terms = Object.keys(glossaries.en.terms).sort();
    for (const g of Object.values(glossaries)) {
      expect(Object.keys(g.terms).sort()).toEqual(terms);
      for (const forms of Object.values(g.terms)) {
        for (const form of [forms.one, forms.the, forms.many, forms.the_many]) expect(form.trim()).not.toBe('');
      }
    }
  });

  it('finds the review’s examples', () => {
    expect(misused('sv', 'Ägaren har andelsnummer 4').map((m) => m.found)).toEqual(['Ägaren', 'andelsnummer']);
    expect(misused('sv', 'Delägaren har lägenhetsnummer 4')).toEqual([]);
    expect(misused('nb', 'ingen personnummer (fødselsnummer)').map((m) => m.found)).toEqual(['personnummer']);
    expect(misused('da', 'Webmaster').length).toBe(1);
    expect(misused('da', 'fx „tagreparation“').map((m) => m.found)).toEqual(['„']);
    expect(misused('nb', '«takreparasjon»')).toEqual([]);
  });

  it('writes possessives of names ending in -s', () => {
    expect(possessive('da', 'Jens')).toBe("Jens'");
    expect(possessive('da', 'Mette')).toBe('Mettes');
    expect(possessive('sv', 'Lars')).toBe('Lars');
    expect(possessive('en', 'James')).toBe('James’s');
  });
});
