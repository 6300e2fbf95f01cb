import { describe, expect, it } from 'vitest';
import { countByKind, Offsets, segments, snippetParts, unitOffsetIn } from './text';

describe('character offsets and UTF-16', () => {
  // "😀" is one character but two UTF-16 code units; æ, ø and å are one of each.
  const text = 'Møde 😀 med Søren Ågård og 👩‍👩‍👧 Åse Bø.';
  const o = new Offsets(text);
  const chars = [...text];
  /** The character offset of `word`, as the Rust side would give it. */
  const at = (word: string) => [...text.slice(0, text.indexOf(word))].length;

  it('maps the core’s character offsets to JavaScript string indices', () => {
    const start = at('Søren');
    const end = start + [...'Søren Ågård'].length;
    expect(o.slice(start, end)).toBe('Søren Ågård');
    expect(text.slice(o.charToUnit(start), o.charToUnit(end))).toBe('Søren Ågård');
    // Naive UTF-16 slicing with character offsets would be off by the emoji's extra unit.
    expect(text.slice(start, end)).not.toBe('Søren Ågård');
    const åse = at('Åse');
    expect(o.slice(åse, åse + 6)).toBe('Åse Bø');
  });

  it('maps back, and an index inside a surrogate pair counts as its character', () => {
    const u = text.indexOf('Åse');
    expect(o.unitToChar(u)).toBe(at('Åse'));
    const emoji = text.indexOf('😀');
    expect(o.unitToChar(emoji + 1)).toBe(o.unitToChar(emoji));
    expect(o.unitToChar(text.length)).toBe(chars.length);
    expect(o.chars).toBe(chars.length);
  });

  it('cuts the text into plain runs and findings', () => {
    const s = at('Søren');
    const a = at('Åse');
    const segs = segments(o, [
      { start: s, end: s + 11 },
      { start: a, end: a + 6 },
    ]);
    expect(segs.map((x) => x.text).join('')).toBe(text);
    expect(segs.filter((x) => x.finding !== null).map((x) => x.text)).toEqual(['Søren Ågård', 'Åse Bø']);
  });

  it('finds a DOM position’s offset within the text', () => {
    const div = document.createElement('div');
    div.append('Møde 😀 med ');
    const mark = document.createElement('mark');
    mark.textContent = 'Søren Ågård';
    div.append(mark, ' og Åse');
    const inMark = mark.firstChild!;
    const u = unitOffsetIn(div, inMark, 2);
    expect(u).toBe('Møde 😀 med Sø'.length);
    expect(o.unitToChar(u!)).toBe([...'Møde 😀 med Sø'].length);
    expect(unitOffsetIn(div, document.createTextNode('x'), 0)).toBeNull();
  });
});

describe('search snippets and counts', () => {
  it('turns **marks** into marked parts', () => {
    expect(snippetParts('…taget hos **Søren** og **Åse**…')).toEqual([
      { text: '…taget hos ', marked: false },
      { text: 'Søren', marked: true },
      { text: ' og ', marked: false },
      { text: 'Åse', marked: true },
      { text: '…', marked: false },
    ]);
  });

  it('counts per kind in a fixed order', () => {
    expect(countByKind([{ kind: 'phone' }, { kind: 'person' }, { kind: 'person' }])).toEqual([
      ['person', 2],
      ['phone', 1],
    ]);
  });
});
