// Errors that become HTTP answers. Anything else is logged and answered with a
// generic 500: no stack trace or SQL text ever reaches a response.
import type { ErrorRequestHandler } from 'express';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, param?: string) =>
  new HttpError(400, message, param ? { parameter: param } : undefined);
export const notFound = (message: string) => new HttpError(404, message);

export const errorHandler: ErrorRequestHandler = (err, _req, res, _next) => {
  if (err instanceof HttpError) {
    res.status(err.status).json({ error: err.message, ...err.details });
    return;
  }
  const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
  if (status === 500) console.error('[error]', err);
  res.status(status).json({ error: status === 500 ? 'Internal error' : String(err?.message ?? 'Bad request') });
};
