// Entry point. Inside the desktop app the backend is Tauri; in a plain browser during
// `npm run dev` it is the in-memory mock, so the UI can be worked on without the Rust side.
// Production builds never include the mock.
import { mount } from 'svelte';
import App from './App.svelte';
import { insideTauri, setBackend } from '$lib/ipc';
import './app.css';

async function start() {
  if (import.meta.env.DEV && !insideTauri()) {
    const { MockBackend } = await import('$lib/ipc/mock');
    const mock = new MockBackend();
    // One archive to open (passphrase "dev"); the demo works as in the app.
    const path = '/home/board/Documents/A-B-Solsikken.andel';
    mock.addArchive(path, { name: 'A/B Solsikken', passphrase: 'dev' });
    mock.prefs.recent = [{ path, association: 'A/B Solsikken', opened_at: new Date().toISOString() }];
    setBackend(mock);
  }
  const target = document.getElementById('app');
  if (target) mount(App, { target });
}

void start();
