// Notices when nobody has touched the keyboard or mouse for a while, so the main window can lock
// the archive (the key and the decrypted register leave memory). Activity only stamps a time;
// one timer checks the stamp when it runs out, so a moving mouse costs next to nothing.

export const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'mousedown', 'mousemove', 'wheel', 'touchstart', 'focusin'] as const;

export class IdleTimer {
  private last = Date.now();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly onActivity = () => {
    this.last = Date.now();
  };

  constructor(
    private delayMs: number,
    private readonly onIdle: () => void,
    private readonly target: EventTarget = window,
  ) {}

  /** Starts watching; the clock starts now. */
  start(): void {
    this.stop();
    this.last = Date.now();
    for (const name of ACTIVITY_EVENTS) this.target.addEventListener(name, this.onActivity, { passive: true, capture: true });
    this.schedule(this.delayMs);
  }

  /** Stops watching until `start` is called again. */
  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    for (const name of ACTIVITY_EVENTS) this.target.removeEventListener(name, this.onActivity, { capture: true });
  }

  /** Changes the delay; counts from the last activity. */
  setDelay(delayMs: number): void {
    this.delayMs = delayMs;
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.schedule(Math.max(0, this.last + delayMs - Date.now()));
    }
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(() => this.check(), ms);
  }

  private check(): void {
    const left = this.last + this.delayMs - Date.now();
    if (left > 0) {
      this.schedule(left);
      return;
    }
    // Fires once; whoever handles it starts the timer again if the archive stays open.
    this.stop();
    this.onIdle();
  }
}

export function minutesToMs(minutes: number): number {
  return Math.max(1, minutes) * 60_000;
}
