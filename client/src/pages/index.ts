// Page registry. A new page is ONE module in this folder plus ONE line below.
//
// Page contract: a module exports
//   render(root: HTMLElement, ctx: PageContext): Promise<void> | void
// - `root` is an empty element inside <main>; the page appends its own <h1>
//   (use ctx.periodLabel in the text around it) and its sections.
// - All page state lives in the URL: the period is ?from=&to= (ctx.period,
//   ctx.previous, always valid: the router fills in the default, the last
//   complete financial year); other filters are page parameters read from
//   ctx.params and changed with ctx.setParams({...}). Every URL change (and
//   back/forward) calls render again on a fresh root, so render from the URL.
// - Fetch with ctx.getJson(path, params): bound query parameters, aborted when
//   the user moves on, ApiError on failure, 401 sends the user to /login?next=….
//   Wrap each section in loadInto(el, what, work) (components/status.ts) for
//   "Loading…" (aria-busy) and an error box (role="alert").
// - Building blocks: components/ (dataTable, figure, card, completenessNote,
//   breakdownFigure), charts/ (barChart, columnChart, lineChart, compareBarChart),
//   format.ts (UK dates, financial years, counts, percentages, [c]).
// PageDef fields are documented in ../page.ts.
import type { PageDef } from '../page.ts';

export const pages: PageDef[] = [
  { path: '/', title: 'Overview', nav: 'Overview', load: () => import('./overview.ts') },
  { path: '/trends', title: 'Trends', nav: 'Trends', load: () => import('./trends.ts') },
  { path: '/victims', title: 'Victims', nav: 'Victims', access: 'aggregate', load: () => import('./victims.ts') },
  { path: '/missing', title: 'Missing', nav: 'Missing', access: 'aggregate', load: () => import('./missing.ts') },
  { path: '/offenders', title: 'Offenders', nav: 'Offenders', access: 'aggregate', load: () => import('./offenders.ts') },
  { path: '/links', title: 'Links', nav: 'Links', access: 'records', load: () => import('./links.ts') },
  { path: '/hotspots', title: 'Hotspots', nav: 'Hotspots', access: 'shared', load: () => import('./hotspots.ts') },
  { path: '/report', title: 'Annual report', nav: 'Report', load: () => import('./report.ts') },
  { path: '/login', title: 'Sign in', period: false, access: 'public', load: () => import('./login.ts') },
  { path: '/admin/users', title: 'Users', nav: 'Users', period: false, access: 'admin', load: () => import('./admin-users.ts') },
  { path: '/admin/audit', title: 'Audit trail', nav: 'Audit', period: false, access: 'admin', load: () => import('./admin-audit.ts') },
  { path: '/admin/imports', title: 'Imports', nav: 'Imports', period: false, access: 'admin', load: () => import('./admin-imports.ts') },
];
