// Extract import through the running server: POST /api/imports takes the
// files of a batch (multipart/form-data, any field name, the original file
// names kept) and answers 200 with the stored files or 422 with every problem;
// GET /api/imports lists the batches held (the report's "data sources").
import type { Request, Response } from 'express';
import busboy from 'busboy';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { AppContext } from '../app.ts';
import type { RouteDef } from './registry.ts';
import { badRequest, HttpError } from '../errors.ts';
import { importFiles } from '../import/index.ts';
import { listImports } from '../import/store.ts';
import type { AuditNote } from '../audit/capture.ts';

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
      writes.push(pipeline(stream, createWriteStream(path)));
    });
    bb.on('filesLimit', () => fail(badRequest(`At most ${MAX_FILES} files can be imported at once.`, 'files')));
    bb.on('error', (e) => fail(e instanceof Error ? e : new Error(String(e))));
    bb.on('close', () => {
      Promise.all(writes).then(
        () => (failed ? undefined : resolve(uploads)),
        (e) => fail(e instanceof Error ? e : new Error(String(e))),
      );
    });
    req.pipe(bb);
  });
}

function sessionUser(res: Response): string | undefined {
  const s = res.locals.session as { username?: unknown } | undefined;
  return typeof s?.username === 'string' ? s.username : undefined;
}

export function importsRoutes(ctx: AppContext): RouteDef[] {
  return [
    {
      method: 'post',
      path: '/api/imports',
      access: 'admin',
      summary: 'Import a batch of extracts (multipart upload); all-or-nothing',
      handler: async (req, res) => {
        const dir = await mkdtemp(join(tmpdir(), 'profiler-import-'));
        try {
          const uploads = await receiveFiles(req, dir);
          if (uploads.length === 0) throw badRequest('No files were uploaded.', 'files');
          const result = await importFiles(ctx.db, uploads, { source: 'api', importedBy: sessionUser(res) });
          res.locals.audit = {
            event: 'import',
            details: result.ok
              ? { importId: result.importId, files: result.files }
              : { refused: true, files: uploads.map((u) => u.name), problems: result.problems.length },
          } satisfies AuditNote;
          if (result.ok) {
            res.json({ ok: true, importId: result.importId, files: result.files, warnings: result.warnings });
            ctx.afterImport?.();
          } else {
            res.status(422).json({ ok: false, problems: result.problems, warnings: result.warnings });
          }
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      },
    },
    {
      method: 'get',
      path: '/api/imports',
      access: 'aggregate',
      summary: 'Import history: batches, their files, row counts and SHA-256',
      handler: async (_req, res) => {
        const imports = await listImports(ctx.db);
        res.json({
          imports: imports.map((i) => ({ importId: i.importId, importedAt: i.importedAt, source: i.source, files: i.files })),
        });
      },
    },
  ];
}
