// Temporary folders of imports (uploads received, changed copies of files):
// named after the process that made them, removed after every import, and —
// for those of a process that is gone (killed during an upload) — at start.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PREFIX = 'profiler-import-';

/** A new temporary folder of this process. */
export function makeScratchDir(root: string = tmpdir()): string {
  return mkdtempSync(join(root, `${PREFIX}${process.pid}-`));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary import folders left by processes that no longer run
 * (and those of earlier versions, which carried no process number); another
 * running server's folders are kept. Returns the folders removed.
 */
export function removeStaleScratchDirs(root: string = tmpdir()): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(root)) {
    if (!name.startsWith(PREFIX)) continue;
    const pid = /^profiler-import-(\d+)-/.exec(name)?.[1];
    if (pid !== undefined && (Number(pid) === process.pid || alive(Number(pid)))) continue;
    rmSync(join(root, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
