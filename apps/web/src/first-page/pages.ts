import { pathPattern } from './script';

/**
 * A page people open straight from a link (a notice in Telegram, a bookmark, the address bar)
 * whose code and main data the HTML asks for while the app's own code is still loading.
 */
export interface FirstPage {
  /** The route's path, as in app.tsx (`:name` is one path segment). */
  readonly path: string;
  /** The page's module under src/pages/, without `.tsx`. */
  readonly page: string;
  /** The GET requests the route's preload makes, `:name` filled from the path. */
  readonly data: readonly string[];
}

/**
 * Each entry must name exactly what the route's preload asks for: a request listed here that the
 * page does not make is wasted, one it makes and is not listed waits for the app's code as before.
 * tests/e2e/first-page.test.ts opens every one and counts the requests.
 */
export const FIRST_PAGES = [
  { path: '/meetings', page: 'meetings', data: ['/api/meetings'] },
  { path: '/meetings/:id', page: 'meeting', data: ['/api/meetings/:id'] },
  { path: '/programs', page: 'programs', data: ['/api/programs'] },
  { path: '/programs/:id', page: 'program', data: ['/api/programs/:id'] },
  { path: '/ballots/:id', page: 'ballot', data: ['/api/ballots/:id', '/api/states'] },
  { path: '/reports', page: 'reports', data: ['/api/reports'] },
  { path: '/reports/:year', page: 'report', data: ['/api/reports/:year', '/api/reports/:year/versions'] },
] as const satisfies readonly FirstPage[];

/** A first page's module name ('program' for src/pages/program.tsx). */
export type FirstPageModule = (typeof FIRST_PAGES)[number]['page'];

/** The first page at `pathname`, if it is one; a doubled slash reads as one, as in the HTML's script. */
export function firstPageAt(pathname: string): (typeof FIRST_PAGES)[number] | undefined {
  const path = pathname.replace(/\/{2,}/g, '/');
  return FIRST_PAGES.find((page) => new RegExp(pathPattern(page.path)).test(path));
}
