// Runs a TypeScript module in a worker thread with a heap cap and a time
// limit: heavy parsing of imported files happens there, so that the server's
// event loop keeps answering and its heap does not grow with a file.
import { Worker } from 'node:worker_threads';

/** Why a worker gave no answer: it ran out of its heap, took too long, or failed. */
export class WorkerFailure extends Error {
  constructor(
    readonly reason: 'memory' | 'time' | 'error',
    readonly cause: unknown,
  ) {
    super(`worker failed (${reason})`);
  }
}

// Workers are TypeScript: server/worker-boot.mjs loads them through tsx (under `npm start` and under vitest alike).
const BOOT = new URL('./worker-boot.mjs', import.meta.url);

/** Starts `module` with `data` as its workerData and resolves with the first message it posts. */
export function runWorker<T>(module: URL, data: unknown, limits: { heapMb: number; timeMs: number }): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOT, {
      argv: [module.href],
      workerData: data,
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(() => settle(() => reject(new WorkerFailure('time', null))), limits.timeMs);
    worker.once('message', (m: T) => settle(() => resolve(m)));
    worker.once('error', (e: Error & { code?: string }) =>
      settle(() => reject(new WorkerFailure(e instanceof RangeError || e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'error', e))),
    );
    worker.once('exit', (code) => settle(() => reject(new WorkerFailure('error', new Error(`worker exited with code ${code}`)))));
  });
}
