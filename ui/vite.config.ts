// Vite builds the UI into ui/dist, which the Tauri shell serves from its own protocol.
// The app runs under a strict Content-Security-Policy (script-src 'self'; style-src 'self'),
// so nothing may be inlined: no source maps, no inlined assets, CSS in its own file.
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

// Recording the UI tests' scenarios (npm run record) runs them against the real commands in a
// debug build: slower than the replay, so they get more time.
const recording = process.env.ANDEL_RECORD === '1';

export default defineConfig({
  base: './',
  plugins: [svelte(), svelteTesting()],
  clearScreen: false,
  resolve: {
    alias: {
      $lib: fileURLToPath(new URL('./src/lib', import.meta.url)),
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    // The glossaries are shared with andel-core and live in the repository's assets/.
    fs: { allow: ['.', '../assets/i18n'] },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    assetsInlineLimit: 0,
    cssCodeSplit: false,
    modulePreload: { polyfill: false },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    restoreMocks: true,
    // A loaded machine (the CI's two cores) has taken 6 s for the heaviest test, over vitest's default 5 s.
    ...(recording
      ? { testTimeout: 120_000, hookTimeout: 120_000, expect: { poll: { timeout: 30_000 } } }
      : { testTimeout: 20_000 }),
  },
});
