import { describe, expect, it } from 'vitest';
import { glossaries, label } from './glossary';
import { catalogues, LANGUAGES, resolveLanguage } from './index.svelte';

type Tree = { [key: string]: unknown };

/** Every leaf of a catalogue as "path: kind", functions called with sample arguments. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') {
      out.set(path, value);
    } else if (typeof value === 'function') {
      const sample = (value as (...a: unknown[]) => unknown)('X', 'Y', 'Z');
      out.set(path, String(sample));
    } else if (value && typeof value === 'object') {
      for (const [k, v] of leaves(value as Tree, path)) out.set(k, v);
    } else {
      out.set(path, `<${typeof value}>`);
    }
  }
  return out;
}

describe('UI strings', () => {
  const english = leaves(catalogues.en);

  it.each(LANGUAGES)('%s has exactly the keys English has', (lang) => {
    const keys = [...leaves(catalogues[lang]).keys()].sort();
    expect(keys).toEqual([...english.keys()].sort());
  });

  it.each(LANGUAGES)('%s has no empty strings', (lang) => {
    for (const [path, text] of leaves(catalogues[lang])) {
      expect(text.trim(), `${lang}: ${path}`).not.toBe('');
    }
  });

  it.each(['da', 'nb', 'sv'] as const)('%s is translated, not copied from English', (lang) => {
    const own = leaves(catalogues[lang]);
    // A glossary term may be spelt as in English (Danish "Administrator"): the glossary decides.
    const terms = new Set(Object.values(glossaries[lang].terms).map(label));
    const same = [...own].filter(([path, text]) => english.get(path) === text && text.length > 12 && !terms.has(text));
    expect(same).toEqual([]);
  });

  it('every error code says what happened and what to do, in every language', () => {
    for (const lang of LANGUAGES) {
      for (const [code, text] of Object.entries(catalogues[lang].errors)) {
        expect(text.what, `${lang} ${code}`).toMatch(/\S/);
        expect(text.todo, `${lang} ${code}`).toMatch(/\S/);
      }
    }
  });

  it.each(LANGUAGES)('%s tells every error code apart', (lang) => {
    const whats = Object.values(catalogues[lang].errors).map((e) => e.what);
    expect(new Set(whats).size).toBe(whats.length);
  });

  it('follows the system unless a language was chosen', () => {
    expect(resolveLanguage(null, 'da')).toBe('da');
    expect(resolveLanguage('sv', 'da')).toBe('sv');
    expect(resolveLanguage(null, 'de')).toBe('en');
    expect(resolveLanguage('xx', 'nb')).toBe('nb');
  });
});
