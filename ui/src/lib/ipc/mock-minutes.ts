// The minutes archive of the in-memory fake: documents with their text, a small detector (names
// it is told about, phone numbers, e-mail addresses), review decisions laid over its findings as
// andel-core lays them, and exports that refuse while anything is pending. Offsets are in
// characters, as the Rust side counts them, so the UI's conversion to UTF-16 is tested for real.
import type { Document, ErrorCode, ExportReport, IpcError, Kind, KindCount, MeetingKind, PassageDecision, Result, Review, ReviewItem, SearchHit, Style } from './index';

function ok<T>(data: T): Result<T, IpcError> {
  return { status: 'ok', data };
}

function err<T>(code: ErrorCode, message: string): Result<T, IpcError> {
  return { status: 'error', error: { code, message } };
}

/** Character offset of UTF-16 offset `u` in `text`. */
function charsBefore(text: string, u: number): number {
  return [...text.slice(0, u)].length;
}

interface Stored {
  doc: Document;
  text: string;
  decisions: PassageDecision[];
}

export class MockMinutes {
  docs: Stored[] = [];
  /** Names the fake detector finds (the register's, in the real app). */
  names: string[] = [];
  private nextId = 1;

  constructor(private today: () => string) {}

  /** Stores minutes as if imported from `fileName`. */
  add(fileName: string, text: string, date: string | null = null, kind: MeetingKind | null = null): Result<Document, IpcError> {
    const ext = fileName.split('.').pop()?.toLowerCase() ?? '';
    if (!['txt', 'md', 'docx', 'pdf'].includes(ext)) {
      return err('invalid_input', `Andel cannot read "${fileName}": import minutes as .txt, .md, .docx or .pdf.`);
    }
    if (!text.trim()) return err('invalid_input', 'This file holds no text. Choose the file with the minutes.');
    const same = this.docs.find((d) => d.text === text);
    if (same) return err('invalid_input', `This file is already in the archive as minutes #${same.doc.id}.`);
    const title = text.split('\n').map((l) => l.replace(/^#+/, '').trim()).find((l) => l) ?? fileName;
    const lower = text.slice(0, 600).toLowerCase();
    const guessed: MeetingKind = lower.includes('ekstraordinær') ? 'extraordinary' : lower.includes('bestyrelsesmøde') ? 'board' : 'ordinary';
    const doc: Document = {
      id: this.nextId++,
      title,
      file_name: fileName,
      format: ext as Document['format'],
      kind: kind ?? guessed,
      date: date ?? /\b(\d{4}-\d{2}-\d{2})\b/.exec(text)?.[1] ?? this.today(),
      chars: [...text].length,
      sha256: `sha-${this.nextId}`,
      imported_at: new Date(0).toISOString(),
    };
    this.docs.push({ doc, text, decisions: [] });
    return ok(doc);
  }

  list(): Document[] {
    return [...this.docs].map((d) => d.doc).sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id);
  }

  search(query: string): SearchHit[] {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.length) return [];
    return this.docs
      .filter((d) => words.every((w) => d.text.toLowerCase().includes(w.replace(/\*$/, ''))))
      .map((d) => {
        const w = (words[0] ?? '').replace(/\*$/, '');
        const at = d.text.toLowerCase().indexOf(w);
        const from = Math.max(0, at - 30);
        const snippet = `${from > 0 ? '…' : ''}${d.text.slice(from, at)}**${d.text.slice(at, at + w.length)}**${d.text.slice(at + w.length, at + w.length + 30)}…`;
        return { id: d.doc.id, title: d.doc.title, date: d.doc.date, kind: d.doc.kind, snippet: snippet.replace(/\s+/g, ' ') };
      });
  }

  private detect(text: string): ReviewItem[] {
    const found: ReviewItem[] = [];
    const push = (u: number, value: string, kind: Kind, recognizer: ReviewItem['recognizer'], reason: string) => {
      const start = charsBefore(text, u);
      const end = start + [...value].length;
      if (found.some((f) => f.start < end && start < f.end)) return;
      found.push({ start, end, kind, text: value, recognizer, score: 1, reason, redact: true, reviewed: false });
    };
    for (const name of this.names) {
      for (let u = text.indexOf(name); u >= 0; u = text.indexOf(name, u + name.length)) {
        push(u, name, 'person', 'register', 'a resident in the register');
      }
    }
    for (const m of text.matchAll(/\b\d{2} \d{2} \d{2} \d{2}\b/g)) push(m.index!, m[0], 'phone', 'phone', 'a phone number');
    for (const m of text.matchAll(/[\w.+-]+@[\w-]+\.[\w.]+\w/g)) push(m.index!, m[0], 'email', 'email', 'an e-mail address');
    return found.sort((a, b) => a.start - b.start);
  }

  review(id: number): Result<Review, IpcError> {
    const d = this.docs.find((x) => x.doc.id === id);
    if (!d) return err('not_found', `There are no minutes #${id} in the archive.`);
    let items = this.detect(d.text);
    const chars = [...d.text];
    for (const r of d.decisions) {
      const covers = (f: ReviewItem) => f.text === r.text && (r.all_occurrences || (f.start === r.start && f.end === r.end));
      const hits = items.filter(covers);
      for (const f of hits) {
        f.redact = r.redact;
        f.reviewed = true;
      }
      if (!hits.length && !r.all_occurrences) {
        items = items.filter((f) => !(f.start < r.end && r.start < f.end));
        items.push({ start: r.start, end: r.end, kind: r.kind, text: chars.slice(r.start, r.end).join(''), recognizer: 'review', score: 1, reason: 'marked in review', redact: r.redact, reviewed: true });
      }
    }
    items.sort((a, b) => a.start - b.start);
    return ok({ document: { ...d.doc }, text: d.text, items });
  }

  decide(id: number, decision: PassageDecision): Result<Review, IpcError> {
    const d = this.docs.find((x) => x.doc.id === id);
    if (!d) return err('not_found', `There are no minutes #${id} in the archive.`);
    if ([...d.text].slice(decision.start, decision.end).join('') !== decision.text || decision.start >= decision.end) {
      return err('invalid_input', 'The marked passage does not match the text. Select it again.');
    }
    d.decisions = d.decisions.filter((x) => !(x.start === decision.start && x.end === decision.end && x.text === decision.text));
    d.decisions.push({ ...decision });
    return this.review(id);
  }

  restart(id: number): Result<Review, IpcError> {
    const d = this.docs.find((x) => x.doc.id === id);
    if (d) d.decisions = [];
    return this.review(id);
  }

  /** The redacted text and the report, or why not. */
  export(id: number, path: string, style: Style): Result<{ text: string; report: ExportReport }, IpcError> {
    if (!/\.(txt|md|html|pdf)$/i.test(path)) return err('invalid_input', `Andel cannot write "${path}": export as .txt, .md, .html or .pdf.`);
    const r = this.review(id);
    if (r.status === 'error') return r;
    const pending = r.data.items.filter((i) => !i.reviewed).length;
    if (pending) return err('invalid_input', `${pending} findings still wait for a decision. Decide on each before the export.`);
    const chars = [...r.data.text];
    const redacted: KindCount[] = [];
    let kept = 0;
    for (const item of [...r.data.items].reverse()) {
      if (!item.redact) {
        kept++;
        continue;
      }
      const label = style === 'block' ? '█████' : style === 'label' ? `[${item.kind}]` : 'Andelshaver A';
      chars.splice(item.start, item.end - item.start, label);
      const c = redacted.find((x) => x.kind === item.kind);
      if (c) c.count++;
      else redacted.push({ kind: item.kind, count: 1 });
    }
    return ok({ text: chars.join(''), report: { path, redacted, kept } });
  }
}
