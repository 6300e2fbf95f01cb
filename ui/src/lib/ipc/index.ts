// The seam between the UI and the Rust side. This module is the only place that talks to Tauri:
// components call `backend()` and never import bindings.ts. The backend is the generated
// tauri-specta bindings; in vitest (and in a plain browser during `npm run dev`) Tauri's IPC under
// them replays answers recorded from the real commands (mock-replay.ts).
import { commands, events } from './bindings';
import type { CloseBlocked, IpcError, Result, SaveState, ScanProgress } from './bindings';

// Every type of the IPC boundary, as generated from the Rust side.
export type * from './bindings';

/**
 * The commands, typed by the generated bindings: the list is the Rust side's one list
 * (`specta_builder` in src-tauri/src/lib.rs), never written out here.
 */
export type Commands = typeof commands;

export type Unlisten = () => void;

/** The app's events, delivered with their payloads. */
export interface Events {
  onSaveStateChanged(handler: (state: SaveState) => void): Promise<Unlisten>;
  onCloseBlocked(handler: (blocked: CloseBlocked) => void): Promise<Unlisten>;
  /** Each page of a scan as the import starts reading it. */
  onScanProgress(handler: (progress: ScanProgress) => void): Promise<Unlisten>;
}

export type Backend = Commands & Events;

/** The real backend: the generated commands and events. */
export const tauriBackend: Backend = {
  ...commands,
  onSaveStateChanged: (handler) => events.saveStateChanged.listen((e) => handler(e.payload)),
  onCloseBlocked: (handler) => events.closeBlocked.listen((e) => handler(e.payload)),
  onScanProgress: (handler) => events.scanProgress.listen((e) => handler(e.payload)),
};

let current: Backend = tauriBackend;

/** The backend every component uses. */
export function backend(): Backend {
  return current;
}

/** Replaces the backend: the mock in tests and in a plain browser during development. */
export function setBackend(b: Backend): void {
  current = b;
}

/** True inside the desktop app (Tauri injects its internals before our scripts run). */
export function insideTauri(): boolean {
  return typeof window !== 'undefined' && '__TAURI_INTERNALS__' in window;
}

/**
 * An error for a failure that did not come back as a typed `{code, message}` (the IPC call
 * itself threw): shown as an internal error rather than lost.
 */
export function internalError(e: unknown): IpcError {
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'internal', message };
}

/** Runs a command that returns a Result, turning a thrown failure into an internal error. */
export async function call<T>(run: () => Promise<Result<T, IpcError>>): Promise<Result<T, IpcError>> {
  try {
    return await run();
  } catch (e) {
    return { status: 'error', error: internalError(e) };
  }
}
