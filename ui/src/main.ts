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
    setBackend(new MockBackend());
  }
  const target = document.getElementById('app');
  if (target) mount(App, { target });
}

void start();
