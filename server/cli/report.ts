// `npm run report -- --from YYYY-MM-DD --to YYYY-MM-DD --out file.pdf [--audience board|partner|analyst]`:
// prints the /report page of the database named by PROFILER_DB to PDF with
// headless Chromium (CHROME_PATH, default /usr/bin/chromium). The period is the
// last complete financial year when --from/--to are not given. The audience is
// `board` by default (small numbers withheld as [c]); `partner` gives the
// aggregate sections only; `analyst` every figure (not for sharing). Run it
// while the server is stopped: the server owns the database file.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { configFromEnv } from '../config.ts';
import { Database } from '../db.ts';
import { HttpError } from '../errors.ts';
import { financialYearOf, periodFromQuery } from '../period.ts';
import { audienceFromQuery } from '../report/audience.ts';
import { renderReportPdf, ReportError } from '../report/pdf.ts';
import { auditLogFor } from '../audit/log.ts';

const USAGE = 'Usage: npm run report -- --from YYYY-MM-DD --to YYYY-MM-DD --out file.pdf [--audience board|partner|analyst]';

function parseArgs(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m) throw new ReportError(`Unexpected argument '${argv[i]}'. ${USAGE}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new ReportError(`--${m[1]} needs a value. ${USAGE}`);
    out[m[1]] = value;
  }
  return out;
}

/** The last financial year that has ended by today. */
function lastCompleteFinancialYear(today = new Date().toISOString().slice(0, 10)): { from: string; to: string } {
  const current = financialYearOf(today);
  const start = +current.from.slice(0, 4) - 1;
  return { from: `${start}-04-01`, to: `${start + 1}-03-31` };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const unknown = Object.keys(args).filter((k) => !['from', 'to', 'out', 'audience'].includes(k));
  if (unknown.length) throw new ReportError(`Unknown option --${unknown[0]}. ${USAGE}`);
  if (!args.out) throw new ReportError(`--out is required. ${USAGE}`);
  const period = periodFromQuery(args.from || args.to ? args : lastCompleteFinancialYear());
  const audience = audienceFromQuery(args, false);
  const config = configFromEnv();
  if (!existsSync(config.dbPath)) throw new ReportError(`No database at ${config.dbPath}: import extracts first (npm run import) or set PROFILER_DB.`);
  let db: Database;
  try {
    db = await Database.open(config.dbPath);
  } catch (e) {
    if (/lock/i.test(e instanceof Error ? e.message : String(e))) {
      throw new ReportError(`The database ${config.dbPath} is in use: the server is running and owns it. Stop the server, or print the report from its /report page.`);
    }
    throw e;
  }
  try {
    await renderReportPdf({ db, config, from: period.date_from, to: period.date_to, audience, out: args.out, log: (m) => console.log(m) });
    const audit = auditLogFor(db);
    audit.record({
      event: 'export',
      username: process.env.USER ?? null,
      route: 'cli:report',
      params: { from: period.date_from, to: period.date_to, audience, out: args.out },
      status: 200,
      fileHash: createHash('sha256').update(readFileSync(args.out)).digest('hex'),
    });
    await audit.flush();
    console.log(`Report for ${period.date_from} to ${period.date_to} (${audience}) written to ${args.out}`);
    return 0;
  } finally {
    db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof ReportError || e instanceof HttpError ? e.message : e instanceof Error ? e.stack : String(e));
    process.exit(1);
  },
);
