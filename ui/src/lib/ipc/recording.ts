// The vitest side of the recorded backend (mock-replay.ts): each test replays its own scenario,
// ./recorded/<test file>--<test name>.json, with the clock fixed at the recording's instant.
//
// To record (a new test, or a test whose calls changed): `npm run record -- <test file>`
// (ANDEL_RECORD=1). The test then runs against the real commands, served by the Rust recorder
// (src-tauri/src/recorded.rs) on a pretend disk, and its calls and answers are written as the
// scenario. `cargo test -p andel-desktop recorded_responses_are_up_to_date` keeps them true.
import { configure } from '@testing-library/svelte';
import { afterEach, expect, vi } from 'vitest';
import { canonical, loadScenario, MockBackend, RECORDED_AT, type Scenario, type Setup, type Source, type Step } from './mock-replay';

const RECORDING = typeof process !== 'undefined' && process.env.ANDEL_RECORD === '1';

/** The scenario's file name for the running test. */
function scenarioName(): string {
  const state = expect.getState();
  const file = (state.testPath ?? 'unknown').split(/[\\/]/).pop()!.replace(/\.test\.ts$/, '');
  const test = (state.currentTestName ?? 'unknown').normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${slug(file)}--${slug(test)}`.slice(0, 120);
}

/** The real commands, through the Rust recorder's server, one request at a time. */
class Live implements Source {
  steps: Step[] = [];
  constructor(private readonly server: Server) {}
  async answer(cmd: string, args: unknown): Promise<Step> {
    const step = (await this.server.ask({ cmd, args })) as Step;
    this.steps.push(step);
    return step;
  }
}

class Server {
  private queue: Promise<unknown> = Promise.resolve();
  private waiting: ((line: string) => void)[] = [];
  private constructor(private readonly write: (line: string) => void) {}

  static async start(): Promise<Server> {
    const { spawn } = await import('node:child_process');
    const child = spawn(
      'cargo',
      ['test', '-q', '-p', 'andel-desktop', '--features', 'andel-desktop/custom-protocol', '--lib', 'recorded::tests::record_server', '--', '--ignored', '--exact', '--nocapture'],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    const server = new Server((line) => child.stdin.write(line + '\n'));
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line.startsWith('@@')) server.waiting.shift()?.(line.slice(2));
      }
    });
    process.on('exit', () => child.kill());
    return server;
  }

  /** Resolves once every request sent so far is answered. */
  async idle(): Promise<void> {
    await this.queue;
  }

  ask(request: unknown): Promise<unknown> {
    const next = this.queue.then(
      () =>
        new Promise<unknown>((resolve, reject) => {
          this.waiting.push((line) => {
            const answer = JSON.parse(line) as { fail?: string };
            if (answer.fail) reject(new Error(`recorder: ${answer.fail}`));
            else resolve(answer);
          });
          this.write(JSON.stringify(request));
        }),
    );
    this.queue = next.catch(() => undefined);
    return next;
  }
}

let server: Promise<Server> | null = null;
let finish: (() => Promise<void>) | null = null;

afterEach(async () => {
  vi.useRealTimers();
  await finish?.();
  finish = null;
});

/**
 * The backend for the running test: its recorded scenario replayed over the real bindings, with
 * the clock at the recording's instant. `setup` is the pretend disk the scenario starts from; it
 * must be the one recorded.
 */
export async function recorded(setup: Setup = {}): Promise<MockBackend> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(RECORDED_AT));
  const name = scenarioName();
  if (RECORDING) {
    configure({ asyncUtilTimeout: 30_000 });
    server ??= Server.start();
    const live = new Live(await server);
    await (await server).ask({ setup });
    const mock = new MockBackend(live).install();
    finish = async () => {
      // Calls still on their way, and those their answers set off, belong to the scenario: a
      // replay (quicker than the real commands) will be asked them too.
      for (;;) {
        const seen = live.steps.length;
        await mock.settled();
        await (await server!).idle();
        await new Promise((r) => setTimeout(r, 250));
        if (live.steps.length === seen) break;
      }
      const { writeFile } = await import('node:fs/promises');
      // vitest runs in ui/.
      const path = `${process.cwd()}/src/lib/ipc/recorded/${name}.json`;
      const scenario: Scenario = { setup, steps: live.steps };
      await writeFile(path, JSON.stringify(scenario, null, 2) + '\n');
    };
    return mock;
  }
  const scenario = await loadScenario(name);
  if (!scenario) throw new Error(`No recording ${name}.json: record it with \`npm run record -- <test file>\`.`);
  if (canonical(scenario.setup) !== canonical(setup)) throw new Error(`${name}.json was recorded with another setup: record it again.`);
  const mock = new MockBackend(await import('./mock-replay').then((m) => new m.Recording(scenario))).install();
  finish = async () => {
    expect(mock.misses, `calls not recorded in ${name}.json (record it again)`).toEqual([]);
  };
  return mock;
}
