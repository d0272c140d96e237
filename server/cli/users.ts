// `npm run users -- <command>`: accounts, with the server stopped (it owns the database file).
//   add <name> --role <admin|analyst|viewer|partner>   password from standard input,
//                                                      or generated and printed once on a terminal
//   list
//   disable <name>
//   enable <name>
//   reset-password <name>                              same password rules as add
// Every change is written with its `account` audit entry (by "cli") in one transaction.
import { configFromEnv } from '../config.ts';
import { Database } from '../db.ts';
import { HttpError } from '../errors.ts';
import { addUser, listUsers, resetPassword, setDisabled, type Actor } from '../auth/users.ts';

const USAGE = 'Usage: npm run users -- add <name> --role <admin|analyst|viewer|partner> | list | disable <name> | enable <name> | reset-password <name>';

/** The password piped on standard input (first line), or undefined on a terminal (then one is generated). */
async function passwordFromStdin(): Promise<string | undefined> {
  if (process.stdin.isTTY) return undefined;
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  const line = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
  return line === '' ? undefined : line;
}

async function run(db: Database, args: string[]): Promise<string> {
  const [command, name] = args;
  const by: Actor = { username: 'cli', route: 'npm run users' };
  switch (command) {
    case 'add': {
      const i = args.indexOf('--role');
      const role = i >= 0 ? args[i + 1] : undefined;
      const u = await addUser(db, name, role, await passwordFromStdin(), by);
      return u.generated ? `Added ${u.username} (${role}). Password (shown once): ${u.password}` : `Added ${u.username} (${role}).`;
    }
    case 'list':
      return (await listUsers(db)).map((u) => `${u.username}\t${u.role}\t${u.disabled ? 'disabled' : 'active'}\tcreated ${u.created_at}`).join('\n') || 'No accounts.';
    case 'disable':
    case 'enable': {
      const username = await setDisabled(db, name, command === 'disable', by);
      return `${username} ${command}d.`;
    }
    case 'reset-password': {
      const u = await resetPassword(db, name, await passwordFromStdin(), by);
      return u.generated ? `New password for ${u.username} (shown once): ${u.password}` : `Password of ${u.username} changed.`;
    }
    default:
      throw new HttpError(400, USAGE);
  }
}

async function main(): Promise<void> {
  const db = await Database.open(configFromEnv().dbPath);
  try {
    console.log(await run(db, process.argv.slice(2)));
  } finally {
    db.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
