// Accounts kept in the database. Used by the session routes, the admin user
// routes and `npm run users` (server/cli/users.ts). Every change is written
// with its `account` audit entry in one transaction (server/audit/log.ts).
import type { DuckDBConnection } from '@duckdb/node-api';
import { runAll, type Database } from '../db.ts';
import { sql } from '../sql.ts';
import { HttpError, badRequest } from '../errors.ts';
import { auditLogFor, type AuditEvent } from '../audit/log.ts';
import { generatePassword, hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './passwords.ts';
import { isRole, type Role } from './roles.ts';

export interface UserRecord {
  username: string;
  passwordHash: string;
  role: Role;
  disabled: boolean;
}

export interface UserListing {
  username: string;
  role: Role;
  disabled: boolean;
  created_at: string;
  password_set_at: string;
}

/** Who makes a change, as written in its audit entry (the HTTP request's fields, or a CLI's). */
export type Actor = Omit<AuditEvent, 'event' | 'details'>;

const SYSTEM: Actor = { username: 'system' };

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;

export function normaliseUsername(name: unknown): string {
  const n = typeof name === 'string' ? name.trim().toLowerCase() : '';
  if (!USERNAME.test(n)) throw badRequest('A username is 2 to 64 letters, digits, dots, dashes or underscores.', 'username');
  return n;
}

/** The same bounds as sign-in (server/routes/session.ts): a password that can be set can be used. */
function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw badRequest(`A password has ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters.`, 'password');
  }
}

export async function countUsers(db: Database): Promise<number> {
  const [row] = await db.named('auth#count_users');
  return Number(row.n);
}

export async function findUser(db: Database, username: string): Promise<UserRecord | null> {
  const [row] = await db.named('auth#find_user', { username: username.trim().toLowerCase() });
  if (!row || !isRole(row.role)) return null;
  return { username: String(row.username), passwordHash: String(row.password_hash), role: row.role, disabled: row.disabled === true };
}

export async function listUsers(db: Database): Promise<UserListing[]> {
  return (await db.named('auth#list_users')) as unknown as UserListing[];
}

/** Runs an account change and writes its audit entry, in one transaction. */
function change<T>(db: Database, by: Actor, details: (out: T) => Record<string, unknown>, fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
  return auditLogFor(db).change(null, fn, (out) => ({ ...by, event: 'account', details: details(out) }));
}

async function existing(c: DuckDBConnection, name: unknown): Promise<{ username: string; role: string; disabled: boolean }> {
  const username = normaliseUsername(name);
  const [row] = await runAll(c, sql('auth#find_user').sql, { username });
  if (!row) throw new HttpError(404, `No user named ${username}.`);
  return { username, role: String(row.role), disabled: row.disabled === true };
}

/** Creates an account; generates the password when none is given. Returns the password (to show once). */
export async function addUser(
  db: Database,
  name: unknown,
  role: unknown,
  password?: string,
  by: Actor = SYSTEM,
): Promise<{ username: string; password: string; generated: boolean }> {
  const username = normaliseUsername(name);
  if (!isRole(role)) throw badRequest('The role must be admin, analyst, viewer or partner.', 'role');
  const generated = password === undefined || password === '';
  const pw = generated ? generatePassword() : password;
  checkPassword(pw);
  const passwordHash = await hashPassword(pw);
  await change(db, by, () => ({ action: 'add', user: username, role }), async (c) => {
    if ((await runAll(c, sql('auth#find_user').sql, { username })).length) throw new HttpError(409, `The user ${username} already exists.`, { parameter: 'username' });
    await runAll(c, sql('auth#insert_user').sql, { username, role, password_hash: passwordHash });
  });
  return { username, password: pw, generated };
}

/** Disables or enables an account; the last enabled admin cannot be disabled (nobody could manage accounts then). */
export async function setDisabled(db: Database, name: unknown, disabled: boolean, by: Actor = SYSTEM): Promise<string> {
  return change(db, by, (username) => ({ action: disabled ? 'disable' : 'enable', user: username }), async (c) => {
    const u = await existing(c, name);
    if (disabled && u.role === 'admin' && !u.disabled) {
      const [row] = await runAll(c, sql('auth#count_enabled_admins').sql);
      if (Number(row.n) <= 1) throw new HttpError(409, `${u.username} is the last enabled admin and cannot be disabled: add or enable another admin first.`);
    }
    await runAll(c, sql('auth#set_disabled').sql, { username: u.username, disabled });
    return u.username;
  });
}

/** Sets a new password (generated when none is given) and re-enables nothing: disabled stays disabled. */
export async function resetPassword(db: Database, name: unknown, password?: string, by: Actor = SYSTEM): Promise<{ username: string; password: string; generated: boolean }> {
  const generated = password === undefined || password === '';
  const pw = generated ? generatePassword() : password;
  checkPassword(pw);
  const passwordHash = await hashPassword(pw);
  const username = await change<string>(db, by, (u) => ({ action: 'reset-password', user: u }), async (c) => {
    const u = await existing(c, name);
    await runAll(c, sql('auth#set_password').sql, { username: u.username, password_hash: passwordHash });
    return u.username;
  });
  return { username, password: pw, generated };
}
