// On first start with no accounts, create `admin` with a random password, printed once.
import type { Database } from '../db.ts';
import { addUser, countUsers } from './users.ts';

export async function ensureFirstAdmin(db: Database, log: (line: string) => void = console.log): Promise<void> {
  if ((await countUsers(db)) > 0) return;
  // The account and its audit entry (by "system") are written together.
  const { username, password } = await addUser(db, 'admin', 'admin', undefined, { username: 'system', route: 'first start' });
  log(`No accounts yet: created "${username}" with password ${password}`);
  log('This password is shown only once. Sign in, then add accounts on the Users page (or npm run users).');
}
