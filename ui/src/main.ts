// Entry point. Inside the desktop app the backend is Tauri; in a plain browser during
// `npm run dev` Tauri's IPC replays a recorded walk through the demo (the answers the real
// commands gave, see src/lib/ipc/mock-replay.ts): "Try the demo", its passphrase (shown on the
// screen), your name left empty, then look around every area; a change or a call nobody recorded
// is refused with "Not recorded". Production builds never include the replay.
import { mount } from 'svelte';
import App from './App.svelte';
import { insideTauri } from '$lib/ipc';
import './app.css';

/** The scenario `npm run dev` replays: a test in App.test.ts records it. */
const DEV_SCENARIO = 'app--main-screen-the-demo-area-by-area-as-npm-run-dev-replays-it';

async function start() {
  if (import.meta.env.DEV && !insideTauri()) {
    const { loadScenario, MockBackend, Recording } = await import('$lib/ipc/mock-replay');
    const scenario = await loadScenario(DEV_SCENARIO);
    if (scenario) new MockBackend(new Recording(scenario)).install();
  }
  const target = document.getElementById('app');
  if (target) mount(App, { target });
}

void start();
