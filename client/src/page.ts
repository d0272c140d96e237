// The contract between the router and a page module (see pages/index.ts).
import type { QueryParams } from './api.ts';
import type { Period } from './period.ts';
import type { ChangeOptions, ParamPatch } from './url-state.ts';

export interface PageContext {
  /** The period chosen in the period picker (?from=&to=), always valid. */
  period: Period;
  /** The period compared with (same length before; previous financial year for a financial year). */
  previous: Period;
  /** '2024/25' or '01/04/2024 to 30/06/2024'. */
  periodLabel: string;
  previousLabel: string;
  /** Snapshot of the URL parameters: read page filters here (e.g. params.get('dimension')). */
  params: URLSearchParams;
  /** Changes URL parameters (null deletes); the router then renders the page again. */
  setParams(patch: ParamPatch, opts?: ChangeOptions): void;
  /** Goes to another in-app URL. */
  navigate(url: string, opts?: ChangeOptions): void;
  /** GET JSON from the API, cancelled when the user moves on; throws ApiError. */
  getJson<T>(path: string, params?: QueryParams): Promise<T>;
  /** Aborted when the page is replaced (navigation or URL change). */
  signal: AbortSignal;
}

export interface PageModule {
  render(root: HTMLElement, ctx: PageContext): Promise<void> | void;
  /** URL parameters off the publication grid (filters, definitions, grid size): dropped, with a notice, for viewers and partners. */
  offGrid?: readonly string[];
  /** The tables the page's figures are counted from: a period past their data held says so. */
  extracts?: readonly string[];
  /** The table without which the page has nothing to show: when it is not held, the page says "no … data held" instead. */
  needs?: string;
}

export type PageAccess = 'public' | 'aggregate' | 'records' | 'shared' | 'admin';

export interface PageDef {
  /** Exact path, e.g. '/victims'. */
  path: string;
  /** Document title and <h1> text. */
  title: string;
  /** Navigation label; pages without one (login, …) are not in the navigation. */
  nav?: string;
  /** false for pages that do not depend on the period (login, imports, admin): no period picker. */
  period?: boolean;
  /** What the page needs from the server (server/auth/roles.ts); 'aggregate' by default; 'public' for the login page. */
  access?: PageAccess;
  load: () => Promise<PageModule>;
}
