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
    // A resident list for the import wizard: type this path into it.
    mock.residentLists.set('/home/board/Documents/beboerliste.csv', {
      header: ['Andelsnr.', 'Adresse', 'Etage', 'Navn', 'Telefon', 'E-mail', 'Indflyttet'],
      rows: [
        ['1', 'Rønnebærvej 2', 'st. tv.', 'Aase Tranberg', '41438243', '', '01.04.2022'],
        ['2', 'Rønnebærvej 2', 'st. th.', 'Freja Bundgaard-Vest', '29914406', 'freja.bv@gmail.com', '01.08.2021'],
        ['3', 'Rønnebærvej 2', '1. tv.', 'Sanne Rosendahl og Kenneth Rosendahl', '71539428', '', '15.06.2012'],
        ['4', 'Rønnebærvej 2', '1. th.', '', '', '', ''],
      ],
    });
    setBackend(mock);
  }
  const target = document.getElementById('app');
  if (target) mount(App, { target });
}

void start();
