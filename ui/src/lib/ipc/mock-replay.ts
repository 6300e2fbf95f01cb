// The UI's test backend: it replays what the real commands answered, recorded by a Rust test
// (src-tauri/src/recorded.rs) into ./recorded/*.json. No rule of Andel's lives here: a deadline,
// the national-ID guard or a retention period the UI shows in a test is andel-core's own answer.
//
// The app's real backend (the generated bindings) stays in place; only Tauri's IPC underneath it
// is replaced (`mockIPC`), so the command list, names and argument names are the bindings'.
//
// A scenario is the calls one UI test made, in order, each with its answer and whether it
// changed anything. Replaying, a query is answered from the calls recorded since the last change;
// a change must come in its recorded order. A call that was not recorded fails loudly (as an
// `internal` error and in `misses`), so a test cannot pass on answers nobody recorded.
import { mockIPC } from '@tauri-apps/api/mocks';
import { emit } from '@tauri-apps/api/event';
import type { IpcError } from './bindings';
import { setBackend, tauriBackend } from './index';

/** The instant every scenario was recorded at (the recorder's fixed clock). */
export const RECORDED_AT = '2026-11-30T10:00:00Z';

/** The pretend machine a scenario starts from (see `Setup` in recorded.rs). */
export interface Setup {
  prefs?: { language: string | null; actor: string | null; recent: { path: string; association: string; opened_at: string }[] };
  archives?: {
    path: string;
    name: string;
    country: 'DK' | 'NO' | 'SE';
    passphrase?: string;
    /** Encrypted to a new key, written to this file, instead of a passphrase. */
    key_file?: string;
    /** Cut to half its length. */
    damaged?: boolean;
    /** Saved by a newer Andel. */
    newer?: boolean;
    /** Someone else's lock beside it. */
    held_by?: { user: string; host: string; pid: number; since: string };
  }[];
  files?: Record<string, string>;
  /** Files copied from the repository's tests/fixtures: path → the fixture's path there. */
  fixtures?: Record<string, string>;
  /** Scans of texts as Andel lays them out: an image-only PDF, or a PNG of page 1 (at `dpi`, 300 unless told). */
  scans?: Record<string, { text: string; dpi?: number }>;
}

/** One recorded call (see `Step` in recorded.rs). */
export interface Step {
  cmd: string;
  args: unknown;
  ok?: unknown;
  err?: IpcError;
  changes?: boolean;
  wrote?: Record<string, string | null>;
}

export interface Scenario {
  setup: Setup;
  steps: Step[];
}

/** Commands that need a person at the screen or another program: answered here, never recorded. */
export const NOT_RECORDED = [
  'pick_archive',
  'pick_new_archive_path',
  'pick_pdf_path',
  'pick_resident_list',
  'pick_minutes_file',
  'pick_export_path',
  'pick_handover_path',
  'open_pdf',
  'quit',
] as const;
type NotRecorded = (typeof NOT_RECORDED)[number];

/** The real timer, also under a test's fake timers: waiting for calls must not depend on them. */
const later = globalThis.setTimeout.bind(globalThis);

/** What an imposed answer returns to let the recording answer after all. */
export const REPLAY = Symbol('replay');

/** JSON with its keys sorted, so two equal argument objects compare equal. */
export function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}

/** Where answers come from: a recording, or (while recording) the real commands. */
export interface Source {
  answer(cmd: string, args: unknown): Promise<Step | null>;
}

/** Answers from a recorded scenario. */
export class Recording implements Source {
  /** The first step not yet consumed by a change. */
  private at = 0;
  constructor(private readonly scenario: Scenario) {}

  async answer(cmd: string, args: unknown): Promise<Step | null> {
    const key = canonical(args ?? {});
    const steps = this.scenario.steps;
    for (let i = this.at; i < steps.length; i++) {
      const s = steps[i]!;
      if (s.cmd === cmd && canonical(s.args ?? {}) === key) {
        if (s.changes) this.at = i + 1;
        return s;
      }
      // Nothing recorded after a change is visible before it.
      if (s.changes) break;
    }
    return null;
  }
}

/** The UI's backend in tests and in `npm run dev`: the real bindings over replayed IPC. */
export class MockBackend {
  /** Every command called, by its Rust name, in order. */
  calls: string[] = [];
  /** Calls with no recorded answer: a test fails on them. */
  misses: string[] = [];
  /** What the native dialogs return, by command, until changed (null: the user cancelled). */
  picked: Partial<Record<NotRecorded, string | null>> = {};
  /** PDFs handed to the system viewer. */
  opened: string[] = [];
  quitCalled = false;
  /** Text files the commands wrote so far (path → text; null for a binary file). */
  written = new Map<string, string | null>();
  /** Calls on their way (while recording, the real commands take their time). */
  private pending = 0;
  /** The last answer each command gave (its `ok`), for a test that checks what the UI was told. */
  answers = new Map<string, unknown>();
  /** Answers a test imposes for a failure the recorder cannot cause (a full disk, say). */
  private imposed = new Map<string, (args: Record<string, unknown>) => unknown>();

  constructor(private readonly source: Source) {}

  /**
   * Answers `cmd` with `answer` from now on: return a value (`REPLAY`: the recorded one), or throw
   * an `IpcError`. A promise is waited for: resolving it to `REPLAY` holds a recorded answer back
   * (a long import the test watches).
   */
  impose(cmd: string, answer: (args: Record<string, unknown>) => unknown): void {
    this.imposed.set(cmd, answer);
  }

  /** Stops imposing an answer: `cmd` is replayed again. */
  release(cmd: string): void {
    this.imposed.delete(cmd);
  }

  /** Sends an event as the Rust side would (`close-blocked`, `save-state-changed`). */
  async emit(event: string, payload: unknown): Promise<void> {
    await emit(event, payload);
  }

  /** Makes this the backend: installs the IPC replay under the generated bindings. */
  install(): this {
    mockIPC((cmd, args) => this.invoke(cmd, (args ?? {}) as Record<string, unknown>), { shouldMockEvents: true });
    setBackend(tauriBackend);
    return this;
  }

  /** Resolves once no call is on its way: for a test that acts on what a screen loaded. */
  async settled(): Promise<void> {
    do await new Promise((r) => later(r, 0));
    while (this.pending > 0);
  }

  private async invoke(cmd: string, args: Record<string, unknown>): Promise<unknown> {
    this.pending++;
    try {
      return await this.answer(cmd, args);
    } finally {
      this.pending--;
    }
  }

  private async answer(cmd: string, args: Record<string, unknown>): Promise<unknown> {
    this.calls.push(cmd);
    const imposed = (await this.imposed.get(cmd)?.(args)) ?? REPLAY;
    if (imposed !== REPLAY) return imposed;
    if ((NOT_RECORDED as readonly string[]).includes(cmd)) return this.local(cmd as NotRecorded, args);
    const step = await this.source.answer(cmd, args);
    if (!step) {
      const what = `${cmd} ${canonical(args)}`;
      this.misses.push(what);
      throw { code: 'internal', message: `Not recorded: ${what}` } satisfies IpcError;
    }
    for (const [path, text] of Object.entries(step.wrote ?? {})) this.written.set(path, text);
    if (step.err) throw step.err;
    this.answers.set(cmd, step.ok ?? null);
    return step.ok ?? null;
  }

  private local(cmd: NotRecorded, args: Record<string, unknown>): unknown {
    switch (cmd) {
      case 'open_pdf':
        this.opened.push(String(args.path));
        return null;
      case 'quit':
        this.quitCalled = true;
        return null;
      default:
        return this.picked[cmd] ?? null;
    }
  }
}

const recordings = import.meta.glob<Scenario>('./recorded/*.json', { import: 'default' });

/** The names of the recorded scenarios. */
export function scenarioNames(): string[] {
  return Object.keys(recordings).map((p) => p.replace(/^\.\/recorded\/(.*)\.json$/, '$1'));
}

/** A recorded scenario by name, or null. */
export async function loadScenario(name: string): Promise<Scenario | null> {
  const load = recordings[`./recorded/${name}.json`];
  return load ? load() : null;
}
