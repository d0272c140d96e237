// The Express application: API routes (each declared with its access in
// server/routes), the built client, and error handling. Used by server/main.ts
// and by the tests (on an ephemeral port).
import express from 'express';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { requestDeadline, type Database } from './db.ts';
import type { Config } from './config.ts';
import { errorHandler, notFound } from './errors.ts';
import { mountRoutes, type RouteDef } from './routes/registry.ts';
import { healthRoutes } from './routes/health.ts';
import { sessionRoutes } from './routes/session.ts';
import { usersRoutes } from './routes/users.ts';
import { auditRoutes } from './routes/audit.ts';
import { securityHeaders } from './auth/headers.ts';
import { trendsRoutes } from './routes/trends.ts';
import { hotspotsRoutes } from './routes/hotspots.ts';
import { exportsRoutes } from './routes/exports.ts';
import { profilesRoutes } from './routes/profiles.ts';
import { importsRoutes } from './routes/imports.ts';
import { measuresRoutes } from './routes/measures.ts';
import { missingRoutes } from './routes/missing.ts';
import { reportRoutes } from './routes/report.ts';
import { contextRoutes } from './routes/context.ts';
import { commentaryRoutes } from './routes/commentary.ts';

export interface AppContext {
  db: Database;
  config: Config;
  /** Called after an import through the API is stored (the server computes its default views: server/warm.ts). */
  afterImport?: () => void;
}

export const CLIENT_DIST = fileURLToPath(new URL('../client/dist/', import.meta.url));

/** Every route module; a new module is added here (and nowhere else). */
const routeModules: ((ctx: AppContext) => RouteDef[])[] = [healthRoutes, sessionRoutes, usersRoutes, auditRoutes, trendsRoutes, hotspotsRoutes, exportsRoutes, profilesRoutes, importsRoutes, measuresRoutes, missingRoutes, reportRoutes, contextRoutes, commentaryRoutes];

export function allRoutes(ctx: AppContext): RouteDef[] {
  return routeModules.flatMap((m) => m(ctx));
}

/** Every route is served by the one pipeline of server/routes/registry.ts (access, release, audit). */
export function createApp(ctx: AppContext): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // API answers are Cache-Control: no-store (server/auth/headers.ts), so an ETag would never be used: not computed.
  app.set('etag', false);
  app.set('query parser', 'simple');
  // Behind a TLS reverse proxy (TRUST_PROXY): req.protocol, req.host, req.secure and req.ip come from its X-Forwarded-* headers.
  app.set('trust proxy', ctx.config.trustProxy);
  app.use(securityHeaders);
  app.use(express.json({ limit: '100kb' }));

  app.use('/api', requestDeadline(ctx.db));
  const api = express.Router();
  mountRoutes(api, allRoutes(ctx), ctx);
  app.use(api);
  app.use('/api', (_req, _res, next) => next(notFound('No such API route')));

  if (existsSync(CLIENT_DIST)) {
    app.use(express.static(CLIENT_DIST, { index: false, maxAge: '1h' }));
    // Any page path answers with the client, so links to /victims?from=… work.
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(join(CLIENT_DIST, 'index.html')));
  }
  app.use(errorHandler);
  return app;
}
