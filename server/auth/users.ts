// Accounts kept in the database. Used by the session routes, the admin user
// routes and `npm run users` (server/cli/users.ts).
import type { Database } from '../db.ts';
import { HttpError, badRequest } from '../errors.ts';
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH } from './passwords.ts';
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

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;

export function normaliseUsername(name: unknown): string {
  const n = typeof name === 'string' ? name.trim().toLowerCase() : '';
  if (!USERNAME.test(n)) throw badRequest('A username is 2 to 64 letters, digits, dots, dashes or underscores.', 'username');
  return n;
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw badRequest(`A password needs at least ${MIN_PASSWORD_LENGTH} characters.`, 'password');
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

/** Creates an account; generates the password when none is given. Returns the password (to show once). */
export async function addUser(db: Database, name: unknown, role: unknown, password?: string): Promise<{ username: string; password: string; generated: boolean }> {
  const username = normaliseUsername(name);
  if (!isRole(role)) throw badRequest('The role must be admin, analyst, viewer or partner.', 'role');
  if (await findUser(db, username)) throw new HttpError(409, `The user ${username} already exists.`, { parameter: 'username' });
  const generated = password === undefined || password === '';
  const pw = generated ? generatePassword() : password;
  checkPassword(pw);
  await db.named('auth#insert_user', { username, role, password_hash: await hashPassword(pw) });
  return { username, password: pw, generated };
}

async function existing(db: Database, name: unknown): Promise<string> {
  const username = normaliseUsername(name);
  if (!(await findUser(db, username))) throw new HttpError(404, `No user named ${username}.`);
  return username;
}

export async function setDisabled(db: Database, name: unknown, disabled: boolean): Promise<string> {
  const username = await existing(db, name);
  await db.named('auth#set_disabled', { username, disabled });
  return username;
}

/** Sets a new password (generated when none is given) and re-enables nothing: disabled stays disabled. */
export async function resetPassword(db: Database, name: unknown, password?: string): Promise<{ username: string; password: string; generated: boolean }> {
  const username = await existing(db, name);
  const generated = password === undefined || password === '';
  const pw = generated ? generatePassword() : password;
  checkPassword(pw);
  await db.named('auth#set_password', { username, password_hash: await hashPassword(pw) });
  return { username, password: pw, generated };
}
