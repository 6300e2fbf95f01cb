// Records the scenarios of the given UI test files against the real commands (see
// src/lib/ipc/recording.ts), then lets the Rust test rewrite every recording in its own form and
// checks that a second run of the commands answers the same (a recording must not depend on
// timing or on the machine).
//   npm run record -- src/lib/requests/RequestsArea.test.ts
import { spawnSync } from 'node:child_process';

const files = process.argv.slice(2);
const run = (cmd, args, env = {}, cwd = '.') => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd, env: { ...process.env, ...env } });
  return r.status ?? 1;
};
const cargo = ['test', '-q', '-p', 'andel-desktop', '--features', 'andel-desktop/custom-protocol', '--lib', 'recorded_responses_are_up_to_date'];

const tests = run('npx', ['vitest', 'run', '--no-file-parallelism', ...files], { ANDEL_RECORD: '1' });
if (run('cargo', cargo, { ANDEL_WRITE_RECORDED: '1' }, '..') !== 0) process.exit(1);
if (run('cargo', cargo, {}, '..') !== 0) {
  console.error('A second run of the commands answered differently: a recording depends on timing or the machine.');
  process.exit(1);
}
process.exit(tests);
