// On first start with no accounts, create `admin` with a random password, printed once.
import type { Database } from '../db.ts';
import { auditLogFor } from '../audit/log.ts';
import { addUser, countUsers } from './users.ts';

export async function ensureFirstAdmin(db: Database, log: (line: string) => void = console.log): Promise<void> {
  if ((await countUsers(db)) > 0) return;
  const { username, password } = await addUser(db, 'admin', 'admin');
  auditLogFor(db).record({ event: 'account', username: 'system', details: { action: 'add', user: username, role: 'admin', reason: 'first start' } });
  log(`No accounts yet: created "${username}" with password ${password}`);
  log('This password is shown only once. Sign in, then add accounts on the Users page (or npm run users).');
}
