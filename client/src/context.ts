// What every page and download needs besides its figures (GET /api/context):
// the ward names of the boundaries held, which labels.ts uses to show every
// ward by name with its code, and the extracts held with their import date,
// which every download names as its sources, where the data held ends and which
// sources are held (held.ts). Fetched once per page load
// (again after an import), before a page renders.
import type { ContextAnswer } from '../../server/routes/context.ts';
import { currentSession } from './api.ts';
import { setWardNames } from './labels.ts';

const EMPTY: ContextAnswer = { wards: [], extracts: [], dataHeldTo: [], held: { tables: [], notHeld: [], notInSource: [], measuresNotHeld: [] }, suppression: '' };
let loaded: Promise<ContextAnswer> | null = null;
let held: ContextAnswer = EMPTY;

async function fetchContext(): Promise<ContextAnswer> {
  // Signed out (login page): nothing to fetch, and no redirect to sign in.
  if (!(await currentSession())) return EMPTY;
  const res = await fetch('/api/context', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  return res.ok ? ((await res.json()) as ContextAnswer) : EMPTY;
}

/** Loads the context (once; `fresh` after an import) and installs the ward names. */
export function loadContext(fresh = false): Promise<ContextAnswer> {
  if (fresh || !loaded) {
    loaded = fetchContext()
      .catch(() => (EMPTY))
      .then((c) => {
        held = c;
        setWardNames(c.wards);
        return c;
      });
  }
  return loaded;
}

/** The context as loaded (empty before the first load). */
export function heldContext(): ContextAnswer {
  return held;
}
