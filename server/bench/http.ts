// The app served in this process on an ephemeral port, with an admin session
// signed in over HTTP, and timed GETs with that session.
import type { AddressInfo } from 'node:net';
import { Agent, request, type Server } from 'node:http';
import type { Database } from '../db.ts';
import { createApp } from '../app.ts';
import { configFromEnv } from '../config.ts';
import { addUser } from '../auth/users.ts';

export interface BenchServer {
  url: string;
  /** `name=value` of the session cookie. */
  cookie: string;
  /** GET with the session; rejects unless 200; resolves when the whole body is read. */
  get(path: string): Promise<string>;
  close(): Promise<void>;
}

export async function startBenchServer(db: Database): Promise<BenchServer> {
  const app = createApp({ db, config: configFromEnv({}) });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { username, password } = await addUser(db, `bench-${Date.now().toString(36)}`, 'admin');
  const r = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (r.status !== 200) throw new Error(`Signing in answered ${r.status}`);
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0];
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  return {
    url,
    cookie,
    // node:http on one kept-alive connection: a lean client, so the figure is the server's time, not the client's.
    get: (path) =>
      new Promise<string>((resolve, reject) => {
        const req = request(url + path, { agent, headers: { Cookie: cookie, Accept: 'application/json' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if (res.statusCode !== 200) reject(new Error(`GET ${path} answered ${res.statusCode}: ${text.slice(0, 200)}`));
            else resolve(text);
          });
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end();
      }),
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
