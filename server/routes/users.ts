// Account management (admin): list, add, disable, enable, reset a password.
// A generated password is returned once, in the answer that created it.
// Each change is written with its `account` audit entry in one transaction
// (server/auth/users.ts); a disabled account or a reset password ends that
// user's sessions.
import type { Request, Response } from 'express';
import type { AppContext } from '../app.ts';
import { Reply, served, type RouteDef } from './registry.ts';
import { addUser, listUsers, resetPassword, setDisabled, type Actor } from '../auth/users.ts';
import { securityFor } from '../auth/security.ts';

function optionalString(body: unknown, name: string): string | undefined {
  const v = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
  return typeof v === 'string' ? v : undefined;
}

/** The admin making the change, for its audit entry; `status` is the answer the change gets. */
function actor(req: Request, res: Response, path: string, status: number): Actor {
  const s = served(res).session;
  return { username: s?.username ?? null, role: s?.role ?? null, address: req.ip ?? null, method: 'POST', route: path, status };
}

export function usersRoutes(ctx: AppContext): RouteDef[] {
  const { sessions } = securityFor(ctx);
  return [
    {
      method: 'get',
      path: '/api/users',
      access: 'admin',
      params: {},
      summary: 'Accounts and their roles',
      handler: async () => ({ users: await listUsers(ctx.db) }),
    },
    {
      method: 'post',
      path: '/api/users',
      access: 'admin',
      params: {},
      summary: 'Add an account',
      handler: async (req, res) => {
        const role = optionalString(req.body, 'role');
        const u = await addUser(ctx.db, optionalString(req.body, 'username'), role, optionalString(req.body, 'password'), actor(req, res, '/api/users', 201));
        return new Reply(201, { user: u.username, role, ...(u.generated ? { password: u.password } : {}) });
      },
    },
    {
      method: 'post',
      path: '/api/users/:username/disable',
      access: 'admin',
      params: {},
      summary: 'Disable an account and end its sessions',
      handler: async (req, res) => {
        const username = await setDisabled(ctx.db, req.params.username, true, actor(req, res, '/api/users/:username/disable', 200));
        sessions.revokeUser(username);
        return { user: username, disabled: true };
      },
    },
    {
      method: 'post',
      path: '/api/users/:username/enable',
      access: 'admin',
      params: {},
      summary: 'Enable a disabled account',
      handler: async (req, res) => {
        const username = await setDisabled(ctx.db, req.params.username, false, actor(req, res, '/api/users/:username/enable', 200));
        return { user: username, disabled: false };
      },
    },
    {
      method: 'post',
      path: '/api/users/:username/reset-password',
      access: 'admin',
      params: {},
      summary: "Set a new password (generated when none is given) and end the user's sessions",
      handler: async (req, res) => {
        const u = await resetPassword(ctx.db, req.params.username, optionalString(req.body, 'password'), actor(req, res, '/api/users/:username/reset-password', 200));
        sessions.revokeUser(u.username);
        return { user: u.username, ...(u.generated ? { password: u.password } : {}) };
      },
    },
  ];
}
