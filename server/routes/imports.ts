// Extract import through the running server: POST /api/imports takes the
// files of a batch (multipart/form-data, any field name, the original file
// names kept) and answers 200 with the stored files or 422 with every problem;
// GET /api/imports lists the batches held (the report's "data sources") and,
// under `held`, which sources each table comes from, the tables not held and
// the figures a held source cannot give (server/import/sources/held.ts).
import type { Request, Response } from 'express';
import busboy from 'busboy';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { AppContext } from '../app.ts';
import { Reply, served, type RouteDef } from './registry.ts';
import { badRequest, HttpError } from '../errors.ts';
import { importFiles } from '../import/index.ts';
import { listImports } from '../import/store.ts';
import { makeScratchDir } from '../import/scratch.ts';
import { heldSources } from '../import/sources/held.ts';

/** Largest upload accepted, all files together. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
const MAX_FILES = 20;

interface Upload {
  name: string;
  path: string;
}

/** Streams the multipart files into `dir`; rejects with 413 past the size limit. */
function receiveFiles(req: Request, dir: string): Promise<Upload[]> {
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers, limits: { files: MAX_FILES, fileSize: MAX_UPLOAD_BYTES } });
    } catch {
      reject(badRequest('Send the extract files as multipart/form-data.', 'files'));
      return;
    }
    const uploads: Upload[] = [];
    const writes: Promise<void>[] = [];
    let total = 0;
    let failed = false;
    const fail = (e: Error) => {
      if (failed) return;
      failed = true;
      req.unpipe(bb);
      req.resume();
      reject(e);
    };
    // A body that ends before the form does (a cut connection, a broken client) is the sender's problem: 400, not 500.
    const cutOff = () => badRequest('The upload ended before the end of the form (cut off, or not well-formed multipart/form-data): send the files again.', 'files');
    req.on('close', () => {
      if (!req.complete) fail(cutOff());
    });
    bb.on('file', (_field, stream, info) => {
      const name = basename(info.filename ?? '').trim();
      if (!name) {
        stream.resume();
        return;
      }
      const path = join(dir, `${uploads.length}-${name.replace(/[^A-Za-z0-9._-]/g, '_')}`);
      uploads.push({ name, path });
      stream.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > MAX_UPLOAD_BYTES) fail(new HttpError(413, `The upload is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`));
      });
      stream.on('limit', () => fail(new HttpError(413, `The upload is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`)));
      // Handled at once (a rejection left until 'close' would be unhandled): the file stream fails when the form is cut off.
      writes.push(pipeline(stream, createWriteStream(path)).catch((e: unknown) => {
        fail(busboyError(e) ? cutOff() : e instanceof Error ? e : new Error(String(e)));
      }));
    });
    bb.on('filesLimit', () => fail(badRequest(`At most ${MAX_FILES} files can be imported at once.`, 'files')));
    bb.on('error', () => fail(cutOff()));
    bb.on('close', () => {
      void Promise.all(writes).then(() => (failed ? undefined : resolve(uploads)));
    });
    req.pipe(bb);
  });
}

/** Errors busboy gives a file stream when the form is malformed or ends early ("Unexpected end of form", …). */
function busboyError(e: unknown): boolean {
  return e instanceof Error && /^(Unexpected end of|Malformed)/.test(e.message);
}

function sessionUser(res: Response): string | undefined {
  return served(res).session?.username;
}

export function importsRoutes(ctx: AppContext): RouteDef[] {
  return [
    {
      method: 'post',
      path: '/api/imports',
      access: 'admin',
      params: {},
      summary: 'Import a batch of extracts (multipart upload); all-or-nothing',
      handler: async (req, res) => {
        const dir = makeScratchDir();
        try {
          const uploads = await receiveFiles(req, dir);
          if (uploads.length === 0) throw badRequest('No files were uploaded.', 'files');
          const result = await importFiles(ctx.db, uploads, { source: 'api', importedBy: sessionUser(res) });
          Object.assign(served(res).audit, {
            event: 'import',
            details: result.ok
              ? { importId: result.importId, files: result.files }
              : { refused: true, files: uploads.map((u) => u.name), problems: result.problems.length },
          });
          if (result.ok) ctx.afterImport?.();
          return result.ok
            ? { ok: true, importId: result.importId, files: result.files, warnings: result.warnings }
            : new Reply(422, { ok: false, problems: result.problems, warnings: result.warnings });
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      },
    },
    {
      method: 'get',
      path: '/api/imports',
      access: 'aggregate',
      params: {},
      summary: 'Import history: batches, their files, row counts and SHA-256; the sources held and the figures they cannot give',
      handler: async () => {
        const imports = await listImports(ctx.db);
        return {
          imports: imports.map((i) => ({ importId: i.importId, importedAt: i.importedAt, source: i.source, files: i.files })),
          held: await heldSources(ctx.db),
        };
      },
    },
  ];
}
