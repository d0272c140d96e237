// The project stands on its own: every link in the README, docs/ and the
// fixtures' READMEs points inside the repository (no ../shared, no absolute
// paths, no web addresses), so a clone is complete.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DOCS = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`), 'tests/fixtures/README.md', 'tests/fixtures/acceptance/README.md'];

/** Markdown link targets, and paths in code spans that look like files of another folder (`../x/y.md`). */
function targets(text: string): string[] {
  const links = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
  const spans = [...text.matchAll(/`([^`\s]*\.\.\/[^`\s]*)`/g)].map((m) => m[1]);
  return [...links, ...spans];
}

describe('links in the documentation', () => {
  it.each(DOCS)('%s links only inside the repository', (file) => {
    const outside = targets(readFileSync(join(ROOT, file), 'utf8')).filter((t) => {
      if (t.startsWith('#')) return false;
      if (/^[a-z]+:/i.test(t) || t.startsWith('/')) return true;
      const path = relative(ROOT, resolve(dirname(join(ROOT, file)), t.split('#')[0]));
      return path.startsWith('..');
    });
    expect(outside).toEqual([]);
  });
});
