// Text helpers for the minutes screens. The Rust side counts offsets in Unicode characters
// (scalar values); JavaScript strings count UTF-16 code units, so "Søren 😀 Ås" has different
// offsets on the two sides once an emoji (two code units) comes before a finding. Every offset
// crosses the seam through `charToUnit`/`unitToChar`.
import type { Finding, Kind, Review } from '$lib/ipc';

/** Maps character offsets of one text to UTF-16 offsets and back. */
export class Offsets {
  /** `units[c]` is the UTF-16 offset of character `c`; one extra entry for the end. */
  private readonly units: number[];

  constructor(readonly text: string) {
    const units: number[] = [];
    let u = 0;
    for (const ch of text) {
      units.push(u);
      u += ch.length;
    }
    units.push(u);
    this.units = units;
  }

  /** Characters in the text. */
  get chars(): number {
    return this.units.length - 1;
  }

  /** The UTF-16 offset of character `c` (clamped to the text). */
  charToUnit(c: number): number {
    return this.units[Math.max(0, Math.min(c, this.chars))] ?? 0;
  }

  /** The character at UTF-16 offset `u`; an offset inside a surrogate pair counts as its character. */
  unitToChar(u: number): number {
    let lo = 0;
    let hi = this.chars;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.units[mid] ?? 0) <= u) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The text between two character offsets. */
  slice(start: number, end: number): string {
    return this.text.slice(this.charToUnit(start), this.charToUnit(end));
  }
}

/** A run of the text, plain or one finding (by its index in the list). */
export interface Segment {
  text: string;
  finding: number | null;
}

/** The text cut into plain runs and findings. Findings are sorted and do not overlap. */
export function segments(offsets: Offsets, findings: { start: number; end: number }[]): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  findings.forEach((f, i) => {
    const s = offsets.charToUnit(f.start);
    const e = offsets.charToUnit(f.end);
    if (s < at) return;
    if (s > at) out.push({ text: offsets.text.slice(at, s), finding: null });
    out.push({ text: offsets.text.slice(s, e), finding: i });
    at = e;
  });
  if (at < offsets.text.length) out.push({ text: offsets.text.slice(at), finding: null });
  return out;
}

/** A search snippet's parts: FTS5 wraps matched words in `**`; marked parts become <mark>. */
export function snippetParts(snippet: string): { text: string; marked: boolean }[] {
  return snippet
    .split('**')
    .map((text, i) => ({ text, marked: i % 2 === 1 }))
    .filter((p) => p.text.length > 0);
}

/** Counts per kind, in the order the kinds are listed. */
export function countByKind<T extends { kind: Kind }>(items: T[]): [Kind, number][] {
  const counts = new Map<Kind, number>();
  for (const i of items) counts.set(i.kind, (counts.get(i.kind) ?? 0) + 1);
  return KINDS.filter((k) => counts.has(k)).map((k) => [k, counts.get(k)!]);
}

export const KINDS: Kind[] = ['person', 'phone', 'email', 'national_id', 'account', 'address', 'plate', 'other'];

/**
 * The UTF-16 offset, within `container`'s text, of a DOM position (a node and an offset in it, as
 * a Selection's anchor or focus). Null when the position lies outside the container.
 */
export function unitOffsetIn(container: Node, node: Node, offset: number): number | null {
  if (!container.contains(node)) return null;
  const doc = container.ownerDocument ?? document;
  let at = 0;
  if (node.nodeType !== Node.TEXT_NODE) {
    // A position between children: count the text of the children before it.
    const range = doc.createRange();
    range.setStart(container, 0);
    range.setEnd(node, offset);
    return range.toString().length;
  }
  const walker = doc.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n === node) return at + offset;
    at += n.textContent?.length ?? 0;
  }
  return null;
}

/**
 * Scrolls `box` (a positioned, scrolling element) just enough to show `el`, without moving the
 * page around it as `scrollIntoView` would.
 */
export function scrollWithin(box: HTMLElement | undefined, el: Element | null | undefined): void {
  if (!box || !(el instanceof HTMLElement)) return;
  const top = el.offsetTop;
  const bottom = top + el.offsetHeight;
  if (top < box.scrollTop) box.scrollTop = Math.max(0, top - 8);
  else if (bottom > box.scrollTop + box.clientHeight) box.scrollTop = bottom - box.clientHeight + 8;
}

/** A finding under review, with whether the webmaster has decided on it. */
export type ReviewItem = Finding & { reviewed: boolean };

/**
 * The review's findings with their state: the core answers whether each is decided in
 * `Review.decided`, in the findings' order, so nothing here judges a finding.
 */
export function reviewItems(review: Review): ReviewItem[] {
  return review.findings.map((f, i) => ({ ...f, reviewed: review.decided[i] ?? false }));
}
