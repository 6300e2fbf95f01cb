// The app runs under `style-src 'self'; script-src 'self'`: an inline style attribute or an
// {@html} block would be blocked (or be a hole). This guards every component.
import { describe, expect, it } from 'vitest';

const components = import.meta.glob('./**/*.svelte', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

function markup(source: string): string {
  return source.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<style[\s\S]*?<\/style>/g, '');
}

describe('strict Content-Security-Policy', () => {
  it('finds the components', () => {
    expect(Object.keys(components).length).toBeGreaterThan(8);
  });

  it.each(Object.entries(components))('%s has no inline styles and no {@html}', (_name, source) => {
    const m = markup(source);
    expect(m).not.toMatch(/\sstyle(:[\w-]+)?=/);
    expect(m).not.toContain('{@html');
    expect(m).not.toMatch(/<script\b/);
  });

  it('no component uses transitions or animations (Svelte injects their CSS inline)', () => {
    for (const [name, source] of Object.entries(components)) {
      expect(markup(source), name).not.toMatch(/\s(transition|in|out|animate):/);
    }
  });
});
