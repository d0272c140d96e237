// `npm start` serves the built client; build it when missing or older than its sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export function clientIsStale(): boolean {
  const index = join(ROOT, 'client/dist/index.html');
  if (!existsSync(index)) return true;
  return newestMtime(join(ROOT, 'client')) > statSync(index).mtimeMs;
}

export async function ensureClientBuilt(log: (msg: string) => void = console.log): Promise<void> {
  if (!clientIsStale()) return;
  log('Building the client (vite build)…');
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
  log('Client built.');
}
